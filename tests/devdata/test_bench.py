"""The benchmark stays true: its bare SQL gives the reports' own numbers, on SQLite and PostgreSQL alike.

`make bench` times each report against hand-written SQL. If a report changes what it shows
and the SQL is not changed with it, the benchmark measures something else: these tests
run each statement on a generated production and compare its rows with the selectors'.
"""

import io
import subprocess
import sys
from datetime import date, datetime, time
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import resolve

from hhprod.devdata.admin_pages import ADMIN_PAGES
from hhprod.devdata.benchmark import context_of, measure, run_bare_sql
from hhprod.devdata.paperwork_sql import CALL_SHEET, DOOD_PEOPLE, DOOD_PERSON_DATES, PRODUCTION_REPORT
from hhprod.devdata.report_pages import REPORT_PAGES
from hhprod.devdata.rigs_sql import DAYS_OVER_LIMIT, INCIDENTS_BY_KIND, INCIDENTS_BY_WEARER, RIG_UNITS, RIGS, WEARERS
from hhprod.devdata.schedule_sql import (
    CUMULATIVE,
    PRODUCTION_TAKE_FIGURES,
    SCHEDULE_DAY_FIGURES,
    SCHEDULE_DAYS,
    WEEKLY_PACE,
)
from hhprod.devdata.takes_sql import SCENE_DAYS, SCENES, TAKE_COUNT, TAKE_LOG_ALL
from hhprod.figures import days, rig_time, takes
from hhprod.figures.scenes import progress as scenes_progress
from hhprod.planning.models import Scene, Strip
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.models import Production
from hhprod.reports import (
    dood_dates,
    rigs,
    scenes,
    schedule,
    take_log,
    wearers,
)
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.days import day_calls, day_choices
from hhprod.rigs.models import RigUnit
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def production():
    call_command("generate_production", days=20, takes=150, people=4, seed=2, stdout=io.StringIO())
    return Production.objects.get()


@pytest.fixture
def context(production):
    return context_of(production)


@pytest.fixture
def busiest(context):
    return day_choices(context["production"]).get(pk=context["busiest_day"])


