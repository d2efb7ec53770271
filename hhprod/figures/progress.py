"""What was shot when, scene by scene: one rule for the production report, the scenes report and the
schedule's "behind".

The days are taken in the order they were shot: by date, then by number. A scene is shot on a day with a
take of it. A split scene's parts are shot in order, one day of shooting for the parts planned on one day
(its strips), so its first day of shooting shoots the parts of its first planned day, its second day the
next day's parts, and so on; the day that shoots its last parts completes it. A part counts its pages
(strip_eighths: its own or its share of the scene's) and screen time on the day it is shot, so a scene
never counts more than its length. A day of shooting after its last parts (a pick-up, a retake) adds none.
A scene on no strip is one part: its first day of shooting completes it, with its whole length.

The functions take a scene as a reference (a field name such as "pk" or "scene", or an OuterRef) as seen
from the query that uses what they return: a subquery they build looks one level further out for it. Each
scene's day of completion and each strip's day of shooting are found once, by ranking the scene's days of
shooting (a window over its takes), so what a day shot is a grouping by them.
"""

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import DenseRank, Greatest
from django.db.models.lookups import Exact, GreaterThanOrEqual

from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.models import ShootDay, Strip
from hhprod.shooting.models import Take

SHOT = ShootDay.Status.SHOT
# A scene's state on a day, in the words of a production report.
COMPLETED, PART, AGAIN, NOT_SHOT = "completed", "part", "again", "not shot"
# A take's place in shooting order: its day's date, then the day's number.
FIRST = ("shoot_day__actual_date", "shoot_day__number")


def inward(ref):
    """`ref` as seen from one subquery further in: a field name or outer reference reaches out one more
    level; a value stays as it is."""
    return OuterRef(ref) if isinstance(ref, str | OuterRef) else ref


def shot_before(day, prefix=""):
    """Days shot before `day` (a shoot day in hand) in shooting order: an earlier date, or the same date and a
    lower number. Before a day not shot yet: every day shot so far."""
    shot = Q(**{f"{prefix}status": SHOT})
    if day.actual_date is None:
        return shot
    on = day.actual_date
    return shot & (
        Q(**{f"{prefix}actual_date__lt": on}) | Q(**{f"{prefix}actual_date": on, f"{prefix}number__lt": day.number})
    )


def shot_through(day, prefix=""):
    """The days "to date" on `day`'s report: the days shot before it, and the day itself."""
    return shot_before(day, prefix) | Q(**{f"{prefix}pk": day.pk})


def times_shot(scene, days):
    """How many of the days `days(prefix)` (a condition on shoot days, built for the subquery) have a take
    of `scene`."""
    takes = Take.objects.filter(days("shoot_day__"), scene=inward(scene))
    return SubqueryCount(takes.order_by().values("shoot_day").distinct())


def shot_by(scene, days, place):
    """The condition "`scene` has been shot on `days(prefix)` as often as `place` needs"."""
    return Q(GreaterThanOrEqual(times_shot(scene, days), place))


def planned_days(scene):
    """How many days the plan gives `scene`'s strips, at least one (a scene on no strip is one part)."""
    days = Strip.objects.filter(scene=inward(scene)).order_by().values("shoot_day").distinct()
    return Greatest(SubqueryCount(days), Value(1))


def strip_place():
    """For a Strip row: which of its scene's planned days it falls on, 1 for the first (the day of shooting
    that shoots it: the parts of one day share their place)."""
    upto = Strip.objects.filter(scene=OuterRef("scene"), part__lte=OuterRef("part"))
    return SubqueryCount(upto.order_by().values("shoot_day").distinct())


def shooting(scene):
    """`scene`'s takes on days shot, each with its day's `time`: 1 on the scene's first day of shooting (by
    date, then number), 2 on its second..."""
    takes = Take.objects.filter(scene=inward(scene), shoot_day__status=SHOT).order_by()
    return takes.annotate(time=Window(DenseRank(), order_by=[F(field).asc() for field in FIRST]))


def day_of_time(scene, time):
    """The shoot day that shot `scene` for the `time`-th time (`time`: an annotation of the query using this),
    or None before it has. The first time is the day of its first take; a later one is found by ranking."""
    first = Take.objects.filter(scene=inward(scene), shoot_day__status=SHOT).order_by(*FIRST)
    later = shooting(scene).filter(time=OuterRef(time))
    return Case(
        When(Exact(F(time), 1), then=Subquery(first.values("shoot_day")[:1])),
        default=Subquery(later.values("shoot_day")[:1]),
    )


def with_completion(scenes):
    """Scenes with `completed_on`: the day that shoots their last parts (the `planned_days`-th day of their
    shooting), None while they are not completed."""
    return scenes.annotate(planned_days=planned_days("pk")).annotate(completed_on=day_of_time("pk", "planned_days"))


def with_shot_on(strips):
    """Strips with `shot_on`: the day that shoots them (their scene's day of shooting at their `place`)."""
    return strips.annotate(place=strip_place()).annotate(shot_on=day_of_time("scene", "place"))


def state_on(day):
    """For scenes annotated with_completion(): their state on `day` (a day in hand): COMPLETED (it shoots their
    last parts), PART (earlier parts), AGAIN (shot once more after their last parts), or NOT_SHOT."""
    before = ShootDay.objects.filter(shot_before(day), production=day.production_id).values("pk")
    return Case(
        When(~Exists(Take.objects.filter(scene=OuterRef("pk"), shoot_day=day)), then=Value(NOT_SHOT)),
        When(completed_on=day.pk, then=Value(COMPLETED)),
        When(completed_on__in=before, then=Value(AGAIN)),
        default=Value(PART),
        output_field=CharField(),
    )
