"""The per-day reports' numbers: Day Out of Days, call sheet and daily production report.

Like queries.py, every code, count and total is computed in the database; the
builders in day_reports.py only lay the rows out.
"""

from datetime import timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce

from hhprod.productions.models import Credit, Person, Trip
from hhprod.rigs.models import Rig
from hhprod.shooting.models import DayCall, Scene, ShootDay, Take

from .expressions import GroupConcat, SubqueryCount
from .queries import camera_serials

# A cancelled day is nobody's work, hold or travel day.
WORKING_STATUSES = [ShootDay.Status.SCHEDULED, ShootDay.Status.SHOT, ShootDay.Status.MOVED]


def shoot_days(production):
    """The production's days in shooting order; `on` is the date shot, or else the date scheduled."""
    return (
        ShootDay.objects.filter(production=production)
        .annotate(on=Coalesce("actual_date", "scheduled_date"))
        .order_by("number")
    )


def day_choices(production):
    """Every day for the day picker, with whether it has takes yet and how many days the production has."""
    return shoot_days(production).annotate(
        has_takes=Exists(Take.objects.filter(shoot_day=OuterRef("pk"))),
        days_in_production=Window(Count("pk")),
    )


# Day Out of Days -------------------------------------------------------------------


def dood_people(production):
    """People with a call or a trip on the production, with their Day Out of Days totals.

    Work is a call; a hold is a day strictly between the first and last work day
    without a call; travel is a day inside one of the person's trips that is neither
    work nor hold. A day covered by two overlapping trips is one travel day: days are
    counted, not trips.
    """
    dood_day = ShootDay.objects.filter(production=production, status__in=WORKING_STATUSES)
    calls = DayCall.objects.filter(person=OuterRef("pk"), shoot_day__in=dood_day).order_by()
    trip_days = dood_day.annotate(on=Coalesce("actual_date", "scheduled_date")).filter(
        Exists(
            Trip.objects.filter(
                production=production,
                person=OuterRef(OuterRef("pk")),
                starts__lte=OuterRef("on"),
                ends__gte=OuterRef("on"),
            )
        )
    )
    return (
        Person.objects.filter(
            Q(pk__in=DayCall.objects.filter(shoot_day__in=dood_day).values("person"))
            | Q(pk__in=Trip.objects.filter(production=production).values("person"))
        )
        .annotate(
            first_day=Subquery(calls.order_by("shoot_day__number").values("shoot_day__number")[:1]),
            last_day=Subquery(calls.order_by("-shoot_day__number").values("shoot_day__number")[:1]),
            worked=SubqueryCount(calls.values("pk")),
            held=SubqueryCount(
                dood_day.filter(number__gt=OuterRef("first_day"), number__lt=OuterRef("last_day"))
                .exclude(calls__person=OuterRef("pk"))
                .values("pk")
            ),
            # Outside the work span (the whole production for someone never called): no hold there.
            travel=SubqueryCount(
                trip_days.exclude(
                    number__gte=Coalesce(OuterRef("first_day"), 0), number__lte=Coalesce(OuterRef("last_day"), 0)
                ).values("pk")
            ),
        )
        .order_by(F("first_day").asc(nulls_last=True), "name")
    )


def dood_days(production, people):
    """The Day Out of Days columns, each with a code per person in `people` (read from dood_people).

    Every day but a cancelled one, in shooting order. `code_<person pk>` is SW, W, WF,
    SWF, H, T or "" (off), worked out against the person's first and last work day.
    """
    codes = {}
    for person in people:
        called = Exists(DayCall.objects.filter(shoot_day=OuterRef("pk"), person=person.pk))
        on_trip = Exists(
            Trip.objects.filter(
                production=production, person=person.pk, starts__lte=OuterRef("on"), ends__gte=OuterRef("on")
            )
        )
        first, last = person.first_day, person.last_day
        work_and_hold = (
            [
                When(
                    called,
                    then=Case(
                        When(number=first, then=Value("SWF" if first == last else "SW")),
                        When(number=last, then=Value("WF")),
                        default=Value("W"),
                    ),
                ),
                When(number__gt=first, number__lt=last, then=Value("H")),
            ]
            if first is not None
            else []
        )
        codes[f"code_{person.pk}"] = Case(
            *work_and_hold, When(on_trip, then=Value("T")), default=Value(""), output_field=CharField()
        )
    return shoot_days(production).filter(status__in=WORKING_STATUSES).annotate(**codes)


# Call sheet -------------------------------------------------------------------------


def day_calls(day):
    """Who is called on the day, in call order, with their roles on the production and whether they wear the rig."""
    credits = Credit.objects.filter(production=day.production_id, person=OuterRef("person"))
    roles = credits.order_by().values("person").annotate(roles=GroupConcat("role", distinct=True)).values("roles")
    return (
        DayCall.objects.filter(shoot_day=day)
        .annotate(
            name=F("person__name"),
            roles=Coalesce(Subquery(roles), Value("")),
            wears_rig=Exists(credits.filter(wears_rig=True)),
        )
        .order_by("call_time", "person__name")
    )


