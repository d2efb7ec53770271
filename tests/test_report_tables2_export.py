"""The export's shortcut through django-tables2 internals gives exactly what the public API gives.

hhprod/reports/tables2_export.py leans on BoundRow._call_value, BoundRow._optional_cell_arguments,
utils.signature and TableQuerysetData; an upgrade of django-tables2 that changes them fails here.
"""

import inspect

import django_tables2 as tables
import pytest
from django_tables2.data import TableQuerysetData
from django_tables2.rows import BoundRow
from django_tables2.utils import signature

from hhprod.reports.catalogue import REPORTS
from hhprod.reports.tables2_export import export_rows, exported_columns, reads_values
from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db


def test_the_internals_it_uses_are_still_there():
    assert list(inspect.signature(BoundRow._call_value).parameters) == ["self", "bound_column", "value"]
    assert list(inspect.signature(BoundRow._optional_cell_arguments).parameters) == ["self", "bound_column", "value"]
    assert signature(lambda value, record: None) == (("value", "record"), None)
    takes = Take.objects.all()
    data = tables.Table(takes).data
    assert isinstance(data, TableQuerysetData) and data.data is takes


class Sample(tables.Table):
    """Every way a cell gets its value: accessor, render_, value_, a default, a column's own value()."""

    name = tables.Column()
    shouted = tables.Column(accessor="name")
    length = tables.Column(default="none")
    kind = tables.Column()

    def render_shouted(self, value):
        return value.upper()

    def value_kind(self, record, value):
        return f"{record['name']}:{value}"


def test_rows_equal_as_values_on_hand_made_rows():
    table = Sample([{"name": "v1", "length": 3, "kind": "metal"}, {"name": "v2", "length": None, "kind": "plastic"}])
    assert list(export_rows(table)) == list(table.as_values())


@pytest.mark.parametrize("slug", list(REPORTS))
def test_rows_equal_as_values_for_every_report(slug, henry):
    for _, table in REPORTS[slug].build(henry, {}).tables:
        assert list(export_rows(table)) == list(table.as_values())


def test_the_take_log_exports_from_one_values_list_query(henry):
    """Its every column a field and a plain function: at 100,000 takes the other path is 30 times slower."""
    (_, table), *_ = REPORTS["take-log"].build(henry, {}).tables
    assert reads_values(table, exported_columns(table))
    assert any(row[7] == "v2 #1" for row in export_rows(table))  # the unit, named in SQL
