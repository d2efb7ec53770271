"""The office's admin site: Django's, except that logging in lands on the day's page."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import resolve_url
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


class OfficeAdminSite(admin.AdminSite):
    @method_decorator(never_cache)
    @login_not_required  # as Django's own: an override does not inherit its decorators
    def login(self, request, extra_context=None):
        """Django's admin login sends a login to the admin's index; here to LOGIN_REDIRECT_URL (the day's
        page), unless the login was asked for on the way to another page (`?next=`)."""
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            extra_context = {REDIRECT_FIELD_NAME: resolve_url(settings.LOGIN_REDIRECT_URL), **(extra_context or {})}
        return super().login(request, extra_context)


class OfficeAdminConfig(AdminConfig):
    """Installed in place of django.contrib.admin, as Django's docs on overriding the default admin site show."""

    default_site = "hhprod.office.site.OfficeAdminSite"
