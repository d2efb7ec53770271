from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from simple_history.admin import SimpleHistoryAdmin

from .controls import ControlCharactersRemoved
from .versions import VersionField


def is_key(field, value):
    """Whether value could be a key of field: a number in the column's range for an id."""
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class TolerantAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that shows a form sent back with a value no record can have.

    Django's widget looks the sent value up to show its label and fails on text that is
    not a key ("12\\x00", "abc"); such a value can only be a form error, so it shows nothing.
    """

    def optgroups(self, name, value, attr=None):
        keys = [item for item in value if is_key(self.field.target_field, item)]
        return super().optgroups(name, keys, attr)


class KeyCheckedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A many-to-many choice that refuses a value no record can have before asking the database.

    Django's own field sends any number to the database, which fails on one beyond the
    column's range ("Python int too large to convert to SQLite INTEGER") rather than refusing it.
    """

    def clean(self, value):
        # Checked before Django's clean() looks each value up; a value that is not a list is
        # left to it (its "Enter a list of values." error).
        value = self.prepare_value(value)
        if isinstance(value, list | tuple):
            key = self.to_field_name or "pk"
            target = self.queryset.model._meta.pk if key == "pk" else self.queryset.model._meta.get_field(key)
            for item in value:
                if not is_key(target, item):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                    )
        return super().clean(value)


class OfficeForm(ControlCharactersRemoved, forms.ModelForm):
    """Every admin form's base: what is typed is kept without control characters."""


class ShownFieldsForm(OfficeForm):
    """A form that shows every error of its record, including those on fields it does not edit.

    A take row on the shoot day's page shows its rig and wearer as text; the take's own rules
    (a rig out of service on the day's new date) name those fields, which Django refuses to
    attach to a form without them. They go to the row's own errors, with the field's name.
    """

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            shown = {}
            for name, errors in error.error_dict.items():
                if name == NON_FIELD_ERRORS or name in self.fields:
                    shown.setdefault(name, []).extend(errors)
                else:
                    shown.setdefault(NON_FIELD_ERRORS, []).extend(errors)
            error = ValidationError(shown)
        super().add_error(field, error)


def fits_a_database(value):
    """A filter value every database can compare: no NUL character, no integer beyond 64 bits."""
    if "\x00" in value:
        return False
    for token in value.split(","):
        try:
            number = int(token)
        except ValueError:
            continue  # not a number: the ORM refuses it as a bad lookup, which the admin handles
        if not -(2**63) <= number < 2**63:
            return False
    return True


