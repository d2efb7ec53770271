from django.contrib import admin
from django.db.models import Count, Q

from hhprod.lib.admin import CounterHiddenFromReaders, FirstRowsInline, HistoryAdmin, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin
from hhprod.lib.names import NameSearch

from .models import Credit, Person, Production, Trip


class SharedChoicesInline(CounterHiddenFromReaders, admin.TabularInline):
    """An inline whose dropdowns are read once for all its rows.

    Autocomplete and plain selects both query once per row; a list of choices is
    copied into every row's form instead, so a page costs the same at 5 rows or 500.
    """

    extra = 0
    select_related = ()  # what each row's title (its __str__) reads

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.select_related)

    def choices_queryset(self, db_field, parent):
        """The rows a dropdown offers; subclasses narrow it to the parent's production."""
        return None

    def get_formset(self, request, obj=None, **kwargs):
        request.inline_parent = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        queryset = self.choices_queryset(db_field, getattr(request, "inline_parent", None))
        if queryset is not None:
            kwargs["queryset"] = queryset
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        field.choices = list(field.choices)
        return field


class CreditInline(FirstRowsInline, SharedChoicesInline):
    model = Credit
    form = InlineVersionCheckedForm
    select_related = ["person", "production"]
    fields = ["person", "role", "character", "wears_rig", "source", "version"]


class TripInline(FirstRowsInline, SharedChoicesInline):
    model = Trip
    form = InlineVersionCheckedForm
    select_related = ["person"]
    fields = ["production", "destination", "starts", "ends", "source", "version"]


@admin.register(Production)
class ProductionAdmin(VersionCheckedAdmin, OfficeAdmin):
    ordering = ["title"]  # annotated querysets drop Meta.ordering
    list_display = [
        "title",
        "kind",
        "planned_days",
        "days_shot",
        "max_take_seconds",
        "daily_rig_limit_minutes",
    ]
    list_filter = ["kind"]
    search_fields = ["title"]
    inlines = [CreditInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(days_shot=Count("shoot_days", filter=Q(shoot_days__status="shot")))
        )

    @admin.display(description="days shot", ordering="days_shot")
    def days_shot(self, production):
        return production.days_shot


@admin.register(Person)
class PersonAdmin(NameSearch, VersionCheckedAdmin, OfficeAdmin):
    ordering = ["name"]  # annotated querysets drop Meta.ordering
    list_display = ["name", "trade", "credit_count", "take_count"]
    search_fields = ["name", "trade"]
    inlines = [TripInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                credit_count=Count("credits", distinct=True),
                take_count=Count("takes_worn", distinct=True),
            )
        )

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, person):
        return person.credit_count

    @admin.display(description="takes worn", ordering="take_count")
    def take_count(self, person):
        return person.take_count


@admin.register(Credit)
class CreditAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["person", "role", "character", "wears_rig", "production"]
    list_filter = ["production", "role", "wears_rig"]
    list_select_related = ["person", "production"]
    search_fields = ["person__name", "character"]
    autocomplete_fields = ["person", "production"]


@admin.register(Trip)
class TripAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["person", "destination", "starts", "ends", "production"]
    list_filter = ["production", linked_parent("person")]
    list_select_related = ["person", "production"]
    search_fields = ["person__name", "destination"]
    autocomplete_fields = ["person", "production"]
    date_hierarchy = "starts"
