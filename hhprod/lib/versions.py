"""Lost-update protection: a record carries a version counter that every save moves on.

A form remembers the version it was opened at; if the record has moved on when the form
is saved, someone else saved in between and the form is refused instead of overwriting
(see hhprod.lib.conflicts).
"""

from django.db import models
from django.db.models import F


class Versioned(models.Model):
    version = models.PositiveIntegerField(
        default=1, help_text="Moves on at every save: a form opened at an older version is refused."
    )

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if self._state.adding:
            return super().save(*args, update_fields=update_fields, **kwargs)
        # Counted in the database, so two saves never write the same version; the new value
        # is read back only if someone asks for it.
        self.version = F("version") + 1
        if update_fields is not None:
            update_fields = {*update_fields, "version"}
        try:
            super().save(*args, update_fields=update_fields, **kwargs)
        finally:
            del self.version
