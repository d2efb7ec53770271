"""The Content-Security-Policy blocks nothing the site's own pages use: Chromium's console stays clean."""

from django.urls import reverse

from hhprod.planning.models import ShootDay
from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS
from hhprod.shooting.models import Take

from .page import save_screenshot, wait_for


def blocked(browser):
    """What Chromium refused to load or run on the pages seen since the last call, by the policy."""
    return [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]


def test_admin_and_report_pages_run_under_the_policy(logged_in_browser, live_server):
    browser = logged_in_browser
    henry = Production.objects.get(title="Hardcore Henry")
    day = ShootDay.objects.filter(production=henry, takes__isnull=False).first()
    pages = [
        reverse("admin:index"),
        reverse("admin:shooting_take_changelist"),
        reverse("admin:shooting_take_change", args=[Take.objects.filter(shoot_day=day).first().pk]),
        reverse("admin:planning_shootday_change", args=[day.pk]),
        reverse("admin:shooting_take_import"),
        *(reverse("reports:report", args=[henry.pk, slug]) + f"?day={day.number}" for slug in REPORTS),
    ]
    for page in pages:
        browser.get(live_server.url + page)
        wait_for(browser, "#content")
        assert blocked(browser) == [], page
    # The admin's own scripts ran: the take's scene box is the select2 autocomplete they build.
    browser.get(live_server.url + reverse("admin:shooting_take_change", args=[day.takes.first().pk]))
    wait_for(browser, "#id_scene + .select2")
    # The Day Out of Days grid's own style applied (its nonce let it in): names stay put as it scrolls.
    browser.get(live_server.url + reverse("reports:report", args=[henry.pk, "day-out-of-days"]))
    cell = wait_for(browser, ".dood-scroll .name")
    assert cell.value_of_css_property("position") == "sticky"
    assert blocked(browser) == []
    save_screenshot(browser, "csp-day-out-of-days")


def test_an_inline_script_is_blocked(logged_in_browser, live_server):
    """The policy is really enforced: a script written into the page does not run."""
    browser = logged_in_browser
    browser.get(live_server.url + reverse("admin:index"))
    wait_for(browser, "#content")
    browser.execute_script(
        "const s = document.createElement('script'); s.textContent = 'document.title = \"injected\"';"
        "document.body.appendChild(s);"
    )
    assert browser.title != "injected"
    assert any("script-src" in message for message in blocked(browser))
