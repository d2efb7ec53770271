"""What each day shot: scenes completed and the pages and screen time of the parts shot (the rule is
figures.progress's), setups and minutes recorded; and a day's previous, today and to date, each the sum of
those of its days in shooting order, so they add up and one day's to date is the next day's previous."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from hhprod.planning.models import Scene, ShootDay, Strip, strip_eighths, strip_screen_seconds
from hhprod.shooting.models import Take

from .progress import FIRST, shot_through, state_on, with_completion, with_shot_on
from .setups import setups_on_each_day

# What a day shoots: scenes completed, the pages (eighths) and screen time (seconds) of the parts shot, the
# setups and the seconds recorded.
FIGURES = ("scenes", "eighths", "screen_seconds", "setups", "seconds")
NONE = Value(0)


def first_circled(scene="pk"):
    """The outer scene's circled takes, first shot first (the scenes report's "circled on day")."""
    return Take.objects.circled().filter(scene=OuterRef(scene)).order_by(*FIRST)


def completed_and_shot(production):
    """What the days completed and shot, as rows (day id, *FIGURES, 0): the scenes grouped by the day that
    completed them (a scene on no strip with its pages and screen time), and the strips by the day that shot
    them (their pages and screen time). One query (a UNION); a scene or strip not shot yet has no day."""
    whole = ~Exists(Strip.objects.filter(scene=OuterRef("pk")))
    scenes = with_completion(Scene.objects.filter(production=production)).order_by().values("completed_on")
    strips = with_shot_on(Strip.objects.filter(scene__production=production)).order_by().values("shot_on")
    return scenes.annotate(
        scenes=Count("pk"),
        eighths=Sum("page_eighths", filter=whole),
        screen_seconds=Sum("screen_seconds", filter=whole),
        setups=NONE,
        seconds=NONE,
        listed=NONE,
    ).union(
        strips.annotate(
            scenes=NONE,
            eighths=Sum(strip_eighths()),
            screen_seconds=Sum(strip_screen_seconds()),
            setups=NONE,
            seconds=NONE,
            listed=NONE,
        ),
        all=True,
    )


def by_day(rows, listed_only=False):
    """{day id: {figure: value}}: `rows` (day id, *FIGURES, listed) added up by day: for every day in them, or
    with `listed_only` for the days a row lists (the others left out)."""
    rows = list(rows.values_list("completed_on", *FIGURES, "listed"))
    shot = {day: dict.fromkeys(FIGURES, 0) for day, *_, listed in rows if (listed if listed_only else day)}
    for day, *figures, _ in rows:
        if day in shot:  # not a scene or strip shot yet (no day), nor a day left out
            for figure, value in zip(FIGURES, figures, strict=True):
                shot[day][figure] += value or 0
    return shot


def completed_per_day(production):
    """{shoot day id: (scenes completed, eighths shot)} for the days of the production that shot any."""
    return {day: (shot["scenes"], shot["eighths"]) for day, shot in by_day(completed_and_shot(production)).items()}


def progress(day):
    """The production report's previous, today and to date: {period: {figure: value}} for FIGURES, each the
    sum of what its days shot: the days shot before `day` in shooting order, `day`, and both. One query: the
    days completed and shot, and the days to date with their takes' setups and seconds, which list them."""
    on_day = Take.objects.filter(shoot_day=OuterRef("pk")).order_by().values("shoot_day")
    to_date = ShootDay.objects.filter(shot_through(day), production=day.production_id).order_by().values("pk")
    takes = to_date.annotate(
        scenes=NONE,
        eighths=NONE,
        screen_seconds=NONE,
        setups=setups_on_each_day(),
        seconds=Subquery(on_day.annotate(total=Sum("length")).values("total")),
        listed=Value(1),
    )
    shot = by_day(completed_and_shot(day.production_id).union(takes, all=True), listed_only=True)
    today = shot.pop(day.pk, dict.fromkeys(FIGURES, 0))
    previous = {figure: sum(figures[figure] for figures in shot.values()) for figure in FIGURES}
    to_date = {figure: previous[figure] + today[figure] for figure in FIGURES}
    return {"previous": previous, "today": today, "to_date": to_date}


def in_script(production):
    """The script: how many scenes, their pages (eighths) and screen time (seconds)."""
    return Scene.objects.filter(production=production).aggregate(
        scenes=Count("pk"),
        eighths=Coalesce(Sum("page_eighths"), 0),
        screen_seconds=Coalesce(Sum("screen_seconds"), 0),
    )


def states_on(day):
    """{state: [scene numbers]} for `day`: the scenes it shot or planned, by their state on it (progress.state_on:
    completed, part, shot again, not shot), in scene order."""
    on_day = Take.objects.filter(shoot_day=day).values("scene")
    planned = Strip.objects.filter(shoot_day=day).values("scene")
    scenes = Scene.objects.filter(Q(pk__in=on_day) | Q(pk__in=planned), production=day.production_id)
    states = {}
    for number, state in with_completion(scenes).annotate(state=state_on(day)).values_list("number", "state"):
        states.setdefault(state, []).append(number)
    return states
