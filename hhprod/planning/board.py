"""The stripboard's writes: move one strip (or a scene from the boneyard) to a day at a position, and undo.

A move is small and names its strip, its day and its place, never the whole board, so two people moving
strips at once both keep their moves: each runs in one transaction holding the production's row
(PostgreSQL: SELECT ... FOR UPDATE; SQLite: its IMMEDIATE transactions write one at a time), renumbers
the days it touches in SQL, and is logged as a StripMove, whose number is the board's version.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.template.defaultfilters import pluralize

from hhprod.lib.formatting import long_date
from hhprod.planning.models import Scene, ShootDay
from hhprod.productions.models import Production

from .models import Strip, StripMove

# Shifted rows pass through orders above this, so no two strips ever share a place in a day, even for a
# moment (PostgreSQL checks a unique constraint row by row). A day holds far fewer strips.
PARKED = 1_000_000


def board_version(production):
    """The number of the production's last move, 0 before any: a board showing another is out of date."""
    return StripMove.objects.filter(production=production).aggregate(last=Max("pk"))["last"] or 0


@dataclass
class Moved:
    move: StripMove | None  # None when the strip was already there
    version_before: int  # the board's version just before this move: another than the client's means others moved
    version: int


def shift(day, by, **places):
    """Add `by` to the shooting order of the day's strips at `places`, no two sharing a place on the way.

    Each shifted strip's version moves on too, so a strip's form opened before the shift cannot put it back.
    """
    Strip.objects.filter(shoot_day=day, **places).update(order=F("order") + by + PARKED, version=F("version") + 1)
    Strip.objects.filter(shoot_day=day, order__gte=PARKED).update(order=F("order") - PARKED)


def place(strip, scene, day, position, user):
    """Take `strip` (None: from the boneyard) off its day and put it on `day` (None: the boneyard) at `position`."""
    if strip:
        # Out of the way at place 0, then the day it leaves closes up behind it.
        from_day, from_order = strip.shoot_day, strip.order
        Strip.objects.filter(pk=strip.pk).update(order=0)
        shift(from_day, -1, order__gt=from_order)
    if day is None:
        strip.delete()
        return
    shift(day, +1, order__gte=position)
    if strip is None:
        strip = Strip(scene=scene, source=f"Placed on the stripboard by {user or 'the office'}.")
    strip.shoot_day, strip.order = day, position
    strip.save()  # through the model, so the strip's history records who moved it


def held(strip, day):
    """Why `strip` may not leave its day or `day` take a strip, or None: a shot day's strips are what was
    shot, and a scene's takes stay on the day its strip names (the lock refuses a plan they contradict)."""
    if strip is not None:
        on = strip.shoot_day
        if on.status == ShootDay.Status.SHOT:
            return (
                f"Day {on.number} was shot on {long_date(on.actual_date)}: its strips stay as shot. "
                "Plan a reshoot as a new day instead."
            )
        takes = on.takes.filter(scene=strip.scene_id).count()
        if takes and day != on:
            return (
                f"Scene {strip.scene.number} has {takes} take{pluralize(takes)} on day {on.number}: moving its "
                "strip off would leave them on a day that no longer plans the scene. Plan a reshoot as a new day "
                "instead."
            )
    if day is not None and day.status == ShootDay.Status.SHOT and (strip is None or day != strip.shoot_day):
        return f"Day {day.number} was shot on {long_date(day.actual_date)}: nothing more can be planned on it."
    return None


def move_strip(production, scene_id, part, to_day_id, position, *, user=None, undoes=None):
    """Move part `part` of scene `scene_id` to day `to_day_id` (None: the boneyard) at place `position` (1 first).

    A scene in the boneyard is placed as part 1 of 1. A position past the day's end puts the strip last.
    Refused with the reason (and nothing changed): a day of another production, a cancelled day, a split
    part sent to the boneyard or placed out of order, a strip that is no longer where the board showed it,
    a strip `held` on its day (a shot day's, or one with its scene's takes), a day already shot.
    """
    with transaction.atomic():
        production = Production.objects.select_for_update().get(pk=production.pk)
        version_before = board_version(production)
        scene = Scene.objects.filter(pk=scene_id, production=production).first()
        if scene is None:
            raise ValidationError("This scene is not in this production's script: reload the board.")
        strip = Strip.objects.select_related("shoot_day", "scene").filter(scene=scene, part=part).first()
        if strip is None and (part != 1 or scene.strips.exists()):
            raise ValidationError(f"Scene {scene.number} part {part} is no longer on the board: someone changed it.")
        day = None
        if to_day_id is not None:
            day = ShootDay.objects.filter(pk=to_day_id, production=production).first()
            if day is None:
                raise ValidationError("That day is not one of this production's: reload the board.")
            if day.status == ShootDay.Status.CANCELLED:
                raise ValidationError(f"Day {day.number} is cancelled: scenes cannot be planned on a cancelled day.")
        if day is None and strip is None:
            raise ValidationError(f"Scene {scene.number} is already unscheduled.")
        if reason := held(strip, day):
            raise ValidationError(reason)
        if day is None and strip.parts > 1:
            raise ValidationError(
                f"Scene {scene.number} is split in {strip.parts} parts: join its parts in the admin before "
                "taking it off the schedule."
            )
        from_day, from_order = (strip.shoot_day, strip.order) if strip else (None, None)
        if day is not None:
            others = day.strips.exclude(pk=strip.pk if strip else None).count()
            position = max(1, min(position, others + 1))
        stays = strip is not None and day == from_day and position == from_order
        if stays and undoes is None:
            return Moved(None, version_before, version_before)
        if strip and day is not None and strip.parts > 1:
            placed = Strip(shoot_day=day, scene=scene, order=position, part=strip.part, parts=strip.parts)
            placed.check_parts(scene.strips.exclude(pk=strip.pk).select_related("shoot_day"))
        # An undo of a move others already reversed changes nothing, but is logged: the next undo goes further back.
        if not stays:
            place(strip, scene, day, position, user)
        move = StripMove.objects.create(
            production=production, moved_by=user if user and user.is_authenticated else None, scene=scene, part=part,
            from_day=from_day, from_order=from_order, to_day=day, to_order=position if day else None, undoes=undoes,
        )  # fmt: skip
    return Moved(move, version_before, move.pk)


def undo_last_move(production, user):
    """Put back the last of `user`'s moves on this board not yet undone; undoing again goes one further back."""
    with transaction.atomic():
        Production.objects.select_for_update().get(pk=production.pk)
        last = (
            StripMove.objects.filter(production=production, moved_by=user, undoes__isnull=True, undone_by__isnull=True)
            .select_related("scene")
            .order_by("-pk")
            .first()
        )
        if last is None:
            raise ValidationError("You have no move on this board to undo.")
        return move_strip(
            production, last.scene_id, last.part, last.from_day_id, last.from_order or 1, user=user, undoes=last
        )


def add_day(production, *, scheduled_date=None, cause="", note="", user=None):
    """A new shoot day after the last, as Movie Magic's "add a day break": empty, for strips to be placed on.

    Numbered under the production's row lock, like a move, so two days added at once get two numbers."""
    with transaction.atomic():
        production = Production.objects.select_for_update().get(pk=production.pk)
        last = production.shoot_days.aggregate(last=Max("number"))["last"] or 0
        day = ShootDay(
            production=production, number=last + 1, scheduled_date=scheduled_date, change_cause=cause,
            change_note=note, source=f"Added on the stripboard by {user or 'the office'}.",
        )  # fmt: skip
        day.full_clean()
        day.save()
    return day
