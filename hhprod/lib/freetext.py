"""Text a person types (a take's notes, an address, a reason): one limit on its length, whatever it comes in by.

A page of notes is far more than any take, day or location needs, and every place a note goes
holds it: a take-log PDF row, an XLSX cell (32,767 at most), a take-log import's cell. The admin's
and the set page's boxes stop typing at the limit; text sent longer (a script, a tampered form,
an import) is refused by the field's own check, which every form, the take-logging page and the
import run, naming the field and both lengths.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.text import capfirst

TEXT_LIMIT = 2000  # characters


def too_long(label, length):
    return f"{capfirst(label)} may be at most {TEXT_LIMIT:,} characters; this has {length:,}."


class FreeTextField(models.TextField):
    """A TextField of at most TEXT_LIMIT characters: the form's box says so (maxlength), the model refuses more."""

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value and len(value) > TEXT_LIMIT:
            raise ValidationError(too_long(self.verbose_name, len(value)), code="max_length")

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.widget.attrs["maxlength"] = str(TEXT_LIMIT)
        return field


def within_text_limit(field, name):
    """The database's own check of the limit, for text written without the model's (a script's update)."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), TEXT_LIMIT),
        name=name,
        violation_error_message=f"{capfirst(field)} may be at most {TEXT_LIMIT:,} characters.",
    )
