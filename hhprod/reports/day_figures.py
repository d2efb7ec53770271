"""The daily production report's numbers for one shoot day, each an aggregate in the database.

"To date" is as of the day's actual date when it was shot, else as of its number (a day not shot yet).
A scene is completed by its first circled take; a completed scene counts its whole length.
"""

from django.db.models import CharField, Count, Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat

from hhprod.paperwork.models import DayReport, Delay
from hhprod.planning.models import RevisionDay, RevisionStrip, Strip
from hhprod.productions.models import Person
from hhprod.rigs.models import Fault
from hhprod.shooting.models import HealthIncident, Scene, ShootDay, Take, circled


def shot_to_date(day, prefix=""):
    """Days shot up to `day`: as of its actual date when it was shot, else as of its number."""
    if day.actual_date:
        return Q(**{f"{prefix}status": ShootDay.Status.SHOT, f"{prefix}actual_date__lte": day.actual_date})
    return Q(**{f"{prefix}status": ShootDay.Status.SHOT, f"{prefix}number__lte": day.number})


def day_progress(day):
    """Shot days to date, and the day's takes by status, setups and minutes against the totals to date."""
    days = ShootDay.objects.filter(production=day.production_id).aggregate(
        shot_to_date=Count("pk", filter=shot_to_date(day))
    )
    on_day, to_date = Q(shoot_day=day), shot_to_date(day, "shoot_day__")
    setup = Concat(Cast("scene_id", CharField()), Value("/"), "setup")
    takes = Take.objects.filter(shoot_day__production=day.production_id).aggregate(
        takes=Count("pk", filter=on_day),
        circled=Count("pk", filter=on_day & circled()),
        good=Count("pk", filter=on_day & Q(status=Take.Status.GOOD)),
        no_good=Count("pk", filter=on_day & Q(status=Take.Status.NO_GOOD)),
        false_start=Count("pk", filter=on_day & Q(status=Take.Status.FALSE_START)),
        seconds=Coalesce(Sum("length", filter=on_day), 0),
        seconds_to_date=Coalesce(Sum("length", filter=to_date), 0),
        setups=Count(setup, filter=on_day, distinct=True),
        setups_to_date=Count(setup, filter=to_date, distinct=True),
    )
    return {**days, **takes}


def scheduled_on(day):
    """What the day's strips plan: scenes, pages (eighths) and screen time."""
    return Strip.objects.filter(shoot_day=day).aggregate(
        scenes=Count("scene", distinct=True),
        eighths=Coalesce(Sum(Coalesce("page_eighths", "scene__page_eighths")), 0),
        screen_seconds=Coalesce(Sum(Coalesce("screen_seconds", "scene__screen_seconds")), 0),
    )


def scenes_completed(day):
    """Scenes (their pages and screen time) completed on the day, to date, and left of the plan's."""
    # Each scene's circled takes counted in one grouped pass over its takes. As EXISTS subqueries,
    # PostgreSQL wrote each into every sum that tests it: six per scene for "to date" (0.8 s at
    # 100,000 takes); a grouped subquery is computed once.
    circled_takes = circled("takes__")
    today = Q(done_today__gt=0)
    by_date, left = Q(done_by_date__gt=0), Q(in_plan=True, done_by_date=0)
    scenes = Scene.objects.filter(production=day.production_id).annotate(
        done_today=Count("takes", filter=circled_takes & Q(takes__shoot_day=day)),
        done_by_date=Count("takes", filter=circled_takes & shot_to_date(day, "takes__shoot_day__")),
        in_plan=Exists(Strip.objects.filter(scene=OuterRef("pk"))),
    )
    figures = {}
    for name, condition in (("today", today), ("to_date", by_date), ("remaining", left)):
        figures[f"scenes_{name}"] = Count("pk", filter=condition)
        figures[f"eighths_{name}"] = Coalesce(Sum("page_eighths", filter=condition), 0)
        figures[f"screen_seconds_{name}"] = Coalesce(Sum("screen_seconds", filter=condition), 0)
    return scenes.aggregate(**figures)


def completed_by(day):
    """A scene completed by this day: it has a circled take on a day shot to date (outer query's `scene`)."""
    return Take.objects.filter(circled(), shot_to_date(day, "shoot_day__"), scene=OuterRef("scene"))


def baseline_due(day):
    """The baseline (the first revision) up to this day's date (or number): its days and pages, and how
    many of those days' work is done (every scene planned on them completed)."""
    baseline = Q(revision__production=day.production_id, revision__number=1)
    due = RevisionDay.objects.filter(baseline).exclude(status=ShootDay.Status.CANCELLED)
    due = due.filter(date__lte=day.on) if day.on else due.filter(number__lte=day.number)
    work = RevisionStrip.objects.filter(revision=OuterRef("revision"), day_number=OuterRef("number"))
    unfinished = work.exclude(Exists(completed_by(day)))
    days = due.annotate(planned=Exists(work), open=Exists(unfinished)).aggregate(
        days=Count("pk"), days_done=Count("pk", filter=Q(planned=True, open=False))
    )
    eighths = RevisionStrip.objects.filter(baseline, day_number__in=due.values("number")).aggregate(
        eighths=Coalesce(Sum(Coalesce("page_eighths", "scene__page_eighths")), 0)
    )
    return {**days, **eighths}


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


def day_wearers(day, limit_minutes):
    """Who wore the rig on the day: takes, time worn, and whether that passed the daily limit."""
    return (
        Person.objects.filter(takes_worn__shoot_day=day)
        .with_rig_time()
        .against_daily_limit(limit_minutes)
        .order_by("-seconds_worn", "name")
    )
