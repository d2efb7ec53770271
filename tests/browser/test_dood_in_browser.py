"""The Day Out of Days in a real browser: a calendar wider and taller than the screen scrolls in
its box while the names (first column) and the dates (header row) stay in view, on a laptop and a phone."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from hhprod.productions.models import Production

from .page import save_screenshot, wait_for


@pytest.mark.parametrize("width", [1440, 390])
def test_names_and_dates_stay_in_view_while_the_grid_scrolls(width, logged_in_browser, live_server, seed):
    browser = logged_in_browser
    browser.set_window_size(width, 900)
    henry = Production.objects.get(title="Hardcore Henry")
    browser.get(live_server.url + reverse("reports:report", args=[henry.pk, "day-out-of-days"]))
    box = wait_for(browser, ".dood-scroll")
    browser.execute_script("arguments[0].scrollIntoView()", box)
    name = box.find_element(By.XPATH, ".//th[@scope='row'][normalize-space()='Sharlto Copley']")
    first_date = box.find_element(By.CSS_SELECTOR, "thead th.day")
    left, top = name.rect["x"], first_date.rect["y"]
    assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", box)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    browser.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth / 3; arguments[0].scrollTop = 60", box)
    save_screenshot(browser, f"dood-{width}")
    assert name.rect["x"] == left, "the names scrolled away with the grid"
    # Within a pixel: the collapsed borders put the header's cells half a pixel apart.
    assert abs(box.find_element(By.CSS_SELECTOR, "thead th.name").rect["y"] - top) <= 1, "the dates scrolled away"
    assert first_date.rect["x"] < left, "the grid did not scroll under the names"
