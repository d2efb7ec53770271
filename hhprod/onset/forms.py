"""One row of the take-logging page, as the page posts it: typed text read into a take's fields."""

from django import forms
from django.core.exceptions import ValidationError

from hhprod.imports.setvalues import parse_length
from hhprod.lib.controls import ControlCharactersRemoved
from hhprod.lib.params import whole_number
from hhprod.planning.models import Scene
from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig, RigUnit
from hhprod.shooting.camera_report import LAST_TAKE, setup_letters
from hhprod.shooting.models import Take

# One key a status on the page; the camera report's own marks (NG, FS, Print...) are read too.
STATUS_KEYS = {
    "*": Take.Status.CIRCLED,
    "P": Take.Status.CIRCLED,
    "G": Take.Status.GOOD,
    "N": Take.Status.NO_GOOD,
    "F": Take.Status.FALSE_START,
}

# Where the model's own messages go on the row: a rig's or unit's rule shows by the rig unit.
ROW_FIELD = {"rig": "unit", "rig_unit": "unit", "shoot_day": "__all__"}


def wearers_of(production):
    return Person.objects.filter(credits__production=production, credits__wears_rig=True).distinct().order_by("name")


class TakeRowForm(ControlCharactersRemoved, forms.Form):
    key = forms.UUIDField(error_messages={"required": "The row has no key: reload the page."})
    scene = forms.CharField(max_length=20)
    setup = forms.CharField(max_length=2, required=False)
    number = forms.IntegerField(label="Take", min_value=1, max_value=LAST_TAKE)
    length = forms.CharField(max_length=20)
    status = forms.CharField(max_length=12, error_messages={"required": "Press * or P (circled), G, N or F."})
    unit = forms.CharField(label="Rig unit", error_messages={"required": "Choose the rig unit (or the rig)."})
    camera = forms.ModelChoiceField(Camera.objects.all(), required=False)
    wearer = forms.ModelChoiceField(Person.objects.none())
    # Its length is the model's rule (FreeTextField), checked on save. A text area, as a take's notes are
    # anywhere else: their line breaks are kept when control characters are removed.
    notes = forms.CharField(required=False, widget=forms.Textarea)

    def __init__(self, data, *, day):
        super().__init__(data)
        self.day = day
        self.fields["wearer"].queryset = wearers_of(day.production)

    def clean_scene(self):
        # Exactly the number typed: "4" is scene 4, never the first scene whose number starts with 4.
        number = self.cleaned_data["scene"].strip()
        scene = Scene.objects.filter(production=self.day.production_id, number=number).first()
        if scene is None:
            raise ValidationError(f"{self.day.production} has no scene {number}: add it under Scenes first.")
        return scene

    def clean_setup(self):
        setup = self.cleaned_data["setup"].strip().upper()
        setup_letters(setup)
        return setup

    def clean_length(self):
        try:
            return parse_length(self.cleaned_data["length"], self.day.production.timecode_fps)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_status(self):
        typed = self.cleaned_data["status"]
        status = STATUS_KEYS.get(typed.strip().upper()) or Take.Status.from_mark(typed)
        if status is None:
            raise ValidationError(
                f"Status {typed!r}: press * or P (circled), G (good), N (no good) or F (false start)."
            )
        return status

    def clean_unit(self):
        """ "unit-3" is a rig unit (and so its rig); "rig-2" a rig whose unit was not recorded."""
        kind, _, typed = self.cleaned_data["unit"].partition("-")
        model, pk = {"unit": RigUnit, "rig": Rig}.get(kind), whole_number(typed)
        found = model.objects.filter(pk=pk).first() if model and pk is not None else None
        if found is None:
            raise ValidationError("Choose the rig unit (or the rig) from the list.")
        return (found.rig, found) if kind == "unit" else (found, None)

    def take_fields(self):
        data = self.cleaned_data
        rig, unit = data["unit"]
        return {
            "scene": data["scene"],
            "setup": data["setup"],
            "number": data["number"],
            "length": data["length"],
            "status": data["status"],
            "rig": rig,
            "rig_unit": unit,
            "camera": data["camera"],
            "wearer": data["wearer"],
            "notes": data["notes"],
        }


def row_errors(error):
    """A model's ValidationError as the row's errors, keyed by the page's field names."""
    errors = {}
    for field, messages in (
        error.message_dict.items() if hasattr(error, "error_dict") else [("__all__", error.messages)]
    ):
        errors.setdefault(ROW_FIELD.get(field, field if field in TakeRowForm.base_fields else "__all__"), []).extend(
            messages
        )
    return errors
