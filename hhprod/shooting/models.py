import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.template.defaultfilters import pluralize
from django.utils import timezone
from simple_history.models import HistoricalRecords

from hhprod.lib.formatting import minutes_seconds
from hhprod.lib.freetext import FreeTextField, within_text_limit
from hhprod.lib.versions import Versioned
from hhprod.productions.models import Credit, Person, Production, Sourced, over_daily_limit
from hhprod.rigs.models import Camera, Rig, RigUnit

from . import camera_report
from .camera_report import FieldOfView, FrameRate, Resolution


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


def pages_and_eighths(eighths):
    """11 -> "1 3/8": how a breakdown sheet and a strip board write a scene's length."""
    if eighths is None:
        return "—"
    pages, rest = divmod(eighths, 8)
    if not rest:
        return str(pages)
    return f"{pages} {rest}/8" if pages else f"{rest}/8"


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
        "paperwork.Location",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shoot_days",
        verbose_name="location record",
        help_text="The location with its address, hospital and coordinates, for the call sheet.",
    )
    crew_call = models.TimeField("general crew call", null=True, blank=True)
    shooting_call = models.TimeField(null=True, blank=True, help_text="When the camera is to roll.")
    weather = models.CharField(max_length=200, blank=True, help_text="The forecast, filled in by the office.")
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
    history = HistoricalRecords(excluded_fields=["version"])

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


class DayCall(Versioned, Sourced):
    """Who was called on a shoot day: the call sheet and the Day Out of Days."""

    class Kind(models.TextChoices):
        WORK = "work", "Work"
        REHEARSAL = "rehearsal", "Rehearsal"
        FITTING = "fitting", "Fitting"

    shoot_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="calls")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="day_calls")
    pickup_time = models.TimeField(null=True, blank=True)
    makeup_time = models.TimeField("make-up time", null=True, blank=True)
    call_time = models.TimeField()
    on_set_time = models.TimeField("on set", null=True, blank=True)
    wrap_time = models.TimeField(null=True, blank=True, help_text="Empty until wrapped.")
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.WORK,
        help_text="Work, or a rehearsal or fitting call: the Day Out of Days writes W, R or F.",
    )
    notes = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["shoot_day", "call_time", "person"]
        constraints = [
            models.UniqueConstraint(fields=["shoot_day", "person"], name="one_call_per_person_per_day"),
        ]

    def __str__(self):
        return f"{self.person} called {self.call_time:%H:%M} on {self.shoot_day}"

    def clean(self):
        """Only someone credited on the day's production is called: the Day Out of Days, the call
        sheet and the production report list everyone called."""
        if not (self.person_id and self.shoot_day_id):
            return
        production = self.shoot_day.production
        if not Credit.objects.filter(production=production, person=self.person_id).exists():
            raise ValidationError(
                {"person": f"{self.person} is not credited on {production}: credit them on it before calling them."}
            )


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


class SceneQuerySet(models.QuerySet):
    def with_recorded(self):
        """Per scene: takes, seconds recorded and circled takes (of the takes a filter before this kept)."""
        return self.annotate(**recorded())


