"""Calendar feeds: polled by a calendar application with the secret address alone, no session.

A token is a login's: it opens what that login may read, and nothing once revoked, renewed,
or the login made inactive or stripped of its role. Any miss is a plain 404, whatever the reason.
"""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from hhprod.office.permissions import REPORT_PERMISSIONS
from hhprod.productions.models import Production
from hhprod.reports.events import call_events, shoot_day_events
from hhprod.reports.writers.calendar import calendar

from .models import CalendarFeed, PersonLogin


def feed_login(token):
    feed = CalendarFeed.objects.for_token(token)
    if feed is None or not feed.user.has_perms(REPORT_PERMISSIONS):
        raise Http404("No such calendar.")
    return feed.user


def ics(body):
    # Inline, not an attachment: a calendar application reads it where it subscribed.
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_not_required
@require_safe
def schedule_feed(request, token, production):
    feed_login(token)
    production = get_object_or_404(Production, pk=production)
    return ics(calendar(f"{production} shooting schedule", shoot_day_events(production)))


@login_not_required
@require_safe
def calls_feed(request, token):
    user = feed_login(token)
    link = PersonLogin.objects.select_related("person").filter(user=user).first()
    events = call_events(link.person) if link else []
    return ics(calendar(f"{link.person if link else user}'s calls", events))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(REPORT_PERMISSIONS, raise_exception=True)
def my_calendars(request):
    """A login's own addresses: made (or renewed) here and shown this once; revoked here."""
    token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            CalendarFeed.revoke_all(request.user)
        elif request.POST.get("action") == "renew":
            _, token = CalendarFeed.issue(request.user)
    addresses = None
    if token:
        addresses = [
            (production, request.build_absolute_uri(reverse("feeds:schedule", args=[token, production.pk])))
            for production in Production.objects.features_first()
        ]
        calls = request.build_absolute_uri(reverse("feeds:calls", args=[token]))
        addresses.append(("Your calls", calls))
    context = {
        **admin.site.each_context(request),
        "live": CalendarFeed.objects.live().filter(user=request.user).first(),
        "addresses": addresses,
        "person": PersonLogin.objects.select_related("person").filter(user=request.user).first(),
        "title": "Calendar feeds",
    }
    return render(request, "feeds/my_calendars.html", context)
