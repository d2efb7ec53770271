"""Every report number, computed once in the database.

The pages, the exports, the `report` command and the tests all call these; nothing
else computes a report number.
"""

import math
from datetime import timedelta

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber, TruncWeek

from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import ShootDay, Take

from .expressions import DaysBetween, GroupConcat, SubqueryCount


def schedule_days(production):
    """One row per shoot day: dates, slip, and what was recorded on it."""
    return (
        ShootDay.objects.filter(production=production)
        # Only the columns shown: SQLite groups by every selected column, notes and sources included.
        .only("production", "number", "scheduled_date", "actual_date", "status", "location")
        .annotate(
            slip=DaysBetween("actual_date", "scheduled_date"),
            take_count=Count("takes"),
            seconds_recorded=Coalesce(Sum("takes__length"), 0),
            circled=Count("takes", filter=Q(takes__status=Take.Status.CIRCLED)),
            wearer_count=Count("takes__wearer", distinct=True),
        )
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
    takes = Take.objects.filter(shoot_day__production=production).aggregate(
        takes=Count("pk"),
        seconds=Coalesce(Sum("length"), 0),
        circled=Count("pk", filter=Q(status=Take.Status.CIRCLED)),
    )
    planned = production.planned_days or days["scheduled"]
    variance = days["shot"] - planned
    weeks = days["weeks_shooting"]
    summary = {
        **days,
        **takes,
        "planned": planned,
        "variance_days": variance,
        "variance_percent": round(100 * variance / planned) if planned else None,
        "minutes": round(takes["seconds"] / 60, 1),
        "days_per_week": round(days["shot"] / weeks, 1) if weeks else None,
        "takes_per_week": round(takes["takes"] / weeks, 1) if weeks else None,
        "minutes_per_week": round(takes["seconds"] / 60 / weeks, 1) if weeks else None,
    }
    summary["forecast_finish"] = forecast_finish(days["last_shot"], days["remaining"], summary["days_per_week"])
    return summary


def forecast_finish(last_shot, remaining, days_per_week):
    """The day the remaining days would wrap at the pace so far; the last shot day when none remain."""
    if not remaining:
        return last_shot
    if not last_shot or not days_per_week:
        return None
    return last_shot + timedelta(weeks=math.ceil(remaining / days_per_week))


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


def wearer_totals(production):
    """Per person who wore the rig: takes, time worn, longest take, days, rigs, days over the limit."""
    limit = production.daily_rig_limit_minutes
    over_limit_days = (
        Take.objects.filter(wearer=OuterRef("pk"), shoot_day__production=production)
        .values("shoot_day")
        .annotate(worn=Sum("length"))
        .filter(worn__gt=(limit or 0) * 60)
        .values("shoot_day")
    )
    return (
        Person.objects.filter(takes_worn__shoot_day__production=production)
        .annotate(
            take_count=Count("takes_worn"),
            seconds_worn=Sum("takes_worn__length"),
            longest=Max("takes_worn__length"),
            days_on_rig=Count("takes_worn__shoot_day", distinct=True),
            rigs_used=GroupConcat("takes_worn__rig__name", distinct=True),
            days_over_limit=SubqueryCount(over_limit_days) if limit else Value(None, IntegerField()),
        )
        .order_by("-seconds_worn", "name")
    )


def camera_serials():
    """The serials of the cameras mounted on the outer query's rig, as "GP3-0001,GP3-0002"."""
    return Subquery(
        Camera.objects.filter(rig=OuterRef("pk"))
        .order_by()
        .values("rig")
        .annotate(serials=GroupConcat("serial", distinct=True))
        .values("serials")
    )


def rig_totals(production):
    """Per rig version: service window, cameras, and the production's takes, time and wearers on it."""
    on_production = Q(takes__shoot_day__production=production)
    return Rig.objects.annotate(
        camera_serials=camera_serials(),
        take_count=Count("takes", filter=on_production),
        seconds=Coalesce(Sum("takes__length", filter=on_production), 0),
        wearer_count=Count("takes__wearer", filter=on_production, distinct=True),
    ).order_by("version")


def take_log(production):
    """Every take of the production, as the camera report lists them."""
    return (
        Take.objects.filter(shoot_day__production=production)
        .select_related("shoot_day", "scene", "rig", "camera", "wearer")
        .order_by("shoot_day__number", "scene__number", "number")
    )
