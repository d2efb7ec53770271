"""The office's paperwork around a shoot day: where it is, the call sheets issued, the 1st AD's report."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.versions import Versioned
from hhprod.planning.models import ShootDay
from hhprod.productions.models import Sourced


class CallSheetIssue(models.Model):
    """A call sheet as it went out: reprinted from `content`, never rebuilt from a plan that has moved on."""

    shoot_day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="call_sheet_issues")
    revision = models.ForeignKey(
        "planning.ScheduleRevision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revision_name = models.CharField(max_length=100, help_text="The revision's colour when issued.")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    content = models.JSONField(
        encoder=DjangoJSONEncoder, help_text="The sheet as issued: subtitle, summary and tables."
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]

    def __str__(self):
        return f"Call sheet for {self.shoot_day}, issued {self.issued_at:%d %b %Y %H:%M}"


class DayReport(Versioned, Sourced):
    """The 1st AD's times and figures for a shot day, and the sign-offs: the production report's own lines."""

    shoot_day = models.OneToOneField(ShootDay, on_delete=models.CASCADE, related_name="day_report")
    crew_call = models.TimeField(null=True, blank=True)
    first_shot = models.TimeField(null=True, blank=True)
    lunch_start = models.TimeField(null=True, blank=True)
    lunch_end = models.TimeField(null=True, blank=True)
    camera_wrap = models.TimeField(null=True, blank=True)
    last_out = models.TimeField("last person out", null=True, blank=True)
    cards_used = models.PositiveIntegerField(default=0)
    gigabytes = models.DecimalField(max_digits=8, decimal_places=1, default=0)
    notes = FreeTextField(blank=True)
    ad_signed_by = models.CharField("signed by the 1st AD", max_length=200, blank=True)
    ad_signed_at = models.DateTimeField(null=True, blank=True)
    pm_signed_by = models.CharField("signed by the production manager", max_length=200, blank=True)
    pm_signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["shoot_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ad_signed_by="", ad_signed_at__isnull=True)
                | (~Q(ad_signed_by="") & Q(ad_signed_at__isnull=False)),
                name="ad_sign_off_has_name_and_time",
                violation_error_message="The 1st AD's sign-off needs both a name and a time.",
            ),
            models.CheckConstraint(
                condition=Q(pm_signed_by="", pm_signed_at__isnull=True)
                | (~Q(pm_signed_by="") & Q(pm_signed_at__isnull=False)),
                name="pm_sign_off_has_name_and_time",
                violation_error_message="The production manager's sign-off needs both a name and a time.",
            ),
            models.CheckConstraint(
                condition=Q(lunch_start__isnull=True)
                | Q(lunch_end__isnull=True)
                | Q(lunch_end__gte=models.F("lunch_start")),
                name="lunch_ends_after_it_starts",
                violation_error_message="Lunch cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"Production report for {self.shoot_day}"

    def clean(self):
        # The report's times are clock times of the shoot day's own date, with no next-day mark.
        if self.crew_call and self.camera_wrap and self.camera_wrap < self.crew_call:
            raise ValidationError(
                {"camera_wrap": f"Camera wrap {self.camera_wrap:%H:%M} is before the crew call "
                 f"{self.crew_call:%H:%M}: a day report's times are on the shoot day's date, and a wrap "
                 "after midnight cannot be entered."}
            )  # fmt: skip


# A shoot day's causes, where a delay within a day has the same cause; plus what only loses hours.
DELAY_CAUSES = [
    (value, label)
    for value, label in ShootDay.Cause.choices
    if value in {ShootDay.Cause.RIG, ShootDay.Cause.CAST, ShootDay.Cause.STUNT, ShootDay.Cause.WEATHER}
] + [("company_move", "Company move"), ("camera", "Camera or cards"), ("other", "Other")]


class Delay(Versioned):
    day_report = models.ForeignKey(DayReport, on_delete=models.CASCADE, related_name="delays")
    cause = models.CharField(max_length=20, choices=DELAY_CAUSES)
    minutes = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["day_report", "pk"]
        constraints = [models.CheckConstraint(condition=Q(minutes__gt=0), name="delay_minutes_positive")]

    def __str__(self):
        return f"{self.get_cause_display()}: {self.minutes} min"
