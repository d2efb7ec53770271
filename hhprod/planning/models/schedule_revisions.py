"""Locked revisions of the schedule: White is the baseline, each later colour a new version of the plan."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hhprod.lib.freetext import FreeTextField
from hhprod.productions.models import Production, Sourced

from .scenes import Scene
from .shoot_days import ShootDay
from .strips import BASELINE, revision_colour


class ScheduleRevisionQuerySet(models.QuerySet):
    def baseline(self):
        return self.filter(number=BASELINE)


class InRevisionQuerySet(models.QuerySet):
    """A revision's days or strips."""

    def in_baseline(self):
        return self.filter(revision__number=BASELINE)


class ScheduleRevision(Sourced):
    """The schedule locked as it stood: number 1 (White) is the baseline, what "scheduled" means."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 is the baseline (White), then Blue, Pink...")
    name = models.CharField(max_length=200)
    dated = models.DateField("revision date")
    reason = FreeTextField()
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    locked_at = models.DateTimeField(default=timezone.now)

    objects = ScheduleRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["production", "number"]
        constraints = [
            models.UniqueConstraint(fields=["production", "number"], name="revision_number_unique_in_production"),
            models.CheckConstraint(condition=Q(number__gt=0), name="revision_number_positive"),
        ]

    def __str__(self):
        return f"{self.production} — {self.colour} revision ({self.dated:%d %b %Y})"

    @property
    def colour(self):
        return revision_colour(self.number)

    @property
    def is_baseline(self):
        return self.number == BASELINE


class RevisionDay(Sourced):
    """A shoot day as a revision left it. The day itself may change or go; this row does not."""

    revision = models.ForeignKey(ScheduleRevision, on_delete=models.CASCADE, related_name="days")
    shoot_day = models.ForeignKey(ShootDay, on_delete=models.SET_NULL, null=True, related_name="revision_days")
    number = models.PositiveIntegerField("day number")
    date = models.DateField(null=True, help_text="Empty for a day with no date yet.")
    actual_date = models.DateField(
        null=True, blank=True, help_text="The date the day was shot, when it was shot by the time of the lock."
    )
    status = models.CharField(max_length=20, choices=ShootDay.Status.choices)
    cause = models.CharField(max_length=20, choices=ShootDay.Cause.choices, blank=True)
    cause_note = models.CharField(max_length=300, blank=True)

    objects = InRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["revision", "number"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "number"], name="revision_day_number_unique"),
            models.UniqueConstraint(fields=["revision", "shoot_day"], name="revision_day_once"),
        ]

    def __str__(self):
        return f"Day {self.number} in {self.revision.colour}"


class RevisionStrip(Sourced):
    """A strip as a revision left it: which scene (part) was planned on which day."""

    revision = models.ForeignKey(ScheduleRevision, on_delete=models.CASCADE, related_name="strips")
    shoot_day = models.ForeignKey(ShootDay, on_delete=models.SET_NULL, null=True, related_name="+")
    day_number = models.PositiveIntegerField()
    scene = models.ForeignKey(Scene, on_delete=models.SET_NULL, null=True, related_name="+")
    scene_number = models.CharField(max_length=20)
    order = models.PositiveIntegerField()
    part = models.PositiveSmallIntegerField()
    parts = models.PositiveSmallIntegerField()
    page_eighths = models.PositiveIntegerField(null=True)

    objects = InRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["revision", "day_number", "order"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "scene", "part"], name="revision_strip_once"),
        ]

    def __str__(self):
        return f"Scene {self.scene_number} on day {self.day_number} in {self.revision.colour}"
