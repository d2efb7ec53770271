"""Calendars to subscribe to: a secret address per login, polled without a session, one event
per shoot day that moves when the day moves, and one's own calls at their times.
Each feed is read back by icalendar and by recurring-ical-events."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from hhprod.feeds.models import CalendarFeed, PersonLogin, digest
from tests import factories as make

pytestmark = pytest.mark.django_db
MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def shoot():
    """Day 1 shot three days late with two scenes planned, day 2 still to shoot, day 3 cancelled with no date."""
    prod = make.production("Subscribed")
    who = make.wearer(prod, "Unnamed cinematographer 1")
    one = make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 5), location="Moscow")
    two = make.shoot_day(prod, 2, scheduled=date(2013, 9, 9), actual=None)
    make.shoot_day(prod, 3, scheduled=None, actual=None, status="cancelled")
    make.strip(one, make.scene(prod, "12"), order=1)
    make.strip(one, make.scene(prod, "14"), order=2, part=1, parts=2)
    make.call(one, who, call_time=time(6, 30), wrap_time=time(18, 45))
    make.call(two, who, call_time=time(21, 0), wrap_time=time(5, 0))
    prod.wearer = who
    return prod


@pytest.fixture
def viewer(django_user_model, shoot):
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Viewer"))
    PersonLogin.objects.create(user=user, person=shoot.wearer)
    return user


def poll(url):
    """A calendar application's request: no session, no cookie."""
    return Client().get(url)


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" not in response.get("Content-Disposition", "")
    calendar = Calendar.from_ical(response.content)
    return calendar, sorted(calendar.walk("VEVENT"), key=lambda event: str(event["dtstart"].to_ical()))


def test_a_login_makes_its_addresses_and_sees_them_once(viewer, shoot, client):
    client.force_login(viewer)
    response = client.post(reverse("feeds:mine"), {"action": "renew"})
    addresses = dict(response.context["addresses"])
    assert addresses["Your calls"].startswith("http://testserver/calendars/")
    token = addresses["Your calls"].split("/")[-2]
    assert CalendarFeed.objects.get(user=viewer).digest == digest(token) != token
    again = client.get(reverse("feeds:mine"))
    assert again.context["addresses"] is None and token not in again.content.decode()


def test_shoot_days_are_polled_without_a_session_one_event_per_day(viewer, shoot):
    _, token = CalendarFeed.issue(viewer)
    calendar, events = events_of(poll(reverse("feeds:schedule", args=[token, shoot.pk])))
    assert [str(event["summary"]) for event in events] == ["Subscribed day 1: Shot", "Subscribed day 2: Scheduled"]
    assert [event.decoded("dtstart") for event in events] == [date(2013, 9, 5), date(2013, 9, 9)]
    assert str(events[0]["description"]) == (
        "Status: Shot. Scenes planned: 12, 14 (part 1 of 2). Shot +3 days against the baseline."
    )
    assert str(events[0]["location"]) == "Moscow"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]


def test_a_second_reader_finds_the_same_days(viewer, shoot):
    _, token = CalendarFeed.issue(viewer)
    calendar = Calendar.from_ical(poll(reverse("feeds:schedule", args=[token, shoot.pk])).content)
    found = recurring_ical_events.of(calendar).between(date(2013, 9, 1), date(2013, 10, 1))
    assert sorted((event.decoded("dtstart"), str(event["summary"])) for event in found) == [
        (date(2013, 9, 5), "Subscribed day 1: Shot"),
        (date(2013, 9, 9), "Subscribed day 2: Scheduled"),
    ]


def test_a_moved_day_keeps_its_uid_and_raises_its_sequence(viewer, shoot):
    _, token = CalendarFeed.issue(viewer)
    url = reverse("feeds:schedule", args=[token, shoot.pk])
    _, before = events_of(poll(url))
    day = shoot.shoot_days.get(number=2)
    day.scheduled_date = date(2013, 9, 12)
    day.change_cause, day.change_note = "weather", "Rain."
    day.save()
    _, after = events_of(poll(url))
    assert str(after[1]["uid"]) == str(before[1]["uid"])
    assert after[1].decoded("dtstart") == date(2013, 9, 12)
    assert int(after[1]["sequence"]) == int(before[1]["sequence"]) + 1
    assert int(after[0]["sequence"]) == int(before[0]["sequence"])


