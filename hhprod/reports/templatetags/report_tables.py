"""A report table's rows written in one pass: what django-tables2's table.html writes, cell for cell.

Its template resolves each cell's attributes afresh (a dict built and formatted per cell) and
inspects the column's render() signature at every cell: about two thirds of the scenes report's
time at 100,000 takes. Here each column's attributes are formatted once, and a column that shows
its value as it is or through a plain function (`Column`, `FormattedColumn`) is rendered by that
function directly; any other column (a link, a choice's label, a table's render_<name>) goes through
django-tables2's own `BoundRow.get_cell`. tests/reports/test_report_tables.py checks both give the same page.
"""

import django_tables2 as tables
from django import template
from django.templatetags.l10n import localize, unlocalize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from hhprod.reports.columns import FormattedColumn

register = template.Library()


def renders_value(table, column):
    """True when the column's cell is its render(value), or its default when the value is empty."""
    field = column.accessor.get_field(getattr(table.data, "model", None))
    return (
        type(column.column).render in (tables.Column.render, FormattedColumn.render)
        and not column.link
        and not hasattr(table, f"render_{column.name}")
        and not getattr(field, "choices", None)
    )


@register.simple_tag(takes_context=True)
def report_rows(context, table):
    columns = [
        (column, renders_value(table, column), column.attrs["td"].as_html(), shown_as(column, context))
        for column in table.columns
    ]
    rows = []
    for row in table.paginated_rows:
        cells = []
        for column, plain, attrs, show in columns:
            if not plain:
                cell = row.get_cell(column.name)
            else:
                value = column.accessor.resolve(row.record, quiet=True)
                cell = column.default if value in column.column.empty_values else column.column.render(value)
            cells.append((attrs, show(cell)))
        rows.append(format_html("<tr {}>{}</tr>", row.attrs.as_html(), format_html_join("", "<td {}>{}</td>", cells)))
    return mark_safe("\n".join(rows))


def shown_as(column, context):
    """How the template writes a cell: {{ cell }}, or through the localize or unlocalize filter."""
    if column.localize is None:
        return lambda cell: template.base.render_value_in_context(cell, context)
    return localize if column.localize else unlocalize
