"""Pages planned, in eighths: what strips add up to (a split scene's part its own length, else its share of
the scene's: planning.models.strip_eighths), per day and for the days the today page lists."""

from django.db.models import Count, OuterRef, Sum
from django.db.models.functions import Coalesce

from hhprod.planning.days import strips_sum, with_plan_figures
from hhprod.planning.models import Strip, strip_eighths, strip_screen_seconds

__all__ = ["planned_eighths", "planned_on", "with_plan_figures"]


def planned_eighths(strips):
    """For `annotate` on shoot days: the pages of `strips` (filtered by the outer day) in eighths."""
    return strips_sum(strips, strip_eighths())


def day_strips():
    """The strips of the outer shoot day, for a subquery."""
    return Strip.objects.filter(shoot_day=OuterRef("pk"))


def planned_on(day):
    """What a day's strips plan: scenes, pages (eighths) and screen time."""
    return Strip.objects.filter(shoot_day=day).aggregate(
        scenes=Count("scene", distinct=True),
        eighths=Coalesce(Sum(strip_eighths()), 0),
        screen_seconds=Coalesce(Sum(strip_screen_seconds()), 0),
    )