def day_scenes(day):
    """The scenes with takes on the day: takes, circled takes and time recorded per scene."""
    return (
        Scene.objects.filter(takes__shoot_day=day)
        .annotate(
            take_count=Count("takes"),
            circled=Count("takes", filter=Q(takes__status=Take.Status.CIRCLED)),
            seconds=Sum("takes__length"),
        )
        .order_by("number")
    )


def day_rigs(day):
    """The rigs in service on the day (or used on it), their cameras, and the day's takes and wearers on each."""
    # Subqueries on the day's takes (an index range each), not a join of every take on each rig.
    day_takes = Take.objects.filter(shoot_day=day, rig=OuterRef("pk")).order_by().values("rig")
    in_service = Rig.objects.in_service_on(day.on) if day.on else Rig.objects.filter(in_service_to__isnull=True)
    used = Take.objects.filter(shoot_day=day).values("rig")
    return (
        Rig.objects.filter(Q(pk__in=in_service.values("pk")) | Q(pk__in=used))
        .annotate(
            camera_serials=camera_serials(),
            take_count=Coalesce(Subquery(day_takes.annotate(n=Count("pk")).values("n")), 0),
            seconds=Coalesce(Subquery(day_takes.annotate(s=Sum("length")).values("s")), 0),
            wearers=Subquery(day_takes.annotate(names=GroupConcat("wearer__name", distinct=True)).values("names")),
        )
        .order_by("version")
    )


# Daily production report ----------------------------------------------------------


def _shot_to_date(day, prefix=""):
    """Days shot up to `day`: as of its actual date when it was shot, else as of its number."""
    if day.actual_date:
        return Q(**{f"{prefix}status": ShootDay.Status.SHOT, f"{prefix}actual_date__lte": day.actual_date})
    return Q(**{f"{prefix}status": ShootDay.Status.SHOT, f"{prefix}number__lte": day.number})


def _scheduled_to_date(day):
    if day.actual_date:
        return Q(scheduled_date__lte=day.actual_date)
    return Q(scheduled_date__isnull=False, number__lte=day.number)


def day_progress(day):
    """Scheduled against shot days to date, the difference, and the day's takes and minutes against the total."""
    shot, scheduled_by = _shot_to_date(day), _scheduled_to_date(day)
    days = ShootDay.objects.filter(production=day.production_id).aggregate(
        scheduled_to_date=Count("pk", filter=scheduled_by),
        shot_to_date=Count("pk", filter=shot),
        shot_minus_scheduled=Count("pk", filter=shot) - Count("pk", filter=scheduled_by),
    )
    on_day = Q(shoot_day=day)
    takes = Take.objects.filter(shoot_day__production=day.production_id).aggregate(
        takes=Count("pk", filter=on_day),
        circled=Count("pk", filter=on_day & Q(status=Take.Status.CIRCLED)),
        good=Count("pk", filter=on_day & Q(status=Take.Status.GOOD)),
        no_good=Count("pk", filter=on_day & Q(status=Take.Status.NO_GOOD)),
        false_start=Count("pk", filter=on_day & Q(status=Take.Status.FALSE_START)),
        seconds=Coalesce(Sum("length", filter=on_day), 0),
        seconds_to_date=Coalesce(
            Sum("length", filter=_shot_to_date(day, "shoot_day__")),
            0,
        ),
    )
    return {**days, **takes}


def day_wearers(day, limit_minutes):
    """Who wore the rig on the day: takes, time worn, and whether that passed the daily limit."""
    over = (
        Case(When(seconds_worn__gt=limit_minutes * 60, then=Value("over")), default=Value("within"))
        if limit_minutes
        else Value("no limit set")
    )
    return (
        Person.objects.filter(takes_worn__shoot_day=day)
        .annotate(
            take_count=Count("takes_worn"), seconds_worn=Sum("takes_worn__length"), longest=Max("takes_worn__length")
        )
        .annotate(against_limit=over)
        .order_by("-seconds_worn", "name")
    )


def trips_under_way(day):
    """Trips whose window covers the day's date: which day of the trip it is, of how many (both counted inclusively)."""
    if not day.on:
        return Trip.objects.none()
    on = Value(day.on, output_field=DateField())
    one_day = Value(timedelta(days=1), output_field=DurationField())
    return (
        Trip.objects.filter(production=day.production_id, starts__lte=day.on, ends__gte=day.on)
        .annotate(
            name=F("person__name"),
            trip_day=ExpressionWrapper(on - F("starts") + one_day, output_field=DurationField()),
            trip_length=ExpressionWrapper(F("ends") - F("starts") + one_day, output_field=DurationField()),
        )
        .order_by("person__name", "starts")
    )
