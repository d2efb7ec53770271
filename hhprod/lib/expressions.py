"""SQL expressions Django 5.2 lacks, portable across SQLite and PostgreSQL: the models and reports use them."""

from django.db.models import Aggregate, CharField, Func, IntegerField, Subquery


class GroupConcat(Aggregate):
    """Distinct values joined by commas: "v1,v2" (SQLite group_concat, PostgreSQL string_agg)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(distinct)s%(expressions)s)"
    allow_distinct = True
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # A copy rather than template=...: Aggregate.as_sql passes its own template with a filter.
        string_agg = self.copy()
        string_agg.function = "STRING_AGG"
        string_agg.template = "%(function)s(%(distinct)s(%(expressions)s)::text, ',' ORDER BY (%(expressions)s)::text)"
        sql, params = string_agg.as_sql(compiler, connection, **extra_context)
        # The expression is written twice (the value and its order): its parameters are needed twice, first.
        _, expression_params = compiler.compile(self.get_source_expressions()[0])
        return sql, (*expression_params, *params)


class SubqueryCount(Subquery):
    """How many rows a subquery returns, e.g. the days on which a wearer passed the limit."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


class DaysBetween(Func):
    """Whole days from the second date to the first, in SQL on both databases.

    Django's date subtraction gives a duration, which SQLite computes in a Python function
    once per row; julianday() and PostgreSQL's date minus date stay in the database.
    """

    arity = 2
    output_field = IntegerField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(", **extra_context,
        )  # fmt: skip
