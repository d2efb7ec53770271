"""The reports: what each one shows, built once for the page, every export and the command."""

from dataclasses import dataclass, field

from django.http import Http404
from django.utils.formats import date_format

from . import queries
from .chart import schedule_chart
from .filters import TakeLogFilter
from .tables import PaceTable, RigTable, ScheduleDayTable, TakeLogTable, WearerTable


@dataclass
class ReportContent:
    """What a report shows: summary figures, tables (the first is the CSV), maybe a chart."""

    summary: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    chart: str = ""
    filterset: object = None
    subtitle: str = ""
    template: str = "reports/sections.html"


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    description: str
    build: object
    per_day: bool = False


REPORTS = {}


def report(slug, title, description, per_day=False):
    def register(build):
        REPORTS[slug] = Report(slug, title, description, build, per_day)
        return build

    return register


def get_report(slug):
    try:
        return REPORTS[slug]
    except KeyError:
        raise Http404(f"No report {slug!r}; reports: {', '.join(REPORTS)}") from None


def day_label(day):
    return date_format(day, "D j M Y") if day else "—"


def signed(number, unit=""):
    return "—" if number is None else f"{number:+d}{unit}"


@report("schedule", "Schedule", "Planned against shot days, slip per day, pace and forecast finish.")
def schedule(production, params):
    s = queries.schedule_summary(production)
    return ReportContent(
        summary=[
            ("Scheduled days", s["planned"]),
            ("Shot days", s["shot"]),
            ("Variance", f"{signed(s['variance_days'], ' days')} ({signed(s['variance_percent'], '%')})"),
            ("Days still to shoot", s["remaining"]),
            ("First and last shot day", f"{day_label(s['first_shot'])} to {day_label(s['last_shot'])}"),
            ("Takes (circled)", f"{s['takes']} ({s['circled']})"),
            ("Minutes recorded", s["minutes"]),
            ("Pace per week", f"{s['days_per_week']} days, {s['takes_per_week']} takes, {s['minutes_per_week']} min"),
            ("Forecast finish", day_label(s["forecast_finish"])),
        ],
        chart=schedule_chart(
            list(queries.cumulative_days(production, "scheduled_date")),
            list(queries.cumulative_days(production, "actual_date")),
            s["planned"],
        ),
        tables=[
            ("Shoot days", ScheduleDayTable(queries.schedule_days(production))),
            ("Pace per week", PaceTable(queries.weekly_pace(production))),
        ],
    )


@report("wearers", "Rig wearers", "Per person: takes, minutes worn, longest take, days on the rig, limit.")
def wearers(production, params):
    limit = production.daily_rig_limit_minutes
    return ReportContent(
        summary=[("Daily rig-time limit", f"{limit} minutes" if limit else "none set")],
        tables=[("Rig wearers", WearerTable(queries.wearer_totals(production)))],
    )


@report("rigs", "Rigs", "Per rig version: service window, cameras, takes, minutes and wearers.")
def rigs(production, params):
    return ReportContent(tables=[("Rigs", RigTable(queries.rig_totals(production)))])


@report("take-log", "Take log", "The camera report: every take, filtered by day, scene, wearer, rig, status.")
def take_log(production, params):
    filterset = TakeLogFilter(params, queryset=queries.take_log(production), production=production)
    return ReportContent(
        tables=[("Takes", TakeLogTable(filterset.qs))],
        filterset=filterset,
    )


from . import day_reports  # noqa: E402,F401  registers the per-day reports (Day Out of Days, call sheet, production report)
