"""Schedule: scheduled (the baseline) against planned and shot days, the slip per day, the days added by
cause, each revision's finish, pace per week, a forecast finish, and the calendar."""

import math
from datetime import date, timedelta

import django_tables2 as tables
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Max, Min, OuterRef, Subquery, Sum, Window
from django.db.models.functions import Coalesce, RowNumber, TruncWeek
from django.utils import timezone

from hhprod.figures.days import LIVE, day_counts
from hhprod.lib.formatting import long_date, minutes, signed
from hhprod.planning.baseline import baseline_date, in_schedule
from hhprod.planning.models import CalendarEntry, ShootDay
from hhprod.planning.slip import with_slip
from hhprod.shooting.models import Take

from . import schedule_plan as plan
from .chart import schedule_chart
from .columns import NUMBER, MinutesColumn, ReportTable, SignedColumn
from .content import Figure, Report, ReportContent
from .events import shoot_day_events


def schedule_days(production):
    """One row per shoot day: its date in the baseline and in the plan now, slip against the baseline, and
    what was recorded on it."""
    days = (
        ShootDay.objects.filter(production=production)
        # Only the columns shown: SQLite groups by every selected column, notes and sources included.
        .only("production", "number", "scheduled_date", "actual_date", "status", "location")
        .plan_dated()
    )
    return (
        with_slip(days)
        .with_recorded()
        .annotate(
            wearer_count=Count("takes__wearer", distinct=True),
            in_baseline=ExpressionWrapper(in_schedule(), output_field=BooleanField()),
        )
        .order_by("number")
    )


def schedule_summary(production):
    """Scheduled (the baseline) against planned now and shot days, the variance, the pace and a forecast finish."""
    days = day_counts(
        production,
        last_planned=Max(Coalesce("scheduled_date", "actual_date"), filter=LIVE),
        first_shot=Min("actual_date"),
        last_shot=Max("actual_date"),
        weeks_shooting=Count(TruncWeek("actual_date"), distinct=True),
    )
    takes = Take.objects.filter(shoot_day__production=production).recorded()
    planned = days["scheduled"]
    # Before the first day is shot there is no variance yet: -100% would say the whole shoot was lost.
    variance = days["shot"] - planned if planned and days["shot"] else None
    weeks = days["weeks_shooting"]
    summary = {
        **days,
        **takes,
        "planned": planned,
        "variance_days": variance,
        "variance_percent": round(100 * variance / planned) if variance is not None else None,
        "minutes": minutes(takes["seconds"]),
        "days_per_week": round(days["shot"] / weeks, 1) if weeks else None,
        "takes_per_week": round(takes["takes"] / weeks, 1) if weeks else None,
        "minutes_per_week": round(takes["seconds"] / 60 / weeks, 1) if weeks else None,
    }
    summary["forecast_finish"] = forecast_finish(
        days["last_shot"], days["last_planned"], days["remaining"], summary["days_per_week"]
    )
    return summary


def forecast_finish(last_shot, last_planned, remaining, days_per_week):
    """The day the work left in the plan (its days not shot yet) would wrap at the pace so far.

    Never before the last planned or shot day: a day already planned later is not shot sooner. With no
    pace yet it is the plan's own last day; None when the pace runs past the calendar's last day."""
    known = [day for day in (last_shot, last_planned) if day]
    if remaining and last_shot and days_per_week:
        weeks = math.ceil(remaining / days_per_week)
        if (date.max - last_shot).days < 7 * weeks:
            return None
        known.append(last_shot + timedelta(weeks=weeks))
    return max(known, default=None)


def weekly_pace(production):
    """Days shot, takes and seconds recorded per calendar week.

    Each day's takes are counted in a subquery first, so the week is worked out once per
    day rather than once per take (on SQLite, TruncWeek is a Python function call)."""
    day_takes = Take.objects.filter(shoot_day=OuterRef("pk")).order_by().values("shoot_day")
    return (
        ShootDay.objects.filter(production=production, status=ShootDay.Status.SHOT)
        .annotate(
            week=TruncWeek("actual_date"),
            day_take_count=Subquery(day_takes.annotate(n=Count("pk")).values("n")),
            day_seconds=Subquery(day_takes.annotate(s=Sum("length")).values("s")),
        )
        .values("week")
        .annotate(
            days=Count("pk"),
            take_count=Coalesce(Sum("day_take_count"), 0),
            seconds_recorded=Coalesce(Sum("day_seconds"), 0),
        )
        .order_by("week")
    )


def cumulative(days, date_field):
    """(date, days so far) along a date: the chart's lines, counted by a window in SQL."""
    return list(
        days.filter(**{f"{date_field}__isnull": False})
        .annotate(so_far=Window(RowNumber(), order_by=[F(date_field).asc(), F("number").asc()]))
        .order_by(date_field, "number")
        .values_list(date_field, "so_far")
    )


def chart_lines(production):
    """The baseline's days on their baseline dates, the plan's live days on their dates now, the shot days."""
    days = ShootDay.objects.filter(production=production)
    scheduled = days.filter(in_schedule()).annotate(on=baseline_date())
    planned = days.exclude(status=ShootDay.Status.CANCELLED).plan_dated()
    return cumulative(scheduled, "on"), cumulative(planned, "plan_date"), cumulative(days, "actual_date")


def hiatuses(production):
    return CalendarEntry.objects.filter(production=production, kind=CalendarEntry.Kind.HIATUS).values_list(
        "starts", "ends"
    )


