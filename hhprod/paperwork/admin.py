from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from hhprod.lib.admin import FirstRowsInline, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import InlineVersionCheckedForm, VersionCheckedAdmin

from .models import CallSheetIssue, DayReport, Delay


class DelayInline(FirstRowsInline, admin.TabularInline):
    model = Delay
    form = InlineVersionCheckedForm
    extra = 1
    fields = ["cause", "minutes", "note", "version"]


@admin.register(Delay)
class DelayAdmin(VersionCheckedAdmin, OfficeAdmin):
    """Every delay of a day report, the whole list its page links to."""

    list_display = ["day_report", "cause", "minutes", "note"]
    list_filter = ["cause", linked_parent("day_report", title="day report", select_related=["shoot_day__production"])]
    list_select_related = ["day_report__shoot_day__production"]
    search_fields = ["note"]
    autocomplete_fields = ["day_report"]


@admin.register(DayReport)
class DayReportAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["shoot_day", "crew_call", "camera_wrap", "cards_used", "gigabytes", "ad_signed_by", "pm_signed_by"]
    list_filter = ["shoot_day__production"]
    list_select_related = ["shoot_day__production"]
    search_fields = ["notes", "ad_signed_by", "pm_signed_by"]
    autocomplete_fields = ["shoot_day"]
    inlines = [DelayInline]
    fieldsets = [
        (None, {"fields": ["shoot_day", "version"]}),
        ("Times", {"fields": ["crew_call", "first_shot", "lunch_start", "lunch_end", "camera_wrap", "last_out"]}),
        ("Media", {"fields": ["cards_used", "gigabytes", "notes"]}),
        ("Sign-off", {"fields": ["ad_signed_by", "ad_signed_at", "pm_signed_by", "pm_signed_at"]}),
        ("Where it comes from", {"fields": ["source"]}),
    ]


@admin.register(CallSheetIssue)
class CallSheetIssueAdmin(admin.ModelAdmin):
    """Issued from the call sheet's page, never edited: the list is for finding one to reprint."""

    list_display = ["shoot_day", "revision_name", "issued_by", "issued_at", "reprint"]
    list_filter = ["shoot_day__production"]
    list_select_related = ["shoot_day__production", "issued_by"]

    @admin.display(description="reprint")
    def reprint(self, issue):
        url = reverse("reports:report", args=[issue.shoot_day.production_id, "call-sheet"])
        return format_html('<a href="{}?issue={}">Open the issued sheet</a>', url, issue.pk)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
