"""The day on set in figures: which shoot day it is, what it plans and what it has shot so far,
and the whole production at a glance. Each number is one query, the same at any size."""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from hhprod.figures.day_of import days_in_production
from hhprod.figures.days import day_counts
from hhprod.figures.pages import day_strips, planned_eighths
from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.models import DayCall, Scene, ShootDay, Strip, circled
from hhprod.shooting.models import Fault, HealthIncident, Take


def day_on_set(production, today):
    """Today's shoot day, else the next one scheduled; None when there is neither.

    Annotated with what its call sheet's head says: the days in the production (for "Day N of M"),
    the crew call (the day's general crew call, else the earliest call), and the strips and pages planned on it."""
    return (
        ShootDay.objects.filter(production=production)
        .with_working_date()
        .filter(Q(actual_date=today) | Q(status=ShootDay.Status.SCHEDULED, scheduled_date__gte=today))
        .annotate(
            days_in_production=days_in_production(),
            # The day's general crew call, else the earliest call on it.
            crew_call_at=Coalesce(
                "crew_call",
                Subquery(
                    DayCall.objects.filter(shoot_day=OuterRef("pk")).order_by("call_time").values("call_time")[:1]
                ),
            ),
            strip_count=SubqueryCount(day_strips().values("pk")),
            planned_eighths=planned_eighths(day_strips()),
        )
        .order_by("on", "number")
        .first()
    )


def day_scenes(day):
    """The scenes planned on the day (in shooting order) and any others shot on it: each with its
    INT/EXT, day/night, the pages planned that day, and the day's takes and circled takes.
    A scene is shot when it has a take that day."""
    planned = Strip.objects.filter(shoot_day=day, scene=OuterRef("pk"))
    takes = Take.objects.filter(shoot_day=day, scene=OuterRef("pk")).order_by().values("scene")
    on_the_day = Q(pk__in=Strip.objects.filter(shoot_day=day).values("scene")) | Q(
        pk__in=Take.objects.filter(shoot_day=day).values("scene")
    )
    return (
        Scene.objects.filter(on_the_day)
        .annotate(
            planned_order=Subquery(planned.order_by("order").values("order")[:1]),
            planned_eighths=planned_eighths(planned),
            take_count=Coalesce(Subquery(takes.annotate(n=Count("pk")).values("n")), 0),
            circled_count=Coalesce(Subquery(takes.annotate(n=Count("pk", filter=circled())).values("n")), 0),
        )
        .order_by(F("planned_order").asc(nulls_last=True), "number")
    )


def latest_takes(day, count=10):
    return (
        Take.objects.filter(shoot_day=day)
        .select_related("scene", "wearer", "rig", "rig_unit__rig")
        .order_by("-time_of_day", "-pk")[:count]
    )


def open_faults():
    """Every open fault on any unit: units go from production to production, and so do their faults."""
    return (
        Fault.objects.open()
        .select_related("unit__rig", "shoot_day")
        .order_by("unit__rig__version", "unit__number", "pk")
    )


def incidents_on(day):
    return HealthIncident.objects.filter(shoot_day=day).select_related("person").order_by("person__name", "pk")


@dataclass
class AtAGlance:
    """Days shot against days planned (the baseline's days when one is locked) and the variance."""

    days: int
    shot: int
    planned: int | None

    @property
    def variance(self):
        return None if self.planned is None else self.shot - self.planned

    @property
    def variance_percent(self):
        return round(100 * self.variance / self.planned) if self.planned else None


def at_a_glance(production):
    """The schedule report's days scheduled and shot; with no day scheduled yet, the production's planned days."""
    days = day_counts(production, days=Count("pk"))
    planned = days["scheduled"] or production.planned_days or None
    return AtAGlance(days=days["days"], shot=days["shot"], planned=planned)
