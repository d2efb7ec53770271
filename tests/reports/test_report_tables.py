"""A report table's rows written in one pass (reports/table.html) are the rows django-tables2 writes."""

import re
from datetime import date
from unittest import mock

import django_tables2 as tables
import pytest
from django.template import engines
from django.test import RequestFactory
from django_tables2 import utils as tables2_utils

from hhprod.planning.models import ShootDay
from hhprod.reports.columns import NUMBER, IsoDateColumn, MinutesColumn, ReportTable
from tests import factories as make
from tests.reporting import report_url

from .test_report_scenes import shoot

pytestmark = pytest.mark.django_db


class EveryKindOfColumn(ReportTable):
    """A column of each kind the reports use, and each kind that must go through django-tables2."""

    number = tables.Column("Day", attrs=NUMBER)
    plan = IsoDateColumn("Planned", accessor="scheduled_date", default="no date yet")
    status = tables.Column("Status")  # a choice: its label
    location = tables.Column("Where", linkify=lambda record: f"/days/{record.pk}/", default="—")
    notes = tables.Column("Notes", default="")
    minutes = MinutesColumn("Minutes", accessor="number", localize=False)
    kind = tables.Column("Kind", accessor="status", empty_values=())

    class Meta(ReportTable.Meta):
        template_name = "reports/table.html"

    def render_kind(self, value, record):
        return f"{value} on day {record.number}"


def page(html):
    """Markup as a browser reads it: runs of white space are one, none between tags."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def rendered(table, template_name=None):
    request = RequestFactory().get("/")
    table.request = request
    tag = f'{{% render_table table "{template_name}" %}}' if template_name else "{% render_table table %}"
    return engines["django"].from_string("{% load django_tables2 %}" + tag).render({"table": table}, request)


def test_each_kind_of_column_is_written_as_django_tables2_writes_it():
    prod = make.production()
    make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), location="Moscow rooftop", notes="<b>rain</b> & wind")
    make.shoot_day(prod, 2, scheduled=None, actual=None, status="cancelled")
    table = EveryKindOfColumn(ShootDay.objects.filter(production=prod).order_by("number"))
    ours, theirs = page(rendered(table)), page(rendered(table, "django_tables2/table.html"))
    assert ours == theirs
    assert '<td class="number">1</td><td >2013-09-02</td><td >Shot</td><td ><a href="/days/' in ours
    assert "&lt;b&gt;rain&lt;/b&gt; &amp; wind" in ours and "<td >no date yet</td>" in ours


def test_an_empty_table_says_so_as_django_tables2_does():
    table = EveryKindOfColumn(ShootDay.objects.none())
    assert page(rendered(table)) == page(rendered(table, "django_tables2/table.html"))
    assert '<td colspan="7">Nothing recorded yet.</td>' in page(rendered(table))


def test_the_scenes_page_inspects_no_plain_cell(staff_client):
    """django-tables2 reads a column's render() signature at each cell it renders (two thirds of the
    page's time at 100,000 takes): no cell of the scenes page goes that way."""
    prod = shoot(make.production("Feature", planned_days=None))
    with mock.patch.object(tables2_utils, "signature", wraps=tables2_utils.signature) as inspected:
        response = staff_client.get(report_url(prod, "scenes"))
    assert response.status_code == 200
    assert inspected.call_count == 0
    assert "<td >Shot</td>" in response.content.decode()  # a day's status by its label
