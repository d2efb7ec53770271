"""The stripboard in Chromium: drag and drop, the keyboard, reload, two planners at once, lock, screenshots."""

import time
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from hhprod.planning.models import Scene, ScheduleRevision, ShootDay, Strip
from hhprod.productions.models import Production
from tests import factories

from .conftest import CHROMEDRIVER, CHROMIUM_FLAGS
from .page import save_screenshot, show, wait_for
from .test_content_security_policy import blocked


def staff_with(django_user_model, name, *codenames):
    """A staff login with the plan's permissions a role gives. The roles' groups are rows a migration makes,
    which a live server's test flushes away; which role has which permission is tests/office/test_role_matrix.py's."""
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames, content_type__app_label="planning"))
    return user


PLANNER = ["view_strip", "change_strip", "add_strip", "delete_strip", "add_schedulerevision", "view_schedulerevision"]


@pytest.fixture
def small_board(transactional_db):
    """Three planned days of three strips (scenes 1.1 to 3.3) and scene 99 in the boneyard."""
    prod = factories.production("Stripboard feature")
    for number in (1, 2, 3):
        day = factories.shoot_day(prod, number, scheduled=date(2013, 9, 1) + timedelta(days=number), actual=None)
        for order in (1, 2, 3):
            scene = Scene.objects.create(
                production=prod, number=f"{number}.{order}", setting="ext", time_of_day="day", page_eighths=4
            )
            factories.strip(day, scene, order=order)
    Scene.objects.create(production=prod, number="99", setting="int", time_of_day="night", page_eighths=8)
    return prod


def log_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    browser.get(live_server.url + "/static/admin/css/base.css")
    browser.add_cookie(
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    )


@pytest.fixture
def planner(django_user_model):
    return staff_with(django_user_model, "ad", *PLANNER)


def open_board(browser, live_server, prod):
    browser.get(live_server.url + reverse("stripboard", args=[prod.pk]))
    wait_for(browser, "#stripboard[data-ready=true] #board")


def strip(browser, number):
    scene = Scene.objects.get(number=number)
    return browser.find_element(By.CSS_SELECTOR, f'.strip[data-scene="{scene.pk}"]')


def says(browser, text, timeout=10):
    WebDriverWait(browser, timeout).until(
        lambda b: (
            text in b.find_element(By.ID, "board-status").text and not b.find_elements(By.CSS_SELECTOR, "[data-busy]")
        ),
        f"the board never said {text!r}",
    )


def day_of(browser, number):
    """The scene numbers on the board's day `number`, top to bottom, as the page shows them now."""
    day = ShootDay.objects.get(number=number).pk if number else ""
    lists = browser.find_elements(By.CSS_SELECTOR, f'.strips[data-day="{day}"] .strip .scene-no')
    return [element.text for element in lists]


def on_day(number):
    return list(
        Strip.objects.filter(shoot_day__number=number).order_by("order").values_list("scene__number", flat=True)
    )


def drag(browser, source, target):
    """Press on source, lift it a little, then move in steps to the top of target and release: real pointer
    events, through DevTools."""
    show(browser, source)
    box = "const r = arguments[0].getBoundingClientRect(); return [r.x + 20, r.y + r.height * arguments[1]];"

    def mouse(kind, x, y, **extra):
        browser.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", **extra})
        time.sleep(0.06)  # SortableJS reads the pointer every 50 ms while it drags

    x, y = browser.execute_script(box, source, 0.5)
    mouse("mousePressed", x, y, clickCount=1, buttons=1)
    for step in range(1, 6):
        mouse("mouseMoved", x, y + step * 2, buttons=1)
    # Strips make way as the dragged one passes, so the aim is taken again at every step.
    start_y, steps = y + 10, 15
    for step in range(1, steps + 1):
        end_x, end_y = browser.execute_script(box, target, 0.3)
        mouse("mouseMoved", x + (end_x - x) * step / steps, start_y + (end_y - start_y) * step / steps, buttons=1)
    mouse("mouseReleased", end_x, end_y, clickCount=1, buttons=0)


def test_a_strip_dragged_to_another_day_is_saved_and_still_there_after_a_reload(
    browser, live_server, small_board, planner
):
    log_in(browser, live_server, planner)
    open_board(browser, live_server, small_board)
    drag(browser, strip(browser, "1.1"), strip(browser, "2.2"))
    says(browser, "Scene 1.1 is on day 2, place")
    # Where the strip landed on the screen is where the server put it, and day 1 closed up.
    moved = on_day(2)
    assert len(moved) == 4 and "1.1" in moved and day_of(browser, 2) == moved and on_day(1) == ["1.2", "1.3"]
    day2 = browser.find_element(
        By.CSS_SELECTOR, f'.day[data-day-id="{Strip.objects.get(scene__number="1.1").shoot_day_id}"]'
    )
    assert day2.find_element(By.CSS_SELECTOR, ".day-pages").text == "2"
    assert day2.find_element(By.CSS_SELECTOR, ".day-scenes").text == "4"
    browser.refresh()
    wait_for(browser, "#stripboard[data-ready=true]")
    assert day_of(browser, 2) == moved
    assert blocked(browser) == []


