"""Shoot days: when and where the unit shoots, and what each day's takes add up to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.template.defaultfilters import pluralize
from simple_history.models import HistoricalRecords

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.versions import Versioned
from hhprod.productions.models import Production, Sourced
from hhprod.rigs.models import Rig

from .locations import Location


def circled(takes=""):
    """The condition "a circled take", on Take itself or through a relation (`takes="takes__"`)."""
    return Q(**{f"{takes}status": "circled"})


def recorded(takes="takes"):
    """Takes, seconds recorded and circled takes, summed over a relation to Take."""
    return {
        "take_count": Count(takes),
        "seconds_recorded": Coalesce(Sum(f"{takes}__length"), 0),
        "circled": Count(takes, filter=circled(f"{takes}__")),
    }


class ShootDayQuerySet(models.QuerySet):
    def with_working_date(self):
        """`on`: the date the day was shot, else the date it is scheduled for."""
        return self.annotate(on=Coalesce("actual_date", "scheduled_date"))

    def with_recorded(self):
        """Per day: takes, seconds recorded and circled takes."""
        return self.annotate(**recorded())

    def working(self):
        """Every day but a cancelled one: a cancelled day is nobody's work, hold or travel day."""
        return self.exclude(status=ShootDay.Status.CANCELLED)

    def plan_dated(self):
        """`plan_date`: the day's date in the current plan: its scheduled date, or the date it was
        shot when it was added without one; empty for a day with no date yet."""
        return self.annotate(plan_date=Coalesce("scheduled_date", "actual_date"))


class ShootDay(Versioned, Sourced):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        SHOT = "shot", "Shot"
        CANCELLED = "cancelled", "Cancelled"
        MOVED = "moved", "Moved"

    class Cause(models.TextChoices):
        """Why a day was added beyond the baseline or moved: what a producer reports to the bond company."""

        RIG = "rig", "Rig failure or rebuild"
        CAST = "cast", "Cast availability and travel"
        STUNT = "stunt", "Stunt reset or injury"
        RESHOOT = "reshoot", "Reshoot"
        WEATHER = "weather", "Weather or location"
        HIATUS = "hiatus", "Financing hiatus"
        OTHER = "other", "Other"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="shoot_days")
    number = models.PositiveIntegerField("day number")
    scheduled_date = models.DateField(
        null=True, blank=True, help_text="Empty for a day added beyond the approved schedule."
    )
    actual_date = models.DateField(null=True, blank=True, help_text="Empty until the day is shot.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    location = models.CharField(max_length=200, blank=True)
    site = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shoot_days",
        verbose_name="location record",
        help_text="The location with its address, hospital and coordinates, for the call sheet.",
    )
    crew_call = models.TimeField("general crew call", null=True, blank=True)
    shooting_call = models.TimeField(null=True, blank=True, help_text="When the camera is to roll.")
    meal_time = models.TimeField(
        "first meal", null=True, blank=True, help_text="When lunch (the first meal) is called: on the call sheet."
    )
    weather = models.CharField(max_length=200, blank=True, help_text="The forecast, filled in by the office.")
    background = FreeTextField(
        "background and stand-ins",
        blank=True,
        help_text="Extras and stand-ins called, how many and when: on the call sheet.",
    )
    department_notes = FreeTextField(
        blank=True, help_text="Notes to camera, rig, stunts, make-up, props...: on the call sheet."
    )
    notes = FreeTextField(blank=True)
    change_cause = models.CharField(
        "cause of change",
        max_length=20,
        choices=Cause.choices,
        blank=True,
        help_text="Why this day was added beyond the baseline, or moved. Locking a revision asks for it.",
    )
    change_note = models.CharField("note on the change", max_length=300, blank=True)

    objects = ShootDayQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"], table_name="shooting_historicalshootday")

    class Meta:
        # The table keeps the name it was created with in the "shooting" app: renaming a table an office
        # has used for months buys nothing.
        db_table = "shooting_shootday"
        ordering = ["production", "number"]
        # (production, number) is indexed by its unique constraint; these serve the schedule's
        # days in date order and the counts of days shot per production.
        indexes = [
            models.Index(fields=["production", "actual_date"], name="day_production_actual_date"),
            models.Index(fields=["production", "status"], name="day_production_status"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["production", "number"], name="day_number_unique_in_production"),
            models.CheckConstraint(
                condition=Q(number__gt=0),
                name="day_number_positive",
                violation_error_message="Day numbers start at 1.",
            ),
            models.CheckConstraint(
                condition=Q(status="shot", actual_date__isnull=False)
                | (~Q(status="shot") & Q(actual_date__isnull=True)),
                name="actual_date_only_on_shot_day",
                violation_error_message="A day has an actual date exactly when its status is Shot.",
            ),
        ]

    def __str__(self):
        return f"{self.production} day {self.number}"

    def clean(self):
        """A new shooting date may not leave the day's takes on a rig out of service that day: those
        takes could no longer be saved."""
        if self.pk is None or self.actual_date is None:
            return
        shot_on = self.actual_date
        out_of_service = (
            Rig.objects.filter(Q(in_service_from__gt=shot_on) | Q(in_service_to__lt=shot_on), takes__shoot_day=self)
            .annotate(stranded=Count("takes"))
            .order_by("version")
        )
        problems = [
            f"Rig {rig} was not in service on {shot_on} (in service {rig.in_service_from} to "
            f"{rig.in_service_to or 'today'}): {rig.stranded} take{pluralize(rig.stranded)} of this day "
            f"{pluralize(rig.stranded, 'was,were')} shot on it. Correct those takes' rig first, or keep the date."
            for rig in out_of_service
        ]
        if problems:
            raise ValidationError({"actual_date": problems})
