"""Two SQL expressions Django 5.2 lacks, portable across SQLite and PostgreSQL."""

from django.db.models import Aggregate, CharField, IntegerField, Subquery


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
        return string_agg.as_sql(compiler, connection, **extra_context)


class SubqueryCount(Subquery):
    """How many rows a subquery returns, e.g. the days on which a wearer passed the limit."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()
