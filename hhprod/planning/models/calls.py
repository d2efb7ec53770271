"""Who was called on a shoot day, and when."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from hhprod.lib.versions import Versioned
from hhprod.productions.models import Credit, Person, Sourced

from .shoot_days import ShootDay


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
    meal_out = models.TimeField("meal out", null=True, blank=True, help_text="When they broke for the meal.")
    meal_in = models.TimeField("meal in", null=True, blank=True, help_text="When they came back from it.")
    wrap_time = models.TimeField(null=True, blank=True, help_text="Empty until wrapped.")
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.WORK,
        help_text="Work, or a rehearsal or fitting call: the Day Out of Days writes W, R or F.",
    )
    notes = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords(excluded_fields=["version"], table_name="shooting_historicaldaycall")

    class Meta:
        # The table keeps the name it was created with in the "shooting" app: renaming a table an office
        # has used for months buys nothing.
        db_table = "shooting_daycall"
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
