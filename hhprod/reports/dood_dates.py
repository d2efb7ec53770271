"""The dates a Day Out of Days is coded from, read in SQL: one query per source of rows, none per person.

Past days come from the calls (DayCall, with their kind: work, rehearsal, fitting); days not shot
yet come from the plan (the cast of the scenes stripped on them); travel is the dates trips start
and end; a fitting is a rigs.Fit. The company's calendar is the shoot days and the calendar entries.
"""

from datetime import timedelta

from django.db.models import Case, CharField, DateField, IntegerField, Min, Q, Value, When
from django.db.models.functions import Coalesce

from hhprod.planning.models import CalendarEntry, DayCall, ShootDay, Strip
from hhprod.productions.models import Credit, Person, Trip
from hhprod.rigs.models import Fit
from hhprod.shooting.models import Take

from .dood_rules import FITTING, HIATUS, HOLIDAY, MOVE, OFF, REHEARSAL, SHOOT, WORK

CAST, STUNTS, CREW = 1, 2, 3
BLOCKS = {CAST: "Cast", STUNTS: "Stunt performers and rig wearers", CREW: "Crew"}
# Cast, stunt performers and rig wearers are held, dropped and picked up; crew has work days only.
PERFORMERS = (CAST, STUNTS)
CALL_CODES = {DayCall.Kind.WORK: WORK, DayCall.Kind.REHEARSAL: REHEARSAL, DayCall.Kind.FITTING: FITTING}
ENTRY_KINDS = {
    CalendarEntry.Kind.DAY_OFF: OFF,
    CalendarEntry.Kind.HOLIDAY: HOLIDAY,
    CalendarEntry.Kind.TRAVEL: MOVE,
    CalendarEntry.Kind.HIATUS: HIATUS,
}
TRAVEL = "T"
# person_dates(performers=True) marks each performer with a row of this code and no date.
PERFORMER = "P"


def _text(value):
    return Value(value, output_field=CharField())


def unshot_days(production):
    """Days still to shoot in the plan: scheduled or moved, with a date."""
    return ShootDay.objects.filter(
        production=production,
        status__in=[ShootDay.Status.SCHEDULED, ShootDay.Status.MOVED],
        scheduled_date__isnull=False,
    )


def performer_rule(production):
    """Who keeps the performers' rules: credited as cast or stunt performer, or to wear the rig."""
    return Q(credits__production=production) & (
        Q(credits__role__in=[Credit.Role.CAST, Credit.Role.STUNT_PERFORMER]) | Q(credits__wears_rig=True)
    )


def person_dates(production, performers=False):
    """(person id, date, code) rows, code W/R/F for a working day or T for travel: one query.

    With `performers`, the same query also gives a (person id, None, "P") row per performer, so
    a caller with no people() query (codes_on) still knows whose rows are held and dropped."""
    # A day added with no date yet has no column on the calendar.
    working_days = (
        ShootDay.objects.filter(production=production)
        .working()
        .filter(Q(actual_date__isnull=False) | Q(scheduled_date__isnull=False))
    )
    calls = DayCall.objects.filter(shoot_day__in=working_days).values_list(
        "person", Coalesce("shoot_day__actual_date", "shoot_day__scheduled_date"), "kind"
    )
    planned = Strip.objects.filter(shoot_day__in=unshot_days(production), scene__cast__isnull=False).values_list(
        "scene__cast__person", "shoot_day__scheduled_date", _text(DayCall.Kind.WORK)
    )
    trips_out = Trip.objects.filter(production=production).values_list("person", "starts", _text(TRAVEL))
    trips_home = Trip.objects.filter(production=production).values_list("person", "ends", _text(TRAVEL))
    fittings = Fit.objects.filter(wearer__credits__production=production).values_list(
        "wearer", "fitted_on", _text(DayCall.Kind.FITTING)
    )
    sources = [planned, trips_out, trips_home, fittings]
    if performers:
        marks = Person.objects.filter(performer_rule(production)).values_list(
            "pk", Value(None, output_field=DateField()), _text(PERFORMER)
        )
        sources.append(marks)
    rows = calls.order_by().union(*(source.order_by() for source in sources))
    return [(person, on, CALL_CODES.get(kind, kind)) for person, on, kind in rows]


def people(production):
    """Everyone credited, called or travelling on the production, with their block: one query.

    Cast first; then stunt performers and anyone credited to wear the rig; everyone else is crew.
    """
    credits = Q(credits__production=production)
    block = Min(
        Case(
            When(credits__role=Credit.Role.CAST, then=CAST),
            When(performer_rule(production), then=STUNTS),
            default=CREW,
            output_field=IntegerField(),
        ),
        filter=credits,
    )
    involved = (
        Q(pk__in=Credit.objects.filter(production=production).values("person"))
        | Q(pk__in=DayCall.objects.filter(shoot_day__production=production).values("person"))
        | Q(pk__in=Trip.objects.filter(production=production).values("person"))
    )
    return Person.objects.filter(involved).annotate(block=Coalesce(block, CREW)).order_by("block", "name")


def rig_dates(production):
    """(rig name, unit number or None, date) rows: units the takes used, rig versions the plan needs."""
    used = (
        Take.objects.filter(shoot_day__production=production, shoot_day__actual_date__isnull=False)
        .values_list(Coalesce("rig_unit__rig__name", "rig__name"), "rig_unit__number", "shoot_day__actual_date")
        .order_by()
    )
    needed = (
        Strip.objects.filter(shoot_day__in=unshot_days(production), scene__head_rig=True, scene__rig__isnull=False)
        .values_list("scene__rig__name", Value(None, output_field=IntegerField()), "shoot_day__scheduled_date")
        .order_by()
    )
    return list(used.union(needed))


def company_calendar(production, also=()):
    """{date: company kind} for the dates the company has something on, and {date: day number}:
    two queries. A date missing is a day off. A shoot day wins over a calendar entry on its date;
    a cancelled day is a day off. Entries are laid out only between the first and last date of
    the shoot days and of `also` (the people's and rigs' dates): that is the calendar shown.
    """
    days = (
        ShootDay.objects.filter(production=production)
        .working()
        .with_working_date()
        .filter(on__isnull=False)
        .values_list("on", "number")
    )
    numbers = dict(days)
    dates = [*numbers, *also]
    if not dates:
        return {}, numbers
    first, last = min(dates), max(dates)
    kinds = {}
    for kind, starts, ends in CalendarEntry.objects.filter(production=production).values_list("kind", "starts", "ends"):
        starts, ends = max(starts, first), min(ends or starts, last)
        for offset in range((ends - starts).days + 1):
            kinds[starts + timedelta(offset)] = ENTRY_KINDS[kind]
    kinds.update(dict.fromkeys(numbers, SHOOT))
    return kinds, numbers
