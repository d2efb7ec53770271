"""The daily production report's own numbers for one shoot day; the figures it shares with other pages
(days, takes, pages, scenes completed, rig time) are hhprod.figures'.

"To date" is as of the day's actual date when it was shot, else as of its number (a day not shot yet).
"""

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce

from hhprod.figures.scenes import completed_by
from hhprod.paperwork.models import DayReport, Delay
from hhprod.planning.baseline import baseline_days, baseline_strips
from hhprod.planning.models import RevisionStrip, ShootDay, strip_eighths
from hhprod.shooting.models import Fault, HealthIncident


def baseline_due(day):
    """The baseline's days due by this day (figures.days.to_date) and their pages, and how many of
    those days' work is done (every scene planned on them completed)."""
    on = day.actual_date or day.scheduled_date
    due = baseline_days(day.production_id).exclude(status=ShootDay.Status.CANCELLED)
    due = due.filter(date__lte=on) if on else due.filter(number__lte=day.number)
    work = RevisionStrip.objects.filter(revision=OuterRef("revision"), day_number=OuterRef("number"))
    unfinished = work.exclude(Exists(completed_by(day)))
    done = due.annotate(planned=Exists(work), open=Exists(unfinished)).aggregate(
        days_done=Count("pk", filter=Q(planned=True, open=False))
    )
    eighths = baseline_strips(day.production_id).filter(day_number__in=due.values("number"))
    return {**done, **eighths.aggregate(eighths=Coalesce(Sum(strip_eighths()), 0))}


def day_report(day):
    """The 1st AD's report of the day with its delays' total, or None before one is filed."""
    return DayReport.objects.filter(shoot_day=day).annotate(delay_minutes=Coalesce(Sum("delays__minutes"), 0)).first()


def day_delays(day):
    return Delay.objects.filter(day_report__shoot_day=day).order_by("pk")


def day_incidents(day):
    return HealthIncident.objects.filter(shoot_day=day).select_related("person").order_by("person__name", "pk")


def day_faults(day):
    return (
        Fault.objects.filter(shoot_day=day).select_related("unit__rig").order_by("unit__rig__version", "unit__number")
    )