def test_my_calls_are_timed_in_the_productions_zone(viewer, shoot):
    _, token = CalendarFeed.issue(viewer)
    _, events = events_of(poll(reverse("feeds:calls", args=[token])))
    assert [(event.decoded("dtstart"), event.decoded("dtend")) for event in events] == [
        (datetime(2013, 9, 5, 6, 30, tzinfo=MOSCOW), datetime(2013, 9, 5, 18, 45, tzinfo=MOSCOW)),
        (datetime(2013, 9, 9, 21, 0, tzinfo=MOSCOW), datetime(2013, 9, 10, 5, 0, tzinfo=MOSCOW)),
    ]
    assert events[0]["dtstart"].params["TZID"] == "Europe/Moscow"
    assert str(events[0]["summary"]) == "Call 06:30: Subscribed day 1"
    second = recurring_ical_events.of(Calendar.from_ical(poll(reverse("feeds:calls", args=[token])).content))
    assert [event.decoded("dtstart") for event in second.at(date(2013, 9, 5))] == [events[0].decoded("dtstart")]


def test_a_revoked_address_is_refused(viewer, shoot):
    _, token = CalendarFeed.issue(viewer)
    CalendarFeed.revoke_all(viewer)
    assert poll(reverse("feeds:schedule", args=[token, shoot.pk])).status_code == 404
    assert poll(reverse("feeds:calls", args=[token])).status_code == 404


def test_a_renewed_address_replaces_the_old_one(viewer, shoot):
    _, old = CalendarFeed.issue(viewer)
    _, new = CalendarFeed.issue(viewer)
    assert poll(reverse("feeds:calls", args=[old])).status_code == 404
    assert poll(reverse("feeds:calls", args=[new])).status_code == 200


def test_a_poll_without_a_token_or_with_a_made_up_one_is_refused(viewer, shoot):
    CalendarFeed.issue(viewer)
    assert poll(f"/calendars/schedule-{shoot.pk}.ics").status_code == 404
    assert poll("/calendars/calls.ics").status_code == 404
    assert poll(reverse("feeds:calls", args=["x" * 43])).status_code == 404


def test_a_login_that_lost_its_role_or_was_deactivated_reads_nothing(viewer, shoot):
    _, token = CalendarFeed.issue(viewer)
    viewer.groups.clear()
    assert poll(reverse("feeds:calls", args=[token])).status_code == 404
    viewer.groups.add(Group.objects.get(name="Viewer"))
    viewer.is_active = False
    viewer.save()
    assert poll(reverse("feeds:calls", args=[token])).status_code == 404


def test_the_user_revokes_their_own_address(viewer, shoot, client):
    _, token = CalendarFeed.issue(viewer)
    client.force_login(viewer)
    client.post(reverse("feeds:mine"), {"action": "revoke"})
    assert poll(reverse("feeds:calls", args=[token])).status_code == 404


def test_the_admin_revokes_and_renews(viewer, shoot, staff_client):
    feed, token = CalendarFeed.issue(viewer)
    url = reverse("admin:feeds_calendarfeed_changelist")
    response = staff_client.post(url, {"action": "renew", "_selected_action": [feed.pk]}, follow=True)
    (message,) = [str(m) for m in response.context["messages"]]
    new = message.rsplit("/", 2)[-2]
    assert poll(reverse("feeds:calls", args=[token])).status_code == 404
    assert poll(reverse("feeds:calls", args=[new])).status_code == 200
    live = CalendarFeed.objects.get(user=viewer, revoked=None)
    staff_client.post(url, {"action": "revoke", "_selected_action": [live.pk]})
    assert poll(reverse("feeds:calls", args=[new])).status_code == 404


def test_feed_queries_are_fixed(viewer, shoot, django_assert_num_queries):
    _, token = CalendarFeed.issue(viewer)
    more = make.shoot_day(shoot, 4, scheduled=date(2013, 9, 20), actual=None)
    make.strip(more, make.scene(shoot, "20"))
    make.call(more, shoot.wearer)
    # The feed and its login; the login's permissions (its own, its groups'); then the days and their strips,
    # or the person and the calls.
    with django_assert_num_queries(6):
        poll(reverse("feeds:schedule", args=[token, shoot.pk]))
    with django_assert_num_queries(5):
        poll(reverse("feeds:calls", args=[token]))
