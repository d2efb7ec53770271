"""Scenes and their breakdown: what the breakdown sheet carries, before any take is shot."""

from django.db import models
from django.db.models import Q

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.versions import Versioned
from hhprod.productions.models import Credit, Production, Sourced
from hhprod.rigs.models import Rig

from .shoot_days import recorded


def pages_and_eighths(eighths):
    """11 -> "1 3/8": how a breakdown sheet and a strip board write a scene's length."""
    if eighths is None:
        return "—"
    pages, rest = divmod(eighths, 8)
    if not rest:
        return str(pages)
    return f"{pages} {rest}/8" if pages else f"{rest}/8"


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
        # The table keeps the name it was created with in the "shooting" app: renaming a table an office
        # has used for months buys nothing.
        db_table = "shooting_scene"
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
