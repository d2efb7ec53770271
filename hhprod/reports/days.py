"""What the per-day reports (call sheet, production report) share: the day picker and how a day is named."""

from django.db.models import Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from hhprod.figures.day_of import day_of, days_in_production
from hhprod.lib.expressions import GroupConcat
from hhprod.lib.formatting import short_date
from hhprod.lib.params import whole_number
from hhprod.planning.models import DayCall, ShootDay
from hhprod.productions.models import Credit
from hhprod.shooting.models import Take

from .content import ReportContent
from .errors import NotFound

NOTHING_SCHEDULED = "none scheduled yet: add shoot days in the admin"
# Longer than any day number; a longer `?day=` is quoted cut short in the message.
QUOTED = 20


def day_choices(production):
    """Every day for the day picker, with whether it has takes yet and how many days the production has."""
    return (
        ShootDay.objects.filter(production=production)
        .with_working_date()
        .select_related("site")
        .annotate(
            has_takes=Exists(Take.objects.filter(shoot_day=OuterRef("pk"))), days_in_production=days_in_production()
        )
        .order_by("number")
    )


def day_ranges(numbers):
    """[1, 2, 3, 7] -> "1–3, 7": the valid day numbers, short enough for a message."""
    spans = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def chosen_day(production, params, days, default):
    """The day `?day=N` names, or `default(days)` when none is named; None when the production has no days."""
    wanted = (params.get("day") or "").strip()
    if not wanted:
        return default(days) if days else None
    # A day that is no number is a day the production does not have: the 404 lists the valid ones.
    number = whole_number(wanted)
    day = next((d for d in days if d.number == number), None)
    if day is None:
        valid = f"valid days: {day_ranges([d.number for d in days])}" if days else "it has no shoot days yet"
        shown = wanted if len(wanted) <= QUOTED else wanted[:QUOTED] + "…"
        raise NotFound(f"{production} has no shoot day {shown!r}; {valid}.")
    return day


def day_subtitle(production, day):
    return f"{day_of(production, day)} — {short_date(day.on)}"


def day_dates(day):
    return [
        ("Scheduled date", short_date(day.scheduled_date, "none: a day added beyond the plan")),
        ("Actual date", short_date(day.actual_date, "not shot yet")),
    ]


def nothing_scheduled(tables):
    return ReportContent(
        subtitle="nothing scheduled",
        summary=[("Shoot days", NOTHING_SCHEDULED)],
        tables=tables,
        template="reports/day_sheet.html",
    )


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
