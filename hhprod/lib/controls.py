"""Control characters, removed from text once, where it enters: a form or an import's cell.

Nothing downstream can carry them: iCalendar (RFC 5545) forbids them, XLSX keeps DEL but no
other, and CSV, Markdown and ALE pass them raw to whoever reads the file. A NUL is not removed
here: it is refused where text enters (Django's fields, the import's cells), as it always was.
"""

import re

from django import forms

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
