"""Daily production report: scheduled against shot days to date, the day's takes and minutes, wearers, trips."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import QueryDict
from pypdf import PdfReader

from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.tables2_export import export_rows
from hhprod.shooting.models import Take
from tests import factories as f
from tests.reporting import report_file, report_url

pytestmark = pytest.mark.django_db
SLUG = "production-report"
# Session, user, production, days for the picker, day counts, take counts, wearers, trips, the production picker.
PAGE_QUERIES = 9


def url(production, day=None):
    return report_url(production, SLUG, day=day)


def export(production, fmt, day=None):
    return report_file(production, SLUG, fmt, day=day)


def figures(production, day=None):
    """The Figures table as the CSV carries it: {figure: value}."""
    rows = csv.reader(io.StringIO(export(production, "csv", day).decode()))
    assert next(rows) == ["Figure", "Value"]
    return dict(rows)


def tables(production, day=None):
    return dict(REPORTS[SLUG].build(production, QueryDict(f"day={day}" if day else "")).tables)


@pytest.fixture
def hh(seed):
    return Production.objects.get(title="Hardcore Henry")


def test_day_120_is_120_shot_against_45_scheduled(hh):
    got = figures(hh, 120)
    assert got["Scheduled days to date"] == "45" and got["Shot days to date"] == "120"
    assert got["Shot minus scheduled to date"] == "75 days over the schedule (+75)"
    day = hh.shoot_days.get(number=120)
    takes = Take.objects.filter(shoot_day=day)
    assert got["Takes"] == str(takes.count()) == "6"
    assert got["Circled"] == str(takes.filter(status="circled").count())
    assert got["Minutes recorded on the day"] == "20.9" and got["Minutes recorded to date"] == "1743.3"


def test_day_30_is_behind_the_six_day_week_plan(hh):
    # Shot on 11 Oct 2013 in five-day weeks, while six-day weeks had 35 days scheduled by then (5 x 6 + 5).
    got = figures(hh, 30)
    assert (got["Scheduled days to date"], got["Shot days to date"]) == ("35", "30")
    assert got["Shot minus scheduled to date"] == "5 days behind the schedule (-5)"


def test_default_day_is_the_last_day_with_takes(hh):
    assert REPORTS[SLUG].build(hh, QueryDict("")).subtitle == "Day 120 of 120 (45 planned) — 15 Aug 2014"


def test_wearers_and_the_stars_trip_on_day_120(hh):
    wearers = list(export_rows(tables(hh, 120)["Minutes per wearer"]))
    assert wearers[0] == ["Wearer", "Takes", "Minutes worn", "Longest take", "Daily limit"]
    assert wearers[1] == ["Unnamed stunt performer 1", 2, 6.7, "5:42", "within"]
    trips = list(export_rows(tables(hh, 120)["Trips under way"]))
    assert trips[1:] == [["Sharlto Copley", "Moscow, Russia", "2014-07-05", "2014-08-17", 42, 44]]


def scenario():
    """Two shot days and an added day with no date; a wearer over a 5-minute limit; overlapping trips."""
    prod = f.production(planned_days=2, daily_rig_limit_minutes=5)
    rig, scene = f.rig(), f.scene(prod)
    ace, rookie = f.wearer(prod, "Ace"), f.wearer(prod, "Rookie")
    d1 = f.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 2))
    f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=date(2013, 9, 4))
    f.shoot_day(prod, 3, scheduled=None, actual=None)
    f.take(d1, scene, rig, ace, 1, length=300, status="circled")
    f.take(d1, scene, rig, ace, 2, length=60, status="false_start")
    f.take(d1, scene, rig, rookie, 3, length=120, status="no_good")
    f.trip(ace, prod, date(2013, 9, 1), date(2013, 9, 3))
    f.trip(ace, prod, date(2013, 9, 2), date(2013, 9, 10), destination="Kyiv")
    return prod


def test_a_day_with_no_takes_has_zeros_and_no_wearers():
    prod = scenario()
    got = figures(prod, 2)
    assert (got["Takes"], got["Circled"], got["Minutes recorded on the day"]) == ("0", "0", "0.0")
    assert got["Minutes recorded to date"] == "8.0"
    assert list(export_rows(tables(prod, 2)["Minutes per wearer"]))[1:] == []
    assert (got["Scheduled days to date"], got["Shot days to date"]) == ("2", "2")


def test_takes_by_status_wearers_over_the_limit_and_overlapping_trips():
    prod = scenario()
    got = figures(prod, 1)
    assert [got[k] for k in ("Takes", "Circled", "Good", "No good", "False starts")] == ["3", "1", "0", "1", "1"]
    assert got["Minutes recorded on the day"] == got["Minutes recorded to date"] == "8.0"
    wearers = list(export_rows(tables(prod, 1)["Minutes per wearer"]))[1:]
    assert wearers == [["Ace", 2, 6.0, "5:00", "over"], ["Rookie", 1, 2.0, "2:00", "within"]]
    trips = list(export_rows(tables(prod, 1)["Trips under way"]))[1:]
    assert [(t[1], t[4], t[5]) for t in trips] == [("Moscow, Russia", 2, 3), ("Kyiv", 1, 9)]


def test_an_added_day_without_dates_counts_to_date_by_number():
    got = figures(scenario(), 3)
    assert got["To date means"] == "up to day 3 (not shot yet)"
    assert (got["Scheduled days to date"], got["Shot days to date"]) == ("2", "2")
    assert got["Shot minus scheduled to date"] == "on schedule (0)"
    assert got["Scheduled date"] == "none: a day added beyond the plan"


def test_unknown_day_is_a_404_and_a_command_error(hh, staff_client, tmp_path):
    response = staff_client.get(url(hh, 999))
    assert response.status_code == 404 and "valid days: 1–120" in response.content.decode()
    with pytest.raises(CommandError, match="valid days: 1–120"):
        call_command("report", SLUG, production="Hardcore Henry", day="999", output=str(tmp_path / "x.csv"))


def test_exports_read_back(hh):
    book = openpyxl.load_workbook(io.BytesIO(export(hh, "xlsx", 120)))
    assert book.sheetnames == ["Figures", "Minutes per wearer", "Trips under way"]
    rows = {row[0]: row[1] for row in book["Figures"].iter_rows(min_row=2, values_only=True)}
    assert rows["Shot days to date"] == 120 and rows["Scheduled days to date"] == 45
    pdf = PdfReader(io.BytesIO(export(hh, "pdf", 120)))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1 and "75 days over the schedule (+75)" in text and "Sharlto Copley" in text
    assert "| Shot days to date | 120 |" in export(hh, "md", 120).decode()


def test_page_has_the_day_picker_and_the_figures(hh, staff_client):
    page = staff_client.get(url(hh, 120)).content.decode()
    assert '<option value="120" selected>' in page and "75 days over the schedule (+75)" in page


def test_a_production_with_no_days_says_nothing_was_scheduled(staff_client):
    prod = f.production("Sequel", planned_days=None)
    page = staff_client.get(url(prod))
    assert page.status_code == 200 and "none scheduled yet" in page.content.decode()
    assert export(prod, "csv").decode().splitlines() == ["Figure,Value"]
    assert "none scheduled yet" in export(prod, "md").decode()
    assert openpyxl.load_workbook(io.BytesIO(export(prod, "xlsx")))["Summary"]["B2"].value.startswith("none")
    assert "none scheduled yet" in PdfReader(io.BytesIO(export(prod, "pdf"))).pages[0].extract_text()


def test_page_queries_are_fixed_on_the_seed_and_on_a_bigger_day(hh, staff_client, django_assert_num_queries):
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(url(hh, 120)).status_code == 200
    big = f.production("Big", daily_rig_limit_minutes=5)
    rig = f.rig("v3", 3)
    day = f.shoot_day(big, 1, actual=date(2013, 9, 2))
    for n in range(25):
        someone = f.wearer(big, f"Wearer {n}")
        f.take(day, f.scene(big, str(n)), rig, someone, length=60 + n)
        f.trip(someone, big, date(2013, 9, 1), date(2013, 9, 3 + n))
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(url(big, 1)).status_code == 200
