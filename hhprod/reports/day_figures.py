"""The daily production report's own numbers for one shoot day; the figures it shares with other pages
(days, takes, pages, scenes completed, rig time) are hhprod.figures'.

"Previous" is the days shot before this one in shooting order (by date, then number), "to date" those and
this day: so previous and today add up to to date, and one day's to date is the next day's previous.
"""

from django.db.models import Exists, F, FilteredRelation, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from hhprod.lib.expressions import GroupConcat
from hhprod.paperwork.models import DayReport, Delay
from hhprod.productions.models import Credit, Person
from hhprod.shooting.models import Fault, HealthIncident

from .call_sheet import PERFORMERS
from .day_out_of_days import codes_on


def performers(production, day):
    """The production's performers (cast and stunt performers) with their times on the day's call (Exhibit
    G: report, make-up, on set, meal out and in, dismissed) and their code on the day as the Day Out of Days
    has it: those called, and those with a code though not called (held, travelling); cast first."""
    credited = Credit.objects.filter(production=production, person=OuterRef("pk"), role__in=PERFORMERS)
    roles = credited.order_by().values("person").annotate(roles=GroupConcat("role", distinct=True)).values("roles")
    character = credited.exclude(character="").order_by("role").values("character")[:1]
    people = list(
        Person.objects.filter(Exists(credited))
        .annotate(
            call=FilteredRelation("day_calls", condition=Q(day_calls__shoot_day=day)),
            roles=Subquery(roles),
            character=Subquery(character),
            called=F("call__pk"),
            report_time=F("call__call_time"),
            makeup_time=F("call__makeup_time"),
            on_set_time=F("call__on_set_time"),
            meal_out=F("call__meal_out"),
            meal_in=F("call__meal_in"),
            dismissed=F("call__wrap_time"),
        )
        .order_by("roles", "name")
    )
    codes = codes_on(production, day.on, {person.pk for person in people}) if people and day.on else {}
    for person in people:
        person.code = codes.get(person.pk, "")
    return [person for person in people if person.called or person.code]


def day_report(day):
    """The 1st AD's report of the day with its delays' total, or None before one is filed."""
    return DayReport.objects.filter(shoot_day=day).annotate(delay_minutes=Coalesce(Sum("delays__minutes"), 0)).first()


def day_delays(day):
    return Delay.objects.filter(day_report__shoot_day=day).order_by("pk")


def day_incidents(day):
    return HealthIncident.objects.filter(shoot_day=day).select_related("person").order_by("person__name", "pk")


def day_faults(day):
    return (
        Fault.objects.filter(shoot_day=day).select_related("unit__rig").order_by("unit__rig__version", "unit__number")
    )
