"""What was shot when, scene by scene: one rule for the production report, the scenes report and the
schedule's "behind".

The days are taken in the order they were shot: by date, then by number. A scene is shot on a day with a
take of it. A split scene's parts are shot in order, one day of shooting for the parts planned on one day
(its strips), so its first day of shooting shoots the parts of its first planned day, its second day the
next day's parts, and so on; the day that shoots its last parts completes it. A part counts its pages
(strip_eighths: its own or its share of the scene's) and screen time on the day it is shot, so a scene
never counts more than its length. A day of shooting after its last parts (a pick-up, a retake) adds none.
A scene on no strip is one part: its first day of shooting completes it, with its whole length.

The functions take the day as a `DayRef` and a scene as a reference (a field name such as "pk" or
"scene", or an OuterRef), each as seen from the query that uses what they return: a subquery they build
looks one level further out for them.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Greatest
from django.db.models.lookups import Exact, GreaterThanOrEqual, LessThan

from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.models import ShootDay, Strip
from hhprod.shooting.models import Take

SHOT = ShootDay.Status.SHOT
# A scene's state on a day, in the words of a production report.
COMPLETED, PART, AGAIN, NOT_SHOT = "completed", "part", "again", "not shot"


def inward(ref):
    """`ref` as seen from one subquery further in: a field name or outer reference reaches out one more
    level; a value stays as it is."""
    return OuterRef(ref) if isinstance(ref, str | OuterRef) else ref


def here(ref):
    """`ref` in the query that uses it: a field name is that query's own field."""
    return F(ref) if isinstance(ref, str) else ref


@dataclass(frozen=True)
class DayRef:
    """A shoot day for the functions here: a day in hand (its values) or the rows of a query on days."""

    pk: object
    actual_date: object
    number: object

    @classmethod
    def of(cls, day):
        return cls(day.pk, day.actual_date, day.number)

    @classmethod
    def row(cls):
        """The shoot day of the query's own rows (a query on ShootDay)."""
        return cls("pk", "actual_date", "number")

    def inward(self):
        return DayRef(inward(self.pk), inward(self.actual_date), inward(self.number))


def shot_before(day, prefix=""):
    """Days shot before `day` in shooting order: an earlier date, or the same date and a lower number. Before
    a day not shot yet: every day shot so far."""
    shot = Q(**{f"{prefix}status": SHOT})
    if day.actual_date is None:
        return shot
    on, number = here(day.actual_date), here(day.number)
    earlier = Q(**{f"{prefix}actual_date__lt": on}) | Q(**{f"{prefix}actual_date": on, f"{prefix}number__lt": number})
    return shot & earlier


def shot_through(day, prefix=""):
    """The days "to date" on `day`'s report: the days shot before it, and the day itself."""
    return shot_before(day, prefix) | Q(**{f"{prefix}pk": here(day.pk)})


def times_shot(scene, days):
    """How many of the days `days(prefix)` (a condition on shoot days, built for the subquery) have a take
    of `scene`."""
    takes = Take.objects.filter(days("shoot_day__"), scene=inward(scene))
    return SubqueryCount(takes.order_by().values("shoot_day").distinct())


def shot_on(scene, day):
    """The condition "`day` has a take of `scene`"."""
    return Exists(Take.objects.filter(scene=inward(scene), shoot_day=inward(day.pk)))


def planned_days(scene):
    """How many days the plan gives `scene`'s strips, at least one (a scene on no strip is one part)."""
    days = Strip.objects.filter(scene=inward(scene)).order_by().values("shoot_day").distinct()
    return Greatest(SubqueryCount(days), Value(1))


def strip_place():
    """For a Strip row: which of its scene's planned days it falls on, 1 for the first (the day of shooting
    that shoots it: the parts of one day share their place)."""
    upto = Strip.objects.filter(scene=OuterRef("scene"), part__lte=OuterRef("part"))
    return SubqueryCount(upto.order_by().values("shoot_day").distinct())


def time_on(scene, day):
    """Which time `day` shoots `scene` (1 for its first day of shooting), counting the days shot before it."""
    return times_shot(scene, lambda prefix: shot_before(day.inward(), prefix)) + 1


def completes(scene, day):
    """The condition "`day`, shooting `scene`, shoots its last parts" (that it shoots the scene is the caller's)."""
    return Exact(time_on(scene, day), planned_days(scene))


def state_on(scene, day):
    """`scene`'s state on `day`: COMPLETED (the day shoots its last parts), PART (earlier parts), AGAIN (shot
    once more after its last parts), or NOT_SHOT."""
    return Case(
        When(~shot_on(scene, day), then=Value(NOT_SHOT)),
        When(completes(scene, day), then=Value(COMPLETED)),
        When(LessThan(time_on(scene, day), planned_days(scene)), then=Value(PART)),
        default=Value(AGAIN),
        output_field=CharField(),
    )


def part_shot_on(day):
    """For a Strip row: the condition "`day` shoots this part" (`day` as seen from the strips' query)."""
    return shot_on("scene", day) & Q(Exact(strip_place(), time_on("scene", day)))


def shot_by(scene, days, place):
    """The condition "`scene` has been shot on `days(prefix)` as often as `place` needs"."""
    return Q(GreaterThanOrEqual(times_shot(scene, days), place))
