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

import pytest
from django.core.management import call_command
from django.db import connection

from hhprod.bench import report_pages as sql
from hhprod.bench.admin_pages import ADMIN_PAGES
from hhprod.bench.benchmark import context_of, measure, run_bare_sql
from hhprod.productions.models import Production
from hhprod.reports import call_sheet, day_out_of_days, production_report, rigs, schedule, take_log, wearers
from hhprod.reports.days import day_choices
from hhprod.shooting.models import Take

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


@pytest.mark.parametrize("page", ADMIN_PAGES + sql.REPORT_PAGES, ids=lambda page: page.name)
def test_every_pages_bare_sql_runs(production, page):
    run_bare_sql(page.bare_sql, context_of(production))


def test_schedule_days_and_pace(production, context):
    days = schedule.schedule_days(production)
    fields = ["number", "scheduled_date", "actual_date", "slip", "status", "location"]
    counts = ["take_count", "seconds_recorded", "circled", "wearer_count"]
    assert bare(sql.SCHEDULE_DAYS, context) == rows(days, *fields, *counts)
    pace = [tuple(plain(value) for value in week.values()) for week in schedule.weekly_pace(production)]
    assert bare(sql.WEEKLY_PACE, context) == pace


def test_schedule_figures_and_chart(production, context):
    s = schedule.schedule_summary(production)
    figures = ["scheduled", "shot", "remaining", "first_shot", "last_shot", "weeks_shooting"]
    assert bare(sql.SCHEDULE_DAY_FIGURES, context) == [tuple(plain(s[name]) for name in figures)]
    assert bare(sql.PRODUCTION_TAKE_FIGURES, context) == [(s["takes"], s["seconds"], s["circled"])]
    for statement, field in zip(sql.CUMULATIVE, ["scheduled_date", "actual_date"], strict=True):
        line = [tuple(plain(value) for value in point) for point in schedule.cumulative_days(production, field)]
        assert bare(statement, context) == line


def test_rig_wearers(production, context):
    production.daily_rig_limit_minutes = 5
    production.save()
    totals = list(wearers.wearer_totals(production))
    fields = ["pk", "name", "trade", "take_count", "seconds_worn", "longest", "days_on_rig"]
    expected = [(*row, names(person.rigs_used)) for row, person in zip(rows(totals, *fields), totals, strict=True)]
    assert [(*row[:-1], names(row[-1])) for row in bare(sql.WEARERS, context)] == expected
    over = {person.pk: person.days_over_limit for person in totals if person.days_over_limit}
    assert over and dict(bare(sql.DAYS_OVER_LIMIT, context)) == over


def test_rigs(production, context):
    fields = ["pk", "name", "material", "in_service_from", "in_service_to"]
    expected = [
        (*row, names(rig.camera_serials), rig.take_count, rig.seconds, rig.wearer_count)
        for row, rig in zip(rows(rigs.rig_totals(production), *fields), rigs.rig_totals(production), strict=True)
    ]
    assert [(*row[:5], names(row[5]), *row[6:]) for row in bare(sql.RIGS, context)] == expected


def test_take_log(production, context):
    takes = take_log.take_log(production)
    expected = [
        (t.pk, t.shoot_day.number, plain(t.shoot_day.actual_date), t.scene.number, t.setup, t.number, t.length,
         t.rig.name, t.rig_unit.number if t.rig_unit else None, t.camera.serial if t.camera else None, t.roll,
         t.clip_name, t.field_of_view, t.resolution, t.frame_rate, t.mos, t.vfx, t.wearer.name, t.status, t.notes)
        for t in takes
    ]  # fmt: skip
    assert bare(sql.TAKE_LOG_ALL, context) == expected
    assert bare(sql.TAKE_COUNT, context) == [(Take.objects.filter(shoot_day__production=production).count(),)]


def test_day_out_of_days(production, context):
    people = list(day_out_of_days.dood_people(production))
    days = list(day_out_of_days.dood_days(production, people))
    grid = sorted((p.pk, d.number, getattr(d, f"code_{p.pk}")) for p in people for d in days)
    assert any(code for _, _, code in grid)
    _, grid_sql, totals_sql = sql.DAY_OUT_OF_DAYS
    assert sorted(bare(grid_sql, context)) == grid
    totals = rows(people, "name", "worked", "held", "travel", "first_day", "last_day")
    assert sorted(bare(totals_sql, context), key=str) == sorted(totals, key=str)


def test_call_sheet_on_the_busiest_day(context, busiest):
    _, calls_sql, scenes_sql, rigs_sql = sql.CALL_SHEET
    calls = rows(call_sheet.day_calls(busiest), "pk", "name", "call_time", "wrap_time", "notes", "roles", "wears_rig")
    assert [(*c[:5], names(c[5]), c[6]) for c in bare(calls_sql, context)] == [
        (*c[:5], names(c[5]), c[6]) for c in calls
    ]
    scenes = rows(call_sheet.day_scenes(busiest), "pk", "number", "description", "take_count", "circled")
    seconds = [scene.seconds_recorded for scene in call_sheet.day_scenes(busiest)]
    assert bare(scenes_sql, context) == [(*s, n) for s, n in zip(scenes, seconds, strict=True)]
    day_rigs = list(call_sheet.day_rigs(busiest))
    expected = [
        (r.pk, r.name, r.material, names(r.camera_serials), r.take_count, r.seconds, names(r.wearers)) for r in day_rigs
    ]
    assert [(*r[:3], names(r[3]), r[4], r[5], names(r[6])) for r in bare(rigs_sql, context)] == expected


def test_production_report_on_the_busiest_day(production, context, busiest):
    _, days_sql, takes_sql, wearers_sql, trips_sql = sql.PRODUCTION_REPORT
    progress = production_report.day_progress(busiest)
    assert bare(days_sql, context) == [(progress["scheduled_to_date"], progress["shot_to_date"])]
    figures = ["takes", "circled", "good", "no_good", "false_start", "seconds", "seconds_to_date"]
    assert bare(takes_sql, context) == [tuple(progress[name] for name in figures)]
    on_day = production_report.day_wearers(busiest, production.daily_rig_limit_minutes)
    assert bare(wearers_sql, context) == rows(on_day, "pk", "name", "take_count", "seconds_worn", "longest")
    trips = production_report.trips_under_way(busiest)
    assert bare(trips_sql, context) == rows(trips, "pk", "name", "destination", "starts", "ends")


def test_measure_counts_the_queries_of_each_request(production, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bench", "bench@example.com", password=None))
    page = next(page for page in sql.REPORT_PAGES if page.name == "report: take log")
    result = measure(page, client, context_of(production), runs=1)
    assert result["queries"] == 9
    assert result["bare_sql_ms"] > 0 and result["median_ms"] > 0 and result["peak_kib"] > 0


def installed_apps(**environment):
    script = "import django; django.setup(); from django.conf import settings; print(settings.INSTALLED_APPS)"
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "hhprod.settings", **environment}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout


def test_the_benchmark_is_not_installed_in_production_settings():
    assert "hhprod.bench" not in installed_apps(SECRET_KEY="x" * 50)
    assert "hhprod.bench" in installed_apps(SECRET_KEY="x" * 50, BENCH="1")
    assert "hhprod.bench" in installed_apps(DEBUG="1")
