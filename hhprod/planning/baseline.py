"""The baseline: the first locked revision (White), what "scheduled" means, and each day's date in it.

Before a baseline is locked, a production's scheduled days are those with a scheduled date, each on it.
"""

from django.db.models import Case, DateField, Exists, F, OuterRef, Q, Subquery, When

from hhprod.planning.models import RevisionDay, RevisionStrip, ScheduleRevision, ShootDay
from hhprod.planning.revisions import baseline

__all__ = ["baseline", "baseline_date", "baseline_days", "baseline_strips", "in_schedule"]


def baseline_days(production):
    """The baseline's days as locked (a day cancelled in it included)."""
    return RevisionDay.objects.in_baseline().filter(revision__production=production)


def baseline_strips(production):
    return RevisionStrip.objects.in_baseline().filter(revision__production=production)


def baseline_locked(prefix=""):
    """The condition "the day's production has a baseline"; `prefix` reaches the day ("shoot_day__")."""
    return Exists(ScheduleRevision.objects.baseline().filter(production=OuterRef(f"{prefix}production")))


def in_schedule(prefix=""):
    """The condition "this shoot day is scheduled": the baseline holds it, not cancelled; with no
    baseline locked yet, it has a scheduled date."""
    held = (
        RevisionDay.objects.in_baseline()
        .filter(shoot_day=OuterRef(f"{prefix}pk"))
        .exclude(status=ShootDay.Status.CANCELLED)
    )
    return Q(Exists(held)) | Q(**{f"{prefix}scheduled_date__isnull": False}) & ~Q(baseline_locked(prefix))


def date_in_baseline():
    """A shoot day's date as the baseline locked it: empty for a day the baseline does not hold."""
    return Subquery(RevisionDay.objects.in_baseline().filter(shoot_day=OuterRef("pk")).values("date")[:1])


def baseline_date():
    """The date a shoot day was scheduled for: its date in the baseline; with no baseline locked yet,
    its scheduled date. What slip and "days due" are measured against."""
    return Case(When(baseline_locked(), then=date_in_baseline()), default=F("scheduled_date"), output_field=DateField())
