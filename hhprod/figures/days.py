"""Days scheduled (the baseline's), planned now, shot, and how far behind the baseline a shoot is.

Behind the baseline, in days: the days shot to date against the baseline days whose work is done by then
(every part the baseline planned on the day shot, figures.progress). One figure for the schedule report
(as of the last day shot: the film's +75) and the production report (as of its day). In pages, on the
production report: the pages the baseline planned on as many days as were shot (to_date's `eighths_due`)
against the pages shot to date (figures.scenes).
"""

from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce, Least
from django.db.models.lookups import Exact, LessThanOrEqual

from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.baseline import baseline_date, baseline_locked, in_schedule
from hhprod.planning.days import strips_sum
from hhprod.planning.models import RevisionStrip, ShootDay, Strip, strip_eighths

from .progress import planned_days, shot_by, shot_through, strip_place

SHOT = ShootDay.Status.SHOT
LIVE = ~Q(status=ShootDay.Status.CANCELLED)


def due_by(on):
    """Scheduled days due by the date `on` (a date or an expression): the baseline's days dated by then."""
    return in_schedule() & Q(LessThanOrEqual(baseline_date(), on))


def baseline_place():
    """For a RevisionStrip row: which of its scene's days in its revision it falls on (1 first), and how many
    days that revision gives the scene."""
    same = RevisionStrip.objects.filter(revision=OuterRef("revision"), scene=OuterRef("scene")).order_by()
    upto = same.filter(part__lte=OuterRef("part"))
    return SubqueryCount(upto.values("day_number").distinct()), SubqueryCount(same.values("day_number").distinct())


def baseline_part_shot(days):
    """For a RevisionStrip row: the condition "shot on `days(prefix)`". A part the baseline planned is shot
    when its scene has been shot as often as its place in the baseline, up to the scene's days in the plan
    now; its last part when the scene is completed (the plan may have split or joined the scene since)."""
    place, scene_days = baseline_place()
    now = planned_days("scene")
    needed = Case(When(Exact(place, scene_days), then=now), default=Least(place, now), output_field=IntegerField())
    return Q(scene__isnull=True) | shot_by("scene", days, needed)


def work_done(days, on):
    """For shoot days: the condition "a scheduled day whose work is done on `days(prefix)`": every part the
    baseline planned on it shot (with no baseline locked, every part planned on it now); a day planned with
    no scene is done when due by the date `on` (None: not yet)."""
    locked = baseline_locked()
    baseline = RevisionStrip.objects.in_baseline().filter(shoot_day=OuterRef("pk"))
    plan = Strip.objects.filter(shoot_day=OuterRef("pk"))
    unfinished = (locked & Exists(baseline.exclude(baseline_part_shot(days)))) | (
        ~locked & Exists(plan.exclude(shot_by("scene", days, strip_place())))
    )
    planned = (locked & Exists(baseline)) | (~locked & Exists(plan))
    due = due_by(on) if on is not None else Q(pk__in=[])
    return in_schedule() & ((planned & ~unfinished) | (~planned & due))


def day_counts(production, **aggregates):
    """{"scheduled", "planned_now", "shot", "remaining", "behind"} and any further `aggregates` over the
    days, in one query: `behind` (in days) is as of the last shot day, None before any day is shot."""
    last_shot = ShootDay.objects.filter(production=production, status=SHOT).order_by().values("production")
    last_shot = last_shot.annotate(last=Max("actual_date")).values("last")
    counts = ShootDay.objects.filter(production=production).aggregate(
        scheduled=Count("pk", filter=in_schedule()),
        planned_now=Count("pk", filter=LIVE),
        shot=Count("pk", filter=Q(status=SHOT)),
        remaining=Count("pk", filter=LIVE & ~Q(status=SHOT)),
        done=Count("pk", filter=work_done(lambda prefix: Q(**{f"{prefix}status": SHOT}), Subquery(last_shot))),
        **aggregates,
    )
    counts["behind"] = counts["shot"] - counts.pop("done") if counts["shot"] else None
    return counts


def planned_work_eighths():
    """For shoot days: the pages (eighths) the baseline planned on the day (with no baseline locked, those
    planned on it now)."""
    baseline = RevisionStrip.objects.in_baseline().filter(shoot_day=OuterRef("pk")).order_by().values("shoot_day")
    return Case(
        When(baseline_locked(), then=Subquery(baseline.annotate(total=Sum("page_eighths")).values("total"))),
        default=strips_sum(Strip.objects.filter(shoot_day=OuterRef("pk")), strip_eighths()),
        output_field=IntegerField(),
    )


def to_date(day):
    """The schedule as of `day`, for its production report, in one query: {"scheduled", "shot", "done",
    "behind", "eighths_due"}: the scheduled days due by its date, the days shot to date, the scheduled
    days whose work is done by then, `behind` (shot less done, in days), and the pages (eighths) the
    baseline planned on its first days (by number), as many as were shot: what the pages shot to date are
    measured against."""
    on = day.actual_date or day.scheduled_date
    due = due_by(on) if on else in_schedule() & Q(number__lte=day.number)
    shot = Q(status=SHOT) & shot_through(day)
    days = ShootDay.objects.filter(production=day.production_id)
    # A scheduled day among the first as many as were shot: its place by number in the schedule.
    first = Q(
        LessThanOrEqual(
            SubqueryCount(days.filter(in_schedule(), number__lte=OuterRef("number"))), SubqueryCount(days.filter(shot))
        )
    )
    counts = days.aggregate(
        scheduled=Count("pk", filter=due),
        shot=Count("pk", filter=shot),
        done=Count("pk", filter=work_done(lambda prefix: shot_through(day, prefix), on)),
        eighths_due=Coalesce(Sum(planned_work_eighths(), filter=in_schedule() & first), 0),
    )
    return {**counts, "behind": counts["shot"] - counts["done"]}
