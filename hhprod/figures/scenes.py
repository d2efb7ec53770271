"""What each day shot: scenes completed and the pages and screen time of the parts shot (the rule is
figures.progress's), setups and minutes recorded; and a day's previous, today and to date, each the sum of
those of its days in shooting order, so they add up and one day's to date is the next day's previous."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from hhprod.planning.models import Scene, ShootDay, Strip, strip_eighths, strip_screen_seconds
from hhprod.shooting.models import Take

from .progress import DayRef, completes, inward, part_shot_on, shot_through, state_on
from .setups import setups_on_each_day

FIRST = ("shoot_day__actual_date", "shoot_day__number")
# What a day shoots: scenes completed, the pages (eighths) and screen time (seconds) of the parts shot, the
# setups and the seconds recorded.
FIGURES = ("scenes", "eighths", "screen_seconds", "setups", "seconds")


def first_circled(scene="pk"):
    """The outer scene's circled takes, first shot first (the scenes report's "circled on day")."""
    return Take.objects.circled().filter(scene=OuterRef(scene)).order_by(*FIRST)


def total(rows, aggregate, by):
    """For `annotate`: `aggregate` (Sum, Count) over `rows`, grouped by `by` (one value for all of them); 0 for
    no rows."""
    summed = rows.order_by().values(by).annotate(total=aggregate).values("total")
    return Coalesce(Subquery(summed, output_field=IntegerField()), 0)


def shot_on_each():
    """For `annotate` on shoot days: what each day shot (FIGURES). A scene on no strip counts whole."""
    day = DayRef.row().inward()
    on_day = Take.objects.filter(shoot_day=inward(day.pk)).values("scene")
    completed = Scene.objects.filter(completes("pk", day), pk__in=on_day)
    whole = completed.filter(~Exists(Strip.objects.filter(scene=OuterRef("pk"))))
    parts = Strip.objects.filter(part_shot_on(day), scene__in=on_day)
    takes = Take.objects.filter(shoot_day=OuterRef("pk"))
    return {
        "scenes": total(completed, Count("pk"), "production"),
        "eighths": total(parts, Sum(strip_eighths()), "scene__production")
        + total(whole, Sum("page_eighths"), "production"),
        "screen_seconds": total(parts, Sum(strip_screen_seconds()), "scene__production")
        + total(whole, Sum("screen_seconds"), "production"),
        "setups": setups_on_each_day(),
        "seconds": total(takes, Sum("length"), "shoot_day"),
    }


def completed_per_day(production):
    """{shoot day id: (scenes completed, eighths shot)} for every day of the production, in one query."""
    days = ShootDay.objects.filter(production=production).annotate(**shot_on_each()).order_by()
    return {pk: (scenes, eighths) for pk, scenes, eighths in days.values_list("pk", "scenes", "eighths")}


def progress(day):
    """The production report's previous, today and to date: {period: {figure: value}} for FIGURES, each the
    sum of what its days shot: the days shot before `day` in shooting order, `day`, and both. One query."""
    days = ShootDay.objects.filter(shot_through(DayRef.of(day)), production=day.production_id)
    shot = {pk: figures for pk, *figures in days.annotate(**shot_on_each()).values_list("pk", *FIGURES)}
    today = shot.pop(day.pk, (0,) * len(FIGURES))
    previous = [sum(column) for column in zip(*shot.values(), strict=True)] if shot else (0,) * len(FIGURES)
    periods = {"previous": previous, "today": today, "to_date": [a + b for a, b in zip(previous, today, strict=True)]}
    return {period: dict(zip(FIGURES, values, strict=True)) for period, values in periods.items()}


def in_script(production):
    """The script: how many scenes, their pages (eighths) and screen time (seconds)."""
    return Scene.objects.filter(production=production).aggregate(
        scenes=Count("pk"),
        eighths=Coalesce(Sum("page_eighths"), 0),
        screen_seconds=Coalesce(Sum("screen_seconds"), 0),
    )


def states_on(day):
    """{state: [scene numbers]} for `day`: the scenes it shot or planned, by their state (progress.state_on:
    completed, part, shot again, not shot), in scene order."""
    on_day = Take.objects.filter(shoot_day=day).values("scene")
    planned = Strip.objects.filter(shoot_day=day).values("scene")
    scenes = Scene.objects.filter(Q(pk__in=on_day) | Q(pk__in=planned), production=day.production_id)
    states = {}
    for number, state in scenes.annotate(state=state_on("pk", DayRef.of(day))).values_list("number", "state"):
        states.setdefault(state, []).append(number)
    return states
