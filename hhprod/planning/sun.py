"""Sunrise and sunset at a location on a date, worked out here (astral): a call sheet prints them with no network."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from astral import Observer
from astral.sun import sunrise, sunset


def sun_times(latitude, longitude, time_zone, on):
    """(sunrise, sunset), local wall-clock times; None where the sun does not cross (polar day or night)."""
    observer, zone = Observer(float(latitude), float(longitude)), ZoneInfo(time_zone)
    times = []
    for crossing in (sunrise, sunset):
        try:
            # To the nearest minute, as an almanac prints it.
            nearest = crossing(observer, on, tzinfo=zone) + timedelta(seconds=30)
            times.append(nearest.time().replace(second=0, microsecond=0))
        except ValueError:
            times.append(None)
    return tuple(times)
