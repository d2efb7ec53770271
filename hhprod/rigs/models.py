from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Max, Min, Q
from simple_history.models import HistoricalRecords

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.names import NameKeyed
from hhprod.lib.versions import Versioned, VersionField
from hhprod.productions.models import Sourced


class RigQuerySet(models.QuerySet):
    def in_service_on(self, day):
        return self.filter(Q(in_service_to__isnull=True) | Q(in_service_to__gte=day), in_service_from__lte=day)


class Rig(NameKeyed, Versioned, Sourced):
    """A version of the head-mounted camera rig."""

    class Material(models.TextChoices):
        METAL = "metal", "Metal"
        PLASTIC = "plastic", "3D-printed plastic"

    name = models.CharField(max_length=100, help_text='For example "v1"; one rig a name, in any case.')
    # The rig's own version (v1, v2) takes the name `version`; its save counter is record_version.
    version = models.PositiveIntegerField(unique=True)
    record_version = VersionField()
    material = models.CharField(max_length=20, choices=Material.choices)
    weight_grams = models.PositiveIntegerField("weight (g)", null=True, blank=True)
    in_service_from = models.DateField()
    in_service_to = models.DateField(null=True, blank=True, help_text="Empty while in service.")
    notes = FreeTextField(blank=True)

    objects = RigQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["record_version"])

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="rig_name_unique_in_any_case"),
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

    def clean(self):
        """New service dates may not leave takes already shot on this rig outside its service:
        those takes, and their days, could no longer be saved."""
        if self.pk is None or not self.in_service_from:
            return
        if self.in_service_to and self.in_service_to < self.in_service_from:
            return  # the check constraint names dates that end before they start
        errors = {}
        early = self.takes.filter(shoot_day__actual_date__lt=self.in_service_from)
        if problem := stranded_takes(early, latest_first=False):
            errors["in_service_from"] = problem
        if self.in_service_to:
            late = self.takes.filter(shoot_day__actual_date__gt=self.in_service_to)
            if problem := stranded_takes(late, latest_first=True):
                errors["in_service_to"] = problem
        if errors:
            raise ValidationError(errors)


def stranded_takes(takes, latest_first):
    """What a refusal says of takes a change would leave outside a rig's service: how many, on which
    days, and the few furthest out; None when there are none."""
    span = takes.aggregate(
        count=Count("pk"),
        first=Min("shoot_day__number"),
        last=Max("shoot_day__number"),
        since=Min("shoot_day__actual_date"),
        until=Max("shoot_day__actual_date"),
    )
    if not span["count"]:
        return None
    order = ["shoot_day__actual_date", "shoot_day__number", "scene__number", "setup", "number"]
    furthest = takes.select_related("scene", "shoot_day__production").order_by(
        *(f"-{key}" for key in order) if latest_first else order
    )[:3]
    examples = "; ".join(f"{take.shoot_day.production} day {take.shoot_day.number}: {take}" for take in furthest)
    if (span["first"], span["since"]) == (span["last"], span["until"]):
        days = f"day {span['first']} ({span['since']})"
    else:
        days = f"days {span['first']}–{span['last']} ({span['since']} to {span['until']})"
    takes_shot = f"{span['count']} take{'s' if span['count'] > 1 else ''}"
    return (
        f"{takes_shot} on {days} would fall outside its service, "
        f"e.g. {examples}. Correct those takes' rig first, or keep the dates."
    )


class Camera(Versioned, Sourced):
    model = models.CharField(max_length=100, help_text='For example "GoPro Hero 3".')
    serial = models.CharField(max_length=100, unique=True)
    letter = models.CharField(
        max_length=2, blank=True, help_text='The camera\'s letter on set ("A", "B"): how a camera report names it.'
    )
    rig = models.ForeignKey(Rig, on_delete=models.SET_NULL, null=True, blank=True, related_name="cameras")
    notes = FreeTextField(blank=True)

    class Meta:
        ordering = ["model", "serial"]

    def __str__(self):
        return f"{self.model} #{self.serial}"

    @cached_property
    def mountings_read(self):
        """The camera's mountings with their units, read once per object: an import checks thousands of takes."""
        return list(self.mountings.select_related("unit__rig"))

    def mounting_on(self, day):
        """The mounting that had the camera on a unit on `day`, None when none records it."""
        return next((mounting for mounting in self.mountings_read if mounting.covers(day)), None)


