"""The day's page: the site's front page, for every role."""

from django.contrib import admin
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from hhprod.figures.day_of import day_of
from hhprod.figures.rig_time import wearers_on
from hhprod.lib.params import whole_number
from hhprod.productions.models import Production
from hhprod.productions.timezones import production_today, use_production_time_zone

from . import day as selectors
from .links import can_read_reports, day_links


@require_safe
def front_page(request):
    """The chosen production's day (`?production=N`), else the first feature's. A login with no
    role reads nothing here, so it goes to the admin's index, the one page it has."""
    if not can_read_reports(request.user):
        return redirect("admin:index")
    productions = list(Production.objects.features_first())
    chosen = whole_number(request.GET.get("production"))
    production = next((p for p in productions if p.pk == chosen), productions[0] if productions else None)
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "title": "Today",
        "productions": productions,
        "production": production,
    }
    if production is not None:
        use_production_time_zone(production)
        context.update(day_context(request.user, production, production_today(production)))
    return render(request, "today/day.html", context)


def day_context(user, production, today):
    day = selectors.day_on_set(production, today)
    context = {
        "today": today,
        "day": day,
        "glance": selectors.at_a_glance(production),
        "open_faults": selectors.open_faults(),
    }
    context["links"] = day_links(user, production, day)
    if day is None:
        return context
    return {
        **context,
        "day_of": day_of(production, day),
        "is_today": day.on == today,
        "scenes": selectors.day_scenes(day),
        "recorded": day.takes.recorded(),
        "latest_takes": selectors.latest_takes(day),
        "wearers": wearers_on(day, production.daily_rig_limit_minutes),
        "incidents": selectors.incidents_on(day),
    }
