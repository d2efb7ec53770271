"""A shoot day's plan in figures (what its strips add up to), and the stripboard that lays the days out."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, IntegerField, OuterRef, Subquery, Sum, Window
from django.db.models.functions import RowNumber

from hhprod.lib.expressions import SubqueryCount
from hhprod.planning.models import Scene, ShootDay, pages_and_eighths
from hhprod.productions.models import Credit

from .board import board_version
from .models import CalendarEntry, Strip, strip_eighths, strip_screen_seconds


def strips_sum(strips, figure):
    """For `annotate` on shoot days: `figure` (a Strip expression) added up over `strips` (filtered by the
    outer day); empty when there are none."""
    summed = strips.order_by().values("shoot_day").annotate(total=Sum(figure)).values("total")
    return Subquery(summed, output_field=IntegerField())


def with_plan_figures(days):
    """Shoot days with their strips counted and their pages (in eighths) and screen time added up: a split
    scene's part its own length, else its share of the scene's (strip_eighths)."""
    strips = Strip.objects.filter(shoot_day=OuterRef("pk"))
    return days.annotate(
        strip_count=SubqueryCount(strips),
        planned_eighths=strips_sum(strips, strip_eighths()),
        planned_screen_seconds=strips_sum(strips, strip_screen_seconds()),
    )


@dataclass
class Board:
    """What the stripboard shows: the days in order with their strips, the calendar's banners between them,
    and the boneyard (scenes on no day). Read in the same seven queries at any size."""

    rows: list  # ("banner", CalendarEntry) or ("day", ShootDay with .board_strips)
    boneyard: list
    days: list
    version: int


def strip_colour(scene):
    """The strip's CSS class by the industry's convention (Singleton's Film Scheduling): INT. day white,
    EXT. day yellow, INT. night blue, EXT. night green; dawn pink and dusk orange as some boards add.
    INT./EXT. counts as EXT. (part of it is outside); a scene not yet broken down is grey."""
    if scene.time_of_day in (Scene.TimeOfDay.DAWN, Scene.TimeOfDay.DUSK):
        return f"strip-{scene.time_of_day}"
    if not (scene.setting and scene.time_of_day):
        return "strip-unknown"
    outside = "int" if scene.setting == Scene.Setting.INT else "ext"
    return f"strip-{outside}-{scene.time_of_day}"


def cast_numbers(production):
    """{credit id: its cast number}: the production's cast in credit order, then its stunt performers."""
    credits = Credit.objects.filter(production=production, role__in=[Credit.Role.CAST, Credit.Role.STUNT_PERFORMER])
    numbered = credits.annotate(number=Window(RowNumber(), order_by=[F("role"), F("pk")]))
    return dict(numbered.values_list("pk", "number"))


def stripboard(production):
    days = list(with_plan_figures(ShootDay.objects.plan_dated().filter(production=production)).order_by("number"))
    strips = Strip.objects.filter(shoot_day__production=production).select_related("scene__rig").order_by("order")
    strips = strips.annotate(part_eighths=strip_eighths())
    boneyard = list(
        Scene.objects.filter(production=production, strips__isnull=True).select_related("rig").order_by("pk")
    )
    numbers = cast_numbers(production)
    cast = defaultdict(list)
    links = Scene.cast.through.objects.filter(scene__production=production).values_list("scene_id", "credit_id")
    for scene_id, credit_id in links:
        if credit_id in numbers:
            cast[scene_id].append(numbers[credit_id])
    by_day = defaultdict(list)
    for strip in strips:
        strip.scene.cast_ids = sorted(cast[strip.scene_id])
        strip.scene.colour = strip_colour(strip.scene)
        by_day[strip.shoot_day_id].append(strip)
    for scene in boneyard:
        scene.cast_ids, scene.colour = sorted(cast[scene.pk]), strip_colour(scene)
    entries = list(CalendarEntry.objects.filter(production=production).order_by("starts"))
    rows = []
    for day in days:
        day.board_strips, day.pages = by_day[day.pk], pages_and_eighths(day.planned_eighths or 0)
        while entries and day.plan_date and entries[0].starts < day.plan_date:
            rows.append(("banner", entries.pop(0)))
        rows.append(("day", day))
    rows += [("banner", entry) for entry in entries]
    return Board(rows=rows, boneyard=boneyard, days=days, version=board_version(production))
