"""Locking the schedule as a revision, comparing two revisions, and the slip by cause.

Writes go through `lock_schedule`; the reads (`compare`, `variance_by_cause`, finish dates) are
QuerySets, for the admin pages now and the schedule report next.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from hhprod.planning.models import ShootDay

from .models import RevisionDay, RevisionStrip, ScheduleRevision, Strip, strip_eighths

LIVE = ~Q(status=ShootDay.Status.CANCELLED)


def baseline(production):
    """The first locked revision: what "scheduled" means. None until one is locked."""
    return ScheduleRevision.objects.baseline().filter(production=production).first()


def days_needing_a_cause(production, previous):
    """The current days a lock would refuse: added beyond the baseline or moved since `previous`, with no cause."""
    if previous is None:
        return ShootDay.objects.none()
    snapshot = RevisionDay.objects.filter(revision=previous, shoot_day=OuterRef("pk"))
    in_baseline = RevisionDay.objects.in_baseline().filter(revision__production=production)
    days = ShootDay.objects.plan_dated().filter(LIVE, production=production, change_cause="")
    days = days.annotate(before=Subquery(snapshot.values("date")[:1]), was_there=Subquery(snapshot.values("pk")[:1]))
    moved = Q(was_there__isnull=False) & (
        Q(before__isnull=True, plan_date__isnull=False)
        | Q(before__isnull=False, plan_date__isnull=True)
        | ~Q(before=F("plan_date"))
    )
    return days.filter(~Q(pk__in=in_baseline.values("shoot_day")) | moved).order_by("number")


def takes_off_plan(production):
    """(day number, scene number) where a scene on the board has takes on a day no strip of it is planned
    on: what a strip moved off a shot day leaves behind. A revision locked so would say the takes were
    never planned. A scene on no strip at all (added by a take import, say) was never planned: left alone."""
    planned_there = Strip.objects.filter(shoot_day=OuterRef("pk"), scene=OuterRef("takes__scene"))
    on_the_board = Strip.objects.filter(scene=OuterRef("takes__scene"))
    # One filter() call, so that the three conditions read the same take: a day holds many.
    return (
        ShootDay.objects.filter(
            Exists(on_the_board) & ~Exists(planned_there), production=production, takes__isnull=False
        )
        .values_list("number", "takes__scene__number")
        .distinct()
        .order_by("number", "takes__scene__number")
    )


def insert_select(model, rows_from: QuerySet, /, **columns):
    """INSERT INTO model's table (columns) SELECT them from `rows_from`: a snapshot of any size in one
    query, no row through Python. Each keyword is a field of `model` and the expression filling it."""
    # Aliases, not the field names: an alias may not repeat a field of the source's model.
    rows = rows_from.values(**{f"column_{i}": expression for i, expression in enumerate(columns.values())})
    names = ", ".join(connection.ops.quote_name(model._meta.get_field(name).column) for name in columns)
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({names}) {sql}", params)


def lock_schedule(production, *, name, reason, user=None, dated=None):
    """Lock the current schedule as the next revision in colour order: the same queries at any size."""
    if not reason.strip():
        raise ValidationError("Give the reason for this revision.")
    with transaction.atomic():
        # The production's row is the lock that numbers its revisions one at a time (PostgreSQL;
        # SQLite writes one at a time anyway); the unique number is the last word.
        production = type(production).objects.select_for_update().get(pk=production.pk)
        previous = ScheduleRevision.objects.filter(production=production).order_by("-number").first()
        missing = list(days_needing_a_cause(production, previous).values_list("number", flat=True))
        if missing:
            listed = ", ".join(str(n) for n in missing)
            raise ValidationError(
                f"Give a cause for day{'s' if len(missing) > 1 else ''} {listed} (added beyond the baseline or "
                f"moved since {previous.colour}) before locking: rig, cast, stunt, reshoot, weather, hiatus or other."
            )
        if stranded := list(takes_off_plan(production)):
            listed = "; ".join(f"scene {scene} on day {day}" for day, scene in stranded)
            raise ValidationError(
                f"Takes were shot that the schedule no longer plans: {listed}. Put each scene's strip back on the "
                "day it was shot (Plan → Strips), then lock."
            )
        revision = ScheduleRevision.objects.create(
            production=production,
            number=previous.number + 1 if previous else 1,
            name=name,
            dated=dated or timezone.localdate(),
            reason=reason,
            locked_by=user if user and user.is_authenticated else None,
            source=f"Locked from the current schedule by {user or 'the office'}.",
        )
        days = ShootDay.objects.plan_dated().filter(production=production).order_by()
        insert_select(
            RevisionDay, days, revision=Value(revision.pk), shoot_day=F("pk"), number=F("number"),
            date=F("plan_date"), actual_date=F("actual_date"), status=F("status"), cause=F("change_cause"),
            cause_note=F("change_note"), source=F("source"),
        )  # fmt: skip
        strips = Strip.objects.filter(shoot_day__production=production).order_by()
        insert_select(
            RevisionStrip, strips, revision=Value(revision.pk), shoot_day=F("shoot_day_id"),
            day_number=F("shoot_day__number"), scene=F("scene_id"), scene_number=F("scene__number"),
            order=F("order"), part=F("part"), parts=F("parts"),
            page_eighths=strip_eighths(), source=F("source"),
        )  # fmt: skip
    return revision


def with_finish(revisions):
    """Revisions with their planned finish (the last dated day not cancelled) and their number of such days."""
    return revisions.annotate(
        finish=Max("days__date", filter=~Q(days__status=ShootDay.Status.CANCELLED)),
        day_count=Count("days", filter=~Q(days__status=ShootDay.Status.CANCELLED)),
    )


@dataclass
class Comparison:
    """Revision `before` against revision `after`: each field a QuerySet, read when shown."""

    before: ScheduleRevision
    after: ScheduleRevision
    days_added: QuerySet
    days_dropped: QuerySet
    days_moved: QuerySet
    scenes_moved: QuerySet
    finishes: QuerySet  # the two revisions, earlier first, each with its planned finish and day count


def held_on():
    """A revision day's date as it stood: the date it was shot when it had been, else its planned date."""
    return Coalesce("actual_date", "date")


