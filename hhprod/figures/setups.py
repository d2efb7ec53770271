"""Setups: a scene's camera setups (12, 12A, 12B...), counted as distinct (scene, letters) pairs."""

from django.db.models import CharField, Count, Value
from django.db.models.functions import Cast, Concat

SETUP = Concat(Cast("scene_id", CharField()), Value("/"), "setup")


def setups(condition):
    """For `aggregate` over takes: the setups among the takes `condition` keeps."""
    return Count(SETUP, filter=condition, distinct=True)
