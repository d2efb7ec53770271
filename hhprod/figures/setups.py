"""Setups: each time the camera is set up for a scene (12, 12A, 12B...) on a day, counted as the distinct (scene,
letters) of a day's takes: a setup shot again on another day was set up again, so the days' setups add up."""

from django.db.models import OuterRef

from hhprod.lib.expressions import SubqueryCount
from hhprod.shooting.models import Take


def setups_on_each_day():
    """For `annotate` on shoot days: the day's setups."""
    return SubqueryCount(Take.objects.filter(shoot_day=OuterRef("pk")).order_by().values("scene", "setup").distinct())
