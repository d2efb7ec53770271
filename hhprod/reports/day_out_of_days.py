"""Day Out of Days: people by shoot day with the industry's codes, and each person's totals."""

import django_tables2 as tables
from django.db.models import Case, CharField, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from hhprod.lib.expressions import SubqueryCount
from hhprod.productions.models import Person, Trip
from hhprod.shooting.models import DayCall, ShootDay

from .columns import NUMBER, ReportTable
from .content import Report, ReportContent
from .days import NOTHING_SCHEDULED

# Shoot days per printed page: 30 columns of codes stay legible at 8 pt on A4 landscape next to the names.
DAYS_PER_PAGE = 30
CODES = "SW start work · W work · WF work finish · SWF start-work-finish (one day) · H hold · T travel · blank off"


def dood_people(production):
    """People with a call or a trip on the production, with their Day Out of Days totals.

    Work is a call; a hold is a day strictly between the first and last work day
    without a call; travel is a day inside one of the person's trips that is neither
    work nor hold. A day covered by two overlapping trips is one travel day: days are
    counted, not trips.
    """
    dood_day = ShootDay.objects.filter(production=production).working()
    calls = DayCall.objects.filter(person=OuterRef("pk"), shoot_day__in=dood_day).order_by()
    trip_days = dood_day.with_working_date().filter(
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
    """The columns, each with a code per person in `people` (read from dood_people).

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
    return (
        ShootDay.objects.filter(production=production)
        .working()
        .with_working_date()
        .annotate(**codes)
        .order_by("number")
    )


class DayOutOfDaysTable(ReportTable):
    """People by day, then their totals: the CSV is this grid, one column per shoot day."""

    person = tables.Column("Person")
    worked = tables.Column("Worked", attrs=NUMBER)
    held = tables.Column("Held", attrs=NUMBER)
    travel = tables.Column("Travel", attrs=NUMBER)
    first_day = tables.Column("First", default="", attrs=NUMBER)
    last_day = tables.Column("Last", default="", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "No calls or trips on this production yet."

    def __init__(self, rows, days):
        day_columns = [(f"day_{day.number}", tables.Column(f"Day {day.number}", default="")) for day in days]
        totals = ["worked", "held", "travel", "first_day", "last_day"]
        super().__init__(
            rows, extra_columns=day_columns, sequence=["person", *(name for name, _ in day_columns), *totals]
        )


def build(production, params):
    people = list(dood_people(production))
    days = list(dood_days(production, people))
    rows = [
        {
            "person": person.name,
            "codes": [getattr(day, f"code_{person.pk}") for day in days],
            "worked": person.worked,
            "held": person.held,
            "travel": person.travel,
            "first_day": person.first_day,
            "last_day": person.last_day,
        }
        for person in people
    ]
    table = DayOutOfDaysTable(
        [{**row, **{f"day_{day.number}": code for day, code in zip(days, row["codes"], strict=True)}} for row in rows],
        days,
    )
    pages = [
        {
            "days": days[start : start + DAYS_PER_PAGE],
            "first": days[start].number,
            "last": days[min(start + DAYS_PER_PAGE, len(days)) - 1].number,
            "rows": [(row["person"], row["codes"][start : start + DAYS_PER_PAGE]) for row in rows],
        }
        for start in range(0, len(days), DAYS_PER_PAGE)
    ]
    span = f"day {days[0].number} to day {days[-1].number} in shooting order" if days else NOTHING_SCHEDULED
    return ReportContent(
        summary=[("Codes", CODES), ("Shoot days", span + ("; cancelled days left out" if days else ""))],
        tables=[("Day Out of Days", table)],
        template="reports/day_out_of_days.html",
        layout={"days": days, "rows": rows, "pages": pages},
    )


REPORT = Report(
    "day-out-of-days",
    "Day Out of Days",
    "People by shoot day: start work, work, finish, hold and travel, with each person's totals.",
    build,
)
