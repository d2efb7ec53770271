"""A table's export rows: the page's columns and headers, each cell's text, or its typed value.

A table whose columns all read a database field and format it with a plain function
(`values_export = True`: the take log) is written from one `.values_list()` query of the
records the report built it from (`ReportTable.records`), sorted as the page sorts them, a
function per column: at 100,000 takes building each cell through django-tables2 costs 30
times the query itself. Any other table (a row per day, person or rig) is written as
`Table.as_values()` writes it, row by row, with the typed cells read by each column's accessor.
Only django-tables2's public API: tests/project/test_public_apis.py holds it so.
"""

import django_tables2 as tables
from django.db.models import QuerySet
from django.utils.encoding import force_str

from hhprod.lib.formulas import neutralise

from .columns import FormattedColumn

CHUNK = 2000
EMPTY = (None, "")
PLAIN = (str, int)  # force_str() would hand these back unchanged


def exported_columns(table):
    return [column for column in table.columns.iterall() if not column.column.exclude_from_export]


def kind_of(column):
    """What a typed export writes for this column: its declared kind; a date column's dates; else as shown."""
    if isinstance(column.column, FormattedColumn):
        return column.column.kind
    return "date" if isinstance(column.column, tables.DateColumn) else None


def export_rows(table):
    """Header, then each record's cells as text or numbers, as Table.as_values() gives them."""
    columns = exported_columns(table)
    yield [force_str(column.header, strings_only=True) for column in columns]
    yield from cells(table, columns, [None] * len(columns))


def file_rows(table):
    """export_rows() as a text file writes them: an empty cell "", and text a spreadsheet would run
    as a formula quoted (a typed column's text, a signed slip +3, stays as it is). One pass a cell."""
    columns = exported_columns(table)
    yield [force_str(column.header, strings_only=True) for column in columns]
    finishes = [quoted_text if not is_typed(kind_of(column)) else blank for column in columns]
    yield from cells(table, columns, [None] * len(columns), finishes)


def typed_rows(table):
    """(header, kinds, rows): a typed column's cells are the database's values (None when empty),
    the others as export_rows() writes them."""
    columns = exported_columns(table)
    kinds = [kind_of(column) for column in columns]
    header = [force_str(column.header, strings_only=True) for column in columns]
    return header, kinds, cells(table, columns, kinds)


def is_typed(kind):
    return kind is not None and kind != "text"


def raw_cell(value):
    return None if value in EMPTY else value


def blank(value):
    return "" if value is None else value


def quoted_text(value):
    return "" if value is None else neutralise(value)


def cells(table, columns, kinds, finishes=None):
    """Each record's cells; `finishes`, a function a column, finish each cell for a file."""
    if reads_values(table, columns):
        finishes = finishes or [None] * len(columns)
        formats = [
            raw_cell if is_typed(kind) else text_cell(column, finish)
            for column, kind, finish in zip(columns, kinds, finishes, strict=True)
        ]
        for row in sorted_records(table).values_list(*paths(columns)).iterator(chunk_size=CHUNK):
            yield [show(value) for show, value in zip(formats, row, strict=True)]
        return
    rows = records_cells(table, columns, kinds)
    if finishes is None:
        yield from rows
        return
    for row in rows:
        yield [finish(cell) for finish, cell in zip(finishes, row, strict=True)]


def records_cells(table, columns, kinds):
    """Each row's cells as Table.as_values() gives them; a typed column's the database's value."""
    pairs = list(zip(columns, kinds, strict=True))
    for row in table.rows:
        yield [
            raw_cell(column.accessor.resolve(row.record, quiet=True))
            if is_typed(kind)
            else force_str(row.get_cell_value(column.name), strings_only=True)
            for column, kind in pairs
        ]


def reads_values(table, columns):
    """True when every column is a database field formatted by a plain function: one values_list() query."""
    return (
        getattr(table, "values_export", False)
        and isinstance(table.records, QuerySet)
        and all(type(c.column) is tables.Column or isinstance(c.column, FormattedColumn) for c in columns)
        and not any(hasattr(table, f"{hook}_{c.name}") for c in columns for hook in ("render", "value", "order"))
    )


def sorted_records(table):
    """The table's queryset in the page's order: the sorted columns' keys, as django-tables2 sorts
    a queryset (each column's order_by, reversed when sorted descending); as built when unsorted."""
    keys = [key.for_queryset() for alias in table.order_by or () for key in table.columns[alias.bare].order_by]
    return table.records.order_by(*keys) if keys else table.records


def paths(columns):
    return [str(column.accessor) for column in columns]


def text_cell(column, finish=None):
    """The column's text for a database value, None when empty as Table.as_values() gives it, then
    finished for a file. One function a column, called once a cell: a 100,000-take export makes
    two million of these calls. A plain column's text and numbers pass as they are."""
    shown = getattr(column.column, "shown", None)
    if finish is quoted_text:
        return quoted_shown(shown) if shown is not None else quoted_plain

    def cell(value):
        if value in EMPTY:
            text = None
        elif shown is not None:
            text = force_str(shown(value), strings_only=True)
        else:
            text = value if type(value) in PLAIN else force_str(value, strings_only=True)
        return text if finish is None else finish(text)

    return cell


def quoted_plain(value):
    """text_cell() of a plain column, finished by quoted_text(), in one call: the commonest cell of a CSV."""
    if value in EMPTY:
        return ""
    return neutralise(value if type(value) in PLAIN else force_str(value, strings_only=True))


def quoted_shown(shown):
    """text_cell() of a formatted column, finished by quoted_text(), in one call a cell."""

    def cell(value):
        return "" if value in EMPTY else neutralise(force_str(shown(value), strings_only=True))

    return cell
