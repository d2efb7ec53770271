"""The day's page: the front page for every role, today's shoot day or the next, links by role."""

import re
from datetime import time, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from hhprod.productions.timezones import production_today

from .. import factories as make

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])  # the header links to the background work

ROLES = ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"]
FRONT = reverse("today:day")


def links_on(response):
    """The day's links, as (label, url): the nav of buttons."""
    nav = re.search(r'<nav class="day-links".*?</nav>', response.content.decode(), re.S)
    found = re.findall(r'href="([^"]+)">([^<]+)</a>', nav.group(0)) if nav else []
    return {label: url.replace("&amp;", "&") for url, label in found}


@pytest.fixture
def shooting_today():
    """A feature whose day 2 is shot today in its own zone, with a plan, calls, takes, a fault and an incident."""
    prod = make.production(daily_rig_limit_minutes=5)
    today = production_today(prod)
    make.shoot_day(prod, 1, scheduled=today - timedelta(days=1), actual=today - timedelta(days=1))
    day = make.shoot_day(prod, 2, scheduled=today, actual=today, location="Moscow, lab")
    make.shoot_day(prod, 3, scheduled=today + timedelta(days=1), actual=None)
    rig, who, other = make.rig(), make.wearer(prod), make.wearer(prod, "Second wearer")
    planned, unplanned, later = make.scene(prod, "12"), make.scene(prod, "40"), make.scene(prod, "13")
    planned.setting, planned.time_of_day, planned.page_eighths = "int", "night", 11
    planned.save()
    make.strip(day, planned, order=1)
    make.strip(day, later, order=2, page_eighths=4)
    make.take(day, planned, rig, who, number=1, length=200, status="circled")
    make.take(day, planned, rig, who, number=2, length=150)
    make.take(day, unplanned, rig, other, number=1, length=60)
    make.call(day, who, call_time=time(6, 30))
    make.call(day, other, call_time=time(8, 0))
    make.fault(make.unit(rig), "battery", day=day, minutes_lost=12)
    make.incident(day, who, "motion_sickness", minutes_lost=25)
    return prod


def test_the_front_page_shows_todays_shoot_day_with_its_call_sheet_head(shooting_today, login_as):
    page = login_as("Viewer").get(FRONT).content.decode()
    assert "Test feature: today, Day 2 of 3" in page
    assert "Moscow, lab" in page and "06:30" in page  # the crew call is the earliest call
    assert "2 strips, 1 7/8 pages" in page  # 11/8 + 4/8


def test_scenes_planned_and_shot_are_listed_in_shooting_order(shooting_today, login_as):
    page = login_as("Viewer").get(FRONT).content.decode()
    rows = re.findall(r'<tr>\s*<th scope="row">(\w+).*?</tr>', page, re.S)
    assert rows[:3] == ["12", "13", "40"]
    twelve = re.search(r'<th scope="row">12.*?</tr>', page, re.S).group(0)
    assert "INT." in twelve and "Night" in twelve and "1 3/8" in twelve and ">shot<" in twelve
    assert re.findall(r'class="number">(\d+)</td>', twelve) == ["2", "1"]  # takes, circled
    assert "to shoot" in re.search(r'<th scope="row">13.*?</tr>', page, re.S).group(0)
    assert "shot (not planned)" in re.search(r'<th scope="row">40.*?</tr>', page, re.S).group(0)


def test_wearers_rig_time_is_against_the_daily_limit(shooting_today, login_as):
    page = login_as("Viewer").get(FRONT).content.decode()
    over = r'class="over-limit"><th scope="row">Test wearer</th><td class="number">2</td><td class="number">5:50</td>'
    assert re.search(over + "<td>over</td>", page)
    assert re.search(
        r'<tr><th scope="row">Second wearer</th><td class="number">1</td><td class="number">1:00</td><td>within</td>',
        page,
    )
    assert "3 takes, 1 circled, 6:50 recorded." in page


def test_open_faults_and_todays_incidents_are_shown(shooting_today, login_as):
    page = login_as("Viewer").get(FRONT).content.decode()
    assert "Test rig #1: battery" in page and "12 min lost" in page
    assert "Test wearer: motion sickness, 25 min lost" in page


def test_the_next_planned_day_when_none_is_shot_today(login_as):
    prod = make.production()
    today = production_today(prod)
    make.shoot_day(prod, 1, scheduled=today - timedelta(days=3), actual=today - timedelta(days=3))
    make.shoot_day(prod, 2, scheduled=today + timedelta(days=4), actual=None)
    make.shoot_day(prod, 3, scheduled=today + timedelta(days=2), actual=None)
    page = login_as("Viewer").get(FRONT).content.decode()
    assert "Test feature: next, Day 2 of 3 (10 planned)" in page  # day 3 is shot before day 2


def test_an_empty_production_says_no_days_yet(login_as):
    make.production(planned_days=None)
    page = login_as("Viewer").get(FRONT).content.decode()
    assert "no shoot day yet" in page and "No days yet" in page
    assert "None" not in page


def test_the_schedule_of_an_empty_production_says_no_days_rather_than_none(login_as):
    prod = make.production(planned_days=None)
    page = login_as("Viewer").get(reverse("reports:report", args=[prod.pk, "schedule"])).content.decode()
    assert "None days" not in page and "no days shot yet" in page


def test_the_baseline_is_what_days_shot_are_counted_against(login_as, django_user_model):
    from hhprod.planning.revisions import lock_schedule

    prod = make.production(planned_days=99)
    today = production_today(prod)
    make.shoot_day(prod, 1, scheduled=today, actual=None)
    make.shoot_day(prod, 2, scheduled=today + timedelta(days=1), actual=None)
    lock_schedule(prod, name="White", reason="approved")
    make.shoot_day(prod, 3, scheduled=None, actual=today - timedelta(days=1), change_cause="rig")
    page = login_as("Viewer").get(FRONT).content.decode()
    assert "1 of 2" in page and "-1 days (-50%)" in page


