from django.contrib import admin
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html

from hhprod.figures.slip import with_slip
from hhprod.lib.admin import FirstRowsFormSet, HistoryAdmin, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin, VersionCheckedForm
from hhprod.productions.admin import SharedChoicesInline
from hhprod.productions.models import Credit, Person
from hhprod.rigs.models import RigUnit

from .import_admin import TakeImportAdmin
from .models import DayCall, HealthIncident, Scene, ShootDay, Take, minutes_seconds

# The one shoot day a day's page links to (?shoot_day=<id>), named so it can be cleared.
LinkedShootDayFilter = linked_parent("shoot_day", select_related=["production"])


class DayCallInline(SharedChoicesInline):
    model = DayCall
    form = InlineVersionCheckedForm
    formset = FirstRowsFormSet  # the first calls in call order; the day links to them all
    select_related = ["person", "shoot_day__production"]
    fields = [
        "person",
        "kind",
        "pickup_time",
        "makeup_time",
        "call_time",
        "on_set_time",
        "wrap_time",
        "notes",
        "version",
    ]

    def choices_queryset(self, db_field, day):
        if db_field.name == "person" and day:
            return Person.objects.filter(credits__production=day.production_id).distinct()
        return None


@admin.register(ShootDay)
class ShootDayAdmin(VersionCheckedAdmin, HistoryAdmin):
    ordering = ["production", "number"]  # annotated querysets drop Meta.ordering
    list_display = [
        "number",
        "production",
        "scheduled_date",
        "actual_date",
        "slip",
        "status",
        "location",
        "take_count",
        "minutes_recorded",
    ]
    list_display_links = ["number"]
    list_filter = ["production", "status"]
    list_select_related = ["production"]
    search_fields = ["location", "notes"]
    date_hierarchy = "actual_date"
    # The calls only: a day's takes grow with the shoot (1,400 on the busiest synthetic day took
    # 7.5 s and 171 MB as inline rows). They are a link to the take list, paginated, by that day.
    inlines = [DayCallInline]
    readonly_fields = ["takes_on_this_day", "calls_on_this_day", "log_a_take"]
    autocomplete_fields = ["site"]  # found by typing: no query listing every location

    def get_queryset(self, request):
        return with_slip(super().get_queryset(request)).with_recorded()

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if request.user.has_perm("shooting.add_take"):
            return fields
        return [field for field in fields if field != "log_a_take"]  # a link only to a page it may use

    @admin.display(description="new take")
    def log_a_take(self, day):
        if not day.pk:
            return "Save the day first."
        url = reverse("admin:shooting_take_add")
        return format_html('<a class="addlink" href="{}?shoot_day={}">Log a take on this day</a>', url, day.pk)

    @admin.display(description="takes")
    def takes_on_this_day(self, day):
        if not day.pk:
            return "—"
        url = reverse("admin:shooting_take_changelist")
        count = f"{day.take_count:,} take{pluralize(day.take_count)}"
        return format_html('<a href="{}?shoot_day={}">{} on this day →</a>', url, day.pk, count)

    @admin.display(description="calls")
    def calls_on_this_day(self, day):
        if not day.pk:
            return "—"
        url = reverse("admin:shooting_daycall_changelist")
        return format_html(
            '<a href="{}?shoot_day={}">Every call on this day →</a> (below, the first {} in call order)',
            url, day.pk, FirstRowsFormSet.most,
        )  # fmt: skip

    @admin.display(description="slip against baseline (days)", ordering="slip")
    def slip(self, day):
        return day.slip

    @admin.display(description="takes", ordering="take_count")
    def take_count(self, day):
        return day.take_count

    @admin.display(description="recorded", ordering="seconds_recorded")
    def minutes_recorded(self, day):
        return minutes_seconds(day.seconds_recorded) if day.seconds_recorded else "—"


@admin.register(DayCall)
class DayCallAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["person", "shoot_day", "kind", "call_time", "wrap_time", "notes"]
    history_select_related = ["shoot_day__production"]
    list_filter = [LinkedShootDayFilter, "shoot_day__production"]
    list_select_related = ["person", "shoot_day__production"]
    search_fields = ["person__name", "notes"]
    autocomplete_fields = ["person", "shoot_day"]


class SceneForm(VersionCheckedForm):
    def clean(self):
        data = super().clean()
        production, cast = data.get("production"), data.get("cast")
        if production and cast:
            strangers = [credit for credit in cast if credit.production_id != production.pk]
            if strangers:
                names = ", ".join(str(credit.person) for credit in strangers)
                self.add_error(
                    "cast", f"Not credited on {production}: {names}. A scene needs its own production's cast."
                )
        return data


@admin.register(Scene)
class SceneAdmin(VersionCheckedAdmin, OfficeAdmin):
    """Scenes and their breakdown: what the breakdown sheet prints."""

    form = SceneForm
    ordering = ["production", "number"]  # annotated querysets drop Meta.ordering
    list_display = [
        "number",
        "description",
        "setting",
        "time_of_day",
        "pages",
        "head_rig",
        "production",
        "take_count",
        "circled",
    ]
    list_filter = ["production", "setting", "time_of_day", "head_rig"]
    list_select_related = ["production"]
    search_fields = ["number", "description", "synopsis", "set_name"]
    readonly_fields = ["breakdown_sheet"]
    fieldsets = [
        (None, {"fields": ["production", "number", "description", "breakdown_sheet", "version"]}),
        (
            "Breakdown",
            {"fields": [
                "set_name", "location", "setting", "time_of_day", "page_eighths", "synopsis", "screen_seconds",
                "cast", "head_rig", "rig", "stunt_notes", "safety_notes",
            ]},
        ),
        (None, {"fields": ["source"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).with_recorded()

    def get_form(self, request, obj=None, **kwargs):
        request.scene_production = obj.production_id if obj else None
        return super().get_form(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "cast":
            # On a scene's page, only its production's cast; labels read each credit's person and production.
            credits = Credit.objects.filter(role__in=[Credit.Role.CAST, Credit.Role.STUNT_PERFORMER])
            if production := getattr(request, "scene_production", None):
                credits = credits.filter(production=production)
            kwargs["queryset"] = credits.select_related("person", "production")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="breakdown sheet")
    def breakdown_sheet(self, scene):
        if not scene.pk:
            return "Save the scene first."
        return format_html('<a href="{}">Print the breakdown sheet</a>', reverse("breakdown_sheet", args=[scene.pk]))

    @admin.display(description="pages", ordering="page_eighths")
    def pages(self, scene):
        return scene.pages_display

    @admin.display(description="takes", ordering="take_count")
    def take_count(self, scene):
        return scene.take_count

    @admin.display(description="circled", ordering="circled")
    def circled(self, scene):
        return scene.circled


@admin.register(Take)
class TakeAdmin(TakeImportAdmin, VersionCheckedAdmin, HistoryAdmin):
    """Takes, and the take-log import (import_admin.py)."""

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
        ("Where it comes from", {"fields": ["source"]}),
    ]
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


@admin.register(HealthIncident)
class HealthIncidentAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["person", "kind", "shoot_day", "minutes_lost", "notes"]
    list_filter = ["kind", "shoot_day__production"]
    list_select_related = ["person", "shoot_day__production"]
    search_fields = ["person__name", "notes"]
    autocomplete_fields = ["person", "shoot_day"]
