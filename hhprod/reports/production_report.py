"""Daily production report: one shoot day against the schedule to date, its takes, minutes, wearers and trips."""

from datetime import timedelta

import django_tables2 as tables
from django.db.models import Count, DateField, DurationField, ExpressionWrapper, F, Q, Sum, Value
from django.db.models.functions import Coalesce

from hhprod.lib.formatting import minutes, short_date, signed
from hhprod.planning.scheduled import in_schedule
from hhprod.productions.models import Person, Trip
from hhprod.shooting.models import ShootDay, Take, circled

from .columns import NUMBER, DaysColumn, LengthColumn, MinutesColumn, ReportTable
from .content import Report, ReportContent
from .days import chosen_day, day_choices, day_dates, day_of, day_subtitle, nothing_scheduled


def shot_to_date(day, prefix=""):
    """Days shot up to `day`: as of its actual date when it was shot, else as of its number."""
    if day.actual_date:
        return Q(**{f"{prefix}status": ShootDay.Status.SHOT, f"{prefix}actual_date__lte": day.actual_date})
    return Q(**{f"{prefix}status": ShootDay.Status.SHOT, f"{prefix}number__lte": day.number})


def scheduled_to_date(day):
    if day.actual_date:
        return Q(scheduled_date__lte=day.actual_date)
    return Q(scheduled_date__isnull=False, number__lte=day.number)


def day_progress(day):
    """Scheduled against shot days to date, the difference, and the day's takes and minutes against the total."""
    shot, scheduled_by = shot_to_date(day), in_schedule() & scheduled_to_date(day)
    days = ShootDay.objects.filter(production=day.production_id).aggregate(
        scheduled_to_date=Count("pk", filter=scheduled_by),
        shot_to_date=Count("pk", filter=shot),
        shot_minus_scheduled=Count("pk", filter=shot) - Count("pk", filter=scheduled_by),
    )
    on_day = Q(shoot_day=day)
    takes = Take.objects.filter(shoot_day__production=day.production_id).aggregate(
        takes=Count("pk", filter=on_day),
        circled=Count("pk", filter=on_day & circled()),
        good=Count("pk", filter=on_day & Q(status=Take.Status.GOOD)),
        no_good=Count("pk", filter=on_day & Q(status=Take.Status.NO_GOOD)),
        false_start=Count("pk", filter=on_day & Q(status=Take.Status.FALSE_START)),
        seconds=Coalesce(Sum("length", filter=on_day), 0),
        seconds_to_date=Coalesce(Sum("length", filter=shot_to_date(day, "shoot_day__")), 0),
    )
    return {**days, **takes}


def day_wearers(day, limit_minutes):
    """Who wore the rig on the day: takes, time worn, and whether that passed the daily limit."""
    return (
        Person.objects.filter(takes_worn__shoot_day=day)
        .with_rig_time()
        .against_daily_limit(limit_minutes)
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


class FigureTable(ReportTable):
    """The figures as two columns, so the CSV carries them too."""

    figure = tables.Column("Figure")
    value = tables.Column("Value")

    class Meta(ReportTable.Meta):
        pass


class DayWearerTable(ReportTable):
    name = tables.Column("Wearer")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds_worn = MinutesColumn("Minutes worn", attrs=NUMBER)
    longest = LengthColumn("Longest take", attrs=NUMBER)
    against_limit = tables.Column("Daily limit")

    class Meta(ReportTable.Meta):
        empty_text = "Nobody wore the rig on this day."


class TripTable(ReportTable):
    name = tables.Column("Person")
    destination = tables.Column("Destination")
    starts = tables.DateColumn(verbose_name="Travels out", format="Y-m-d")
    ends = tables.DateColumn(verbose_name="Travels home", format="Y-m-d")
    trip_day = DaysColumn("Day of trip", attrs=NUMBER)
    trip_length = DaysColumn("Trip days", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "No trip under way on this day."


def against_schedule(difference):
    """Worded so the value never opens with a sign, which a spreadsheet would take for a formula."""
    if difference > 0:
        return f"{difference} days over the schedule ({signed(difference)})"
    if difference < 0:
        return f"{-difference} days behind the schedule ({signed(difference)})"
    return "on schedule (0)"


def last_day_with_takes(days):
    return next((day for day in reversed(days) if day.has_takes), days[0])


def build(production, params):
    days = list(day_choices(production))
    day = chosen_day(production, params, days, last_day_with_takes)
    if day is None:
        return nothing_scheduled([("Figures", FigureTable([]))])
    figures = day_progress(day)
    limit = production.daily_rig_limit_minutes
    as_of = (
        f"up to {short_date(day.actual_date)}, the day's actual date"
        if day.actual_date
        else f"up to day {day.number} (not shot yet)"
    )
    rows = [
        ("Day", day_of(production, day)),
        *day_dates(day),
        ("To date means", as_of),
        ("Scheduled days to date", figures["scheduled_to_date"]),
        ("Shot days to date", figures["shot_to_date"]),
        ("Shot minus scheduled to date", against_schedule(figures["shot_minus_scheduled"])),
        ("Takes", figures["takes"]),
        ("Circled", figures["circled"]),
        ("Good", figures["good"]),
        ("No good", figures["no_good"]),
        ("False starts", figures["false_start"]),
        ("Minutes recorded on the day", minutes(figures["seconds"])),
        ("Minutes recorded to date", minutes(figures["seconds_to_date"])),
        ("Daily rig-time limit", f"{limit} minutes" if limit else "none set"),
    ]
    return ReportContent(
        subtitle=day_subtitle(production, day),
        tables=[
            ("Figures", FigureTable([{"figure": figure, "value": value} for figure, value in rows])),
            ("Minutes per wearer", DayWearerTable(list(day_wearers(day, limit)))),
            ("Trips under way", TripTable(list(trips_under_way(day)))),
        ],
        template="reports/day_sheet.html",
        layout={"days": days, "day": day},
    )


REPORT = Report(
    "production-report",
    "Daily production report",
    "One shoot day: scheduled against shot days to date, takes, minutes recorded, wearers and trips.",
    build,
    per_day=True,
)