def test_a_production_picker_lists_features_first(shooting_today, login_as):
    make.production("A music video", kind="music_video")
    make.production("Zed feature")
    client = login_as("Viewer")
    page = client.get(FRONT).content.decode()
    assert re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page) == [
        "Test feature",
        "Zed feature",
        "A music video",
    ]
    other = client.get(FRONT, {"production": shooting_today.pk + 1}).content.decode()
    assert "A music video: no shoot day yet" in other


READ = {"Call sheet", "Production report", "Take log of the day", "All reports", "The day in the admin"}
EXPECTED_LINKS = {
    "Producer": READ | {"Log a take", "Record a rig fault", "Record a health incident"},
    "Assistant director": READ | {"Record a health incident"},
    "Script supervisor": READ | {"Log a take", "Record a health incident"},
    "Rig technician": READ | {"Record a rig fault"},
    "Viewer": READ,
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_only_links_it_can_use(shooting_today, login_as, role):
    client = login_as(role)
    links = links_on(client.get(FRONT))
    shown = set(links) - {"Stripboard"}  # the stripboard's page is linked once its branch is merged
    assert shown == EXPECTED_LINKS[role]
    for label, url in links.items():
        assert client.get(url).status_code == 200, f"{role}: {label} {url}"


def test_a_login_with_no_role_goes_to_the_admin_index(client, django_user_model, shooting_today):
    client.force_login(django_user_model.objects.create_user("nobody", password="pw", is_staff=True))
    response = client.get(FRONT)
    assert response.status_code == 302 and response.url == reverse("admin:index")


def test_the_day_is_today_in_the_productions_own_zone(login_as):
    """Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: never on the same date."""
    east = make.production("East", time_zone="Pacific/Kiritimati")
    west = make.production("West", time_zone="Pacific/Pago_Pago")
    assert production_today(east) != production_today(west)
    make.shoot_day(east, 1, scheduled=production_today(east), actual=None)
    make.shoot_day(west, 1, scheduled=production_today(west), actual=None)
    client = login_as("Viewer")
    assert "East: today, Day 1 of 1" in client.get(FRONT, {"production": east.pk}).content.decode()
    assert "West: today, Day 1 of 1" in client.get(FRONT, {"production": west.pk}).content.decode()
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE  # the zone ends with the request


def test_a_time_zone_nobody_knows_is_refused(staff_client):
    prod = make.production()
    url = reverse("admin:productions_production_change", args=[prod.pk])
    form = {
        "title": prod.title,
        "kind": "feature",
        "max_take_seconds": 420,
        "time_zone": "Mars/Olympus_Mons",
        "version": 0,
    }
    form |= {"credits-TOTAL_FORMS": 0, "credits-INITIAL_FORMS": 0}
    response = staff_client.post(url, form)
    assert "is not a time zone name such as Europe/Moscow" in response.content.decode()
    prod.refresh_from_db()
    assert prod.time_zone == "Europe/Moscow"


def test_the_front_page_takes_the_same_queries_at_two_sizes(login_as, django_assert_num_queries, shooting_today):
    client = login_as("Producer")
    client.get(FRONT)  # the session and the login's permissions, read once
    # The days at a glance are the schedule report's one aggregate (figures.days), not three queries.
    with django_assert_num_queries(14):
        client.get(FRONT)
    prod = shooting_today
    day = prod.shoot_days.get(number=2)
    rig, scene = make.rig("Another", 91), make.scene(prod, "77")
    for n in range(1, 40):
        make.take(day, scene, rig, make.wearer(prod, f"Wearer {n}"), number=n, length=30)
        make.strip(day, make.scene(prod, f"S{n}"), order=10 + n)
    with django_assert_num_queries(14):
        client.get(FRONT)


def test_logging_in_lands_on_the_days_page(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("ad", password="a long enough pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Assistant director"))
    response = client.post(reverse("admin:login"), {"username": "ad", "password": "a long enough pw"})
    assert response.status_code == 302 and response.url == FRONT
    asked = client.post(
        reverse("admin:login") + "?next=/reports/",
        {"username": "ad", "password": "a long enough pw", "next": "/reports/"},
    )
    assert asked.url == "/reports/"


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_index_links_to_the_days_page_and_reports(login_as, role):
    page = login_as(role).get(reverse("admin:index")).content.decode()
    assert f'href="{FRONT}"' in page and 'id="reports-module"' in page


def test_a_login_with_no_role_sees_no_link_to_pages_it_cannot_open(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="pw", is_staff=True))
    page = client.get(reverse("admin:index")).content.decode()
    assert 'id="reports-module"' not in page and 'id="today-module"' not in page
    for url in set(re.findall(r'href="(/[^"]*)"', page)):
        assert client.get(url.replace("&amp;", "&")).status_code != 403, url


def test_a_report_page_is_rendered_in_its_productions_zone(login_as, monkeypatch):
    from hhprod.reports import views

    zones_seen = []
    render = views.render

    def render_noting_the_zone(*args, **kwargs):
        zones_seen.append(timezone.get_current_timezone_name())
        return render(*args, **kwargs)

    monkeypatch.setattr(views, "render", render_noting_the_zone)
    prod = make.production(time_zone="Asia/Tokyo")
    login_as("Viewer").get(reverse("reports:report", args=[prod.pk, "schedule"]))
    assert zones_seen == ["Asia/Tokyo"]
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE
