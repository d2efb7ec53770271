"""Daily production report as a 1st AD files it: times, scenes and pages, the schedule against the baseline,
takes, rig time, delays, injuries, faults, media, cast times and sign-offs."""

import csv
import io
from datetime import date, datetime, time
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError
from django.http import QueryDict
from django.utils import timezone
from pypdf import PdfReader

from hhprod.paperwork.models import DayReport
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.tables2_export import export_rows
from tests import factories as f
from tests.reporting import report_file, report_url

pytestmark = pytest.mark.django_db
SLUG = "production-report"
# Session, user, production, days for the picker, the day report, shot days, takes, scheduled, completed,
# baseline days, baseline pages, wearers, delays, incidents, faults, calls, the production picker.
PAGE_QUERIES = 17


def export(production, fmt, day=None):
    return report_file(production, SLUG, fmt, day=day)


def figures(production, day=None):
    """The Figures table as the CSV carries it: {figure: value}."""
    rows = csv.reader(io.StringIO(export(production, "csv", day).decode()))
    assert next(rows) == ["Figure", "Value"]
    return dict(rows)


def tables(production, day):
    content = REPORTS[SLUG].build(production, QueryDict(f"day={day}"))
    return {heading: list(export_rows(table))[1:] for heading, table in content.tables}


@pytest.fixture
def shoot():
    """Baseline: scene 8A (1 page, 90 s) on day 1, 2 Sep; scene 9 (4/8, 30 s) on day 2, 3 Sep.
    Day 1 is shot: 8A circled in two setups; a rig delay and a stunt reset; Ace strains his neck."""
    prod = f.production(planned_days=2, daily_rig_limit_minutes=5)
    rig = f.rig("v1", 1)
    unit = f.unit(rig)
    ace, rookie = f.wearer(prod, "Ace"), f.wearer(prod, "Rookie")
    eight, nine = f.scene(prod, "8A"), f.scene(prod, "9")
    eight.page_eighths, eight.screen_seconds, nine.page_eighths, nine.screen_seconds = 8, 90, 4, 30
    eight.save(), nine.save()
    d1 = f.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 2))
    d2 = f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None)
    f.strip(d1, eight)
    f.strip(d2, nine)
    lock_schedule(prod, name="White", reason="The baseline.")
    f.take(d1, eight, rig, ace, 1, length=300, status="circled")
    f.take(d1, eight, rig, rookie, 1, length=60, status="no_good", setup="A")
    f.call(d1, ace, call_time=time(7, 0), wrap_time=time(19, 30))
    f.call(d1, rookie, call_time=time(8, 0), wrap_time=None)
    signed = timezone.make_aware(datetime(2013, 9, 2, 20, 15))
    report = f.day_report(
        d1, crew_call=time(7, 0), first_shot=time(8, 40), lunch_start=time(13, 0), lunch_end=time(13, 30),
        camera_wrap=time(19, 0), last_out=time(20, 0), cards_used=3, gigabytes=Decimal("96.5"),
        ad_signed_by="First AD", ad_signed_at=signed,
    )  # fmt: skip
    f.delay(report, "rig", 25, "Mount cracked")
    f.delay(report, "stunt", 15, "Pads reset")
    f.incident(d1, ace, "neck_strain", 20)
    f.fault(unit, day=d1, minutes_lost=25)
    return prod


def test_a_day_with_a_delay_and_an_injury_reads_like_a_real_report(shoot):
    summary = dict(REPORTS[SLUG].build(shoot, QueryDict("day=1")).summary)
    assert {k: summary[k] for k in list(summary)[3:]} == {
        "Crew call": "07:00",
        "First shot": "08:40",
        "Lunch": "13:00–13:30",
        "Camera wrap": "19:00",
        "Last person out": "20:00",
        "Cards used": 3,
        "Gigabytes": Decimal("96.5"),
        "Delays (minutes)": 40,
        "1st AD": "First AD, 2 Sep 2013 20:15",
        "Production manager": "not signed",
    }
    assert figures(shoot, 1) == {
        "Scheduled today": "1 scenes, 1 pages, 1.5 min screen time",
        "Completed today": "1 scenes, 1 pages, 1.5 min screen time",
        "Completed to date": "1 scenes, 1 pages, 1.5 min screen time",
        "Remaining": "1 scenes, 4/8 pages, 0.5 min screen time",
        "Setups today": "2",
        "Setups to date": "2",
        "Baseline days to date": "1",
        "Shot days to date": "1",
        "Shot minus baseline days to date": "0",
        "Baseline days' work done": "1",
        "Schedule (days)": "on schedule",
        "Baseline pages to date": "1",
        "Schedule (pages)": "on schedule",
        "Takes": "2",
        "Circled": "1",
        "Good": "0",
        "No good": "1",
        "False starts": "0",
        "Minutes recorded today": "6.0",
        "Minutes recorded to date": "6.0",
    }
    got = tables(shoot, 1)
    assert got["Minutes on the rig per wearer"] == [
        ["Ace", 1, 5.0, "5:00", "within"],
        ["Rookie", 1, 1.0, "1:00", "within"],
    ]
    assert got["Delays"] == [
        ["Rig failure or rebuild", 25, "Mount cracked"],
        ["Stunt reset or injury", 15, "Pads reset"],
    ]
    assert got["Injuries and health incidents"] == [["Ace", "Neck strain", 20, None]]
    assert got["Rig faults"] == [["v1", 1, "Mount", 25, "open"]]
    assert got["Cast and crew times in and out"] == [
        ["Ace", "Stunt performer", "07:00", "19:30"],
        ["Rookie", "Stunt performer", "08:00", None],
    ]


