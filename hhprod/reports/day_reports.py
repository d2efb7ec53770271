"""The per-day reports: Day Out of Days, call sheet and daily production report.

Registered in the same catalogue as the others, so the page, every export and the
`report` command get them; the numbers come from day_queries.py.
"""

from dataclasses import dataclass, field

from django.core.management.base import CommandError
from django.http import Http404
from django.utils.dateformat import format as format_date

from . import day_queries as queries
from .catalogue import ReportContent, report, signed
from .day_tables import (
    CallTable,
    DayOutOfDaysTable,
    DayRigTable,
    DayWearerTable,
    FigureTable,
    SceneTable,
    TripTable,
)
from .tables import minutes

# Shoot days per printed page of the Day Out of Days: 30 columns of codes stay
# legible at 8 pt on A4 landscape next to the names.
DOOD_DAYS_PER_PAGE = 30
# A day's tables are short: they are read as lists, which spares the paginator a COUNT each.
NOTHING_SCHEDULED = "none scheduled yet: add shoot days in the admin"
CODES = "SW start work · W work · WF work finish · SWF start-work-finish (one day) · H hold · T travel · blank off"


@dataclass
class DayReportContent(ReportContent):
    """ReportContent plus what a custom body lays out: the day picker's days, the grid's pages."""

    layout: dict = field(default_factory=dict)


class UnknownDay(Http404, CommandError):
    """A day the production does not have: a 404 on the page, a CommandError for the `report` command."""


def short_date(day, missing="no date yet"):
    return format_date(day, "j M Y") if day else missing


def day_ranges(numbers):
    """[1, 2, 3, 7] -> "1–3, 7": the valid day numbers, short enough for a message."""
    spans = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def chosen_day(production, params, days, default):
    """The day `?day=N` names, or `default(days)` when none is named; None when the production has no days."""
    wanted = (params.get("day") or "").strip()
    if not wanted:
        return default(days) if days else None
    day = next((d for d in days if wanted.isdigit() and d.number == int(wanted)), None)
    if day is None:
        valid = f"valid days: {day_ranges([d.number for d in days])}" if days else "it has no shoot days yet"
        raise UnknownDay(f"{production} has no shoot day {wanted!r}; {valid}.")
    return day


def day_of(production, day):
    """'Day 60 of 120 (45 planned)': counted against the schedule as it stands, as a call sheet is."""
    planned = production.planned_days
    if planned and planned != day.days_in_production:
        return f"Day {day.number} of {day.days_in_production} ({planned} planned)"
    return f"Day {day.number} of {day.days_in_production}"


def day_subtitle(production, day):
    return f"{day_of(production, day)} — {short_date(day.on)}"


def nothing_scheduled(tables):
    return DayReportContent(
        subtitle="nothing scheduled",
        summary=[("Shoot days", NOTHING_SCHEDULED)],
        tables=tables,
        template="reports/day_sheet.html",
    )


@report(
    "day-out-of-days",
    "Day Out of Days",
    "People by shoot day: start work, work, finish, hold and travel, with each person's totals.",
)
def day_out_of_days(production, params):
    people = list(queries.dood_people(production))
    days = list(queries.dood_days(production, people))
    rows = [
        {
            "person": person.name,
            "codes": [getattr(day, f"code_{person.pk}") for day in days],
            "worked": person.worked,
            "held": person.held,
            "travel": person.travel,
            "first_day": person.first_day,
            "last_day": person.last_day,
        }
        for person in people
    ]
    table = DayOutOfDaysTable(
        [{**row, **{f"day_{day.number}": code for day, code in zip(days, row["codes"], strict=True)}} for row in rows],
        days,
    )
    pages = [
        {
            "days": days[start : start + DOOD_DAYS_PER_PAGE],
            "first": days[start].number,
            "last": days[min(start + DOOD_DAYS_PER_PAGE, len(days)) - 1].number,
            "rows": [(row["person"], row["codes"][start : start + DOOD_DAYS_PER_PAGE]) for row in rows],
        }
        for start in range(0, len(days), DOOD_DAYS_PER_PAGE)
    ]
    span = f"day {days[0].number} to day {days[-1].number} in shooting order" if days else NOTHING_SCHEDULED
    return DayReportContent(
        summary=[
            ("Codes", CODES),
            ("Shoot days", span + ("; cancelled days left out" if days else "")),
        ],
        tables=[("Day Out of Days", table)],
        template="reports/day_out_of_days.html",
        layout={"days": days, "rows": rows, "pages": pages},
    )


