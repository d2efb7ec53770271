"""The plan: shoot days and their locations, scenes and their breakdown, scenes placed on days
(strips), the calendar between the days, and the locked revisions of it all."""

from .calls import DayCall
from .locations import Location
from .scenes import Scene, SceneQuerySet, pages_and_eighths
from .schedule_revisions import (
    InRevisionQuerySet,
    RevisionDay,
    RevisionStrip,
    ScheduleRevision,
    ScheduleRevisionQuerySet,
)
from .shoot_days import ShootDay, ShootDayQuerySet, circled, recorded
from .strips import (
    BASELINE,
    REVISION_COLOURS,
    CalendarEntry,
    Strip,
    StripMove,
    revision_colour,
    strip_eighths,
    strip_screen_seconds,
)

__all__ = [
    "BASELINE", "REVISION_COLOURS", "CalendarEntry", "DayCall", "InRevisionQuerySet", "Location", "RevisionDay",
    "RevisionStrip", "Scene", "SceneQuerySet", "ScheduleRevision", "ScheduleRevisionQuerySet", "ShootDay",
    "ShootDayQuerySet", "Strip", "StripMove", "circled", "pages_and_eighths", "recorded", "revision_colour",
    "strip_eighths", "strip_screen_seconds",
]  # fmt: skip
