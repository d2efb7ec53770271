"""Scenes and their breakdown."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from hhprod.lib.admin import OfficeAdmin
from hhprod.lib.conflicts import VersionCheckedAdmin, VersionCheckedForm
from hhprod.planning.models import Scene
from hhprod.productions.models import Credit


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
