from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from hhprod.lib.expressions import DaysBetween
from hhprod.lib.formatting import minutes_seconds
from hhprod.productions.models import Credit, Person, Production, Sourced
from hhprod.rigs.models import Camera, Rig


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

    def with_slip(self):
        """`slip`: whole days from the scheduled to the actual date, in SQL; None until both are known."""
        return self.annotate(slip=DaysBetween("actual_date", "scheduled_date"))

    def with_recorded(self):
        """Per day: takes, seconds recorded and circled takes."""
        return self.annotate(**recorded())

    def working(self):
        """Every day but a cancelled one: a cancelled day is nobody's work, hold or travel day."""
        return self.exclude(status=ShootDay.Status.CANCELLED)


class ShootDay(Sourced):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        SHOT = "shot", "Shot"
        CANCELLED = "cancelled", "Cancelled"
        MOVED = "moved", "Moved"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="shoot_days")
    number = models.PositiveIntegerField("day number")
    scheduled_date = models.DateField(
        null=True, blank=True, help_text="Empty for a day added beyond the approved schedule."
    )
    actual_date = models.DateField(null=True, blank=True, help_text="Empty until the day is shot.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    objects = ShootDayQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
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


class DayCall(Sourced):
    """Who was called on a shoot day: the call sheet and the Day Out of Days."""

    shoot_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="calls")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="day_calls")
    call_time = models.TimeField()
    wrap_time = models.TimeField(null=True, blank=True, help_text="Empty until wrapped.")
    notes = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["shoot_day", "call_time", "person"]
        constraints = [
            models.UniqueConstraint(fields=["shoot_day", "person"], name="one_call_per_person_per_day"),
        ]

    def __str__(self):
        return f"{self.person} called {self.call_time:%H:%M} on {self.shoot_day}"


class SceneQuerySet(models.QuerySet):
    def with_recorded(self):
        """Per scene: takes, seconds recorded and circled takes (of the takes a filter before this kept)."""
        return self.annotate(**recorded())


class Scene(Sourced):
    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="scenes")
    number = models.CharField("scene number", max_length=20)
    description = models.CharField(max_length=300, blank=True)

    objects = SceneQuerySet.as_manager()

    class Meta:
        ordering = ["production", "number"]
        constraints = [
            models.UniqueConstraint(fields=["production", "number"], name="scene_number_unique_in_production"),
        ]

    def __str__(self):
        return f"Scene {self.number}" + (f" — {self.description}" if self.description else "")


class TakeQuerySet(models.QuerySet):
    def circled(self):
        return self.filter(circled())

    def recorded(self):
        """Takes, seconds recorded and circled takes, over the whole queryset."""
        return self.aggregate(
            takes=Count("pk"), seconds=Coalesce(Sum("length"), 0), circled=Count("pk", filter=circled())
        )

    def days_over_limit(self, limit_minutes):
        """The shoot days on which these takes (one wearer's) add up to more than the daily rig-time limit."""
        return (
            self.order_by()
            .values("shoot_day")
            .annotate(worn=Sum("length"))
            .filter(worn__gt=(limit_minutes or 0) * 60)
            .values("shoot_day")
        )


class Take(Sourced):
    class Status(models.TextChoices):
        CIRCLED = "circled", "Circled"
        GOOD = "good", "Good"
        NO_GOOD = "no_good", "No good"
        FALSE_START = "false_start", "False start"

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="takes")
    number = models.PositiveIntegerField("take number")
    shoot_day = models.ForeignKey(ShootDay, on_delete=models.PROTECT, related_name="takes")
    length = models.PositiveIntegerField("length (seconds)")
    rig = models.ForeignKey(Rig, on_delete=models.PROTECT, related_name="takes")
    camera = models.ForeignKey(Camera, on_delete=models.PROTECT, null=True, blank=True, related_name="takes")
    wearer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="takes_worn", help_text="Who wore the rig."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GOOD)
    notes = models.TextField(blank=True)

    objects = TakeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["shoot_day", "scene", "number"]
        # Each foreign key has its own index; the take list walks the log order's index. The
        # reports add up every take of a production by day (schedule, pace, call sheet) and by
        # wearer and day (rig wearers, days over the limit): each reads one of the two
        # "figures" indexes alone, which carry every column those sums need, never the table.
        indexes = [
            models.Index(fields=["shoot_day", "scene", "number"], name="take_log_order"),
            models.Index(fields=["shoot_day", "wearer", "status", "length", "rig"], name="take_day_figures"),
            models.Index(fields=["wearer", "shoot_day", "length", "rig"], name="take_wearer_figures"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["scene", "number"], name="take_number_unique_in_scene"),
            models.CheckConstraint(
                condition=Q(length__gt=0),
                name="take_length_positive",
                violation_error_message="A take must last at least one second.",
            ),
            models.CheckConstraint(
                condition=Q(number__gt=0),
                name="take_number_positive",
                violation_error_message="Take numbers start at 1.",
            ),
        ]

    def __str__(self):
        return f"Scene {self.scene.number} take {self.number}"

    @property
    def length_display(self):
        return minutes_seconds(self.length)

    def clean(self):
        """Rules that span rows: the database cannot check these, so the form does."""
        errors = {}
        day = self.shoot_day if self.shoot_day_id else None
        scene = self.scene if self.scene_id else None
        production = scene.production if scene else day.production if day else None

        if scene and day and day.production_id != scene.production_id:
            errors.setdefault("shoot_day", []).append(
                f"{day} belongs to {day.production}, but scene {scene.number} is in {scene.production}."
            )
        if day and day.status != ShootDay.Status.SHOT:
            errors.setdefault("shoot_day", []).append(
                f"{day} was not shot (status: {day.get_status_display()}); takes are logged on shot days only."
            )
        if production and self.length and self.length > production.max_take_seconds:
            errors["length"] = (
                f"A take of {minutes_seconds(self.length)} ({self.length} s) is longer than "
                f"{production}'s maximum of {minutes_seconds(production.max_take_seconds)} "
                f"({production.max_take_seconds} s)."
            )
        if self.rig_id and day and day.actual_date and not self.rig.in_service_on(day.actual_date):
            until = self.rig.in_service_to or "today"
            errors["rig"] = (
                f"Rig {self.rig} was not in service on {day.actual_date} "
                f"(in service {self.rig.in_service_from} to {until})."
            )
        if (
            self.wearer_id
            and production
            and not Credit.objects.filter(production=production, person_id=self.wearer_id, wears_rig=True).exists()
        ):
            errors["wearer"] = f"{self.wearer} is not credited as a rig wearer on {production}."
        if errors:
            raise ValidationError(errors)
