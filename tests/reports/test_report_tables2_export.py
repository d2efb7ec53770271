"""The exports' rows are exactly what django-tables2's public Table.as_values() gives, sorted as the page is.

hhprod/reports/tables2_export.py writes them through django-tables2's public API only: the take
log from one values_list() query of the records the report built, any other table row by row.
"""

import django_tables2 as tables
import pytest
from django.http import QueryDict

from hhprod.reports.catalogue import REPORTS
from hhprod.reports.tables2_export import export_rows, exported_columns, reads_values
from hhprod.reports.views import configure

pytestmark = pytest.mark.django_db


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


# Each ends in keys that set every take's place: ties would leave two queries free to differ.
@pytest.mark.parametrize(
    "order", ["-length,day,scene,setup,take", "wearer,-take,day,scene,setup", "-date,unit,-day,scene,setup,take"]
)
def test_a_sorted_take_log_exports_in_the_pages_order(order, henry):
    (_, table), *_ = REPORTS["take-log"].build(henry, {}).tables
    configure(table, QueryDict("&".join(f"sort={key}" for key in order.split(","))), paginate=False)
    assert table.order_by == tuple(order.split(","))
    assert reads_values(table, exported_columns(table))
    assert list(export_rows(table)) == list(table.as_values())
