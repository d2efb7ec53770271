"""The plan's admin pages: shoot days and their calls, locations, scenes, strips and revisions."""

from . import days, scenes, schedule

__all__ = ["days", "scenes", "schedule"]
