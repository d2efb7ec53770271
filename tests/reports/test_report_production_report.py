"""Daily production report as a 1st AD files it: times, scenes and pages, the schedule against the baseline,
takes, rig time, delays, injuries, faults, media, performers' status and times (Exhibit G), crew times and
sign-offs. Its scenes, pages, screen time, setups and minutes add up: previous and today make to date, and
one day's to date is the next day's previous, on the seed, on a generated production and by hand."""

import csv
import io
from datetime import date, datetime, time
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError
from django.db.models import Count, Sum
from django.http import QueryDict
from django.utils import timezone
from pypdf import PdfReader

from hhprod.paperwork.models import DayReport
from hhprod.planning.models import Scene, ShootDay
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.models import Credit, Production
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.tables2_export import export_rows
from hhprod.shooting.models import Take
from tests import factories as f
from tests.reporting import report_file, report_url

pytestmark = pytest.mark.django_db
SLUG = "production-report"
# Session, user, production, days for the picker, the day report, takes, what the days shot (previous, today,
# to date), the schedule's standing (days and the baseline's pages, one query where three were), scheduled,
# the scene numbers by state, the script, wearers, delays, incidents, faults, the performers, their codes
# (codes_on: the Day Out of Days' dates, shoot days and calendar), the crew's calls, the production picker:
# 17 before, less two for the standing, and six for the scene numbers, the script and Exhibit G.
PAGE_QUERIES = 21
PROGRESS = "Scenes, pages and setups"


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


def progress(production, day):
    """The block of scenes, pages and setups: {period: (scenes, pages, screen minutes, setups, minutes)}."""
    return {row[0]: tuple(row[1:]) for row in tables(production, day)[PROGRESS]}


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
        "Scheduled today": "1 scene, 1 page, 1.5 min screen time",
        "Scenes completed today": "scene 8A",
        "Scenes partly shot today": "none",
        "Scenes shot again today": "none",
        "Scenes scheduled, not shot": "none",
        "Baseline days to date": "1",
        "Shot days to date": "1",
        "Baseline days' work done": "1",
        "Baseline pages of as many days": "1",
        "Against the baseline": "on schedule",
        "Takes": "2",
        "Circled": "1",
        "Good": "0",
        "No good": "1",
        "False starts": "0",
    }
    # Scenes, pages, screen time (min), setups, minutes recorded.
    assert progress(shoot, 1) == {
        "Script": (2, "1 4/8", 2.0, None, None),
        "Previous": (0, "0", 0.0, 0, 0.0),
        "Today": (1, "1", 1.5, 2, 6.0),
        "To date": (1, "1", 1.5, 2, 6.0),
        "Remaining": (1, "4/8", 0.5, None, None),
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
    # Called on their only day: start-work-finish, Exhibit G's report and dismissal times from the calls.
    assert got["Performers (Exhibit G)"] == [
        ["Ace", None, "Stunt performer", "SWF", "07:00", None, None, None, None, "19:30"],
        ["Rookie", None, "Stunt performer", "SWF", "08:00", None, None, None, None, None],
    ]
    assert got["Crew times in and out"] == []


def test_a_day_that_misses_its_scene_is_behind_in_days_and_pages(shoot):
    day = shoot.shoot_days.get(number=2)
    day.status, day.actual_date = "shot", date(2013, 9, 3)
    day.save()
    got = figures(shoot, 2)
    assert (got["Baseline days to date"], got["Shot days to date"], got["Baseline days' work done"]) == ("2", "2", "1")
    # Two days shot and one day's work done; the baseline's two days had 1 4/8 pages, 1 page was shot.
    assert got["Against the baseline"] == "1 day behind, 4/8 pages behind"
    assert got["Scenes scheduled, not shot"] == "scene 9" and got["Scenes completed today"] == "none"
    assert progress(shoot, 2)["Today"] == (0, "0", 0.0, 0, 0.0)
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
        "Summary", "Figures", PROGRESS, "Minutes on the rig per wearer", "Delays", "Injuries and health incidents",
        "Rig faults", "Performers (Exhibit G)", "Crew times in and out",
    ]  # fmt: skip
    assert list(book["Delays"].values)[1] == ("Rig failure or rebuild", 25, "Mount cracked")
    pdf = PdfReader(io.BytesIO(export(shoot, "pdf", 1)))
    text = pdf.pages[0].extract_text()
    # The summary and six tables: figures and rig time on the first A4 page, the rest on the second.
    assert len(pdf.pages) == 2 and pdf.pages[0].mediabox.height > pdf.pages[0].mediabox.width
    text += pdf.pages[1].extract_text()
    assert "Mount cracked" in text and "Neck strain" in text and "First AD, 2 Sep 2013 20:15" in text
    assert "| Against the baseline | on schedule |" in export(shoot, "md", 1).decode()


