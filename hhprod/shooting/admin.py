"""The record of what was shot: takes, health incidents, rig faults, and each rig unit's use."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.html import format_html, format_html_join

from hhprod.lib.admin import FirstRowsInline, HistoryAdmin, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin
from hhprod.productions.admin import SharedChoicesInline
from hhprod.rigs.admin import FitInline, MountingInline
from hhprod.rigs.models import RigUnit

from .models import Fault, HealthIncident

# The one shoot day a day's page links to (?shoot_day=<id>), named so it can be cleared.
LinkedShootDayFilter = linked_parent("shoot_day", select_related=["production"])


class TakeAdmin(VersionCheckedAdmin, HistoryAdmin):
    """Takes. Registered by the imports app (imports/admin.py), which adds the take-log import to
    this page: the record of takes knows nothing of files."""

    list_display = [
        "take",
        "shoot_day",
        "time_of_day",
        "length_display",
        "rig_unit_or_rig",
        "camera",
        "roll",
        "clip_name",
        "mode",
        "wearer",
        "status",
        "mos",
        "vfx",
    ]
    list_filter = [LinkedShootDayFilter, "status", "rig", "mos", "vfx", "resolution", "shoot_day__production"]
    list_select_related = ["scene", "shoot_day__production", "rig", "rig_unit__rig", "camera", "wearer"]
    search_fields = ["scene__number", "wearer__name", "clip_name", "roll", "notes"]
    autocomplete_fields = ["scene", "shoot_day", "rig", "rig_unit", "camera", "wearer"]
    fieldsets = [
        (None, {"fields": ["scene", "setup", "number", "shoot_day", "length", "status", "wearer", "notes", "version"]}),
        (
            "Camera report",
            {
                "fields": [
                    "rig",
                    "rig_unit",
                    "camera",
                    "roll",
                    "clip_name",
                    "time_of_day",
                    ("field_of_view", "resolution", "frame_rate"),
                    ("mos", "vfx"),
                ]
            },
        ),
        ("The imported file's other columns", {"fields": ["other_columns_shown"]}),
        ("Where it comes from", {"fields": ["source"]}),
    ]
    readonly_fields = ["other_columns_shown"]
    show_full_result_count = False
    history_select_related = ["shoot_day__production"]
    # Day by day, scene by scene, in the order they were logged: on the keys, so the first page
    # is read from the take_log_order index. The model's ordering goes through the days'
    # and scenes' productions and sorted every take for each page (0.3 s at 100,000 takes).
    ordering = ["shoot_day_id", "scene_id", "setup", "number"]

    @admin.display(description="take", ordering="scene__number")
    def take(self, take):
        return str(take)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "rig_unit":
            # A unit is named by its rig (v2 #1): read the two together for the selected unit.
            kwargs["queryset"] = RigUnit.objects.select_related("rig")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="rig", ordering="rig")
    def rig_unit_or_rig(self, take):
        return take.rig_unit or take.rig.name

    @admin.display(description="mode")
    def mode(self, take):
        fps = f"{take.frame_rate} fps" if take.frame_rate else ""
        described = [take.resolution, fps, take.get_field_of_view_display()]
        return " ".join(part for part in described if part) or "—"

    @admin.display(description="length", ordering="length")
    def length_display(self, take):
        return take.length_display

    @admin.display(description="columns")
    def other_columns_shown(self, take):
        """What the import kept aside: each column the file had that no field holds, with its value."""
        if not take.other_columns:
            return "—"
        rows = format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", sorted(take.other_columns.items()))
        return format_html('<table class="other-columns">{}</table>', rows)


@admin.register(HealthIncident)
class HealthIncidentAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["person", "kind", "shoot_day", "minutes_lost", "notes"]
    list_filter = ["kind", "shoot_day__production"]
    list_select_related = ["person", "shoot_day__production"]
    search_fields = ["person__name", "notes"]
    autocomplete_fields = ["person", "shoot_day"]


class FaultInline(FirstRowsInline, SharedChoicesInline):
    model = Fault
    form = InlineVersionCheckedForm
    select_related = ["unit__rig"]
    fields = ["kind", "shoot_day", "minutes_lost", "fixed_on", "notes", "version"]

    def choices_queryset(self, db_field, unit):
        if db_field.name == "shoot_day":
            return db_field.related_model.objects.select_related("production")  # each day is named by its production
        return None


# The unit's page is here rather than in rigs/admin.py: it lists the unit's faults and counts its takes,
# both recorded on shoot days, a layer above the rigs.
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