def compare(before, after):
    """Days added, dropped and moved, scenes moved from one day to another.

    A day moved is on another date in `after` than in `before`, each side's date being the one it was shot
    on once shot: a day planned for one date and shot on another moved, though its plan never changed.
    Each moved day has `date_before` and `moved_to`, and `shot_off_plan` when it was shot on another date
    than `after` planned. Cancelled days count as dropped: a day that will not be shot is not in the plan.
    """
    if before.pk == after.pk:
        raise ValidationError(f"{before.colour} is compared with itself: choose two different revisions.")
    if before.production_id != after.production_id:
        raise ValidationError(
            f"{before.colour} is {before.production}'s and {after.colour} is {after.production}'s: "
            "compare two revisions of one production."
        )
    live_before = RevisionDay.objects.filter(LIVE, revision=before)
    live_after = RevisionDay.objects.filter(LIVE, revision=after)
    earlier = live_before.filter(shoot_day=OuterRef("shoot_day"))
    moved = live_after.annotate(
        date_before=Subquery(earlier.values(on=held_on())[:1]),
        was_there=Subquery(earlier.values("pk")[:1]),
        moved_to=held_on(),
        shot_off_plan=ExpressionWrapper(Q(actual_date__isnull=False) & ~Q(actual_date=F("date")), BooleanField()),
    )
    moved = moved.filter(was_there__isnull=False).exclude(
        Q(moved_to=F("date_before")) | Q(moved_to__isnull=True, date_before__isnull=True)
    )
    strip_before = RevisionStrip.objects.filter(revision=before, scene=OuterRef("scene"), part=OuterRef("part"))
    scenes = RevisionStrip.objects.filter(revision=after).annotate(
        day_before=Subquery(strip_before.values("day_number")[:1])
    )
    return Comparison(
        before=before,
        after=after,
        days_added=live_after.exclude(shoot_day__in=live_before.filter(shoot_day__isnull=False).values("shoot_day")),
        days_dropped=live_before.exclude(shoot_day__in=live_after.filter(shoot_day__isnull=False).values("shoot_day")),
        days_moved=moved,
        scenes_moved=scenes.filter(day_before__isnull=False).exclude(day_before=F("day_number")),
        finishes=with_finish(ScheduleRevision.objects.filter(pk__in=[before.pk, after.pk])).order_by("number"),
    )


def variance_by_cause(revision):
    """Days `revision` adds beyond the baseline, per cause: [{"cause": "rig", "days": 12}, ...], most first.

    The baseline's own days are the chart's first bar; these are the rest of the way to the revision's total.
    """
    in_baseline = RevisionDay.objects.in_baseline().filter(LIVE, revision__production=revision.production_id)
    return (
        RevisionDay.objects.filter(LIVE, revision=revision)
        .exclude(shoot_day__in=in_baseline.filter(shoot_day__isnull=False).values("shoot_day"))
        .values("cause")
        .annotate(
            days=Count("pk"),
            label=Case(
                *[When(cause=value, then=Value(label)) for value, label in ShootDay.Cause.choices],
                default=Value("No cause given"),
            ),
        )
        .order_by("-days", "cause")
    )
