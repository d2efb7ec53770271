"""The plan: scenes placed on shoot days (strips), the calendar between the days, and locked revisions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest, Mod, NullIf
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from hhprod.lib.expressions import SubqueryCount
from hhprod.lib.versions import Versioned
from hhprod.productions.models import Person, Production, Sourced
from hhprod.rigs.models import RigUnit

from .scenes import Scene, pages_and_eighths
from .shoot_days import ShootDay

# The industry's order of revision colours (script pages and schedules alike); after the last
# the round starts again as "Double White", "Double Blue"...
REVISION_COLOURS = [
    "White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon", "Cherry", "Tan", "Gray",
]  # fmt: skip
ROUNDS = ["", "Double ", "Triple ", "Fourth round "]
# The first locked revision (White) is the baseline: what "scheduled" means.
BASELINE = 1


def part_share(field):
    """For a Strip row: its `field` (page_eighths or screen_seconds) when the part has its own, else its
    share of what the scene's leaves after the lengths its parts are given, divided among the parts given
    none, the first of them taking the odd units: 5/8 in three parts is 2/8, 2/8 and 1/8. The parts of a
    scene never add to more than the scene (Strip.clean() refuses given lengths that would)."""
    given = Strip.objects.filter(scene=OuterRef("scene"), **{f"{field}__isnull": False}).order_by().values("scene")
    given_total = Coalesce(Subquery(given.annotate(total=Sum(field)).values("total")), 0)
    left = Greatest(F(f"scene__{field}") - given_total, Value(0))
    among = NullIf(F("parts") - SubqueryCount(given), Value(0))
    place = F("part") - SubqueryCount(given.filter(part__lt=OuterRef("part")))
    odd = Case(When(LessThanOrEqual(place, Mod(left, among)), then=Value(1)), default=Value(0))
    return Coalesce(F(field), left / among + odd, output_field=IntegerField())


def strip_eighths():
    """A strip's pages in eighths, the one definition the stripboard, schedule, call sheet and production
    report use: a split scene's part its own length when it has one, else its share (part_share). A locked
    revision keeps each strip's as it was (RevisionStrip.page_eighths)."""
    return part_share("page_eighths")


def strip_screen_seconds():
    """A strip's estimated screen time, shared among a split scene's parts as its pages are."""
    return part_share("screen_seconds")


def revision_colour(number):
    """1 -> "White", 7 -> "Buff", 12 -> "Double White"."""
    round_, index = divmod(number - 1, len(REVISION_COLOURS))
    prefix = ROUNDS[round_] if round_ < len(ROUNDS) else f"Round {round_ + 1} "
    return prefix + REVISION_COLOURS[index]