def test_the_seeds_last_day_reports_against_the_white_baseline(seed):
    hh = Production.objects.get(title="Hardcore Henry")
    got = figures(hh, 120)
    assert (got["Baseline days to date"], got["Shot days to date"], got["Baseline days' work done"]) == (
        "45", "120", "45"
    )  # fmt: skip
    # One "behind": the schedule report's +75 days as of the last day; every page of the White baseline
    # (70 7/8, the script's: each split scene's parts share its pages) was shot by then.
    assert got["Baseline pages of as many days"] == "70 7/8"
    assert got["Against the baseline"] == "75 days behind, 0 pages"
    assert progress(hh, 120)["To date"][:2] == (40, "70 7/8")


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


@pytest.fixture
def split():
    """Scene 1 (5/8 page, 120 s on screen) split in three parts over days 1-3 (2-4 Sep), none given a length;
    scene 2 (1 page, 60 s) after it on day 3. The White baseline is that plan. Day 1 shoots scene 1 in two
    setups, day 2 in one, day 3 in another and scene 2 in one. Henry (cast) works days 1 and 3: held on day 2."""
    prod = f.production(planned_days=3)
    rig, ace = f.rig(), f.wearer(prod, "Ace")
    hero = Credit.objects.create(production=prod, person=f.person("Hero"), role="cast", character="Henry").person
    one = Scene.objects.create(production=prod, number="1", page_eighths=5, screen_seconds=120)
    two = Scene.objects.create(production=prod, number="2", page_eighths=8, screen_seconds=60)
    days = [f.shoot_day(prod, n, scheduled=date(2013, 9, 1 + n), actual=date(2013, 9, 1 + n)) for n in (1, 2, 3)]
    for part, day in enumerate(days, start=1):
        f.strip(day, one, part=part, parts=3)
    f.strip(days[2], two, order=2)
    lock_schedule(prod, name="White", reason="The baseline.")
    for day, scene, setup, number, length in (
        (0, one, "", 1, 60), (0, one, "", 2, 60), (0, one, "A", 1, 30), (1, one, "", 3, 90),
        (2, one, "B", 1, 45), (2, two, "", 1, 100),
    ):  # fmt: skip
        f.take(days[day], scene, rig, ace, number, length=length, setup=setup, status="circled")
    first = f.call(days[0], hero, call_time=time(6, 30), wrap_time=time(18, 45))
    first.makeup_time, first.on_set_time, first.meal_out, first.meal_in = (
        time(6, 45),
        time(8, 0),
        time(13),
        time(13, 30),
    )
    first.save()
    f.call(days[2], hero, call_time=time(7, 0), wrap_time=time(19, 0))
    return prod


def test_a_scene_split_over_three_days_is_completed_once_and_its_parts_share_its_pages(split):
    # Scenes, pages, screen time (min), setups, minutes recorded: its parts 2/8, 2/8 and 1/8 of the page.
    assert [progress(split, n) for n in (1, 2, 3)] == [
        {
            "Script": (2, "1 5/8", 3.0, None, None),
            "Previous": (0, "0", 0.0, 0, 0.0),
            "Today": (0, "2/8", 0.7, 2, 2.5),
            "To date": (0, "2/8", 0.7, 2, 2.5),
            "Remaining": (2, "1 3/8", 2.3, None, None),
        },
        {
            "Script": (2, "1 5/8", 3.0, None, None),
            "Previous": (0, "2/8", 0.7, 2, 2.5),
            "Today": (0, "2/8", 0.7, 1, 1.5),
            "To date": (0, "4/8", 1.3, 3, 4.0),
            "Remaining": (2, "1 1/8", 1.7, None, None),
        },
        {
            "Script": (2, "1 5/8", 3.0, None, None),
            "Previous": (0, "4/8", 1.3, 3, 4.0),
            "Today": (2, "1 1/8", 1.7, 2, 2.4),
            "To date": (2, "1 5/8", 3.0, 5, 6.4),
            "Remaining": (0, "0", 0.0, None, None),
        },
    ]
    states = ("Scenes completed today", "Scenes partly shot today", "Scenes scheduled, not shot")
    assert [tuple(figures(split, n)[state] for state in states) for n in (1, 2, 3)] == [
        ("none", "scene 1", "none"),
        ("none", "scene 1", "none"),
        ("scenes 1, 2", "none", "none"),
    ]
    assert [figures(split, n)["Scheduled today"] for n in (1, 2, 3)] == [
        "1 scene, 2/8 pages, 0.7 min screen time",
        "1 scene, 2/8 pages, 0.7 min screen time",
        "2 scenes, 1 1/8 pages, 1.7 min screen time",
    ]
    # Each day shot its part of the baseline: on schedule in days and pages.
    assert {figures(split, n)["Against the baseline"] for n in (1, 2, 3)} == {"on schedule"}


