"""Admin forms that refuse to overwrite a record someone else saved since the form was opened."""

from django.core.exceptions import ValidationError
from django.db import models

from hhprod.lib.admin import ShownFieldsForm


def shown(field, value):
    """A value as the office reads it: a choice's label, a related record's name, "(empty)"."""
    if value is None or value == "":
        return "(empty)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def comparable(value):
    return value.pk if isinstance(value, models.Model) else value


class VersionCheckedForm(ShownFieldsForm):
    """Carries the version the record was opened at and refuses the save if it has moved on.

    The check reads the saved row with SELECT ... FOR UPDATE inside the admin's transaction,
    so a second save waits for the first to commit and then sees its new version. A form
    sent without a version (a script, a test building the POST by hand) is not checked.
    The version is the model's VersionField (hhprod.lib.versions), a hidden field on the form.
    """

    check_version = True
    # An inline row the user left alone is not saved, so it cannot overwrite anything.
    check_only_when_changed = False

    @property
    def version_name(self):
        return type(self.instance).version_field_name()

    def clean(self):
        cleaned = super().clean()
        name = self.version_name
        seen = cleaned.get(name)
        if self.must_check(seen):
            manager = type(self.instance)._default_manager
            current = manager.select_for_update().filter(pk=self.instance.pk).first()
            if current is not None and getattr(current, name) != seen:
                raise ValidationError(self.conflict_message(current), code="conflict")
        # What is written is the database's own count (hhprod.lib.versions), never the form's.
        cleaned[name] = getattr(self.instance, name)
        return cleaned

    def must_check(self, seen):
        if not self.check_version or seen is None or self.instance.pk is None:
            return False
        return not self.check_only_when_changed or bool(set(self.changed_data) - {self.version_name})

    def conflict_message(self, current):
        opts = current._meta
        last = current.history.select_related("history_user").first() if hasattr(current, "history") else None
        who = (
            f" by {last.history_user or 'an import or script'} at {last.history_date:%Y-%m-%d %H:%M} UTC"
            if last
            else ""
        )
        differences = []
        for field in opts.concrete_fields:
            if field.name == self.version_name or field.name not in self.cleaned_data:
                continue
            yours, saved = self.cleaned_data[field.name], getattr(current, field.name)
            if comparable(yours) != comparable(saved):
                differences.append(
                    f"{field.verbose_name}: yours {shown(field, yours)}, now saved {shown(field, saved)}"
                )
        changes = "; ".join(differences) if differences else "no field on this form differs"
        return (
            f"{current} was changed{who} after you opened it, so nothing was saved ({changes}). "
            "Reload the page to see the saved values and make your change again."
        )


class InlineVersionCheckedForm(VersionCheckedForm):
    check_only_when_changed = True


class VersionCheckedAdmin:
    """ModelAdmin mixin: the change form checks the version; a history revert replaces on purpose."""

    form = VersionCheckedForm

    def history_form_view(self, request, *args, **kwargs):
        request.reverting_from_history = True
        return super().history_form_view(request, *args, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "reverting_from_history", False):
            form.check_version = False
        return form