def test_a_scene_dragged_out_of_the_boneyard_is_placed(browser, live_server, small_board, planner):
    log_in(browser, live_server, planner)
    open_board(browser, live_server, small_board)
    drag(browser, strip(browser, "99"), strip(browser, "3.1"))
    says(browser, "Scene 99 is on day 3, place")
    assert "99" in on_day(3) and day_of(browser, 3) == on_day(3) and day_of(browser, None) == []


def test_the_keyboard_moves_a_strip_up_its_day_to_another_day_and_undoes(browser, live_server, small_board, planner):
    log_in(browser, live_server, planner)
    open_board(browser, live_server, small_board)
    item = strip(browser, "1.3")
    item.click()
    assert browser.switch_to.active_element == item
    ActionChains(browser).key_down(Keys.ALT).send_keys(Keys.ARROW_UP).key_up(Keys.ALT).perform()
    says(browser, "Scene 1.3 is on day 1, place 2.")
    assert on_day(1) == ["1.1", "1.3", "1.2"] and day_of(browser, 1) == ["1.1", "1.3", "1.2"]
    assert browser.switch_to.active_element == strip(browser, "1.3")
    # "Move…" opens the dialog: a day and a place, chosen with the keyboard too.
    strip(browser, "1.3").find_element(By.CSS_SELECTOR, ".move-to").send_keys(Keys.ENTER)
    dialog = wait_for(browser, "#move-dialog")
    Select(dialog.find_element(By.ID, "move-day")).select_by_visible_text("Day 3 — Wed 4 Sep 2013")
    position = dialog.find_element(By.ID, "move-position")
    position.clear()
    position.send_keys("1")
    dialog.find_element(By.CSS_SELECTOR, "button[value=move]").click()
    says(browser, "Scene 1.3 is on day 3, place 1.")
    assert on_day(3) == ["1.3", "3.1", "3.2", "3.3"]
    browser.find_element(By.ID, "undo").click()
    says(browser, "Undone: Scene 1.3 is on day 1, place 2.")
    WebDriverWait(browser, 10).until(lambda b: day_of(b, 1) == ["1.1", "1.3", "1.2"])
    assert on_day(3) == ["3.1", "3.2", "3.3"]


def second_browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'second-profile'}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def test_quick_moves_are_sent_in_order_and_land_where_they_were_made(browser, live_server, small_board, planner):
    log_in(browser, live_server, planner)
    open_board(browser, live_server, small_board)
    strip(browser, "1.3").click()
    # Two presses before the first is answered: the second waits for it, and carries its version.
    ActionChains(browser).key_down(Keys.ALT).send_keys(Keys.ARROW_UP, Keys.ARROW_UP).key_up(Keys.ALT).perform()
    says(browser, "Scene 1.3 is on day 1, place 1.")
    assert "Someone else" not in browser.find_element(By.ID, "board-status").text
    assert on_day(1) == ["1.3", "1.1", "1.2"] and day_of(browser, 1) == ["1.3", "1.1", "1.2"]
    assert browser.find_element(By.ID, "stripboard").get_attribute("data-refreshed") is None


def test_two_planners_moving_strips_at_once_both_keep_their_moves(
    browser, live_server, small_board, planner, tmp_path, django_user_model
):
    producer = staff_with(django_user_model, "producer", *PLANNER)
    other = second_browser(tmp_path)
    try:
        log_in(browser, live_server, planner)
        log_in(other, live_server, producer)
        open_board(browser, live_server, small_board)
        open_board(other, live_server, small_board)
        drag(browser, strip(browser, "1.1"), strip(browser, "3.3"))
        says(browser, "Scene 1.1 is on day 3, place")
        # The producer's board is now out of date; the move still goes through, and the board catches up.
        drag(other, strip(other, "2.3"), strip(other, "2.1"))
        says(other, "Someone else moved strips too")
        assert on_day(1) == ["1.2", "1.3"] and "1.1" in on_day(3) and on_day(2) != ["2.1", "2.2", "2.3"]
        for number in (1, 2, 3):
            WebDriverWait(other, 10).until(lambda b, n=number: day_of(b, n) == on_day(n))
        save_screenshot(other, "stripboard-second-planner")
    finally:
        other.quit()


