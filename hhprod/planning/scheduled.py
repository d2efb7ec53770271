"""What "scheduled" means, said once for every report: the days of the baseline revision (White).

The schedule's summary and chart, the production report's days to date and the calendar feed all
filter shoot days with `in_schedule()`, so a day added beyond the baseline never changes the count.
"""

from django.db.models import Exists, OuterRef, Q, Subquery

from hhprod.shooting.models import ShootDay

from .models import RevisionDay, ScheduleRevision


def in_schedule(prefix=""):
    """The condition "this shoot day is scheduled": the baseline planned it (not cancelled in it).

    A production with no baseline locked yet counts its days with a scheduled date, and the schedule
    report says so (`has_baseline`). `prefix` reaches the day through a relation ("shoot_day__").
    """
    in_baseline = RevisionDay.objects.filter(revision__number=1, shoot_day=OuterRef(f"{prefix}pk")).exclude(
        status=ShootDay.Status.CANCELLED
    )
    baseline_locked = ScheduleRevision.objects.filter(production=OuterRef(f"{prefix}production"), number=1)
    return Q(Exists(in_baseline)) | Q(**{f"{prefix}scheduled_date__isnull": False}) & ~Q(Exists(baseline_locked))


def baseline_date():
    """A shoot day's date in the baseline, for `annotate`: empty for a day the baseline does not hold."""
    return Subquery(RevisionDay.objects.filter(revision__number=1, shoot_day=OuterRef("pk")).values("date")[:1])
