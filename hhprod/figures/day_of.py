"""'Day N of M': a shoot day's place in shooting order among the production's working days (every day
but a cancelled one), by the date it was shot or is scheduled for, so a day moved, added or cancelled
renumbers the days after it; the planned number follows when it differs. The day's page, the
production report and the call sheet all print this one figure."""

from datetime import date

from django.db.models import DateField, OuterRef, Q, Value
from django.db.models.functions import Coalesce, JSONObject

from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.models import ShootDay

# A day with no date yet comes after every dated one (then by its number).
NO_DATE_YET = Value(date.max, output_field=DateField())


def days_in_production():
    """For `annotate(days_in_production=...)` on shoot days: {"place": N, "of": M}, the outer day's place in
    shooting order and its production's working days. One annotation, so day_of() needs nothing else."""
    working = ShootDay.objects.working().filter(production=OuterRef("production")).values("pk")
    on = Coalesce("actual_date", "scheduled_date", NO_DATE_YET)
    outer_on = Coalesce(OuterRef("actual_date"), OuterRef("scheduled_date"), NO_DATE_YET)
    earlier = working.alias(shot_or_scheduled=on).filter(
        Q(shot_or_scheduled__lt=outer_on) | Q(shot_or_scheduled=outer_on, number__lt=OuterRef("number"))
    )
    return JSONObject(place=SubqueryCount(earlier) + 1, of=SubqueryCount(working))


def day_of(production, day, *notes):
    """'Day 5 of 6 (4 planned)', from a day annotated with days_in_production(); any further notes
    (a call sheet's revision_note()) join the planned number in the brackets."""
    figures, planned = day.days_in_production, production.planned_days
    notes = ([f"{planned} planned"] if planned and planned != figures["of"] else []) + list(notes)
    shown = f" ({'; '.join(notes)})" if notes else ""
    if day.status == ShootDay.Status.CANCELLED:
        return f"Cancelled: not one of the {figures['of']} shoot days{shown}"
    return f"Day {figures['place']} of {figures['of']}{shown}"


def revision_note(revision):
    """A call sheet's note on the revision it is issued from: 'White revision', 'added after the White
    revision' for a day not in it (the revision annotated with the day's `day_number` in it, None then),
    'no revision locked'."""
    if revision is None:
        return "no revision locked"
    if revision.day_number is None:
        return f"added after the {revision.colour} revision"
    return f"{revision.colour} revision"