def test_a_viewer_sees_the_board_without_controls(browser, live_server, small_board, django_user_model):
    viewer = staff_with(django_user_model, "viewer", "view_strip")
    log_in(browser, live_server, viewer)
    browser.get(live_server.url + reverse("stripboard", args=[small_board.pk]))
    wait_for(browser, "#board")
    assert not browser.find_elements(By.CSS_SELECTOR, ".move-to, #undo, details.lock")


def test_lock_as_revision_from_the_board(browser, live_server, small_board, planner):
    log_in(browser, live_server, planner)
    open_board(browser, live_server, small_board)
    browser.find_element(By.CSS_SELECTOR, "details.lock summary").click()
    browser.find_element(By.ID, "id_name").send_keys("Approved")
    browser.find_element(By.ID, "id_reason").send_keys("Studio approval")
    browser.find_element(By.CSS_SELECTOR, "details.lock button[type=submit]").click()
    wait_for(browser, ".messagelist .success")
    assert ScheduleRevision.objects.get(production=small_board).colour == "White"


@pytest.mark.parametrize("width", [1440, 390])
def test_the_films_board_on_a_wide_and_a_narrow_screen(logged_in_browser, live_server, width):
    browser = logged_in_browser
    browser.set_window_size(width, 1000)
    henry = Production.objects.get(title="Hardcore Henry")
    open_board(browser, live_server, henry)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".day")) == henry.shoot_days.count()
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    save_screenshot(browser, f"stripboard-{width}")
    show(browser, browser.find_elements(By.CSS_SELECTOR, ".banner")[0])
    save_screenshot(browser, f"stripboard-{width}-banner")
    assert blocked(browser) == []


def move_with_the_dialog(browser, number, to_day_label, position="1"):
    strip(browser, number).find_element(By.CSS_SELECTOR, ".move-to").send_keys(Keys.ENTER)
    dialog = wait_for(browser, "#move-dialog")
    Select(dialog.find_element(By.ID, "move-day")).select_by_visible_text(to_day_label)
    place = dialog.find_element(By.ID, "move-position")
    place.clear()
    place.send_keys(position)
    dialog.find_element(By.CSS_SELECTOR, "button[value=move]").click()


def test_a_strip_on_a_shot_day_is_held_and_the_board_says_why(browser, live_server, small_board, planner):
    ShootDay.objects.filter(number=1).update(status="shot", actual_date=date(2013, 9, 2))
    log_in(browser, live_server, planner)
    open_board(browser, live_server, small_board)
    day1 = browser.find_element(By.CSS_SELECTOR, f'.day[data-day-id="{ShootDay.objects.get(number=1).pk}"]')
    assert "SHOT MON 2 SEP 2013" in day1.find_element(By.CSS_SELECTOR, ".day-flag").text.upper()
    drag(browser, strip(browser, "1.1"), strip(browser, "2.2"))
    says(browser, "Day 1 was shot: its strips are held, as shot.")
    move_with_the_dialog(browser, "1.1", "Day 2 — Tue 3 Sep 2013")
    says(browser, "Day 1 was shot on Mon 2 Sep 2013: its strips stay as shot. Plan a reshoot as a new day instead.")
    WebDriverWait(browser, 10).until(lambda b: day_of(b, 1) == ["1.1", "1.2", "1.3"])
    assert on_day(1) == ["1.1", "1.2", "1.3"] and on_day(2) == ["2.1", "2.2", "2.3"]
    save_screenshot(browser, "stripboard-held")
    assert blocked(browser) == []


def test_the_ad_adds_a_day_and_places_the_boneyards_scene_on_it(browser, live_server, small_board, django_user_model):
    ad = staff_with(django_user_model, "ad", *PLANNER, "add_shootday")
    log_in(browser, live_server, ad)
    open_board(browser, live_server, small_board)
    browser.find_element(By.CSS_SELECTOR, "details.add-day summary").click()
    browser.find_element(By.ID, "id_scheduled_date").send_keys("09202013")  # the date field types month first
    Select(browser.find_element(By.ID, "id_change_cause")).select_by_visible_text("Reshoot")
    browser.find_element(By.CSS_SELECTOR, "details.add-day button[type=submit]").click()
    wait_for(browser, ".messagelist .success")
    wait_for(browser, "#stripboard[data-ready=true]")
    day4 = ShootDay.objects.get(number=4)
    assert (day4.scheduled_date, day4.change_cause) == (date(2013, 9, 20), "reshoot")
    assert browser.current_url.endswith(f"#day-{day4.pk}") and day_of(browser, 4) == []
    move_with_the_dialog(browser, "99", "Day 4 — Fri 20 Sep 2013")
    says(browser, "Scene 99 is on day 4, place 1.")
    assert on_day(4) == ["99"] and day_of(browser, 4) == ["99"]
    assert blocked(browser) == []
