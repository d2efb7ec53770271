from django.contrib import admin
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from hhprod.lib.admin import FirstRowsInline, HistoryAdmin, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin
from hhprod.lib.names import NameSearch
from hhprod.productions.admin import SharedChoicesInline

from .models import Camera, Fault, Fit, Mounting, Rig, RigUnit


class CameraInline(FirstRowsInline, admin.TabularInline):
    model = Camera
    form = InlineVersionCheckedForm
    extra = 0
    fields = ["model", "serial", "notes", "version"]


@admin.register(Rig)
class RigAdmin(NameSearch, VersionCheckedAdmin, HistoryAdmin):
    ordering = ["version"]  # annotated querysets drop Meta.ordering
    list_display = [
        "name",
        "version",
        "material",
        "weight_grams",
        "in_service_from",
        "in_service_to",
        "take_count",
    ]
    list_filter = ["material"]
    search_fields = ["name", "notes"]
    inlines = [CameraInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(take_count=Count("takes"))

    @admin.display(description="takes", ordering="take_count")
    def take_count(self, rig):
        return rig.take_count


@admin.register(Camera)
class CameraAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["serial", "letter", "model", "rig"]
    list_filter = ["model", "rig"]
    list_select_related = ["rig"]
    search_fields = ["serial", "model"]
    autocomplete_fields = ["rig"]


class MountingInline(FirstRowsInline, SharedChoicesInline):
    model = Mounting
    form = InlineVersionCheckedForm
    select_related = ["camera", "unit__rig"]
    fields = ["camera", "mounted_from", "mounted_to", "notes", "version"]


class FitInline(FirstRowsInline, SharedChoicesInline):
    model = Fit
    form = InlineVersionCheckedForm
    select_related = ["wearer", "unit__rig"]
    fields = ["wearer", "fitted_on", "fitted_by", "notes", "version"]


class FaultInline(FirstRowsInline, SharedChoicesInline):
    model = Fault
    form = InlineVersionCheckedForm
    select_related = ["unit__rig"]
    fields = ["kind", "shoot_day", "minutes_lost", "fixed_on", "notes", "version"]

    def choices_queryset(self, db_field, unit):
        if db_field.name == "shoot_day":
            return db_field.related_model.objects.select_related("production")  # each day is named by its production
        return None


@admin.register(RigUnit)
class RigUnitAdmin(VersionCheckedAdmin, HistoryAdmin):
    ordering = ["rig__version", "number"]  # annotated querysets drop Meta.ordering
    list_display = ["unit", "rig", "take_count", "open_faults", "minutes_lost"]
    list_display_links = ["unit"]
    list_filter = ["rig"]
    list_select_related = ["rig"]
    search_fields = ["rig__name", "notes"]
    inlines = [MountingInline, FitInline, FaultInline]

    def get_queryset(self, request):
        # Subqueries, not joins: counting takes and faults in one join would multiply them.
        takes = RigUnit.objects.filter(pk=OuterRef("pk")).annotate(n=Count("takes")).values("n")
        faults = (
            Fault.objects.filter(unit=OuterRef("pk"))
            .values("unit")
            .annotate(open=Count("pk", filter=Q(fixed_on__isnull=True)), lost=Sum("minutes_lost"))
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                take_count=Subquery(takes),
                open_fault_count=Coalesce(Subquery(faults.values("open")), 0),
                fault_minutes=Coalesce(Subquery(faults.values("lost")), 0),
            )
        )

    @admin.display(description="unit", ordering="number")
    def unit(self, unit):
        return str(unit)

    @admin.display(description="takes", ordering="take_count")
    def take_count(self, unit):
        return unit.take_count

    @admin.display(description="open faults", ordering="open_fault_count")
    def open_faults(self, unit):
        return unit.open_fault_count

    @admin.display(description="minutes lost to faults", ordering="fault_minutes")
    def minutes_lost(self, unit):
        return unit.fault_minutes


@admin.register(Mounting)
class MountingAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["camera", "unit", "mounted_from", "mounted_to", "notes"]
    list_filter = ["unit__rig", linked_parent("unit", select_related=["rig"])]
    list_select_related = ["camera", "unit__rig"]
    search_fields = ["camera__serial", "unit__rig__name", "notes"]
    autocomplete_fields = ["camera", "unit"]
    date_hierarchy = "mounted_from"


@admin.register(Fit)
class FitAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["wearer", "unit", "fitted_on", "fitted_by", "notes"]
    list_filter = ["unit__rig", linked_parent("unit", select_related=["rig"])]
    list_select_related = ["wearer", "unit__rig", "fitted_by"]
    search_fields = ["wearer__name", "fitted_by__name", "notes"]
    autocomplete_fields = ["unit", "wearer", "fitted_by"]


class OpenFilter(admin.SimpleListFilter):
    title = "open or fixed"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Open"), ("no", "Fixed")]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(fixed_on__isnull=self.value() == "yes")
        return queryset


@admin.register(Fault)
class FaultAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["__str__", "kind", "unit", "shoot_day", "minutes_lost", "fixed_on"]
    list_filter = [OpenFilter, "kind", "unit__rig", linked_parent("unit", select_related=["rig"])]
    list_select_related = ["unit__rig", "shoot_day__production"]
    search_fields = ["unit__rig__name", "notes"]
    autocomplete_fields = ["unit", "shoot_day"]
    history_select_related = ["unit__rig"]
