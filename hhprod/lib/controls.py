"""Control characters, removed from text once, where it enters: a form or an import's cell.

Nothing downstream can carry them: iCalendar (RFC 5545) forbids them, XLSX keeps DEL but no
other, and CSV, Markdown and ALE pass them raw to whoever reads the file. A NUL is not removed
here: it is refused where text enters (Django's fields, the import's cells), as it always was.
"""

import re

from django import forms

from .freetext import FreeTextField

# C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F): tab and line breaks included.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROLS_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
LINE_BREAK = re.compile("\r\n?")


def without_controls(text, multiline=False):
    """`text` with no control character; multi-line text keeps its line breaks, each as one \\n."""
    if multiline:
        return CONTROLS_BUT_NEWLINE.sub("", LINE_BREAK.sub("\n", text))
    return CONTROLS.sub("", text)


class ControlCharactersRemoved:
    """A form mixin: every text field's value without control characters, line breaks kept in a
    text area. It runs after the fields' own checks, so a NUL is still refused as a form error."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(field, forms.CharField) and isinstance(value, str):
                value = without_controls(value, multiline=isinstance(field.widget, forms.Textarea))
                cleaned[name] = value.strip() if field.strip else value
        return cleaned


# What text stored before controls were removed where it enters may still hold (NUL aside: PostgreSQL
# stores none, and SQLite's came only through a script).
STORED_CONTROLS = "[\x01-\x09\x0b-\x1f\x7f-\x9f]"


def clean_stored_text(app_label):
    """A data migration's step: the app's typed text (its FreeTextFields) already stored, made as it
    would enter now, so that an upgraded office's old notes export and import back as they are."""

    def clean(apps, schema_editor):
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, FreeTextField):
                    rows = model._default_manager.filter(**{f"{field.name}__regex": STORED_CONTROLS})
                    for pk, text in rows.values_list("pk", field.attname).iterator():
                        cleaned = without_controls(text, multiline=True)
                        model._default_manager.filter(pk=pk).update(**{field.attname: cleaned})

    return clean