class OfficeChangeList(ChangeList):
    def get_filters(self, request):
        # A date-hierarchy year, month or day whose next period has no date (9999, 12, 31).
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class CounterHiddenFromReaders:
    """A page its user may only read shows the record, not its save counter (a VersionField, which
    only the forms use): a ModelAdmin or inline mixin."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj):
            return fieldsets
        counters = {field.name for field in self.model._meta.concrete_fields if isinstance(field, VersionField)}
        return [
            (name, {**options, "fields": [field for field in options["fields"] if field not in counters]})
            for name, options in fieldsets
        ]


class OfficeAdmin(CounterHiddenFromReaders, admin.ModelAdmin):
    """hhprod's admin forms: what a record is first, where it comes from (its source) last.

    `source` comes from an abstract base, so Django would put it at the top of every form.
    """

    form = OfficeForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "source" in fields:
            fields.remove("source")
            fields.append("source")
        return fields

    def changeform_view(self, request, *args, **kwargs):
        # The forms check what they can; the database's constraints are the last word, for a
        # save racing another (two people adding the same credit) or a tampered form.
        try:
            return super().changeform_view(request, *args, **kwargs)
        except IntegrityError:
            messages.error(
                request,
                "Nothing was saved: the database refused it, as another record already has these values "
                "or one it refers to was just deleted. Check the page and try again.",
            )
            return HttpResponseRedirect(request.get_full_path())

    def get_changelist(self, request, **kwargs):
        return OfficeChangeList

    def lookup_allowed(self, lookup, value, request):
        return fits_a_database(str(value)) and super().lookup_allowed(lookup, value, request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TolerantAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeyCheckedMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class HistoryAdmin(OfficeAdmin, SimpleHistoryAdmin):
    """The admin with a History page: who changed what and when, a fixed number of queries per page.

    Each history entry rebuilds the object to print its name; the related rows that
    name reads (a take's scene, a call's day and production) come with the page's one
    query instead of one query per entry, and the list names each entry by them
    (office/object_history_list.html, with the office app's `as_recorded` filter).
    """

    object_history_list_template = "office/object_history_list.html"
    history_select_related = ()  # deeper paths than the tracked foreign keys, for __str__

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        queryset = super().get_history_queryset(request, history_manager, pk_name, object_id)
        # select_related() with no names would drop the tracked foreign keys already selected.
        return queryset.select_related(*self.history_select_related) if self.history_select_related else queryset

    def history_view(self, request, object_id, extra_context=None):
        # simple_history looks up an id from the URL as it comes: text that is no id is no page.
        if not is_key(self.model._meta.pk, unquote(object_id)):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_pk = self.model.history.model._meta.pk
        if not (is_key(self.model._meta.pk, unquote(object_id)) and is_key(history_pk, version_id)):
            raise Http404
        # simple-history checks only the view permission, then saves whatever is posted:
        # a revert is a change, so it needs the change permission, as the change page does.
        if request.method not in ("GET", "HEAD") and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class FirstRowsFormSet(BaseInlineFormSet):
    """An inline's first rows, in its model's order: a parent's rows grow with the data (a production's
    credits, a rig unit's faults), the page holds a bounded number of them; the rest are in the model's
    own list, filtered to the parent, which the inline links to (`every_row_link`)."""

    most = 100

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rows = self.queryset if self.queryset.ordered else self.queryset.order_by("pk")  # a slice keeps its order
        self.queryset = rows[: self.most]

    def every_row_link(self):
        """'Every fault of this rig unit →': the model's list, filtered by the foreign key to this parent."""
        if not self.instance.pk:
            return ""
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return format_html(
            '<a href="{}?{}">Every {} of this {} →</a> (above, the first {})',
            url, urlencode({self.fk.name: self.instance.pk}), opts.verbose_name,
            self.instance._meta.verbose_name, self.most,
        )  # fmt: skip


class FirstRowsInline(CounterHiddenFromReaders):
    """An inline showing its first rows and a link to them all (FirstRowsFormSet): put before the
    inline's own base, `class CreditInline(FirstRowsInline, admin.TabularInline)`."""

    formset = FirstRowsFormSet
    template = "admin/edit_inline/first_rows.html"


class LinkedParentFilter(admin.SimpleListFilter):
    """The one parent a page links to (?<foreign key>=<id>), named so it can be cleared: a list of every
    parent to pick from would grow with the data. `linked_parent("unit")` makes one for a foreign key."""

    select_related = ()  # what the parent's name (its __str__) reads

    def __init__(self, request, params, model, model_admin):
        self.field = model._meta.get_field(self.parameter_name)
        super().__init__(request, params, model, model_admin)

    def chosen(self):
        return self.value() if is_key(self.field.target_field, self.value()) else None

    def lookups(self, request, model_admin):
        if not self.chosen():
            return []
        parents = self.field.related_model._default_manager.select_related(*self.select_related)
        return [(str(parent.pk), str(parent)) for parent in parents.filter(pk=self.chosen())]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.chosen() is None:
            raise IncorrectLookupParameters(f"{self.parameter_name}={self.value()!r} is not a record's id.")
        return queryset.filter(**{self.parameter_name: self.chosen()})


def linked_parent(field_name, title=None, select_related=()):
    """A LinkedParentFilter for the foreign key `field_name`."""
    return type(
        f"Linked{field_name.title().replace('_', '')}Filter",
        (LinkedParentFilter,),
        {
            "parameter_name": field_name,
            "title": title or field_name.replace("_", " "),
            "select_related": select_related,
        },
    )
