"""The day's page, the call sheet and the take log at a laptop's width and a phone's (390 px):
no sideways scrolling of the page; on a phone the call sheet's rows are labelled cards; the Day
Out of Days keeps its names and dates in view; the admin's take and shoot-day forms on a phone;
no time zone note on every field."""

import pytest
from django.db.models import Count
from django.urls import reverse
from selenium.webdriver.common.by import By

from hhprod.planning.models import ShootDay
from hhprod.productions.timezones import production_today

from .page import save_screenshot, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"laptop": 1440, "phone": 390}


def at_width(browser, width, height=None):
    """A viewport `width` px wide; at 390 a phone's, honouring the page's viewport meta as a phone does."""
    height = height or (844 if width < 768 else 900)
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 768},
    )


def page_scrolls_sideways(browser):
    return browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


@pytest.fixture
def busiest_day_today(henry):
    """The seed's busiest day, moved to today in the production's zone, so the day's page has a day."""
    day = ShootDay.objects.filter(production=henry).annotate(n=Count("takes")).order_by("-n", "number").first()
    ShootDay.objects.filter(pk=day.pk).update(actual_date=production_today(henry), status="shot")
    return day


@pytest.mark.parametrize("width", WIDTHS)
def test_the_days_page_fits_the_screen(logged_in_browser, live_server, busiest_day_today, width):
    browser = logged_in_browser
    at_width(browser, WIDTHS[width])
    browser.get(live_server.url + reverse("today:day"))
    heading = wait_for(browser, ".day-heading")
    # Moved to today, the day is the last of the 120 in shooting order.
    assert "today, Day 120 of 120" in heading.text
    assert wait_for(browser, ".day-links a").is_displayed()
    save_screenshot(browser, f"day-page-{width}")
    assert not page_scrolls_sideways(browser)


@pytest.mark.parametrize(("slug", "width"), [("call-sheet", "laptop"), ("take-log", "laptop"), ("take-log", "phone")])
def test_the_call_sheet_and_take_log_fit_the_screen(logged_in_browser, live_server, busiest_day_today, slug, width):
    browser = logged_in_browser
    at_width(browser, WIDTHS[width])
    url = reverse("reports:report", args=[busiest_day_today.production_id, slug])
    browser.get(f"{live_server.url}{url}?day={busiest_day_today.number}")
    wait_for(browser, ".report-table")
    save_screenshot(browser, f"{slug}-{width}")
    assert not page_scrolls_sideways(browser)
    # A table wider than the phone scrolls in its own box, its first column staying in view.
    box = browser.find_element(By.CSS_SELECTOR, ".report-section .table-container")
    first = box.find_element(By.CSS_SELECTOR, "tbody tr td:first-child")
    browser.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", box)
    assert abs(first.rect["x"] - box.rect["x"]) < 2


def test_the_call_sheet_on_a_phone_is_a_labelled_card_a_row_with_nothing_to_scroll(
    logged_in_browser, live_server, busiest_day_today
):
    browser = logged_in_browser
    at_width(browser, WIDTHS["phone"])
    url = reverse("reports:report", args=[busiest_day_today.production_id, "call-sheet"])
    browser.get(f"{live_server.url}{url}?day={busiest_day_today.number}")
    wait_for(browser, ".report-table")
    save_screenshot(browser, "call-sheet-phone")
    assert not page_scrolls_sideways(browser)
    boxes = browser.find_elements(By.CSS_SELECTOR, ".report-section .table-container")
    assert len(boxes) == 6
    assert [browser.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", b) for b in boxes] == [
        0
    ] * 6
    # A performer's card: the status on its own line, its label beside it, inside the screen.
    status = browser.find_element(By.XPATH, "//h3[text()='Cast and stunt performers']/..//td[@data-label='Status']")
    label = browser.execute_script("return getComputedStyle(arguments[0], '::before').content", status)
    name = status.find_element(By.XPATH, "../td[1]")
    assert label == '"Status"' and status.text
    assert status.rect["y"] > name.rect["y"] and status.rect["x"] + status.rect["width"] <= 390


def test_the_day_out_of_days_keeps_names_and_dates_in_view(logged_in_browser, live_server, henry):
    browser = logged_in_browser
    at_width(browser, 390, height=360)  # short enough that the grid's rows need more height than its box
    browser.get(live_server.url + reverse("reports:report", args=[henry.pk, "day-out-of-days"]))
    table = wait_for(browser, "table.dood")
    box = browser.execute_script("return arguments[0].parentElement", table)
    name = table.find_element(By.CSS_SELECTOR, "tbody tr:first-child > :first-child")
    date = table.find_element(By.CSS_SELECTOR, "thead th:last-child")
    box_rect = box.rect
    browser.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", box)
    assert abs(name.rect["x"] - box_rect["x"]) < 2, "the names scrolled out of view"
    assert browser.execute_script("return arguments[0].scrollTop = 10000, arguments[0].scrollTop", box) > 0
    assert abs(date.rect["y"] - box.rect["y"]) < 2, "the dates scrolled out of view"
    save_screenshot(browser, "day-out-of-days-390")
    assert not page_scrolls_sideways(browser)


@pytest.mark.parametrize(
    "page", ["admin:shooting_take_add", "admin:planning_shootday_change", "admin:planning_daycall_add"]
)
def test_admin_forms_on_a_phone_show_no_time_zone_note(logged_in_browser, live_server, busiest_day_today, page):
    """The browser in Los Angeles, the production in Moscow: Django's note would say "11 hours behind"."""
    browser = logged_in_browser
    browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "America/Los_Angeles"})
    at_width(browser, 390)
    args = [busiest_day_today.pk] if page.endswith("change") else []
    browser.get(live_server.url + reverse(page, args=args))
    wait_for(browser, ".datetimeshortcuts")  # the admin's date and time widgets have run
    notes = browser.find_elements(By.CSS_SELECTOR, ".timezonewarning")
    assert notes and not any(note.is_displayed() for note in notes)
    save_screenshot(browser, f"admin-{page.split(':')[1]}-390")
    assert not page_scrolls_sideways(browser)
