"""Takes: what was shot, on which rig and unit, worn by whom, for how long."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from hhprod.lib.formatting import minutes_seconds
from hhprod.lib.freetext import FreeTextField, within_text_limit
from hhprod.lib.versions import Versioned
from hhprod.planning.models import Scene, ShootDay, circled
from hhprod.productions.models import Person, Sourced, over_daily_limit
from hhprod.rigs.models import Camera, Rig, RigUnit

from .. import camera_report
from ..camera_report import FieldOfView, FrameRate, Resolution


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
            .annotate(seconds_worn=Sum("length"))
            .filter(over_daily_limit(limit_minutes or 0))
            .values("shoot_day")
        )


class Take(Versioned, Sourced):
    class Status(models.TextChoices):
        CIRCLED = "circled", "Circled"
        GOOD = "good", "Good"
        NO_GOOD = "no_good", "No good"
        FALSE_START = "false_start", "False start"

        @classmethod
        def from_mark(cls, mark):
            """The status a camera report's mark stands for: "*" or "P" circled, "NG", "FS"...;
            a status's own label or value too; None for a mark nobody uses."""
            value = STATUS_OF_MARK.get(" ".join(str(mark).split()).upper())
            return cls(value) if value else None

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="takes")
    setup = models.CharField(
        max_length=2,
        blank=True,
        default="",
        validators=[camera_report.setup_letters],
        help_text='The letters after the scene number: empty for the scene\'s first setup (12), "A" for 12A.',
    )
    number = models.PositiveIntegerField("take number", help_text="Counted within the setup.")
    shoot_day = models.ForeignKey(ShootDay, on_delete=models.PROTECT, related_name="takes")
    length = models.PositiveIntegerField("length (seconds)")
    rig = models.ForeignKey(Rig, on_delete=models.PROTECT, related_name="takes")
    camera = models.ForeignKey(Camera, on_delete=models.PROTECT, null=True, blank=True, related_name="takes")
    wearer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="takes_worn", help_text="Who wore the rig."
    )
    rig_unit = models.ForeignKey(
        RigUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="takes",
        help_text="The physical rig worn (v2 #1, v2 #2): a unit of the take's rig.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GOOD)
    roll = models.CharField("camera roll or card", max_length=40, blank=True, help_text='For example "A012".')
    clip_name = models.CharField(
        "clip file name",
        max_length=100,
        blank=True,
        help_text="A GoPro's is GOPRnnnn.MP4, or GPccnnnn.MP4 for a chapter.",
    )
    time_of_day = models.TimeField(null=True, blank=True, help_text="When the camera rolled.")
    field_of_view = models.CharField(max_length=10, choices=FieldOfView.choices, blank=True)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)
    frame_rate = models.PositiveSmallIntegerField(choices=FrameRate.choices, null=True, blank=True)
    mos = models.BooleanField("MOS", default=False, help_text="Shot without sound.")
    vfx = models.BooleanField("VFX", default=False, help_text="Visual effects will be added.")
    notes = FreeTextField(blank=True)
    other_columns = models.JSONField(
        default=dict,
        blank=True,
        help_text="The imported file's columns that fill no field here (its header -> its value), as the file "
        "had them: kept for editorial, and written back into the ALE.",
    )

    objects = TakeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["shoot_day", "scene", "setup", "number"]
        # Each foreign key has its own index; the take list walks the log order's index. The
        # reports add up every take of a production by day (schedule, pace, call sheet) and by
        # wearer and day (rig wearers, days over the limit): each reads one of the two
        # "figures" indexes alone, which carry every column those sums need, never the table.
        indexes = [
            models.Index(fields=["shoot_day", "scene", "setup", "number"], name="take_log_order"),
            models.Index(fields=["shoot_day", "wearer", "status", "length", "rig"], name="take_day_figures"),
            models.Index(fields=["wearer", "shoot_day", "length", "rig"], name="take_wearer_figures"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["scene", "setup", "number"],
                name="take_number_unique_in_setup",
                violation_error_message=(
                    "A take with this number already exists in this setup: "
                    "take numbers start again at 1 in each setup (12, 12A, 12B)."
                ),
            ),
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
            # The import writes takes in bulk and a script may update them: the database holds the limit too.
            within_text_limit("notes", name="take_notes_within_limit"),
        ]

    def __str__(self):
        if self.setup:
            return f"Scene {self.scene.number} setup {self.setup_name} take {self.number}"
        return f"Scene {self.scene.number} take {self.number}"

    @property
    def setup_name(self):
        """12, 12A, 12B: the scene's number and the setup's letters."""
        return f"{self.scene.number}{self.setup}"

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
        if self.number and self.number > camera_report.LAST_TAKE:
            errors["number"] = f"Take numbers run up to {camera_report.LAST_TAKE}, as on a slate; got {self.number}."
        if self.wearer_id and production and self.wearer_id not in production.rig_wearer_ids:
            errors["wearer"] = f"{self.wearer} is not credited as a rig wearer on {production}."
        errors.update(self.camera_report_errors())
        if errors:
            raise ValidationError(errors)

    def camera_report_errors(self):
        """The camera report's own rules: the unit is one of the take's rig and carried the take's
        camera that day, a GoPro's clip name one a GoPro writes, the mode one the Hero 3 Black records."""
        errors = {}
        if self.rig_unit_id and self.rig_id and self.rig_unit.rig_id != self.rig_id:
            errors["rig_unit"] = f"Unit {self.rig_unit} is a unit of {self.rig_unit.rig}, not of {self.rig}."
        camera = self.camera if self.camera_id else None
        on = self.shoot_day.actual_date if self.shoot_day_id else None
        if camera and self.rig_unit_id and on and "rig_unit" not in errors:
            mounted = camera.mounting_on(on)
            if mounted and mounted.unit_id != self.rig_unit_id:
                errors["rig_unit"] = (
                    f"Camera {camera} was mounted on {mounted.unit} on {on}, not on {self.rig_unit}: "
                    "log the take on the unit that carried its camera, or correct the camera."
                )
        if problem := camera_report.clip_name_problem(self.clip_name, camera):
            errors["clip_name"] = problem
        if problem := camera_report.mode_problem(self.resolution, self.frame_rate):
            errors["frame_rate"] = problem
        return errors


# A mark as typed (upper case) -> the status's value: set tools' marks, then each status's own
# value and label, which win over a mark spelled the same.
STATUS_OF_MARK = {
    **camera_report.STATUS_MARKS,
    **{status.value.upper(): status.value for status in Take.Status},
    **{status.label.upper(): status.value for status in Take.Status},
}