def test_a_split_scene_shot_on_fewer_days_than_planned_is_behind_and_not_completed(split):
    Take.objects.filter(shoot_day__number=2).delete()
    got = figures(split, 3)
    assert (got["Scenes completed today"], got["Scenes partly shot today"]) == ("scene 2", "scene 1")
    # Scene 1's second day of shooting shot its second part: days 1 and 2's work is done, not day 3's (scene 1's
    # last part); three days used for two days' work, and its last 1/8 page still to shoot.
    assert got["Baseline days' work done"] == "2"
    assert got["Against the baseline"] == "1 day behind, 1/8 pages behind"
    assert progress(split, 3)["To date"][:2] == (1, "1 4/8")


def test_each_performer_has_the_days_status_and_times_and_the_held_one_is_listed(split):
    performers = {n: tables(split, n)["Performers (Exhibit G)"] for n in (1, 2, 3)}
    # Exhibit G: report, make-up, on set, meal out, meal in, dismissed. Ace wore the rig but was never called.
    assert performers[1] == [["Hero", "Henry", "Cast", "SW", "06:30", "06:45", "08:00", "13:00", "13:30", "18:45"]]
    assert performers[2] == [["Hero", "Henry", "Cast", "H", None, None, None, None, None, None]]
    assert performers[3] == [["Hero", "Henry", "Cast", "WF", "07:00", None, None, None, None, "19:00"]]


def periods_add_up(by_day):
    """Each day's previous and today make its to date, each day's previous is the day before's to date, and
    the todays add up to the last day's to date: `by_day` in shooting order, {period: figures}."""
    before = None
    for number, rows in by_day:
        previous, today, to_date = rows["Previous"], rows["Today"], rows["To date"]
        for column, (was, more, now) in enumerate(zip(previous, today, to_date, strict=True)):
            assert round(was + more, 1) == now, (number, column)
        assert previous == (before or tuple(0 for _ in previous)), number
        before = to_date
    assert tuple(round(sum(col), 1) for col in zip(*(rows["Today"] for _, rows in by_day), strict=True)) == before


def added_up(production):
    """The production report's scenes, eighths, screen seconds, setups and seconds per period, for every shot
    day in shooting order, read from the report's own figures as numbers (the table shows them rounded)."""
    days = ShootDay.objects.filter(production=production, status="shot").order_by("actual_date", "number")
    by_day = []
    for day in days:
        content = REPORTS[SLUG].build(production, QueryDict(f"day={day.number}"))
        rows = {row["period"]: row for row in dict(content.tables)[PROGRESS].records}
        fields = ("scenes", "eighths", "screen_seconds", "setups", "seconds")
        by_day.append((day.number, {p: tuple(rows[p][f] for f in fields) for p in ("Previous", "Today", "To date")}))
    return by_day


def test_every_seed_day_adds_up(seed):
    hh = Production.objects.get(title="Hardcore Henry")
    by_day = added_up(hh)
    periods_add_up(by_day)
    # Over the 120 days: the 40 scenes completed once each, the script's 70 7/8 pages, one setup a day.
    assert by_day[-1][1]["To date"][:4] == (40, 567, 5839, 120)
    assert sum(rows["Today"][0] for _, rows in by_day) == 40


def test_a_generated_production_adds_up():
    call_command("generate_production", days=24, takes=400, people=4, seed=3, stdout=io.StringIO())
    prod = Production.objects.get()
    # Its scenes get lengths, and those shot on more than one day are split over those days (one part each).
    for scene in Scene.objects.filter(production=prod):
        scene.page_eighths, scene.screen_seconds = 3 + scene.pk % 20, 30 + scene.pk % 90
        scene.save()
        shot_on = ShootDay.objects.filter(takes__scene=scene).distinct().order_by("actual_date", "number")
        for part, day in enumerate(shot_on, start=1):
            f.strip(day, scene, order=100 + scene.pk, part=part, parts=len(shot_on))
    by_day = added_up(prod)
    periods_add_up(by_day)
    shot = Scene.objects.filter(production=prod, takes__isnull=False).distinct()
    whole = shot.aggregate(scenes=Count("pk"), eighths=Sum("page_eighths"), seconds=Sum("screen_seconds"))
    assert by_day[-1][1]["To date"][:3] == (whole["scenes"], whole["eighths"], whole["seconds"])
    assert (
        by_day[-1][1]["To date"][4] == Take.objects.filter(shoot_day__production=prod).aggregate(s=Sum("length"))["s"]
    )
