"""Shoot days with their calls, and the locations they are shot at."""

from django.contrib import admin
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html

from hhprod.lib.admin import FirstRowsFormSet, HistoryAdmin, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin
from hhprod.lib.formatting import minutes_seconds
from hhprod.lib.names import NameSearch
from hhprod.planning.models import DayCall, Location, ShootDay
from hhprod.planning.slip import with_slip
from hhprod.productions.admin import SharedChoicesInline
from hhprod.productions.models import Person

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
        url = reverse("admin:planning_daycall_changelist")
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


@admin.register(Location)
class LocationAdmin(NameSearch, VersionCheckedAdmin, OfficeAdmin):
    list_display = ["name", "address", "latitude", "longitude", "time_zone"]
    search_fields = ["name", "address", "nearest_hospital"]
