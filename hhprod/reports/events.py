"""Calendar events: one per shoot day with its planned scenes (the schedule report's iCalendar download and
the feeds), and one per call of a person (the feeds).

An event keeps its UID for good; its SEQUENCE is how many times its records changed (their
history), so a calendar that already has the day replaces it when the day moves.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from hhprod.lib.formatting import signed
from hhprod.planning.models import DayCall, ShootDay, Strip
from hhprod.planning.slip import with_slip


def production_zone():
    """The production's time zone: the office's (Moscow for this film)."""
    return ZoneInfo(settings.TIME_ZONE)


def history_of(model, pk="pk"):
    """(versions, last change) subqueries over a model's history rows for the outer row's `pk`."""
    rows = model.history.model.objects.filter(id=OuterRef(pk)).order_by().values("id")
    return (
        Subquery(rows.annotate(n=Count("history_id")).values("n")),
        Subquery(rows.annotate(last=Max("history_date")).values("last")),
    )


def scenes_planned(day):
    parts = [
        f"{strip.scene.number}" + (f" (part {strip.part} of {strip.parts})" if strip.parts > 1 else "")
        for strip in day.strips.all()
    ]
    return ", ".join(parts) or "none yet"


def slipped(day):
    """' Shot +3 days against the baseline.' for a day shot off its baseline date; nothing otherwise."""
    return f" Shot {signed(day.slip, ' days')} against the baseline." if day.slip else ""


def stamp(changed, on):
    """When the event last changed: its last history entry, else (a record loaded without history) its date."""
    return changed or datetime.combine(on, datetime.min.time(), tzinfo=UTC)


def shoot_day_events(production):
    """One all-day event per dated shoot day: its status in the title, its planned scenes in the description."""
    versions, changed = history_of(ShootDay)
    days = (
        with_slip(ShootDay.objects.filter(production=production))
        .with_working_date()
        .filter(on__isnull=False)
        .annotate(versions=versions, changed=changed)
        .prefetch_related(Prefetch("strips", queryset=Strip.objects.select_related("scene").order_by("order")))
        .order_by("number")
    )
    for day in days:
        yield {
            "uid": f"hhprod-day-{day.pk}@hhprod",
            "summary": f"{production} day {day.number}: {day.get_status_display()}",
            "start": day.on,
            "sequence": max((day.versions or 0) - 1, 0),
            "stamp": stamp(day.changed, day.on),
            "location": day.location,
            "description": f"Status: {day.get_status_display()}. Scenes planned: {scenes_planned(day)}." + slipped(day),
        }


def call_events(person):
    """One timed event per call of `person`, in the production's time zone, from call to wrap."""
    call_versions, call_changed = history_of(DayCall)
    day_versions, day_changed = history_of(ShootDay, "shoot_day")
    calls = (
        DayCall.objects.filter(person=person)
        .annotate(
            on=Coalesce("shoot_day__actual_date", "shoot_day__scheduled_date"),
            call_versions=call_versions,
            day_versions=day_versions,
            call_changed=call_changed,
            day_changed=day_changed,
        )
        .filter(on__isnull=False)
        .select_related("shoot_day__production")
        .order_by("on", "call_time")
    )
    zone = production_zone()
    for call in calls:
        day = call.shoot_day
        start = datetime.combine(call.on, call.call_time, tzinfo=zone)
        end = None
        if call.wrap_time:
            end = datetime.combine(call.on, call.wrap_time, tzinfo=zone)
            end += timedelta(days=1) if end <= start else timedelta()  # a wrap after midnight
        changes = [moment for moment in (call.call_changed, call.day_changed) if moment]
        yield {
            "uid": f"hhprod-call-{call.pk}@hhprod",
            "summary": f"Call {call.call_time:%H:%M}: {day.production} day {day.number}",
            "start": start,
            "end": end,
            "sequence": max((call.call_versions or 0) + (call.day_versions or 0) - 2, 0),
            "stamp": max(changes) if changes else stamp(None, call.on),
            "location": day.location,
            "description": f"Call {call.call_time:%H:%M}"
            + (f", wrap {call.wrap_time:%H:%M}" if call.wrap_time else "")
            + (f". {call.notes}" if call.notes else "."),
        }
