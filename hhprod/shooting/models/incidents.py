"""What cost shooting time on a day: a wearer's health incident, a rig unit's fault."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.versions import Versioned
from hhprod.planning.models import ShootDay
from hhprod.productions.models import Person, Sourced
from hhprod.rigs.models import RigUnit


class HealthIncident(Versioned, Sourced):
    """A wearer's health incident on a shoot day, and the shooting time it cost."""

    class Kind(models.TextChoices):
        NECK_STRAIN = "neck_strain", "Neck strain"
        MOTION_SICKNESS = "motion_sickness", "Motion sickness"
        OTHER = "other", "Other"

    shoot_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="health_incidents")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="health_incidents")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    minutes_lost = models.PositiveIntegerField(default=0, help_text="Shooting time lost to it.")
    notes = FreeTextField(blank=True)

    class Meta:
        ordering = ["shoot_day", "person"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.person} on {self.shoot_day}"


class FaultQuerySet(models.QuerySet):
    def open(self):
        return self.filter(fixed_on__isnull=True)


class Fault(Versioned, Sourced):
    """A fault or a maintenance job on a unit, and the shooting time it cost."""

    class Kind(models.TextChoices):
        MOUNT = "mount", "Mount"
        OVERHEATING = "overheating", "Overheating"
        BATTERY = "battery", "Battery"
        CARD = "card", "Card"
        OTHER = "other", "Other"

    unit = models.ForeignKey(RigUnit, on_delete=models.CASCADE, related_name="faults")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    shoot_day = models.ForeignKey(
        ShootDay,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rig_faults",
        help_text="The day it was reported; empty for one found between shoot days.",
    )
    minutes_lost = models.PositiveIntegerField(default=0, help_text="Shooting time lost to it.")
    fixed_on = models.DateField(null=True, blank=True, help_text="Empty while the fault is open.")
    notes = FreeTextField(blank=True)

    objects = FaultQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"], table_name="rigs_historicalfault")

    class Meta:
        # The table keeps the name it was created with in the "rigs" app: renaming a table an office
        # has used for months buys nothing.
        db_table = "rigs_fault"
        ordering = ["unit", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} fault on {self.unit}"

    @property
    def is_open(self):
        return self.fixed_on is None

    def clean(self):
        reported = self.shoot_day.actual_date if self.shoot_day_id else None
        if self.fixed_on and reported and self.fixed_on < reported:
            raise ValidationError({"fixed_on": f"Fixed on {self.fixed_on}, before it was reported on {reported}."})
