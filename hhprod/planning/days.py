"""A shoot day's plan in figures: what its strips add up to."""

from django.db.models import Count, Sum
from django.db.models.functions import Coalesce


def with_plan_figures(days):
    """Shoot days with their strips counted and their pages (in eighths) and screen time added up.

    A split scene's part counts its own length when it has one, else the whole scene's.
    """
    return days.annotate(
        strip_count=Count("strips"),
        planned_eighths=Sum(Coalesce("strips__page_eighths", "strips__scene__page_eighths")),
        planned_screen_seconds=Sum(Coalesce("strips__screen_seconds", "strips__scene__screen_seconds")),
    )