class ScheduleDayTable(ReportTable):
    number = tables.Column("Day")
    baseline_date = tables.DateColumn(verbose_name="Scheduled (baseline)", default="—")
    plan_date = tables.DateColumn(verbose_name="Planned", default="no date yet")
    actual_date = tables.DateColumn(verbose_name="Shot on", default="—")
    slip = SignedColumn("Slip against baseline (days)", default="—", attrs=NUMBER)
    status = tables.Column("Status")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds_recorded = MinutesColumn("Minutes recorded", attrs=NUMBER)
    circled = tables.Column("Circled", attrs=NUMBER)
    wearer_count = tables.Column("Wearers", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        model = ShootDay
        fields = ()
        empty_text = "No shoot days on this production yet."


class PaceTable(ReportTable):
    week = tables.DateColumn(verbose_name="Week of")
    days = tables.Column("Days shot")
    take_count = tables.Column("Takes")
    seconds_recorded = MinutesColumn("Minutes recorded")

    class Meta(ReportTable.Meta):
        pass


def scheduled_row(s, baseline):
    """What "scheduled" is on this production, said on the summary's first line."""
    if baseline:
        return (f"Scheduled days ({baseline.colour} baseline)", s["planned"])
    if s["planned"]:
        return ("Scheduled days (no baseline locked: the days with a scheduled date)", s["planned"])
    return ("Scheduled days", "no baseline locked yet (Plan → Schedule revisions → Lock)")


def pace(summary):
    """Days, takes and minutes a week; before any day is shot there is no pace to state."""
    if summary["days_per_week"] is None:
        return "no days shot yet"
    return Figure(
        f"{summary['days_per_week']} days, {summary['takes_per_week']} takes, {summary['minutes_per_week']} min",
        (
            ("Shot days per week", summary["days_per_week"], None),
            ("Takes per week", summary["takes_per_week"], None),
            ("Minutes recorded per week", summary["minutes_per_week"], None),
        ),
    )


def planned_now(s):
    """The days planned now, and how many more than the baseline's when there is one."""
    days = ("Planned now (days)", s["planned_now"], None)
    if not s["planned"]:
        return Figure(f"{s['planned_now']} days", (days,))
    more = s["planned_now"] - s["planned"]
    return Figure(
        f"{s['planned_now']} days ({signed(more)} on the baseline)",
        (days, ("Planned now on the baseline (days)", more, "signed")),
    )


def variance(s):
    """Shot days against the scheduled ones, in days and as a share of the scheduled."""
    if not s["planned"]:
        return "—"
    if s["variance_days"] is None:
        return "not started: no day shot yet"
    return Figure(
        f"{signed(s['variance_days'], ' days')} ({signed(s['variance_percent'], '%')})",
        (
            ("Variance (days)", s["variance_days"], "signed"),
            ("Variance (share of scheduled days)", s["variance_days"] / s["planned"], "percent"),
        ),
    )


def behind(s):
    """Days shot against the baseline days whose work is done, as of the last shot day (figures.days): the
    production report's "Against the baseline" of that day, in days."""
    if s["behind"] is None:
        return "no days shot yet"
    shown = f"{signed(s['behind'], ' days')} as of the last shot day"
    return Figure(shown, (("Behind the baseline (days)", s["behind"], "signed"),))


def on_date(label, day):
    return Figure(long_date(day), ((label, day, "date"),))


def build(production, params):
    s = schedule_summary(production)
    revisions = list(plan.revisions(production))
    baseline = revisions[0] if revisions and revisions[0].is_baseline else None
    climb = list(plan.cause_climb(revisions[-1])) if baseline else []
    planned, shot = s["planned"] or None, s["shot"]
    return ReportContent(
        summary=[
            scheduled_row(s, baseline),
            ("Planned now", planned_now(s)),
            ("Shot days", shot),
            ("Variance", variance(s)),
            ("Behind the baseline", behind(s)),
            ("Days still to shoot", s["remaining"]),
            (
                "First and last shot day",
                Figure(
                    f"{long_date(s['first_shot'])} to {long_date(s['last_shot'])}",
                    (("First shot day", s["first_shot"], "date"), ("Last shot day", s["last_shot"], "date")),
                ),
            ),
            ("Last planned day", on_date("Last planned day", s["last_planned"])),
            (
                "Takes (circled)",
                Figure(
                    f"{s['takes']} ({s['circled']})", (("Takes", s["takes"], None), ("Circled", s["circled"], None))
                ),
            ),
            ("Minutes recorded", s["minutes"]),
            ("Pace per week", pace(s)),
            ("Forecast finish", on_date("Forecast finish", s["forecast_finish"])),
        ],
        chart=schedule_chart(
            *chart_lines(production),
            (planned, s["planned_now"], shot),
            breaks=list(hiatuses(production)),
            today=timezone.localdate(),
            baseline_finish=baseline.finish if baseline else None,
        )
        + plan.cause_bars(climb),
        tables=[
            ("Shoot days", ScheduleDayTable(schedule_days(production))),
            ("Days added beyond the baseline, by cause", plan.CauseTable(climb)),
            ("Revisions", plan.RevisionTable(revisions)),
            ("Pace per week", PaceTable(weekly_pace(production))),
        ],
    )


REPORT = Report(
    "schedule",
    "Schedule",
    "Scheduled (the baseline) against planned and shot days, slip per day, the days added by cause, "
    "each revision's finish, pace and forecast finish.",
    build,
    calendar=shoot_day_events,
)
