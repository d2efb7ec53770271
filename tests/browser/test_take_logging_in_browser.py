"""The script supervisor's take-logging page in Chromium: keyboard only, a save lost to the
network and sent again, the warning before a wearer's daily limit, a phone's and a desk's width."""

from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from hhprod.planning.models import ShootDay
from hhprod.shooting.models import Take
from tests import factories as make

from .page import save_screenshot, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def on_set(live_server, producer):
    """A day scheduled for today with scenes 4 and 14, a rig unit with its camera, two wearers, a 10-minute limit."""
    prod = make.production(daily_rig_limit_minutes=10, timecode_fps=25)
    day = make.shoot_day(prod, scheduled=timezone.localdate(), actual=None)
    rig = make.rig("v2", in_service_from=date(2000, 1, 1))
    camera = make.camera(rig, serial="HERO3-7")
    unit = make.unit(rig)
    make.mounting(camera, unit, date(2000, 1, 1))
    for number in ("4", "14"):
        make.scene(prod, number)
    return {"day": day, "wearer": make.wearer(prod, "Stunt wearer 1"), "other": make.wearer(prod, "Stunt wearer 2")}


def open_page(browser, live_server, producer, day, width=1440, height=900):
    client = Client()
    client.force_login(producer)
    browser.set_window_size(width, height)
    browser.get(live_server.url + "/static/admin/css/base.css")
    browser.add_cookie(
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    )
    browser.get(f"{live_server.url}/set/day/{day.pk}/takes/")
    return wait_for(browser, "#take-entry")


def typed(browser, *keys):
    """Keys into whatever has the focus, as a person at the keyboard types them."""
    browser.switch_to.active_element.send_keys(*keys)


def saved_rows(browser, count):
    WebDriverWait(browser, 15).until(
        lambda b: len(b.find_elements(By.CSS_SELECTOR, "#takes tr.saved")) == count,
        f"{count} saved rows never showed",
    )


def test_five_takes_logged_from_the_keyboard_only(browser, live_server, producer, on_set):
    open_page(browser, live_server, producer, on_set["day"])
    # The saves go one at a time, so the rig time shown is the last answer's, counting every take.
    browser.execute_script(
        """const send = window.fetch;
        window.savesAtOnce = 0; window.mostSavesAtOnce = 0;
        window.fetch = async (url, options) => {
          if (!options || options.method !== "POST") return send(url, options);
          window.mostSavesAtOnce = Math.max(window.mostSavesAtOnce, ++window.savesAtOnce);
          try { return await send(url, options); } finally { window.savesAtOnce--; }
        };"""
    )
    # The first take: scene 4 (not 14), take 1, then the unit and wearer chosen by typing.
    typed(browser, "4", Keys.TAB, Keys.TAB, Keys.TAB, "2:05", Keys.TAB, "g", Keys.TAB, "v2 #1", Keys.TAB)
    typed(browser, Keys.TAB, "Stunt wearer 1", Keys.ENTER)
    # Each next take carries scene, unit, camera and wearer over and suggests its number: length, status, Enter.
    typed(browser, "00:01:10:12", Keys.TAB, "*", Keys.ENTER)  # 70.48 s at 25 fps
    typed(browser, "95", Keys.TAB, "f", Keys.ENTER)
    # A new setup on demand: back to the setup field, "+".
    typed(browser, Keys.SHIFT + Keys.TAB + Keys.TAB, "+")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "id_setup").get_attribute("value") == "A")
    typed(browser, "3:00", Keys.TAB, "p", Keys.ENTER)
    typed(browser, "0:00:45", Keys.TAB, "n", Keys.ENTER)
    saved_rows(browser, 5)
    takes = Take.objects.order_by("pk").values_list(
        "scene__number", "setup", "number", "length", "status", "camera__serial"
    )
    assert list(takes) == [
        ("4", "", 1, 125, "good", "HERO3-7"),
        ("4", "", 2, 70, "circled", "HERO3-7"),
        ("4", "", 3, 95, "false_start", "HERO3-7"),
        ("4", "A", 1, 180, "circled", "HERO3-7"),
        ("4", "A", 2, 45, "no_good", "HERO3-7"),
    ]
    day = ShootDay.objects.get(pk=on_set["day"].pk)
    assert (day.status, day.actual_date) == ("shot", timezone.localdate())
    assert browser.find_element(By.ID, "day-state").text == f"Shot on {timezone.localdate():%-d %b %Y}."
    assert browser.find_element(By.ID, "rig-time").text.startswith("Stunt wearer 1 8:35 1:25")
    assert browser.execute_script("return window.mostSavesAtOnce") == 1


