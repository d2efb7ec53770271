"""Daily production report, as a 1st AD files it: the day's times, what was scheduled and completed,
the schedule's standing against the baseline, takes, rig time, delays, incidents, faults, media, cast times."""

import django_tables2 as tables
from django.utils import timezone

from hhprod.figures import pages, rig_time, scenes, takes
from hhprod.figures.day_of import day_of
from hhprod.figures.days import to_date
from hhprod.lib.formatting import minutes, short_date
from hhprod.planning.models import pages_and_eighths

from . import day_figures as figures
from .columns import NUMBER, ClockColumn, LengthColumn, MinutesColumn, ReportTable, RolesColumn
from .content import Report, ReportContent
from .days import chosen_day, day_calls, day_choices, day_dates, day_subtitle, nothing_scheduled


class FigureTable(ReportTable):
    """The figures as two columns, so the CSV carries them too."""

    figure = tables.Column("Figure")
    value = tables.Column("Value")

    class Meta(ReportTable.Meta):
        pass


class DayWearerTable(ReportTable):
    name = tables.Column("Wearer")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds_worn = MinutesColumn("Minutes worn", attrs=NUMBER)
    longest = LengthColumn("Longest take", attrs=NUMBER)
    against_limit = tables.Column("Daily limit")

    class Meta(ReportTable.Meta):
        empty_text = "Nobody wore the rig on this day."


class DelayTable(ReportTable):
    cause = tables.Column("Cause", accessor="get_cause_display")
    minutes = tables.Column("Minutes", attrs=NUMBER)
    note = tables.Column("Note", default="")

    class Meta(ReportTable.Meta):
        empty_text = "No delay reported."


class IncidentTable(ReportTable):
    person = tables.Column("Person", accessor="person__name")
    kind = tables.Column("Incident", accessor="get_kind_display")
    minutes_lost = tables.Column("Minutes lost", attrs=NUMBER)
    notes = tables.Column("Notes", default="")

    class Meta(ReportTable.Meta):
        empty_text = "No injury or health incident."


class FaultTable(ReportTable):
    unit = tables.Column("Rig unit", accessor="unit__rig__name")
    number = tables.Column("Unit", accessor="unit__number")
    kind = tables.Column("Fault", accessor="get_kind_display")
    minutes_lost = tables.Column("Minutes lost", attrs=NUMBER)
    fixed_on = tables.DateColumn(verbose_name="Fixed", format="Y-m-d", default="open")

    class Meta(ReportTable.Meta):
        empty_text = "No rig fault reported."


class TimesTable(ReportTable):
    name = tables.Column("Name")
    roles = RolesColumn("Role", empty_values=())
    call_time = ClockColumn("In")
    wrap_time = ClockColumn("Out", default="—")

    class Meta(ReportTable.Meta):
        empty_text = "Nobody was called on this day."


def standing(difference, shown=str):
    """Worded so the value never opens with a sign, which a spreadsheet would take for a formula."""
    if difference > 0:
        return f"{shown(difference)} ahead"
    if difference < 0:
        return f"{shown(-difference)} behind"
    return "on schedule"


def last_day_with_takes(days):
    return next((day for day in reversed(days) if day.has_takes), days[0])


def clock(value):
    return value.strftime("%H:%M") if value else "—"


def filed(report):
    """The 1st AD's lines: times, media and sign-offs, or dashes before the report is filed."""
    if report is None:
        return [("Day report", "not filed yet: Paperwork → Day reports in the admin")]
    lunch = f"{clock(report.lunch_start)}–{clock(report.lunch_end)}"
    signed = [
        (
            who,
            f"{name}, {short_date(timezone.localtime(at).date())} {timezone.localtime(at):%H:%M}"
            if name
            else "not signed",
        )
        for who, name, at in (
            ("1st AD", report.ad_signed_by, report.ad_signed_at),
            ("Production manager", report.pm_signed_by, report.pm_signed_at),
        )
    ]
    return [
        ("Crew call", clock(report.crew_call)),
        ("First shot", clock(report.first_shot)),
        ("Lunch", lunch),
        ("Camera wrap", clock(report.camera_wrap)),
        ("Last person out", clock(report.last_out)),
        ("Cards used", report.cards_used),
        ("Gigabytes", report.gigabytes),
        ("Delays (minutes)", report.delay_minutes),
        *signed,
    ]


def figure_rows(day, progress, scheduled, completed, standing_to_date, due):
    pages = pages_and_eighths
    rows = [("Scheduled today", f"{scheduled['scenes']} scenes, {pages(scheduled['eighths'])} pages, "
             f"{minutes(scheduled['screen_seconds'])} min screen time")]  # fmt: skip
    for label, key in (("Completed today", "today"), ("Completed to date", "to_date"), ("Remaining", "remaining")):
        rows.append(
            (label, f"{completed['scenes_' + key]} scenes, {pages(completed['eighths_' + key])} pages, "
             f"{minutes(completed['screen_seconds_' + key])} min screen time")
        )  # fmt: skip
    return [
        *rows,
        ("Setups today", progress["setups"]),
        ("Setups to date", progress["setups_to_date"]),
        ("Baseline days to date", standing_to_date["scheduled"]),
        ("Shot days to date", standing_to_date["shot"]),
        # The schedule report's "behind the baseline" as of this day: +75 on the film's last day.
        ("Shot minus baseline days to date", standing_to_date["behind"]),
        ("Baseline days' work done", due["days_done"]),
        ("Schedule (days)", standing(-standing_to_date["behind"], lambda n: f"{n} days")),
        ("Baseline pages to date", pages(due["eighths"])),
        ("Schedule (pages)", standing(completed["eighths_to_date"] - due["eighths"], lambda n: f"{pages(n)} pages")),
        ("Takes", progress["takes"]),
        ("Circled", progress["circled"]),
        ("Good", progress["good"]),
        ("No good", progress["no_good"]),
        ("False starts", progress["false_start"]),
        ("Minutes recorded today", minutes(progress["seconds"])),
        ("Minutes recorded to date", minutes(progress["seconds_to_date"])),
    ]


def build(production, params):
    days = list(day_choices(production))
    day = chosen_day(production, params, days, last_day_with_takes)
    if day is None:
        return nothing_scheduled([("Figures", FigureTable([]))])
    limit = production.daily_rig_limit_minutes
    rows = figure_rows(
        day,
        takes.takes_on(day),
        pages.planned_on(day),
        scenes.scenes_completed(day),
        to_date(day),
        figures.baseline_due(day),
    )
    return ReportContent(
        subtitle=day_subtitle(production, day),
        summary=[("Day", day_of(production, day)), *day_dates(day), *filed(figures.day_report(day))],
        tables=[
            ("Figures", FigureTable([{"figure": figure, "value": value} for figure, value in rows])),
            ("Minutes on the rig per wearer", DayWearerTable(list(rig_time.wearers_on(day, limit)))),
            ("Delays", DelayTable(list(figures.day_delays(day)))),
            ("Injuries and health incidents", IncidentTable(list(figures.day_incidents(day)))),
            ("Rig faults", FaultTable(list(figures.day_faults(day)))),
            ("Cast and crew times in and out", TimesTable(list(day_calls(day)))),
        ],
        template="reports/day_sheet.html",
        layout={"days": days, "day": day},
    )


REPORT = Report(
    "production-report",
    "Daily production report",
    "One shoot day as the 1st AD files it: times, scenes and pages, the schedule, takes, rig time, delays, incidents.",
    build,
    per_day=True,
    paper="A4 portrait",
)
