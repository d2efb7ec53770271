"""Slip: whole days from the date the baseline scheduled to the date shot; empty until both are known.

A shoot day's slip is its own; a scene's is from its baseline day's date to the day its first take
was circled (the day it was completed, scenes.py).
"""

from django.db.models import OuterRef, Subquery

from hhprod.lib.expressions import DaysBetween

from .baseline import baseline_date, baseline_days


def with_slip(days):
    """Shoot days with `baseline_date` and `slip`, in days against it."""
    return days.annotate(baseline_date=baseline_date()).annotate(slip=DaysBetween("actual_date", "baseline_date"))


def scene_slip(production, baseline_day, circled_on):
    """A scene's slip from its baseline day (`baseline_day`, a day number) to `circled_on`: both the
    names of the scene's annotations or aliases."""
    scheduled = Subquery(baseline_days(production).filter(number=OuterRef(baseline_day)).values("date")[:1])
    return DaysBetween(circled_on, scheduled)
