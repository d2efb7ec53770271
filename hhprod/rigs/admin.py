from django.contrib import admin
from django.db.models import Count

from hhprod.lib.admin import FirstRowsInline, HistoryAdmin, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin
from hhprod.lib.names import NameSearch
from hhprod.productions.admin import SharedChoicesInline

from .models import Camera, Fit, Mounting, Rig


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