def plain(value):
    """One spelling for what SQLite and PostgreSQL return and what the ORM returns."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float | Decimal) and value == int(value):
        return int(value)
    return value


def names(value):
    """A comma-joined list, in any order: GROUP_CONCAT does not promise one."""
    return sorted(value.split(",")) if value else []


def bare(statement, context):
    statement = statement[connection.vendor] if isinstance(statement, dict) else statement
    with connection.cursor() as cursor:
        cursor.execute(statement, context)
        return [tuple(plain(value) for value in row) for row in cursor.fetchall()]


def rows(records, *fields):
    return [tuple(plain(getattr(record, field)) for field in fields) for record in records]


@pytest.mark.parametrize("page", ADMIN_PAGES + REPORT_PAGES, ids=lambda page: page.name)
def test_every_pages_bare_sql_runs(production, page):
    run_bare_sql(page.bare_sql, context_of(production))


def test_schedule_days_and_pace(production, context):
    days = schedule.schedule_days(production)
    fields = ["number", "scheduled_date", "actual_date", "slip", "status", "location"]
    counts = ["take_count", "seconds_recorded", "circled", "wearer_count"]
    assert bare(SCHEDULE_DAYS, context) == rows(days, *fields, *counts)
    pace = [tuple(plain(value) for value in week.values()) for week in schedule.weekly_pace(production)]
    assert bare(WEEKLY_PACE, context) == pace


def test_schedule_figures_and_chart(production, context):
    s = schedule.schedule_summary(production)
    figures = ["scheduled", "shot", "remaining", "first_shot", "last_shot", "weeks_shooting"]
    assert bare(SCHEDULE_DAY_FIGURES, context) == [tuple(plain(s[name]) for name in figures)]
    assert bare(PRODUCTION_TAKE_FIGURES, context) == [(s["takes"], s["seconds"], s["circled"])]
    # The generated production has no baseline locked: its scheduled line is its days with a scheduled date.
    scheduled, _, shot = schedule.chart_lines(production)
    for statement, line in zip(CUMULATIVE, [scheduled, shot], strict=True):
        assert bare(statement, context) == [tuple(plain(value) for value in point) for point in line]


def test_rig_wearers(production, context):
    production.daily_rig_limit_minutes = 5
    production.save()
    totals = list(wearers.wearer_totals(production))
    fields = ["pk", "name", "trade", "take_count", "seconds_worn", "longest", "days_on_rig"]
    expected = [(*row, names(person.rigs_used)) for row, person in zip(rows(totals, *fields), totals, strict=True)]
    assert [(*row[:-1], names(row[-1])) for row in bare(WEARERS, context)] == expected
    over = {person.pk: person.days_over_limit for person in totals if person.days_over_limit}
    assert over and dict(bare(DAYS_OVER_LIMIT, context)) == over


def test_rigs(production, context):
    fields = ["pk", "name", "material", "in_service_from", "in_service_to"]
    expected = [
        (*row, names(rig.camera_serials), rig.take_count, rig.seconds, rig.wearer_count)
        for row, rig in zip(rows(rigs.rig_totals(production), *fields), rigs.rig_totals(production), strict=True)
    ]
    assert [(*row[:5], names(row[5]), *row[6:]) for row in bare(RIGS, context)] == expected


def test_rig_units_and_incidents(production, context):
    # The generator records no faults or incidents: a few, so the sums have something to add.
    day, unit = production.shoot_days.order_by("number").first(), RigUnit.objects.order_by("pk").first()
    takes = Take.objects.filter(shoot_day__production=production).order_by("pk")
    wearer = takes.first().wearer
    other = takes.exclude(wearer=wearer).first().wearer
    make.fault(unit, "battery", day=day, minutes_lost=12)
    make.fault(unit, "card", day=None, minutes_lost=3, fixed_on=date(2013, 9, 9))
    make.incident(day, wearer, "neck_strain", minutes_lost=20)
    make.incident(day, other, "motion_sickness", minutes_lost=5)
    units = rigs.unit_totals(production)
    expected = [
        (
            u.pk,
            u.rig.name,
            u.number,
            u.take_count,
            u.seconds,
            u.wearer_count,
            u.fault_count,
            u.minutes_lost,
            u.open_faults,
        )
        for u in units
    ]
    assert expected and bare(RIG_UNITS, context) == expected
    for field, statement in (("kind", INCIDENTS_BY_KIND), ("person__name", INCIDENTS_BY_WEARER)):
        by = [(row[field], row["incident_count"], row["minutes_lost"]) for row in rigs.incidents_by(production, field)]
        assert len(by) == 2 and bare(statement, context) == by


def test_take_log(production, context):
    takes = take_log.take_log(production)
    expected = [
        (t.pk, t.shoot_day.number, plain(t.shoot_day.actual_date), t.scene.number, t.setup, t.number, t.length,
         t.rig.name, t.unit_name, t.camera.serial if t.camera else None, t.roll,
         t.clip_name, t.field_of_view, t.resolution, t.frame_rate, t.mos, t.vfx, t.wearer.name, t.status, t.notes)
        for t in takes
    ]  # fmt: skip
    assert bare(TAKE_LOG_ALL, context) == expected
    assert bare(TAKE_COUNT, context) == [(Take.objects.filter(shoot_day__production=production).count(),)]


def test_scenes_planned_against_shot(production, context):
    # The generated production has no plan. The baseline plans three shot scenes on every day they
    # were shot (a lock refuses a plan that leaves takes unplanned) and six new scenes on the first
    # three days; a second revision moves one of the new ones two days later.
    days = list(production.shoot_days.order_by("number")[:3])
    shot = production.scenes.filter(takes__isnull=False).distinct().order_by("pk")[:3]
    new = [Scene.objects.create(production=production, number=f"N{n}", page_eighths=n + 1) for n in range(6)]
    strips = []
    for scene in shot:
        shot_on = sorted(set(Take.objects.filter(scene=scene).values_list("shoot_day", flat=True)))
        strips += [
            Strip(shoot_day_id=day, scene=scene, order=100 + scene.pk, part=part, parts=len(shot_on))
            for part, day in enumerate(shot_on, start=1)
        ]
    strips += [Strip(shoot_day=days[n // 2], scene=scene, order=200 + n) for n, scene in enumerate(new)]
    Strip.objects.bulk_create(strips)
    lock_schedule(production, name="White", reason="Baseline", dated=date(2013, 8, 1))
    Strip.objects.filter(scene=new[0]).update(shoot_day=days[2], order=300)
    lock_schedule(production, name="Blue", reason="A scene later", dated=date(2013, 8, 9))
    scene_fields = ["number", "description", "page_eighths", "baseline_day", "latest_day", "plan_day"]
    shot_fields = ["first_shot_day", "circled_day", "slip"]
    expected = rows(scenes.scene_plan(production), *scene_fields, *shot_fields)
    assert any(row[3] != row[4] for row in expected) and any(row[-1] is not None for row in expected)
    assert bare(SCENES, context) == expected
    day_fields = ["number", "plan_date", "status", "strip_count", "planned_eighths"]
    completed = ["completed_scenes", "completed_eighths"]
    assert bare(SCENE_DAYS, context) == rows(scenes.day_plan(production), *day_fields, *completed)


def test_every_report_in_the_catalogue_is_benchmarked(context):
    pages = [urlsplit(page.url(context)) for page in REPORT_PAGES]
    benchmarked = {resolve(url.path).kwargs.get("slug") for url in pages if "export=" not in url.query}
    assert [slug for slug in REPORTS if slug not in benchmarked] == []


def test_day_out_of_days(production, context):
    dates = dood_dates.person_dates(production)
    assert dates
    kinds = {"W": "work", "R": "rehearsal", "F": "fitting", "T": "T"}
    bare_dates = {(person, plain(on), kind) for person, on, kind in bare(DOOD_PERSON_DATES, context)}
    assert bare_dates == {(person, plain(on), kinds[code]) for person, on, code in dates}
    people = [(p.pk, p.name, p.block) for p in dood_dates.people(production)]
    assert bare(DOOD_PEOPLE, context) == people


def test_call_sheet_on_the_busiest_day(context, busiest):
    _, calls_sql = CALL_SHEET
    calls = rows(day_calls(busiest), "pk", "name", "call_time", "wrap_time", "notes", "roles", "wears_rig")
    assert [(*c[:5], names(c[5]), c[6]) for c in bare(calls_sql, context)] == [
        (*c[:5], names(c[5]), c[6]) for c in calls
    ]


def test_production_report_on_the_busiest_day(production, context, busiest):
    _, days_sql, takes_sql, wearers_sql, scenes_sql = PRODUCTION_REPORT
    progress = takes.takes_on(busiest)
    assert bare(days_sql, context) == [(days.to_date(busiest)["shot"],)]
    figures = ["takes", "circled", "good", "no_good", "false_start", "seconds"]
    assert bare(takes_sql, context) == [tuple(progress[name] for name in figures)]
    on_day = rig_time.wearers_on(busiest, production.daily_rig_limit_minutes)
    assert bare(wearers_sql, context) == rows(on_day, "pk", "name", "take_count", "seconds_worn", "longest")
    periods = scenes_progress(busiest)
    assert periods["today"]["scenes"] and periods["previous"]["scenes"] and periods["today"]["setups"]
    assert bare(scenes_sql, context) == [tuple(value for period in periods.values() for value in period.values())]


def test_measure_counts_the_queries_of_each_request(production, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bench", "bench@example.com", password=None))
    page = next(page for page in REPORT_PAGES if page.name == "report: take log")
    result = measure(page, client, context_of(production), runs=1)
    assert result["queries"] == 9
    assert result["bare_sql_ms"] > 0 and result["median_ms"] > 0 and result["peak_kib"] > 0


def installed_apps(**environment):
    script = "import django; django.setup(); from django.conf import settings; print(settings.INSTALLED_APPS)"
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "hhprod.settings", **environment}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout


def test_the_benchmark_is_not_installed_in_production_settings():
    assert "hhprod.devdata" not in installed_apps(SECRET_KEY="x" * 50)
    assert "hhprod.devdata" in installed_apps(SECRET_KEY="x" * 50, DEVDATA="1")
    assert "hhprod.devdata" in installed_apps(DEBUG="1")
