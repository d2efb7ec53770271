from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from hhprod.productions.models import Sourced


class RigQuerySet(models.QuerySet):
    def in_service_on(self, day):
        return self.filter(Q(in_service_to__isnull=True) | Q(in_service_to__gte=day), in_service_from__lte=day)


class Rig(Sourced):
    """A version of the head-mounted camera rig."""

    class Material(models.TextChoices):
        METAL = "metal", "Metal"
        PLASTIC = "plastic", "3D-printed plastic"

    name = models.CharField(max_length=100, unique=True, help_text='For example "v1".')
    version = models.PositiveIntegerField(unique=True)
    material = models.CharField(max_length=20, choices=Material.choices)
    weight_grams = models.PositiveIntegerField("weight (g)", null=True, blank=True)
    in_service_from = models.DateField()
    in_service_to = models.DateField(null=True, blank=True, help_text="Empty while in service.")
    notes = models.TextField(blank=True)

    objects = RigQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(in_service_to__isnull=True) | Q(in_service_to__gte=F("in_service_from")),
                name="rig_retired_after_start",
                violation_error_message="A rig cannot leave service before it enters it.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_material_display()})"

    def in_service_on(self, day):
        return self.in_service_from <= day and (self.in_service_to is None or day <= self.in_service_to)


class Camera(Sourced):
    model = models.CharField(max_length=100, help_text='For example "GoPro Hero 3".')
    serial = models.CharField(max_length=100, unique=True)
    rig = models.ForeignKey(Rig, on_delete=models.SET_NULL, null=True, blank=True, related_name="cameras")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["model", "serial"]

    def __str__(self):
        return f"{self.model} #{self.serial}"
