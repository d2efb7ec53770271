"""Hostile input to the pages outside the admin: take logging, the stripboard, the calendar feeds.

Never a 500; a refusal (a 400, a 404, a form sent back) leaves the database as it was. Generated
by hypothesis from tests/hostile.py; each example runs in a transaction that is rolled back.
"""

import uuid
from datetime import date
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from hhprod.feeds.models import CalendarFeed, PersonLogin
from hhprod.shooting.models import Take

from .. import factories as make
from ..hostile import HOSTILE, examples
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db
EVERY_APP = ("productions", "rigs", "shooting", "office", "planning", "onset", "feeds", "paperwork")
# What str.isdigit() calls a digit and int() cannot read.
NOT_DIGITS = ["²", "³", "①"]


@pytest.fixture
def set_(django_user_model):
    """A day being shot today with a scene on the board, a rig unit and its wearer; a producer logged in."""
    prod = make.production("Hardcore Henry")
    day = make.shoot_day(prod, 1, scheduled=timezone.localdate(), actual=None)
    scene = make.scene(prod, "4")
    make.strip(day, scene, order=1)
    rig = make.rig(in_service_from=date(2000, 1, 1))
    unit = make.unit(rig)
    wearer = make.wearer(prod)
    producer = django_user_model.objects.create_superuser("producer", "p@example.com", "pw")
    PersonLogin.objects.create(user=producer, person=wearer)
    browser = Client()
    browser.force_login(producer)
    _, token = CalendarFeed.issue(producer)
    return {"prod": prod, "day": day, "scene": scene, "rig": rig, "unit": unit, "wearer": wearer,
            "browser": browser, "token": token}  # fmt: skip


def row(s, **values):
    typed = {"scene": "4", "setup": "", "number": "1", "length": "2:05", "status": "G", "camera": "", "notes": ""}
    return {**typed, "key": str(uuid.uuid4()), "unit": f"unit-{s['unit'].pk}", "wearer": s["wearer"].pk, **values}


def answered(response):
    assert response.status_code < 500, response.status_code
    return response


def rolled_back(check):
    """Runs check in a transaction that is undone, so the next example sees the same shoot."""
    with transaction.atomic():
        check()
        transaction.set_rollback(True)


@pytest.mark.parametrize("production", NOT_DIGITS)
def test_a_stripboard_picker_value_that_is_no_number_is_a_bad_request(set_, production):
    response = set_["browser"].get(reverse("stripboard_index"), {"production": production})
    assert response.status_code == 400
    assert f"?production= takes a number; {production!r} is not one." in response.content.decode()


@pytest.mark.parametrize("wearer", NOT_DIGITS)
def test_a_preview_wearer_that_is_no_number_is_a_bad_request(set_, wearer):
    url = reverse("onset:preview", args=[set_["day"].pk])
    response = set_["browser"].get(url, {"scene": "4", "length": "1:00", "wearer": wearer})
    assert response.status_code == 400
    assert response.json() == {"errors": {"wearer": [f"?wearer= takes a number; {wearer!r} is not one."]}}


@pytest.mark.parametrize("kind", ["unit", "rig"])
@pytest.mark.parametrize("number", NOT_DIGITS)
def test_a_rig_unit_that_is_no_number_is_a_form_error_and_no_take(set_, kind, number):
    url = reverse("onset:save-take", args=[set_["day"].pk])
    response = set_["browser"].post(url, row(set_, unit=f"{kind}-{number}"))
    assert response.status_code == 400
    assert response.json() == {"errors": {"unit": ["Choose the rig unit (or the rig) from the list."]}}
    assert not Take.objects.exists()


UNITS = st.one_of(HOSTILE, HOSTILE.map("unit-".__add__), HOSTILE.map("rig-".__add__))


def test_hostile_take_rows_are_refused_without_a_trace(set_):
    url = reverse("onset:save-take", args=[set_["day"].pk])
    before = database_snapshot(EVERY_APP)
    fields = sorted(row(set_))

    @examples(60)
    @given(st.dictionaries(st.sampled_from(fields), HOSTILE, max_size=4), UNITS | st.none())
    @example({}, "rig-²")
    def check(hostile, unit):
        def post():
            typed = {**row(set_), **hostile, **({} if unit is None else {"unit": unit})}
            response = answered(set_["browser"].post(url, typed))
            if response.status_code >= 400:
                assert database_snapshot(EVERY_APP) == before, typed
            else:
                answered(set_["browser"].get(reverse("onset:take-logging", args=[set_["day"].pk])))

        rolled_back(post)

    check()


