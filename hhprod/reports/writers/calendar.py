"""A report as an iCalendar feed: one all-day event per entry of its `calendar` (the schedule's days)."""

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event


def write(report, production, content=None):
    """The events come straight from the report's calendar: the page's figures and chart are not needed."""
    cal = Calendar()
    cal.add("prodid", "-//hhprod//shooting schedule//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{production} shooting schedule")
    for entry in report.calendar(production):
        event = Event()
        event.add("uid", entry["uid"])
        event.add("summary", entry["summary"])
        event.add("dtstart", entry["on"])
        # An all-day event ends the next day; on the calendar's last day it ends that same day.
        event.add("dtend", entry["on"] + timedelta(days=1) if entry["on"] < date.max else entry["on"])
        event.add("dtstamp", datetime.combine(entry["stamp"], datetime.min.time(), tzinfo=UTC))
        event.add("location", entry["location"])
        event.add("description", entry["description"])
        cal.add_component(event)
    yield cal.to_ical()
