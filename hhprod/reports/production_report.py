"""Daily production report, as a 1st AD files it: the day's times, what was scheduled, the scenes completed,
partly shot and not shot, scenes, pages, setups and minutes (previous, today, to date), the one "behind the
baseline" in days and pages, takes, rig time, delays, incidents, faults, media, and each performer's status
(the Day Out of Days' code) and times as Exhibit G has them, then the crew's times."""

import django_tables2 as tables
from django.utils import timezone

from hhprod.figures import rig_time, scenes, takes
from hhprod.figures.day_of import day_of
from hhprod.figures.days import to_date
from hhprod.figures.pages import planned_on
from hhprod.figures.progress import AGAIN, COMPLETED, NOT_SHOT, PART
from hhprod.lib.formatting import counted, minutes, short_date
from hhprod.planning.models import pages_and_eighths

from . import day_figures as figures
from .call_sheet import crew_calls
from .columns import NUMBER, ClockColumn, LengthColumn, MinutesColumn, PagesColumn, ReportTable, RolesColumn
from .content import Report, ReportContent
from .days import chosen_day, day_choices, day_dates, day_subtitle, nothing_scheduled

PERIODS = (("previous", "Previous"), ("today", "Today"), ("to_date", "To date"))


class FigureTable(ReportTable):
    """The figures as two columns, so the CSV carries them too."""

    figure = tables.Column("Figure")
    value = tables.Column("Value")

    class Meta(ReportTable.Meta):
        pass


class ProgressTable(ReportTable):
    """Scenes, pages, screen time, setups and minutes as a production report counts them: the script, shot
    before this day, today and to date, and what remains of the script."""

    period = tables.Column("")
    scenes = tables.Column("Scenes", attrs=NUMBER, default="")
    eighths = PagesColumn("Pages", attrs=NUMBER, default="")
    screen_seconds = MinutesColumn("Screen time (min)", attrs=NUMBER, default="")
    setups = tables.Column("Setups", attrs=NUMBER, default="")
    seconds = MinutesColumn("Minutes recorded", attrs=NUMBER, default="")

    class Meta(ReportTable.Meta):
        pass


class PerformerTable(ReportTable):
    """Exhibit G's columns: each performer's status on the day and times, the held ones too."""

    name = tables.Column("Performer")
    character = tables.Column("Character", default="")
    roles = RolesColumn("Role")
    code = tables.Column("Status")
    report_time = ClockColumn("Report", default="")
    makeup_time = ClockColumn("Make-up", default="")
    on_set_time = ClockColumn("On set", default="")
    meal_out = ClockColumn("Meal out", default="")
    meal_in = ClockColumn("Meal in", default="")
    dismissed = ClockColumn("Dismissed", default="")

    class Meta(ReportTable.Meta):
        empty_text = "No performer called or held on this day."


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


class CrewTable(ReportTable):
    name = tables.Column("Name")
    roles = RolesColumn("Role", empty_values=())
    call_time = ClockColumn("In")
    wrap_time = ClockColumn("Out", default="—")

    class Meta(ReportTable.Meta):
        empty_text = "No crew called on this day."


def in_pages(eighths):
    """5/8 pages, 1 page, 2 3/8 pages."""
    return f"{pages_and_eighths(eighths)} page{'' if eighths == 8 else 's'}"


def against(days, eighths):
    """The one "behind the baseline" in days and pages, worded so the value never opens with a sign, which a
    spreadsheet would take for a formula: "75 days behind, 0 pages", "1 day ahead, 4/8 pages ahead"."""
    if not (days or eighths):
        return "on schedule"
    worded = ((days, counted(abs(days), "day")), (eighths, in_pages(abs(eighths))))
    return ", ".join(f"{text} behind" if n > 0 else f"{text} ahead" if n < 0 else text for n, text in worded)


def scene_numbers(numbers):
    """["1", "4A"] -> "scenes 1, 4A"; none -> "none"."""
    if not numbers:
        return "none"
    return f"{'scene' if len(numbers) == 1 else 'scenes'} {', '.join(numbers)}"


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


def figure_rows(scheduled, states, progress, standing, eighths_to_date):
    shown = f"{counted(scheduled['scenes'], 'scene')}, {in_pages(scheduled['eighths'])}, "
    return [
        ("Scheduled today", shown + f"{minutes(scheduled['screen_seconds'])} min screen time"),
        ("Scenes completed today", scene_numbers(states.get(COMPLETED))),
        ("Scenes partly shot today", scene_numbers(states.get(PART))),
        ("Scenes shot again today", scene_numbers(states.get(AGAIN))),
        ("Scenes scheduled, not shot", scene_numbers(states.get(NOT_SHOT))),
        ("Baseline days to date", standing["scheduled"]),
        ("Shot days to date", standing["shot"]),
        ("Baseline days' work done", standing["done"]),
        ("Baseline pages of as many days", pages_and_eighths(standing["eighths_due"])),
        # The schedule report's "behind the baseline" as of this day (75 days on the film's last day), and in
        # pages: the baseline's pages of as many days as were shot, less those shot to date.
        ("Against the baseline", against(standing["behind"], standing["eighths_due"] - eighths_to_date)),
        ("Takes", progress["takes"]),
        ("Circled", progress["circled"]),
        ("Good", progress["good"]),
        ("No good", progress["no_good"]),
        ("False starts", progress["false_start"]),
    ]


def progress_rows(script, periods):
    """The production report's block of scenes, pages and setups: the script, previous, today, to date and
    what remains of the script."""
    rows = [{"period": "Script", **script}]
    rows += [{"period": label, **periods[period]} for period, label in PERIODS]
    rows.append({"period": "Remaining", **{figure: script[figure] - periods["to_date"][figure] for figure in script}})
    return rows


def build(production, params):
    days = list(day_choices(production))
    day = chosen_day(production, params, days, last_day_with_takes)
    if day is None:
        return nothing_scheduled([("Figures", FigureTable([]))])
    periods, standing = scenes.progress(day), to_date(day)
    eighths_to_date = periods["to_date"]["eighths"]
    rows = figure_rows(planned_on(day), scenes.states_on(day), takes.takes_on(day), standing, eighths_to_date)
    limit = production.daily_rig_limit_minutes
    return ReportContent(
        subtitle=day_subtitle(production, day),
        summary=[("Day", day_of(production, day)), *day_dates(day), *filed(figures.day_report(day))],
        tables=[
            ("Figures", FigureTable([{"figure": figure, "value": value} for figure, value in rows])),
            (
                "Scenes, pages and setups",
                ProgressTable(progress_rows(scenes.in_script(production), periods)),
            ),
            ("Minutes on the rig per wearer", DayWearerTable(list(rig_time.wearers_on(day, limit)))),
            ("Delays", DelayTable(list(figures.day_delays(day)))),
            ("Injuries and health incidents", IncidentTable(list(figures.day_incidents(day)))),
            ("Rig faults", FaultTable(list(figures.day_faults(day)))),
            ("Performers (Exhibit G)", PerformerTable(figures.performers(production, day))),
            ("Crew times in and out", CrewTable(list(crew_calls(day)))),
        ],
        template="reports/day_sheet.html",
        layout={"days": days, "day": day},
    )


REPORT = Report(
    "production-report",
    "Daily production report",
    "One shoot day as the 1st AD files it: times, scenes and pages, the schedule, takes, rig time, delays, incidents, "
    "performers' status and times.",
    build,
    per_day=True,
    paper="A4 portrait",
)
