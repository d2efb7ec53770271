from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, Max, Q, Sum, Value, When
from simple_history.models import HistoricalRecords

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.names import NameKeyed
from hhprod.lib.versions import Versioned


class Sourced(models.Model):
    """Where a record comes from: the article's sentence, or "illustrative"."""

    source = FreeTextField(
        blank=True,
        help_text='The article\'s sentence this record rests on, or "illustrative".',
    )

    class Meta:
        abstract = True


def time_zone_name(name):
    """A time zone the IANA database knows ("Europe/Moscow"): what a call time on set is counted in."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{name!r} is not a time zone name such as Europe/Moscow.") from None


class ProductionQuerySet(models.QuerySet):
    def features_first(self):
        """Features (the films themselves) before music videos and planned sequels, then by title."""
        feature = Case(When(kind=Production.Kind.FEATURE, then=Value(0)), default=Value(1))
        return self.order_by(feature, "title")


class Production(Versioned, Sourced):
    class Kind(models.TextChoices):
        FEATURE = "feature", "Feature"
        MUSIC_VIDEO = "music_video", "Music video"
        PLANNED_SEQUEL = "planned_sequel", "Planned sequel"

    title = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FEATURE)
    planned_days = models.PositiveIntegerField(null=True, blank=True, help_text="Shoot days in the approved schedule.")
    max_take_seconds = models.PositiveIntegerField(
        "maximum take length (seconds)",
        default=7 * 60,
        help_text="The longest take the rig allows: 420 s (7 minutes) for the GoPro rig.",
    )
    daily_rig_limit_minutes = models.PositiveIntegerField(
        "daily rig-time limit per wearer (minutes)",
        null=True,
        blank=True,
        help_text="Minutes one person may wear the rig in a day; empty for no limit.",
    )
    # The drop-and-pickup rule a performers' union works by: a performer may be dropped between
    # two work days only when more than this many calendar days separate them.
    drop_days = models.PositiveIntegerField(
        "drop rule (calendar days)",
        default=10,
        help_text="A performer is dropped and picked up only across a gap longer than this: 10 days at home.",
    )
    abroad_drop_days = models.PositiveIntegerField(
        "drop rule abroad (calendar days)",
        default=14,
        help_text="The same rule for a production shot outside the USA: 14 days.",
    )
    shot_outside_usa = models.BooleanField(
        "shot outside the USA",
        default=False,
        help_text="The longer drop rule applies (SAG-AFTRA's rule for productions abroad); a distant "
        "location alone does not bring it.",
    )
    travel_is_work = models.BooleanField(
        "travel is paid work",
        default=True,
        help_text="A performer's travel day is a paid work day (T): it opens or closes their run of work and holds.",
    )
    allowed_drops = models.PositiveIntegerField(
        "drops allowed per performer",
        default=1,
        help_text="One drop per performer per production unless the office agrees more.",
    )
    time_zone = models.CharField(
        max_length=64,
        default="Europe/Moscow",
        validators=[time_zone_name],
        help_text='Where it shoots, as an IANA name ("Europe/Moscow"): "today" and every time on its pages.',
    )
    timecode_fps = models.PositiveSmallIntegerField(
        "timecode frame rate (fps)",
        null=True,
        blank=True,
        choices=[(rate, f"{rate} fps") for rate in (24, 25, 30, 48, 50, 60)],
        help_text="The frames a second of the production's timecode, to read a take length typed as "
        "timecode (00:02:05:12); empty until known.",
    )
    key_contacts = FreeTextField(
        blank=True,
        help_text="Printed on every call sheet: the production office, the UPM, the 1st AD, with their telephones.",
    )
    notes = FreeTextField(blank=True)

    objects = ProductionQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_take_seconds__gt=0),
                name="production_max_take_positive",
                violation_error_message="The maximum take length must be more than 0 seconds.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def drop_rule_days(self):
        """The gap, in calendar days, a drop must be longer than on this production."""
        return self.abroad_drop_days if self.shot_outside_usa else self.drop_days

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @cached_property
    def rig_wearer_ids(self):
        """Who is credited to wear the rig: read once per object, as an import checks thousands of takes."""
        return set(self.credits.filter(wears_rig=True).values_list("person_id", flat=True))


def over_daily_limit(limit_minutes, worn="seconds_worn"):
    """The condition "rig time past the daily limit": `worn` (seconds, an annotation) over the
    production's daily limit in minutes. The one rule the day page, the set page and the reports use."""
    return Q(**{f"{worn}__gt": limit_minutes * 60})


class PersonQuerySet(models.QuerySet):
    def with_rig_time(self):
        """Per wearer, over the takes a filter before this kept: takes, seconds worn, longest take."""
        return self.annotate(
            take_count=Count("takes_worn"), seconds_worn=Sum("takes_worn__length"), longest=Max("takes_worn__length")
        )

    def against_daily_limit(self, limit_minutes):
        """`against_limit` of a day's rig time (from with_rig_time): "over", "within" or "no limit set"."""
        if not limit_minutes:
            return self.annotate(against_limit=Value("no limit set"))
        over = When(over_daily_limit(limit_minutes), then=Value("over"))
        return self.annotate(against_limit=Case(over, default=Value("within")))


class Person(NameKeyed, Versioned, Sourced):
    name = models.CharField(
        max_length=200,
        help_text="As credited. Someone the article does not name is entered as "
        '"Unnamed <trade> N", never with an invented name.',
    )
    trade = models.CharField(max_length=100, blank=True, help_text="Actor, stunt performer, cinematographer...")
    notes = FreeTextField(blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(fields=["name_key"], name="person_name_unique_in_any_case")]

    def __str__(self):
        return self.name


class Credit(Versioned, Sourced):
    class Role(models.TextChoices):
        DIRECTOR = "director", "Director"
        PRODUCER = "producer", "Producer"
        CAST = "cast", "Cast"
        STUNT_PERFORMER = "stunt_performer", "Stunt performer"
        CINEMATOGRAPHER = "cinematographer", "Cinematographer"
        RIG_TECHNICIAN = "rig_technician", "Rig technician"
        CREW = "crew", "Crew"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="credits")
    role = models.CharField(max_length=20, choices=Role.choices)
    character = models.CharField(max_length=200, blank=True, help_text="For cast.")
    wears_rig = models.BooleanField(
        "rig wearer", default=False, help_text="Credited to wear the head-mounted camera rig."
    )

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["production", "role", "person"]
        constraints = [
            models.UniqueConstraint(fields=["production", "person", "role"], name="credit_once_per_role"),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} on {self.production}"


class Trip(Versioned, Sourced):
    """A person's travel window to the shoot: travel days in the Day Out of Days."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="trips")
    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="trips")
    destination = models.CharField(max_length=200)
    starts = models.DateField(help_text="Travel day out.")
    ends = models.DateField(help_text="Travel day home.")

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["starts", "person"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gte=F("starts")),
                name="trip_ends_after_start",
                violation_error_message="A trip cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.person} to {self.destination}, {self.starts:%d %b %Y}–{self.ends:%d %b %Y}"
