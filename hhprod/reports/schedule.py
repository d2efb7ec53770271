"""Schedule: planned against shot days, the slip per day, pace per week, a forecast finish, and the calendar."""

import math
from datetime import date, timedelta

import django_tables2 as tables
from django.db.models import Count, F, Max, Min, OuterRef, Q, Subquery, Sum, Window
from django.db.models.functions import Coalesce, RowNumber, TruncWeek

from hhprod.feeds.events import shoot_day_events
from hhprod.lib.formatting import long_date, minutes, signed
from hhprod.shooting.models import ShootDay, Take

from .chart import schedule_chart
from .columns import NUMBER, MinutesColumn, ReportTable, SignedColumn
from .content import Report, ReportContent


def schedule_days(production):
    """One row per shoot day: dates, slip, and what was recorded on it."""
    return (
        ShootDay.objects.filter(production=production)
        # Only the columns shown: SQLite groups by every selected column, notes and sources included.
        .only("production", "number", "scheduled_date", "actual_date", "status", "location")
        .with_slip()
        .with_recorded()
        .annotate(wearer_count=Count("takes__wearer", distinct=True))
        .order_by("number")
    )


def schedule_summary(production):
    """Planned against shot days, the variance, the pace and a forecast finish."""
    days = ShootDay.objects.filter(production=production).aggregate(
        scheduled=Count("pk", filter=Q(scheduled_date__isnull=False)),
        shot=Count("pk", filter=Q(status=ShootDay.Status.SHOT)),
        remaining=Count("pk", filter=Q(status=ShootDay.Status.SCHEDULED)),
        first_shot=Min("actual_date"),
        last_shot=Max("actual_date"),
        weeks_shooting=Count(TruncWeek("actual_date"), distinct=True),
    )
    takes = Take.objects.filter(shoot_day__production=production).recorded()
    planned = production.planned_days or days["scheduled"]
    variance = days["shot"] - planned
    weeks = days["weeks_shooting"]
    summary = {
        **days,
        **takes,
        "planned": planned,
        "variance_days": variance,
        "variance_percent": round(100 * variance / planned) if planned else None,
        "minutes": minutes(takes["seconds"]),
        "days_per_week": round(days["shot"] / weeks, 1) if weeks else None,
        "takes_per_week": round(takes["takes"] / weeks, 1) if weeks else None,
        "minutes_per_week": round(takes["seconds"] / 60 / weeks, 1) if weeks else None,
    }
    summary["forecast_finish"] = forecast_finish(days["last_shot"], days["remaining"], summary["days_per_week"])
    return summary


def forecast_finish(last_shot, remaining, days_per_week):
    """The day the remaining days would wrap at the pace so far; the last shot day when none remain.

    None when there is no pace yet, or when the forecast falls past the calendar's last day."""
    if not remaining:
        return last_shot
    if not last_shot or not days_per_week:
        return None
    weeks = math.ceil(remaining / days_per_week)
    if (date.max - last_shot).days < 7 * weeks:
        return None
    return last_shot + timedelta(weeks=weeks)


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


def cumulative_days(production, date_field):
    """(date, days so far) along `scheduled_date` or `actual_date`: the chart's two lines."""
    return (
        ShootDay.objects.filter(production=production, **{f"{date_field}__isnull": False})
        .annotate(so_far=Window(RowNumber(), order_by=[F(date_field).asc(), F("number").asc()]))
        .order_by(date_field, "number")
        .values_list(date_field, "so_far")
    )


class ScheduleDayTable(ReportTable):
    number = tables.Column("Day")
    scheduled_date = tables.DateColumn(verbose_name="Scheduled", default="—")
    actual_date = tables.DateColumn(verbose_name="Shot on", default="—")
    slip = SignedColumn("Slip (days)", default="—", attrs=NUMBER)
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


def build(production, params):
    s = schedule_summary(production)
    return ReportContent(
        summary=[
            ("Scheduled days", s["planned"]),
            ("Shot days", s["shot"]),
            ("Variance", f"{signed(s['variance_days'], ' days')} ({signed(s['variance_percent'], '%')})"),
            ("Days still to shoot", s["remaining"]),
            ("First and last shot day", f"{long_date(s['first_shot'])} to {long_date(s['last_shot'])}"),
            ("Takes (circled)", f"{s['takes']} ({s['circled']})"),
            ("Minutes recorded", s["minutes"]),
            ("Pace per week", f"{s['days_per_week']} days, {s['takes_per_week']} takes, {s['minutes_per_week']} min"),
            ("Forecast finish", long_date(s["forecast_finish"])),
        ],
        chart=schedule_chart(
            list(cumulative_days(production, "scheduled_date")),
            list(cumulative_days(production, "actual_date")),
            s["planned"],
        ),
        tables=[
            ("Shoot days", ScheduleDayTable(schedule_days(production))),
            ("Pace per week", PaceTable(weekly_pace(production))),
        ],
    )


REPORT = Report(
    "schedule",
    "Schedule",
    "Planned against shot days, slip per day, pace and forecast finish.",
    build,
    calendar=shoot_day_events,
)