class Scene(Versioned, Sourced):
    """A scene and its breakdown: what the breakdown sheet carries, before any take is shot."""

    class Setting(models.TextChoices):
        INT = "int", "INT."
        EXT = "ext", "EXT."
        INT_EXT = "int_ext", "INT./EXT."

    class TimeOfDay(models.TextChoices):
        DAY = "day", "Day"
        NIGHT = "night", "Night"
        DAWN = "dawn", "Dawn"
        DUSK = "dusk", "Dusk"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="scenes")
    number = models.CharField("scene number", max_length=20)
    description = models.CharField(max_length=300, blank=True)
    set_name = models.CharField("set", max_length=200, blank=True, help_text='As scripted, e.g. "Lab — corridor".')
    location = models.CharField(max_length=200, blank=True, help_text="Where the set is shot.")
    setting = models.CharField("INT/EXT", max_length=10, choices=Setting.choices, blank=True)
    time_of_day = models.CharField("day/night", max_length=10, choices=TimeOfDay.choices, blank=True)
    page_eighths = models.PositiveIntegerField(
        "length (eighths of a page)",
        null=True,
        blank=True,
        help_text="In eighths: 11 is 1 3/8 pages. Empty until broken down.",
    )
    synopsis = models.CharField(max_length=200, blank=True, help_text="One line.")
    screen_seconds = models.PositiveIntegerField("estimated screen time (seconds)", null=True, blank=True)
    cast = models.ManyToManyField(
        Credit,
        blank=True,
        related_name="scenes",
        verbose_name="cast and stunt performers",
        limit_choices_to={"role__in": [Credit.Role.CAST, Credit.Role.STUNT_PERFORMER]},
        help_text="Credits on this scene's production.",
    )
    head_rig = models.BooleanField("head rig worn", default=False)
    rig = models.ForeignKey(
        Rig,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scenes",
        verbose_name="rig version",
        help_text="The version planned, when the head rig is worn.",
    )
    stunt_notes = FreeTextField(blank=True)
    safety_notes = FreeTextField(blank=True)

    objects = SceneQuerySet.as_manager()

    class Meta:
        ordering = ["production", "number"]
        constraints = [
            models.UniqueConstraint(fields=["production", "number"], name="scene_number_unique_in_production"),
            models.CheckConstraint(
                condition=Q(rig__isnull=True) | Q(head_rig=True),
                name="scene_rig_only_when_worn",
                violation_error_message="A rig version is given only for a scene where the head rig is worn.",
            ),
            models.CheckConstraint(
                condition=Q(page_eighths__isnull=True) | Q(page_eighths__gt=0),
                name="scene_length_positive",
                violation_error_message="A scene is at least 1/8 of a page.",
            ),
        ]

    def __str__(self):
        return f"Scene {self.number}" + (f" — {self.description}" if self.description else "")

    @property
    def pages_display(self):
        return pages_and_eighths(self.page_eighths)

    def cast_outside_production(self, credits):
        """The credits among `credits` that belong to another production: a form refuses them."""
        return [credit for credit in credits if credit.production_id != self.production_id]


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


class TakeImportUploadQuerySet(models.QuerySet):
    def held_for(self, user):
        """The previews this login may confirm: its own, not yet expired."""
        return self.filter(user=user, created__gte=expiry_time())

    def expired(self):
        return self.filter(created__lt=expiry_time())


def expiry_time():
    return timezone.now() - timedelta(hours=settings.TAKE_IMPORT_PREVIEW_HOURS)


class TakeImportUpload(models.Model):
    """A take log that passed its preview, held in the database until its login confirms it.

    Held here rather than on one server's disk so that any app server can confirm it, and
    named by a random id that the confirm form carries: a client never names a file. The
    confirm step removes it whether or not the import succeeds; an abandoned one expires.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=4, choices=[("csv", "CSV"), ("xlsx", "XLSX"), ("ale", "Avid ALE")])
    data = models.BinaryField()
    mapping = models.JSONField(default=dict, help_text="The file's column headers -> the take-log columns they fill.")
    # Counted once, when the upload is read within the limits: each later step reads the file once.
    rows = models.PositiveIntegerField(null=True, help_text="The rows under the header (none for an older upload).")
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = TakeImportUploadQuerySet.as_manager()

    def __str__(self):
        return f"{self.file_name} for {self.production}, previewed by {self.user}"


class ImportColumnMapping(models.Model):
    """Which take-log column a file's column fills, as last chosen for the production: the next
    file from the same set tool maps itself. An empty column means "left out"."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="import_columns")
    header = models.CharField(max_length=200, help_text="The file's column header, lower-cased.")
    column = models.CharField(max_length=20, blank=True, help_text="The take-log column; empty: left out.")

    class Meta:
        ordering = ["production", "header"]
        constraints = [
            models.UniqueConstraint(fields=["production", "header"], name="import_column_once_per_production"),
        ]

    def __str__(self):
        return f"{self.header} -> {self.column or 'left out'}"
