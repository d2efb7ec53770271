"""The day page's links, each shown only to a login that the page behind it serves (never a bare 403).

Pages other branches add (the stripboard, quick take logging) are linked once their URL name resolves."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from hhprod.office.permissions import REPORT_PERMISSIONS
from hhprod.reports import call_sheet, production_report, take_log


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def url_if_served(name, **kwargs):
    """The address of a page by its URL name, or None while the site has no such page."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def can_read_reports(user):
    return user.has_perms(REPORT_PERMISSIONS)


def day_links(user, production, day):
    """Where this login can go from the day's page: log a take, the stripboard, the reports, the admin."""
    links = []
    if day is not None and user.has_perm("shooting.add_take"):
        quick = url_if_served("onset:take-logging", day_id=day.pk)
        links.append(Link("Log a take", quick or f"{reverse('admin:shooting_take_add')}?shoot_day={day.pk}"))
    if user.has_perm("planning.view_strip") and (board := url_if_served("stripboard", production=production.pk)):
        links.append(Link("Stripboard", board))
    if can_read_reports(user):

        def report(slug):
            return reverse("reports:report", args=[production.pk, slug])

        if day is not None:
            links += [
                Link("Call sheet", f"{report(call_sheet.REPORT.slug)}?day={day.number}"),
                Link("Production report", f"{report(production_report.REPORT.slug)}?day={day.number}"),
                Link(
                    "Take log of the day", f"{report(take_log.REPORT.slug)}?day_from={day.number}&day_to={day.number}"
                ),
            ]
        links.append(Link("All reports", reverse("reports:overview", args=[production.pk])))
    if day is not None and user.has_perm("planning.view_shootday"):
        links.append(Link("The day in the admin", reverse("admin:planning_shootday_change", args=[day.pk])))
    if user.has_perm("shooting.add_fault"):
        links.append(Link("Record a rig fault", reverse("admin:shooting_fault_add")))
    if day is not None and user.has_perm("shooting.add_healthincident"):
        links.append(
            Link("Record a health incident", f"{reverse('admin:shooting_healthincident_add')}?shoot_day={day.pk}")
        )
    return links
