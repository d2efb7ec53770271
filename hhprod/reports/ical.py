"""The schedule as an iCalendar feed: one all-day event per day, scheduled and actual."""

from datetime import UTC, datetime, timedelta

from django.utils.text import slugify
from icalendar import Calendar, Event

from . import queries


def schedule_ics(production):
    cal = Calendar()
    cal.add("prodid", "-//hhprod//shooting schedule//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{production} shooting schedule")
    for day in queries.schedule_days(production):
        for kind, on in (("scheduled", day.scheduled_date), ("shot", day.actual_date)):
            if on is None:
                continue
            event = Event()
            event.add("uid", f"hhprod-{production.pk}-day-{day.number}-{kind}@hhprod")
            event.add("summary", f"{production} day {day.number} ({kind})")
            event.add("dtstart", on)
            event.add("dtend", on + timedelta(days=1))
            event.add("dtstamp", production_stamp(day))
            event.add("location", day.location)
            event.add("description", day_description(day))
            cal.add_component(event)
    return cal.to_ical()


def production_stamp(day):
    """A fixed DTSTAMP per day, so the same schedule always gives the same file."""
    return datetime.combine(day.scheduled_date or day.actual_date, datetime.min.time(), tzinfo=UTC)


def day_description(day):
    slip = f"slip {day.slip:+d} days; " if day.slip is not None else ""
    return (
        f"Status: {day.get_status_display()}; {slip}{day.take_count} takes, "
        f"{round(day.seconds_recorded / 60, 1)} minutes recorded, {day.circled} circled."
    )


def filename(production):
    return f"{slugify(production.title)}-schedule.ics"