def first_day_without_takes(days):
    return next((day for day in days if not day.has_takes), days[0])


def last_day_with_takes(days):
    return next((day for day in reversed(days) if day.has_takes), days[0])


@report(
    "call-sheet",
    "Call sheet",
    "One shoot day, printable: dates, location, calls and wraps, scenes, rigs, cameras and wearers.",
    per_day=True,
)
def call_sheet(production, params):
    days = list(queries.day_choices(production))
    day = chosen_day(production, params, days, first_day_without_takes)
    if day is None:
        return nothing_scheduled([("Cast and crew calls", CallTable([]))])
    scenes = list(queries.day_scenes(day))
    return DayReportContent(
        subtitle=day_subtitle(production, day),
        summary=[
            ("Day", day_of(production, day)),
            ("Scheduled date", short_date(day.scheduled_date, "none: a day added beyond the plan")),
            ("Actual date", short_date(day.actual_date, "not shot yet")),
            ("Status", day.get_status_display()),
            ("Location", day.location or "—"),
            ("Scenes", ", ".join(scene.number for scene in scenes) or "none: no takes on this day"),
            ("Notes", day.notes or "—"),
        ],
        tables=[
            ("Cast and crew calls", CallTable(list(queries.day_calls(day)))),
            ("Scenes", SceneTable(scenes)),
            ("Rigs, cameras and wearers", DayRigTable(list(queries.day_rigs(day)))),
        ],
        template="reports/day_sheet.html",
        layout={"days": days, "day": day},
    )


def against_schedule(difference):
    """Worded so the value never opens with a sign, which a spreadsheet would take for a formula."""
    if difference > 0:
        return f"{difference} days over the schedule ({signed(difference)})"
    if difference < 0:
        return f"{-difference} days behind the schedule ({signed(difference)})"
    return "on schedule (0)"


@report(
    "production-report",
    "Daily production report",
    "One shoot day: scheduled against shot days to date, takes, minutes recorded, wearers and trips.",
    per_day=True,
)
def production_report(production, params):
    days = list(queries.day_choices(production))
    day = chosen_day(production, params, days, last_day_with_takes)
    if day is None:
        return nothing_scheduled([("Figures", FigureTable([]))])
    figures = queries.day_progress(day)
    limit = production.daily_rig_limit_minutes
    as_of = (
        f"up to {short_date(day.actual_date)}, the day's actual date"
        if day.actual_date
        else f"up to day {day.number} (not shot yet)"
    )
    rows = [
        ("Day", day_of(production, day)),
        ("Scheduled date", short_date(day.scheduled_date, "none: a day added beyond the plan")),
        ("Actual date", short_date(day.actual_date, "not shot yet")),
        ("To date means", as_of),
        ("Scheduled days to date", figures["scheduled_to_date"]),
        ("Shot days to date", figures["shot_to_date"]),
        ("Shot minus scheduled to date", against_schedule(figures["shot_minus_scheduled"])),
        ("Takes", figures["takes"]),
        ("Circled", figures["circled"]),
        ("Good", figures["good"]),
        ("No good", figures["no_good"]),
        ("False starts", figures["false_start"]),
        ("Minutes recorded on the day", minutes(figures["seconds"])),
        ("Minutes recorded to date", minutes(figures["seconds_to_date"])),
        ("Daily rig-time limit", f"{limit} minutes" if limit else "none set"),
    ]
    return DayReportContent(
        subtitle=day_subtitle(production, day),
        tables=[
            ("Figures", FigureTable([{"figure": figure, "value": value} for figure, value in rows])),
            ("Minutes per wearer", DayWearerTable(list(queries.day_wearers(day, limit)))),
            ("Trips under way", TripTable(list(queries.trips_under_way(day)))),
        ],
        template="reports/day_sheet.html",
        layout={"days": days, "day": day},
    )
