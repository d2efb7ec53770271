"""The schedule and the scenes report as the plan grows, seen at a laptop's and a phone's width."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.by import By

from hhprod.planning.models import ShootDay

from .page import save_screenshot, show, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1440, 390])
def test_the_schedule_with_a_day_added_for_tomorrow_draws_its_chart_and_bars(
    width, logged_in_browser, live_server, henry
):
    ShootDay.objects.create(
        production=henry, number=121, scheduled_date=timezone.localdate() + timedelta(days=1), change_cause="reshoot"
    )
    browser = logged_in_browser
    browser.set_window_size(width, 1000)
    browser.get(live_server.url + reverse("reports:report", args=[henry.pk, "schedule"]))
    chart = show(browser, wait_for(browser, "svg.schedule-chart"))
    assert chart.size["width"] >= min(width - 80, 600) * 0.8
    assert "Planned now (121)" in chart.get_attribute("textContent")
    labels = chart.find_elements(By.CSS_SELECTOR, "g.x-ticks text")
    boxes = sorted((label.rect["x"], label.rect["width"]) for label in labels)
    assert all(x1 + w1 <= x2 for (x1, w1), (x2, _) in zip(boxes, boxes[1:], strict=False)), "date labels overlap"
    save_screenshot(browser, f"schedule-day-121-chart-{width}")
    show(browser, wait_for(browser, "svg.cause-bars"))
    save_screenshot(browser, f"schedule-day-121-causes-{width}")


@pytest.mark.parametrize("width", [1440, 390])
def test_the_scenes_report_filters_scenes_planned_and_not_shot(width, logged_in_browser, live_server, henry):
    browser = logged_in_browser
    browser.set_window_size(width, 1000)
    browser.get(live_server.url + reverse("reports:report", args=[henry.pk, "scenes"]) + "?state=planned_not_shot")
    assert wait_for(browser, "#content h2").text.startswith("Scenes: planned against shot")
    wait_for(browser, "#content .report-table")
    save_screenshot(browser, f"report-scenes-{width}")
