"""Days scheduled (the baseline's), planned now, shot, and how many days behind the baseline a
shoot is as of a date: days shot by then against the baseline's days due by then."""

from django.db.models import Count, Max, Q
from django.db.models.lookups import LessThanOrEqual

from hhprod.planning.baseline import baseline_date, in_schedule
from hhprod.planning.models import ShootDay

SHOT = ShootDay.Status.SHOT
LIVE = ~Q(status=ShootDay.Status.CANCELLED)


def shot_by(day, prefix=""):
    """Days shot up to `day`: as of its actual date when it was shot, else as of its number."""
    if day.actual_date:
        return Q(**{f"{prefix}status": SHOT, f"{prefix}actual_date__lte": day.actual_date})
    return Q(**{f"{prefix}status": SHOT, f"{prefix}number__lte": day.number})


def due_by(on):
    """Scheduled days due by the date `on` (a date or an expression): the baseline's days dated by then."""
    return in_schedule() & Q(LessThanOrEqual(baseline_date(), on))


def day_counts(production, **aggregates):
    """{"scheduled", "planned_now", "shot", "remaining", "behind"} and any further `aggregates` over the
    days, in one query: `behind` is as of the last shot day (days shot against the scheduled days due
    by then), None before any day is shot."""
    last_shot = ShootDay.objects.filter(production=production, status=SHOT).order_by().values("production")
    last_shot = last_shot.annotate(last=Max("actual_date")).values("last")
    counts = ShootDay.objects.filter(production=production).aggregate(
        scheduled=Count("pk", filter=in_schedule()),
        planned_now=Count("pk", filter=LIVE),
        shot=Count("pk", filter=Q(status=SHOT)),
        remaining=Count("pk", filter=LIVE & ~Q(status=SHOT)),
        due=Count("pk", filter=due_by(last_shot)),
        **aggregates,
    )
    counts["behind"] = counts["shot"] - counts.pop("due") if counts["shot"] else None
    return counts


def to_date(day):
    """{"scheduled", "shot", "behind"} as of `day`: day_counts()'s `behind` as of this day (its date,
    else its number for a day with no date yet). The production report's schedule standing."""
    on = day.actual_date or day.scheduled_date
    due = due_by(on) if on else in_schedule() & Q(number__lte=day.number)
    counts = ShootDay.objects.filter(production=day.production_id).aggregate(
        scheduled=Count("pk", filter=due), shot=Count("pk", filter=shot_by(day))
    )
    return {**counts, "behind": counts["shot"] - counts["scheduled"]}