def test_hostile_previews_get_an_answer_or_a_bad_request(set_):
    url = reverse("onset:preview", args=[set_["day"].pk])
    before = database_snapshot(EVERY_APP)

    @examples(40)
    @given(st.dictionaries(st.sampled_from(["scene", "setup", "length", "wearer"]), HOSTILE, min_size=1))
    @example({"wearer": "²"})
    @example({"scene": "1\x00"})  # PostgreSQL refuses a NUL in a query: it was a 500 there
    @example({"setup": "A\x00"})
    def check(query):
        assert answered(set_["browser"].get(url, query)).status_code in (200, 400)
        assert database_snapshot(EVERY_APP) == before

    check()


@pytest.mark.parametrize("name", ["scene", "setup"])
def test_a_nul_in_a_previews_text_is_a_bad_request_naming_it(set_, name):
    response = set_["browser"].get(reverse("onset:preview", args=[set_["day"].pk]), {name: "1\x00"})
    assert response.status_code == 400
    assert response.json() == {"errors": {name: [f"?{name}= holds a NUL character, which no text here may hold."]}}


def test_hostile_stripboard_pickers_get_a_board_or_a_refusal(set_):
    before = database_snapshot(EVERY_APP)

    @examples(40)
    @given(HOSTILE)
    def check(production):
        response = answered(set_["browser"].get(reverse("stripboard_index"), {"production": production}))
        assert response.status_code in (302, 400, 404)
        assert database_snapshot(EVERY_APP) == before

    check()


def test_hostile_moves_and_locks_are_refused_without_a_trace(set_):
    prod = set_["prod"]
    sent = {
        "move": {"scene": set_["scene"].pk, "part": "", "day": set_["day"].pk, "position": 1, "version": 0},
        "lock": {"name": "White", "dated": "2013-09-01", "reason": "First lock"},
    }
    accepted = {"move": 200, "lock": 302}  # a refused lock is its form sent back
    names = sorted({*sent["move"], *sent["lock"]})
    before = database_snapshot(EVERY_APP)

    @examples(40)
    @given(st.sampled_from(["move", "lock"]), st.dictionaries(st.sampled_from(names), HOSTILE, min_size=1, max_size=3))
    def check(page, hostile):
        def post():
            url = reverse(f"stripboard_{page}", args=[prod.pk])
            response = answered(set_["browser"].post(url, {**sent[page], **hostile}))
            if response.status_code != accepted[page]:
                assert database_snapshot(EVERY_APP) == before, hostile

        rolled_back(post)

    check()


def test_hostile_calendar_addresses_open_nothing(set_):
    before = database_snapshot(EVERY_APP)
    poller = Client()

    @examples(40)
    @given(st.one_of(HOSTILE, st.just(set_["token"])), HOSTILE)
    def check(token, production):
        token, production = quote(token, safe=""), quote(production, safe="")
        for url in (f"/calendars/{token}/schedule-{production}.ics", f"/calendars/{token}/calls.ics"):
            answered(poller.get(url))
        assert answered(set_["browser"].post(reverse("feeds:mine"), {"action": production})).status_code == 200
        assert database_snapshot(EVERY_APP) == before

    check()


def test_hostile_ids_in_the_addresses_of_the_pages(set_):
    before = database_snapshot(EVERY_APP)

    @examples(40)
    @given(HOSTILE)
    def check(segment):
        def visit():
            day, production = f"/set/day/{quote(segment, safe='')}", f"/plan/{quote(segment, safe='')}"
            for url in (f"{day}/takes/", f"{day}/takes/preview/", f"{production}/stripboard/"):
                answered(set_["browser"].get(url))
            for url in (f"{day}/takes/save/", f"{production}/stripboard/undo/"):
                if answered(set_["browser"].post(url, row(set_))).status_code >= 400:
                    assert database_snapshot(EVERY_APP) == before, url

        rolled_back(visit)

    check()