def test_a_take_not_saved_with_the_network_down_is_kept_and_saved_on_retry(browser, live_server, producer, on_set):
    open_page(browser, live_server, producer, on_set["day"])
    typed(browser, "14", Keys.TAB, Keys.TAB, Keys.TAB, "1:00", Keys.TAB, "g", Keys.TAB, "v2 #1", Keys.TAB)
    typed(browser, Keys.TAB, "Stunt wearer 2")
    browser.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    typed(browser, Keys.ENTER)
    unsent = wait_for(browser, "#takes tr.unsent")
    assert "Not saved: no connection" in unsent.text
    stored = browser.execute_script(f"return localStorage.getItem('hhprod-take-rows-day-{on_set['day'].pk}')")
    assert '"scene":"14"' in stored and not Take.objects.exists()
    assert browser.find_element(By.ID, "retry-all").is_displayed()
    save_screenshot(browser, "take-logging-offline")
    # Back online, the page sends the row again by itself (at the browser's "online" event, or
    # its timer); the Retry buttons send it at once.
    browser.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    saved_rows(browser, 1)
    assert Take.objects.get().scene.number == "14"
    # Reloaded, the page holds nothing unsent and sends nothing twice.
    browser.refresh()
    saved_rows(browser, 1)
    assert browser.execute_script(f"return localStorage.getItem('hhprod-take-rows-day-{on_set['day'].pk}')") == "[]"
    assert Take.objects.count() == 1


def test_a_save_with_no_answer_is_given_up_and_sent_again(browser, live_server, producer, on_set):
    open_page(browser, live_server, producer, on_set["day"])
    # A connection that answers after 30 s: the page gives the save up at 20 s, as not saved.
    browser.set_network_conditions(offline=False, latency=30000, download_throughput=-1, upload_throughput=-1)
    typed(browser, "14", Keys.TAB, Keys.TAB, Keys.TAB, "1:00", Keys.TAB, "g", Keys.TAB, "v2 #1", Keys.TAB)
    typed(browser, Keys.TAB, "Stunt wearer 2", Keys.ENTER)
    unsent = WebDriverWait(browser, 28).until(lambda b: b.find_element(By.CSS_SELECTOR, "#takes tr.unsent"))
    assert "Not saved: no connection" in unsent.text
    browser.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    saved_rows(browser, 1)
    assert Take.objects.get().scene.number == "14"


def test_warning_before_a_take_would_pass_the_wearers_daily_limit(browser, live_server, producer, on_set):
    day, scene, rig = on_set["day"], on_set["day"].production.scenes.get(number="4"), make.rig("v1", version=1)
    ShootDay.objects.filter(pk=day.pk).update(status="shot", actual_date=timezone.localdate())
    for number, length in ((1, 360), (2, 180)):
        make.take(ShootDay.objects.get(pk=day.pk), scene, rig, on_set["wearer"], number=number, length=length)
    open_page(browser, live_server, producer, day)
    assert browser.find_element(By.ID, "rig-time").text == "Stunt wearer 1 9:00 1:00"
    typed(browser, "1:30")
    warning = wait_for(browser, "#entry-warning:not(:empty)")
    assert warning.text == (
        "Stunt wearer 1 has worn the rig 9:00 today: a take of 1:30 makes 10:30, over the daily limit of 10 minutes."
    )
    save_screenshot(browser, "take-logging-limit-warning")


@pytest.mark.parametrize("width", [1440, 390])
def test_take_logging_page_fits_the_window(browser, live_server, producer, on_set, width):
    open_page(browser, live_server, producer, on_set["day"], width=width, height=900)
    typed(browser, "4", Keys.TAB, Keys.TAB, Keys.TAB, "1:01", Keys.TAB, "g", Keys.TAB, "v2 #1", Keys.TAB)
    typed(browser, Keys.TAB, "Stunt wearer 1", Keys.TAB, "Looked up at the drone", Keys.ENTER)
    for number in (2, 3):
        typed(browser, f"1:0{number}", Keys.TAB, "*", Keys.ENTER)
    saved_rows(browser, 3)
    scroll_width, window_width = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= window_width, f"the page scrolls sideways at {width} px: {scroll_width} > {window_width}"
    browser.execute_script("window.scrollTo(0, 0)")
    save_screenshot(browser, f"take-logging-{width}")
