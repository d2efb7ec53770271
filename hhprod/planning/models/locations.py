"""The places a unit shoots: the call sheet prints their address, hospital and sun times."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from hhprod.lib.freetext import FreeTextField
from hhprod.lib.names import NameKeyed
from hhprod.lib.versions import Versioned
from hhprod.planning.sun import sun_times
from hhprod.productions.models import Sourced


def known_time_zone(name):
    if name not in zoneinfo.available_timezones():
        raise ValidationError(f"{name!r} is not a time zone name: use one such as Europe/Moscow.")


class Location(NameKeyed, Versioned, Sourced):
    """A place a unit shoots: the call sheet prints its address, the nearest hospital and its sun times."""

    name = models.CharField(max_length=200, help_text="One location a name, in any case.")
    address = FreeTextField()
    nearest_hospital = FreeTextField(help_text="Name, address and telephone of the nearest emergency department.")
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    time_zone = models.CharField(max_length=60, default="Europe/Moscow", validators=[known_time_zone])
    notes = FreeTextField(blank=True, help_text="Parking, unit base, access.")

    class Meta:
        # The table keeps the name it was created with in the "paperwork" app: renaming a table an office
        # has used for months buys nothing.
        db_table = "paperwork_location"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name_key"], name="location_name_unique_in_any_case")]

    def __str__(self):
        return self.name

    def sun_on(self, on):
        """(sunrise, sunset) on the date, local time."""
        return sun_times(self.latitude, self.longitude, self.time_zone, on)
