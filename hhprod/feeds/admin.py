from django.contrib import admin, messages
from django.urls import reverse

from .models import CalendarFeed, PersonLogin


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["user__username"]
    readonly_fields = ["user", "created", "revoked"]
    actions = ["revoke", "renew"]

    def has_add_permission(self, request):
        return False  # made by renewing, so the token is shown once and never stored

    @admin.action(description="Revoke the selected addresses")
    def revoke(self, request, queryset):
        for user in {feed.user for feed in queryset.select_related("user")}:
            CalendarFeed.revoke_all(user)
        self.message_user(request, "Revoked: those addresses open nothing now.", messages.SUCCESS)

    @admin.action(description="Renew the selected logins' addresses (the old ones stop working)")
    def renew(self, request, queryset):
        for user in {feed.user for feed in queryset.select_related("user")}:
            _, token = CalendarFeed.issue(user)
            address = request.build_absolute_uri(reverse("feeds:calls", args=[token]))
            self.message_user(request, f"New address for {user} (shown once): {address}", messages.WARNING)


@admin.register(PersonLogin)
class PersonLoginAdmin(admin.ModelAdmin):
    list_display = ["user", "person"]
    autocomplete_fields = ["person"]
    search_fields = ["user__username", "person__name"]
