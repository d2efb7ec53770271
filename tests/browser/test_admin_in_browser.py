"""The production office's admin, driven in a real browser: logging in, adding days and takes."""

from datetime import date

from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from hhprod.planning.models import Scene, ShootDay
from hhprod.productions.models import Person
from hhprod.rigs.models import Rig
from hhprod.shooting.models import Take

from .page import fill, show, wait_for


def choose(browser, field, search, option):
    """Pick option in an admin autocomplete (select2) box, typing search as a user would."""
    browser.find_element(By.CSS_SELECTOR, f"#id_{field} + .select2 .select2-selection").click()
    wait_for(browser, ".select2-container--open .select2-search__field").send_keys(search)
    WebDriverWait(browser, 10).until(
        lambda b: next(
            (o for o in b.find_elements(By.CSS_SELECTOR, ".select2-results__option") if o.text == option), False
        ),
        f"the {field} box offers no {option!r}",
    ).click()


def test_anonymous_visitor_is_sent_to_login(browser, live_server):
    browser.get(live_server.url + reverse("admin:shooting_take_changelist"))
    wait_for(browser, "#login-form")
    assert browser.current_url == f"{live_server.url}{reverse('admin:login')}?next=/admin/shooting/take/"
    assert "Hardcore Henry production office" in browser.find_element(By.ID, "site-name").text


def test_producer_logs_in_through_the_login_form(browser, live_server, producer):
    browser.get(live_server.url + reverse("admin:index"))
    fill(browser, "id_username", "producer")
    fill(browser, "id_password", "rig-wearer-13")
    browser.find_element(By.CSS_SELECTOR, "#login-form [type=submit]").click()
    assert "Schedule, rigs and takes" in wait_for(browser, "#content h1").text
    assert "WELCOME, PRODUCER" in browser.find_element(By.ID, "user-tools").text.upper()


def test_wrong_password_is_refused_on_screen(browser, live_server, producer):
    browser.get(live_server.url + reverse("admin:index"))
    fill(browser, "id_username", "producer")
    fill(browser, "id_password", "not-the-password")
    browser.find_element(By.CSS_SELECTOR, "#login-form [type=submit]").click()
    assert "Please enter the correct username and password" in wait_for(browser, ".errornote").text


def test_shoot_day_beyond_the_plan_is_added_in_the_admin(logged_in_browser, live_server):
    browser = logged_in_browser
    browser.get(live_server.url + reverse("admin:planning_shootday_add"))
    Select(browser.find_element(By.ID, "id_production")).select_by_visible_text("Hardcore Henry")
    fill(browser, "id_number", "121")
    fill(browser, "id_actual_date", "18/08/2014")
    Select(browser.find_element(By.ID, "id_status")).select_by_visible_text("Shot")
    fill(browser, "id_location", "Moscow")
    browser.find_element(By.NAME, "_save").click()

    assert "Hardcore Henry day 121" in wait_for(browser, ".messagelist .success").text
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=121)
    assert (day.scheduled_date, day.actual_date, day.status) == (None, date(2014, 8, 18), "shot")


def test_take_is_logged_from_its_shoot_days_page(logged_in_browser, live_server):
    browser = logged_in_browser
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=1)
    browser.get(live_server.url + reverse("admin:planning_shootday_change", args=[day.pk]))
    takes_before = day.takes.count()
    show(browser, browser.find_element(By.LINK_TEXT, "Log a take on this day")).click()

    assert wait_for(browser, "#select2-id_shoot_day-container").text == "Hardcore Henry day 1"
    choose(browser, "scene", "1", str(Scene.objects.get(production=day.production, number="1")))
    fill(browser, "id_number", "99")
    fill(browser, "id_length", "300")
    choose(browser, "rig", "v1", str(Rig.objects.get(name="v1")))
    choose(browser, "wearer", "Naishuller", str(Person.objects.get(name="Ilya Naishuller")))
    Select(browser.find_element(By.ID, "id_status")).select_by_visible_text("Circled")
    browser.find_element(By.NAME, "_save").click()

    assert "was added successfully" in wait_for(browser, ".messagelist .success").text
    take = day.takes.get(scene__number="1", number=99)
    assert (take.length, take.rig.name, take.wearer.name, take.status) == (300, "v1", "Ilya Naishuller", "circled")
    assert day.takes.count() == takes_before + 1


def test_take_longer_than_seven_minutes_is_refused_on_screen(logged_in_browser, live_server):
    browser = logged_in_browser
    takes_before = Take.objects.count()
    browser.get(live_server.url + reverse("admin:shooting_take_add"))
    choose(browser, "scene", "1", str(Scene.objects.get(production__title="Hardcore Henry", number="1")))
    fill(browser, "id_number", "99")
    choose(browser, "shoot_day", "Moscow", "Hardcore Henry day 1")
    fill(browser, "id_length", "450")
    choose(browser, "rig", "v1", str(Rig.objects.get(name="v1")))
    choose(browser, "wearer", "Naishuller", str(Person.objects.get(name="Ilya Naishuller")))
    browser.find_element(By.NAME, "_save").click()

    error = show(browser, wait_for(browser, ".field-length .errorlist"))
    assert error.text == "A take of 7:30 (450 s) is longer than Hardcore Henry's maximum of 7:00 (420 s)."
    assert "Please correct the error below." in browser.find_element(By.CSS_SELECTOR, ".errornote").text
    assert Take.objects.count() == takes_before
