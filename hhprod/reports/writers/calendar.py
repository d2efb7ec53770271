"""Events as an iCalendar file: the schedule report's download and the subscribed feeds.

An entry is a dict: uid, summary, start (a date: all day; or a datetime in the production's
time zone), optional end, sequence, stamp, location, description. The production's time
zone goes in as a VTIMEZONE, so a phone in another zone shows a call at the right hour.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from icalendar import Calendar, Event, Timezone


def calendar(name, entries):
    cal = Calendar()
    cal.add("prodid", "-//hhprod//shooting schedule//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    for entry in entries:
        event = Event()
        event.add("uid", entry["uid"])
        event.add("sequence", entry["sequence"])
        event.add("summary", entry["summary"])
        event.add("dtstart", entry["start"])
        if end := entry.get("end") or all_day_end(entry["start"]):
            event.add("dtend", end)
        event.add("dtstamp", entry["stamp"])
        event.add("location", entry["location"])
        event.add("description", entry["description"])
        cal.add_component(event)
    return cal.to_ical()


def all_day_end(start):
    """An all-day event ends the next day; on the calendar's last day it ends that same day."""
    if isinstance(start, datetime) or not isinstance(start, date):
        return None
    return start + timedelta(days=1) if start < date.max else start


def write(report, production, content=None):
    """The events come straight from the report's calendar: the page's figures and chart are not needed."""
    yield calendar(f"{production} shooting schedule", report.calendar(production))
