"""Lost-update protection: a record carries a version counter that every save moves on.

A form remembers the version it was opened at; if the record has moved on when the form
is saved, someone else saved in between and the form is refused instead of overwriting
(see hhprod.lib.conflicts).
"""

from django import forms
from django.db import models
from django.db.models import F


class VersionField(models.PositiveIntegerField):
    """The save counter: on a form, a hidden field carrying the version the form was opened at."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", 1)
        kwargs.setdefault("help_text", "Moves on at every save: a form opened at an older version is refused.")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # Not required: a form sent without it (a script, a test building the POST by hand) is not checked.
        return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)


class Versioned(models.Model):
    """Counts saves in `version`. A model whose `version` means something else (a rig's v1, v2)
    overrides that field and declares a VersionField under another name."""

    version = VersionField()

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if self._state.adding:
            return super().save(*args, update_fields=update_fields, **kwargs)
        # Counted in the database, so two saves never write the same version; the new value
        # is read back only if someone asks for it.
        name = self.version_field_name()
        setattr(self, name, F(name) + 1)
        if update_fields is not None:
            update_fields = {*update_fields, name}
        try:
            super().save(*args, update_fields=update_fields, **kwargs)
        finally:
            delattr(self, name)

    @classmethod
    def version_field_name(cls):
        return next(field.name for field in cls._meta.concrete_fields if isinstance(field, VersionField))
