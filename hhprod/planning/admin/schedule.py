from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from hhprod.lib.admin import FirstRowsInline, OfficeAdmin, linked_parent
from hhprod.lib.conflicts import VersionCheckedAdmin
from hhprod.lib.formatting import minutes_seconds
from hhprod.planning.models import (
    CalendarEntry,
    RevisionDay,
    ScheduleRevision,
    ShootDay,
    Strip,
    pages_and_eighths,
    strip_eighths,
    strip_screen_seconds,
)
from hhprod.planning.revisions import compare, lock_schedule, variance_by_cause, with_finish
from hhprod.productions.models import Production


@admin.register(Strip)
class StripAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["shoot_day", "order", "part_label", "pages", "screen_time", "shoot_day_status"]
    list_display_links = ["part_label"]
    list_filter = ["shoot_day__production"]
    list_select_related = ["shoot_day__production", "scene"]
    search_fields = ["scene__number", "scene__synopsis", "scene__set_name"]
    autocomplete_fields = ["scene", "wearer", "rig_unit"]
    ordering = ["shoot_day__production", "shoot_day__number", "order"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "shoot_day":
            # A dropdown the AD can type "day 121" into; each label names its production, read with the days.
            kwargs["queryset"] = ShootDay.objects.select_related("production")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="scene")
    def part_label(self, strip):
        return strip.part_label

    def get_queryset(self, request):
        # Each part's share of its scene, read with the rows: a split part given no length was a query each.
        return super().get_queryset(request).annotate(eighths=strip_eighths(), seconds=strip_screen_seconds())

    @admin.display(description="pages", ordering="eighths")
    def pages(self, strip):
        return pages_and_eighths(strip.eighths)

    @admin.display(description="screen time", ordering="seconds")
    def screen_time(self, strip):
        return minutes_seconds(strip.seconds) if strip.seconds is not None else "—"

    @admin.display(description="day status")
    def shoot_day_status(self, strip):
        return strip.shoot_day.get_status_display()


@admin.register(CalendarEntry)
class CalendarEntryAdmin(VersionCheckedAdmin, OfficeAdmin):
    list_display = ["kind", "starts", "ends", "production", "note"]
    list_filter = ["production", "kind"]
    list_select_related = ["production"]
    search_fields = ["note"]
    date_hierarchy = "starts"


class RevisionDayInline(FirstRowsInline, admin.TabularInline):
    """The days as this revision left them: a snapshot, never edited."""

    model = RevisionDay
    fields = ["number", "date", "status", "cause", "cause_note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("revision")  # each row's title names its revision

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RevisionDay)
class RevisionDayAdmin(OfficeAdmin):
    """A revision's days, the whole list its page links to: a snapshot, read only."""

    list_display = ["number", "date", "status", "cause", "cause_note", "revision"]
    list_filter = [linked_parent("revision", select_related=["production"])]
    list_select_related = ["revision__production"]
    ordering = ["revision__production", "revision__number", "number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LockForm(forms.Form):
    production = forms.ModelChoiceField(Production.objects.all())
    name = forms.CharField(max_length=200, help_text='For example "Rig rebuild: block 2 added".')
    dated = forms.DateField(label="Revision date", initial=timezone.localdate)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


class CompareForm(forms.Form):
    before = forms.ModelChoiceField(ScheduleRevision.objects.select_related("production"))
    after = forms.ModelChoiceField(ScheduleRevision.objects.select_related("production"))


@admin.register(ScheduleRevision)
class ScheduleRevisionAdmin(OfficeAdmin):
    """Revisions are made by locking the schedule (a button on the list), never typed in, and never edited."""

    list_display = ["colour", "name", "dated", "production", "day_count", "finish", "locked_by", "reason"]
    list_display_links = ["colour", "name"]
    list_filter = ["production"]
    list_select_related = ["production", "locked_by"]
    ordering = ["production", "number"]
    inlines = [RevisionDayInline]

    def get_queryset(self, request):
        return with_finish(super().get_queryset(request)).select_related("production", "locked_by")

    def has_add_permission(self, request):
        return False  # a revision is locked from the schedule, not typed in

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="colour", ordering="number")
    def colour(self, revision):
        return f"{revision.number} — {revision.colour}" + (" (baseline)" if revision.is_baseline else "")

    @admin.display(description="days", ordering="day_count")
    def day_count(self, revision):
        return revision.day_count

    @admin.display(description="planned finish", ordering="finish")
    def finish(self, revision):
        return revision.finish or "—"

    def get_urls(self):
        own = [
            path("lock/", self.admin_site.admin_view(self.lock_view), name="planning_schedulerevision_lock"),
            path("compare/", self.admin_site.admin_view(self.compare_view), name="planning_schedulerevision_compare"),
        ]
        return own + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        can_lock = request.user.has_perm("planning.add_schedulerevision")
        return super().changelist_view(request, {"can_lock": can_lock, **(extra_context or {})})

    def page(self, request, template, title, **context):
        context = {**self.admin_site.each_context(request), "opts": self.opts, "title": title, **context}
        return TemplateResponse(request, f"admin/planning/schedulerevision/{template}", context)

    def lock_view(self, request):
        if not request.user.has_perm("planning.add_schedulerevision"):
            raise PermissionDenied
        form = LockForm(request.POST or None)
        if form.is_valid():
            try:
                revision = lock_schedule(
                    form.cleaned_data["production"],
                    name=form.cleaned_data["name"],
                    reason=form.cleaned_data["reason"],
                    dated=form.cleaned_data["dated"],
                    user=request.user,
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, f"Locked {revision}.")
                return redirect(reverse("admin:planning_schedulerevision_change", args=[revision.pk]))
        return self.page(request, "lock.html", "Lock the current schedule as a revision", form=form)

    def compare_view(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not request.user.has_perm("planning.view_schedulerevision"):
            raise PermissionDenied  # a staff login with no role sees no revision, not even its name
        form = CompareForm(request.GET if "before" in request.GET else None)
        comparison = variance = None
        if form.is_valid():
            try:
                comparison = compare(form.cleaned_data["before"], form.cleaned_data["after"])
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                variance = variance_by_cause(comparison.after)
        return self.page(
            request, "compare.html", "Compare two revisions", form=form, comparison=comparison, variance=variance
        )
