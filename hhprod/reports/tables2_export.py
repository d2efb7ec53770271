"""The one place that leans on django-tables2 internals, for export speed.

`Table.as_values()` reads each value function's signature at every cell (inspect.signature:
most of a 100,000-take CSV's time) and holds a queryset whole. `export_rows` reads each
signature once and a queryset in chunks. It uses BoundRow._call_value and
_optional_cell_arguments, utils.signature and TableQuerysetData: tests/test_report_tables2_export.py
checks they still exist and that the rows equal as_values(), so an upgrade that changes them fails there.
"""

import django_tables2 as tables
from django.utils.encoding import force_str
from django_tables2.data import TableQuerysetData
from django_tables2.rows import BoundRow
from django_tables2.utils import signature

CHUNK = 2000


class ExportRow(BoundRow):
    def __init__(self, record, table, readers):
        super().__init__(record, table=table)
        self.readers = readers

    def _call_value(self, bound_column, value=None):
        read, wanted = self.readers[bound_column.name]
        offered = self._optional_cell_arguments(bound_column, value)
        return read(**(offered if wanted is None else {name: offered[name] for name in wanted}))


def export_rows(table):
    """Header, then each record's cells, as Table.as_values() gives them."""
    columns = [column for column in table.columns.iterall() if not column.column.exclude_from_export]
    yield [force_str(column.header, strings_only=True) for column in columns]
    readers = {}
    for column in columns:
        read = column.value
        if getattr(read, "__func__", None) is tables.Column.value:
            read = column.column.render  # what Column.value does, without inspecting render at each call
        wanted, catch_all = signature(read)
        readers[column.name] = (read, None if catch_all else wanted)
    records = table.data.data.iterator(chunk_size=CHUNK) if isinstance(table.data, TableQuerysetData) else table.data
    for record in records:
        row = ExportRow(record, table, readers)
        yield [force_str(row.get_cell_value(column.name), strings_only=True) for column in columns]