def test_a_day_that_misses_its_scene_is_behind_in_days_and_pages(shoot):
    day = shoot.shoot_days.get(number=2)
    day.status, day.actual_date = "shot", date(2013, 9, 3)
    day.save()
    got = figures(shoot, 2)
    assert (got["Baseline days to date"], got["Shot days to date"], got["Baseline days' work done"]) == ("2", "2", "1")
    # Both days were shot on their baseline dates: on schedule in days; the scene missed is behind in pages.
    assert got["Schedule (days)"] == "on schedule"
    assert got["Schedule (pages)"] == "4/8 pages behind"
    assert got["Completed today"] == "0 scenes, 0 pages, 0.0 min screen time"
    assert dict(REPORTS[SLUG].build(shoot, QueryDict("day=2")).summary)["Day report"].startswith("not filed yet")


def test_a_wearer_over_the_daily_limit_is_marked_over(shoot):
    day = shoot.shoot_days.get(number=1)
    ace = day.takes.get(status="circled").wearer
    f.take(day, f.scene(shoot, "10"), day.takes.first().rig, ace, 1, length=30)
    assert tables(shoot, 1)["Minutes on the rig per wearer"][0] == ["Ace", 2, 5.5, "5:00", "over"]


def test_a_sign_off_needs_a_name_and_a_time(shoot):
    with pytest.raises(IntegrityError):
        DayReport.objects.filter(shoot_day__number=1).update(pm_signed_by="Production manager")


def test_exports_read_back_and_the_pdf_is_two_portrait_pages(shoot):
    book = openpyxl.load_workbook(io.BytesIO(export(shoot, "xlsx", 1)))
    assert book.sheetnames == [
        "Summary", "Figures", "Minutes on the rig per wearer", "Delays", "Injuries and health incidents",
        "Rig faults", "Cast and crew times in and out",
    ]  # fmt: skip
    assert list(book["Delays"].values)[1] == ("Rig failure or rebuild", 25, "Mount cracked")
    pdf = PdfReader(io.BytesIO(export(shoot, "pdf", 1)))
    text = pdf.pages[0].extract_text()
    # The summary and six tables: figures and rig time on the first A4 page, the rest on the second.
    assert len(pdf.pages) == 2 and pdf.pages[0].mediabox.height > pdf.pages[0].mediabox.width
    text += pdf.pages[1].extract_text()
    assert "Mount cracked" in text and "Neck strain" in text and "First AD, 2 Sep 2013 20:15" in text
    assert "| Schedule (days) | on schedule |" in export(shoot, "md", 1).decode()


def test_the_seeds_last_day_reports_against_the_white_baseline(seed):
    hh = Production.objects.get(title="Hardcore Henry")
    got = figures(hh, 120)
    assert (got["Baseline days to date"], got["Shot days to date"]) == ("45", "120")
    # One "behind": the schedule report's +75 days, as of the last day.
    assert (got["Schedule (days)"], got["Shot minus baseline days to date"]) == ("75 days behind", "75")


def test_unknown_day_is_a_404_and_a_command_error(shoot, staff_client, tmp_path):
    response = staff_client.get(report_url(shoot, SLUG, day=999))
    assert response.status_code == 404 and "valid days: 1–2" in response.content.decode()
    with pytest.raises(CommandError, match="valid days: 1–2"):
        call_command("report", SLUG, production=shoot.title, day="999", output=str(tmp_path / "x.csv"))


def test_a_production_with_no_days_says_nothing_was_scheduled(staff_client):
    prod = f.production("Sequel", planned_days=None)
    assert "none scheduled yet" in staff_client.get(report_url(prod, SLUG)).content.decode()
    assert export(prod, "csv").decode().splitlines() == ["Figure,Value"]


def test_page_queries_are_fixed_whatever_the_day_holds(shoot, staff_client, django_assert_num_queries):
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(report_url(shoot, SLUG, day=1)).status_code == 200
    day = shoot.shoot_days.get(number=1)
    rig, report = day.takes.first().rig, day.day_report
    for n in range(20):
        someone = f.wearer(shoot, f"Wearer {n}")
        f.take(day, f.scene(shoot, f"1{n:02d}"), rig, someone, length=60 + n, status="circled")
        f.call(day, someone)
        f.incident(day, someone)
        f.delay(report, "other", n + 1)
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(report_url(shoot, SLUG, day=1)).status_code == 200
