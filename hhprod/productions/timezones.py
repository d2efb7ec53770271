"""A page about one production shows its times, and says what "today" is, in that production's zone."""

from django.utils import timezone


def use_production_time_zone(production):
    """Times on this request's page in `production`'s zone; the middleware ends it with the request."""
    timezone.activate(production.zone)


def production_today(production):
    """The date on set now: a day in Moscow starts three hours before one in London."""
    return timezone.localdate(timezone=production.zone)


class ProductionTimeZoneMiddleware:
    """Puts back the site's zone after each request, so one production's zone never leaks into the next
    request a worker thread serves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