class RigUnit(Versioned, Sourced):
    """One physical rig of a version: v2 #1 and v2 #2 are two units of v2."""

    rig = models.ForeignKey(Rig, on_delete=models.CASCADE, related_name="units")
    number = models.PositiveIntegerField("unit number")
    notes = FreeTextField(blank=True)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["rig", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["rig", "number"],
                name="unit_number_unique_in_rig",
                violation_error_message="This rig already has a unit with this number.",
            ),
        ]

    def __str__(self):
        return f"{self.rig.name} #{self.number}"

    def clean(self):
        """A unit stays a unit of the rig its takes were shot on: moved to another, they could no longer be saved."""
        if self.pk is None or not self.rig_id:
            return
        shot_elsewhere = self.takes.exclude(rig_id=self.rig_id)
        if count := shot_elsewhere.count():
            first = shot_elsewhere.select_related("rig", "scene", "shoot_day__production").order_by("pk").first()
            raise ValidationError(
                {"rig": f"{count} take{'s' if count > 1 else ''} on this unit were shot on rig {first.rig.name}, "
                 f"e.g. {first.shoot_day.production} day {first.shoot_day.number}: {first}. "
                 f"It stays a unit of {first.rig.name}; add a new unit to {self.rig.name} instead."}
            )  # fmt: skip


class MountingQuerySet(models.QuerySet):
    def mounted_on(self, day):
        """The mountings in place on `day`: which camera was on which unit."""
        return self.filter(Q(mounted_to__isnull=True) | Q(mounted_to__gte=day), mounted_from__lte=day)

    def overlapping(self, mounted_from, mounted_to):
        """Mountings that share at least one day with the period (an open end runs on for ever)."""
        overlapping = self.filter(Q(mounted_to__isnull=True) | Q(mounted_to__gte=mounted_from))
        return overlapping if mounted_to is None else overlapping.filter(mounted_from__lte=mounted_to)


class Mounting(Versioned, Sourced):
    """A camera on a rig unit from one day to another: one camera per unit, one unit per camera."""

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="mountings")
    unit = models.ForeignKey(RigUnit, on_delete=models.CASCADE, related_name="mountings")
    mounted_from = models.DateField()
    mounted_to = models.DateField(
        null=True, blank=True, help_text="The last day it was on the unit; empty while still mounted."
    )
    notes = models.CharField(max_length=200, blank=True)

    objects = MountingQuerySet.as_manager()

    class Meta:
        ordering = ["unit", "mounted_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mounted_to__isnull=True) | Q(mounted_to__gte=F("mounted_from")),
                name="mounting_ends_after_it_starts",
                violation_error_message="A camera cannot come off a unit before it is mounted.",
            ),
        ]

    def __str__(self):
        return f"{self.camera} on {self.unit} from {self.mounted_from} to {self.mounted_to or 'now'}"

    def covers(self, day):
        return self.mounted_from <= day and (self.mounted_to is None or day <= self.mounted_to)

    def clean(self):
        if not self.mounted_from or (self.mounted_to and self.mounted_to < self.mounted_from):
            return  # the check constraint names a period that ends before it starts
        others = Mounting.objects.overlapping(self.mounted_from, self.mounted_to).exclude(pk=self.pk)
        errors = {}
        if self.camera_id and (clash := others.filter(camera_id=self.camera_id).select_related("unit__rig").first()):
            errors["camera"] = f"{self.camera} is already mounted then: {clash}."
        if self.unit_id and (clash := others.filter(unit_id=self.unit_id).select_related("camera").first()):
            errors["unit"] = f"{self.unit} already carries a camera then: {clash}."
        if errors:
            raise ValidationError(errors)


class Fit(Versioned, Sourced):
    """A unit fitted to a wearer's head: each wearer is fitted before wearing it."""

    unit = models.ForeignKey(RigUnit, on_delete=models.CASCADE, related_name="fits")
    wearer = models.ForeignKey("productions.Person", on_delete=models.PROTECT, related_name="rig_fits")
    fitted_on = models.DateField()
    fitted_by = models.ForeignKey(
        "productions.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rig_fits_made",
        help_text="The rig technician.",
    )
    notes = FreeTextField(blank=True, help_text="Straps, padding, counterweight...")

    class Meta:
        ordering = ["unit", "fitted_on"]

    def __str__(self):
        return f"{self.unit} fitted to {self.wearer} on {self.fitted_on}"
