from django.contrib import admin
from django.db.models import Count

from hhprod.lib.admin import OfficeAdmin
from hhprod.office.history import HistoryAdmin

from .models import Camera, Rig


class CameraInline(admin.TabularInline):
    model = Camera
    extra = 0
    fields = ["model", "serial", "notes"]


@admin.register(Rig)
class RigAdmin(HistoryAdmin):
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
class CameraAdmin(OfficeAdmin):
    list_display = ["serial", "model", "rig"]
    list_filter = ["model", "rig"]
    list_select_related = ["rig"]
    search_fields = ["serial", "model"]
    autocomplete_fields = ["rig"]