class Strip(Versioned, Sourced):
    """A scene, or one part of a split scene, placed on a shoot day in shooting order."""

    shoot_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="strips")
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="strips")
    order = models.PositiveIntegerField("shooting order", help_text="1 is shot first on the day.")
    part = models.PositiveSmallIntegerField(default=1, help_text="For a scene split over days: part 1, 2...")
    parts = models.PositiveSmallIntegerField("of parts", default=1, help_text="1 when the scene is not split.")
    page_eighths = models.PositiveIntegerField(
        "length (eighths)", null=True, blank=True, help_text="This part's length; empty for the whole scene's."
    )
    screen_seconds = models.PositiveIntegerField(
        "estimated screen time (seconds)", null=True, blank=True, help_text="Empty for the whole scene's."
    )
    # Who is planned to wear the rig and which unit: a take import fills a take's from these
    # when the set's file does not say.
    wearer = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", help_text="The planned rig wearer."
    )
    rig_unit = models.ForeignKey(
        RigUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", help_text="The planned rig unit."
    )

    # Who moved a strip where, on the stripboard or in the admin.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["shoot_day", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["shoot_day", "order"],
                name="strip_order_unique_in_day",
                violation_error_message="Another strip already has this place in the day's shooting order.",
            ),
            models.UniqueConstraint(
                fields=["scene", "part"],
                name="scene_part_placed_once",
                violation_error_message="This part of the scene is already placed on a day.",
            ),
            models.CheckConstraint(
                condition=Q(part__gte=1, part__lte=F("parts")),
                name="strip_part_within_parts",
                violation_error_message="The part must be between 1 and the number of parts.",
            ),
        ]

    def __str__(self):
        return f"{self.part_label} on day {self.shoot_day.number}"

    @property
    def part_label(self):
        split = f" (part {self.part}/{self.parts})" if self.parts > 1 else ""
        return f"Scene {self.scene.number}{split}"

    @cached_property
    def part_eighths(self):
        """This part's pages as strip_eighths() has them: annotated by a list that shows many strips (the
        stripboard), else read here (from the database only for a split part given no length)."""
        if self.page_eighths is not None or self.parts == 1:
            return self.page_eighths if self.page_eighths is not None else self.scene.page_eighths
        if self.pk is None:
            return None
        return Strip.objects.filter(pk=self.pk).values_list(strip_eighths(), flat=True).get()

    @property
    def pages_display(self):
        return pages_and_eighths(self.part_eighths)

    def clean(self):
        if not (self.shoot_day_id and self.scene_id):
            return
        day, scene = self.shoot_day, self.scene
        if day.production_id != scene.production_id:
            raise ValidationError(
                {"shoot_day": f"Day {day.number} belongs to {day.production}, but scene {scene.number} is in "
                 f"{scene.production}: a strip goes on a day of its scene's production."}
            )  # fmt: skip
        if day.status == ShootDay.Status.CANCELLED:
            raise ValidationError(
                {"shoot_day": f"Day {day.number} is cancelled: scenes cannot be planned on a cancelled day."}
            )
        others = list(scene.strips.exclude(pk=self.pk).select_related("shoot_day"))
        self.check_parts(others)
        self.check_lengths(others)

    def check_parts(self, others):
        """Every strip of a scene agrees on its number of parts, and part 1 is shot before part 2."""
        here = (self.shoot_day.number, self.order)
        for other in others:
            there = (other.shoot_day.number, other.order)
            if other.parts != self.parts:
                raise ValidationError(
                    {"parts": f"Scene {self.scene.number} is split in {other.parts} parts on its other strips "
                     f"(part {other.part} on day {other.shoot_day.number}), not {self.parts}."}
                )  # fmt: skip
            if (other.part < self.part and there > here) or (other.part > self.part and there < here):
                raise ValidationError(
                    {"part": f"Scene {self.scene.number} part {self.part} would come "
                     f"{'before' if there > here else 'after'} part {other.part} (day {other.shoot_day.number}, "
                     f"strip {other.order}): split parts are shot in order."}
                )  # fmt: skip

    def check_lengths(self, others):
        """The lengths a scene's parts are given add up to no more than the scene's: pages and screen time."""
        scene = self.scene
        for field, whole_is, given_are in (
            ("page_eighths", "is {} pages long", "given {} pages"),
            ("screen_seconds", "runs {} s on screen", "given {} s"),
        ):
            mine, whole = getattr(self, field), getattr(scene, field)
            if mine is None or whole is None:
                continue
            given = mine + sum(getattr(other, field) or 0 for other in others)
            if given > whole:
                shown = pages_and_eighths if field == "page_eighths" else str
                raise ValidationError(
                    {field: f"Scene {scene.number} {whole_is.format(shown(whole))}, but its parts are "
                     f"{given_are.format(shown(given))}: the parts share the scene. Shorten this part, or leave "
                     "it empty for its share of what the others leave."}
                )  # fmt: skip


class StripMove(models.Model):
    """One move on the stripboard: kept so its mover can undo it, and so a board can tell it is out of date.

    No day is a strip in the boneyard (the scenes not placed). An undo is a move too, naming the move it undoes.
    """

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    moved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    moved_at = models.DateTimeField(default=timezone.now)
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="+")
    part = models.PositiveSmallIntegerField(default=1)
    from_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, null=True, related_name="+")
    from_order = models.PositiveIntegerField(null=True)
    to_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, null=True, related_name="+")
    to_order = models.PositiveIntegerField(null=True)
    undoes = models.OneToOneField("self", on_delete=models.CASCADE, null=True, related_name="undone_by")

    class Meta:
        ordering = ["production", "pk"]

    def __str__(self):
        return f"Scene {self.scene.number} part {self.part} moved by {self.moved_by} at {self.moved_at:%H:%M}"


class CalendarEntry(Versioned, Sourced):
    """A date that is not a shoot day, so the calendar between shoot days is explained."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", "Day off"
        HOLIDAY = "holiday", "Holiday"
        TRAVEL = "travel", "Travel day"
        HIATUS = "hiatus", "Hiatus"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="calendar_entries")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    starts = models.DateField("date", help_text="The date; for a hiatus, its first day.")
    ends = models.DateField(null=True, blank=True, help_text="A hiatus's last day; empty for any other entry.")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["production", "starts"]
        verbose_name_plural = "calendar entries"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="hiatus", ends__isnull=False, ends__gte=F("starts"))
                | (~Q(kind="hiatus") & Q(ends__isnull=True)),
                name="calendar_only_hiatus_spans_dates",
                violation_error_message="A hiatus runs from its first to its last day (ends on or after it "
                "starts); a day off, holiday or travel day is one date, with no end.",
            ),
        ]

    def __str__(self):
        span = f"{self.starts:%d %b %Y}" + (f"–{self.ends:%d %b %Y}" if self.ends else "")
        return f"{self.get_kind_display()} {span}"

    def clean(self):
        if not (self.production_id and self.starts):
            return
        clash = (
            ShootDay.objects.plan_dated()
            .filter(production=self.production_id, plan_date__range=(self.starts, self.ends or self.starts))
            .exclude(status=ShootDay.Status.CANCELLED)
            .order_by("plan_date")
            .first()
        )
        if clash:
            raise ValidationError(
                f"Day {clash.number} is planned on {clash.plan_date:%d %b %Y}, inside this "
                f"{self.get_kind_display().lower()}: move the day or the entry."
            )
