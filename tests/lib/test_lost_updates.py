"""Two people editing the same record: the second save from a stale form is refused, never a silent revert."""

from datetime import date, time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hhprod.planning.board import move_strip
from hhprod.planning.models import DayCall, ShootDay, Strip
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def shoot():
    prod = make.production()
    day = make.shoot_day(prod, location="Moscow")
    wearer = make.wearer(prod, "Unnamed stunt performer 1")
    take = make.take(day, make.scene(prod), make.rig(), wearer, length=120, status="good")
    return {"day": day, "take": take, "call": make.call(day, wearer)}


@pytest.fixture
def two_offices(django_user_model):
    """Two logged-in users, each with their own browser."""
    first, second = Client(), Client()
    first.force_login(django_user_model.objects.create_superuser("producer", "p@example.com", "pw"))
    second.force_login(django_user_model.objects.create_superuser("script", "s@example.com", "pw"))
    return first, second


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def opened(browser, obj):
    response = browser.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response)


def errors_on(response):
    forms = [response.context["adminform"].form]
    forms += [form for inline in response.context["inline_admin_formsets"] for form in inline.formset.forms]
    return " ".join(str(error) for form in forms for error in form.non_field_errors())


def test_second_save_from_a_stale_take_form_is_refused_and_keeps_the_first(shoot, two_offices):
    producer, script = two_offices
    take = shoot["take"]
    first_form, second_form = opened(producer, take), opened(script, take)

    first_form.update(length="300", status="circled")
    assert producer.post(change_url(take), first_form).status_code == 302
    second_form.update(notes="Lens fogged")
    response = script.post(change_url(take), second_form)

    assert response.status_code == 200
    message = errors_on(response)
    assert "changed by producer" in message
    assert "length (seconds): yours 120, now saved 300" in message
    assert "status: yours Good, now saved Circled" in message
    assert "notes: yours Lens fogged, now saved (empty)" in message
    take.refresh_from_db()
    assert (take.length, take.status, take.notes) == (300, "circled", "")


def test_the_refused_user_can_reload_and_save(shoot, two_offices):
    producer, script = two_offices
    take = shoot["take"]
    stale = opened(script, take)
    producer.post(change_url(take), {**opened(producer, take), "length": "300"})
    assert script.post(change_url(take), {**stale, "notes": "Lens fogged"}).status_code == 200

    fresh = opened(script, take)
    assert script.post(change_url(take), {**fresh, "notes": "Lens fogged"}).status_code == 302
    take.refresh_from_db()
    assert (take.length, take.notes) == (300, "Lens fogged")


def test_an_unchanged_form_can_be_saved_again_and_again(shoot, staff_client):
    take = shoot["take"]
    for _ in range(3):
        response = staff_client.post(change_url(take), {**opened(staff_client, take), "_continue": "1"})
        assert response.status_code == 302
    take.refresh_from_db()
    assert take.length == 120 and take.version == 4


@pytest.mark.parametrize(
    "record, first_change, second_change, message",
    [
        ("day", {"location": "Sochi"}, {"notes": "Rain"}, "location: yours Moscow, now saved Sochi"),
        ("call", {"call_time": "06:30"}, {"notes": "Late"}, "call time: yours 07:00:00, now saved 06:30:00"),
    ],
)
def test_stale_shoot_day_and_call_forms_are_refused(shoot, two_offices, record, first_change, second_change, message):
    producer, script = two_offices
    obj = shoot[record]
    first_form, second_form = opened(producer, obj), opened(script, obj)
    assert producer.post(change_url(obj), {**first_form, **first_change}).status_code == 302
    response = script.post(change_url(obj), {**second_form, **second_change})
    assert response.status_code == 200 and message in errors_on(response)
    obj.refresh_from_db()
    assert obj.notes == ""


def test_stale_call_row_on_the_shoot_day_page_is_refused(shoot, two_offices):
    producer, script = two_offices
    call, day = shoot["call"], shoot["day"]
    stale_day_page = opened(script, day)
    assert producer.post(change_url(call), {**opened(producer, call), "wrap_time": "20:00"}).status_code == 302

    response = script.post(change_url(day), {**stale_day_page, "calls-0-notes": "Late"})

    assert response.status_code == 200
    assert "wrap time: yours 19:00:00, now saved 20:00:00" in errors_on(response)
    call.refresh_from_db()
    assert (call.wrap_time, call.notes) == (time(20, 0), "")


def test_a_take_changed_only_outside_the_day_page_does_not_block_it(shoot, two_offices):
    """The day's page links to its takes rather than holding them: a take saved meanwhile cannot block it."""
    producer, script = two_offices
    take, day = shoot["take"], shoot["day"]
    stale_day_page = opened(script, day)
    assert producer.post(change_url(take), {**opened(producer, take), "source": "illustrative"}).status_code == 302

    response = script.post(change_url(day), {**stale_day_page, "calls-0-notes": "Late"})

    assert response.status_code == 302
    take.refresh_from_db()
    assert take.source == "illustrative" and DayCall.objects.get().notes == "Late"


def test_stale_day_form_is_refused_even_when_only_a_row_changed(shoot, two_offices):
    """The day itself is saved with the page, so its stale fields would revert the first user's."""
    producer, script = two_offices
    day = shoot["day"]
    stale_day_page = opened(script, day)
    assert producer.post(change_url(day), {**opened(producer, day), "location": "Sochi"}).status_code == 302

    response = script.post(change_url(day), {**stale_day_page, "calls-0-notes": "Late"})

    assert response.status_code == 200
    assert ShootDay.objects.get().location == "Sochi" and DayCall.objects.get().notes == ""


def test_the_version_counter_is_not_in_the_history(shoot):
    take = shoot["take"]
    take.notes = "Lens fogged"
    take.save()
    latest = take.history.first()
    assert latest.diff_against(latest.prev_record).changed_fields == ["notes"]
    assert Take.objects.get().version == 2


def test_code_that_saves_without_a_form_still_moves_the_version(shoot):
    day = ShootDay.objects.get()
    day.actual_date = date(2013, 9, 3)
    day.save(update_fields=["actual_date"])
    day.save()
    assert ShootDay.objects.get().version == 3 and day.version == 3


def test_pages_carry_the_version_they_were_opened_at(shoot, staff_client):
    day = shoot["day"]
    page = staff_client.get(change_url(day)).content.decode()
    assert '<input type="hidden" name="version" value="1"' in page
    assert '<input type="hidden" name="calls-0-version" value="1"' in page


def test_the_version_is_checked_on_a_locked_row(shoot, staff_client):
    """The check waits for another save of the same row to commit, where the database can lock rows."""
    take = shoot["take"]
    form = opened(staff_client, take)
    with CaptureQueriesContext(connection) as queries:
        assert staff_client.post(change_url(take), form).status_code == 302
    locking = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"]]
    assert len(locking) == (1 if connection.features.has_select_for_update else 0)


@pytest.fixture
def office(shoot):
    """One of every record the office edits, around the shoot's day, take and wearer."""
    day, take = shoot["day"], shoot["take"]
    prod, wearer, rig, scene = day.production, take.wearer, take.rig, take.scene
    unit, camera, report = make.unit(rig), make.camera(rig), make.day_report(day)
    return {
        "production": prod,
        "person": wearer,
        "credit": wearer.credits.get(),
        "trip": make.trip(wearer, prod, date(2013, 8, 30), date(2013, 9, 10)),
        "rig": rig,
        "camera": camera,
        "unit": unit,
        "mounting": make.mounting(camera, unit, date(2013, 9, 1)),
        "fit": make.fit(unit, wearer, date(2013, 8, 31)),
        "fault": make.fault(unit, day=day),
        "scene": scene,
        "incident": make.incident(day, wearer),
        "strip": make.strip(day, scene),
        "calendar entry": make.calendar_entry(prod, "day_off", date(2013, 9, 3)),
        "location": make.location(),
        "day report": report,
        "delay": make.delay(report),
    }


def assert_kept(browser, obj, first_change, stale_form, second_change):
    """The first save's values are the record's; the refused form's are nowhere."""
    now = opened(browser, obj)
    assert {name: now.get(name) for name in first_change} == first_change
    assert {name: now.get(name) for name in second_change} == {name: stale_form.get(name) for name in second_change}


@pytest.mark.parametrize(
    "record, first_change, second_change, message",
    [
        ("production", {"planned_days": "45"}, {"notes": "Bond"}, "planned days: yours 10, now saved 45"),
        ("person", {"trade": "director"}, {"notes": "Fitted"}, "trade: yours stunt performer, now saved director"),
        ("credit", {"character": "Henry"}, {"source": "Poster"}, "character: yours (empty), now saved Henry"),
        ("trip", {"destination": "Sochi"}, {"source": "Visa"}, "destination: yours Moscow, Russia, now saved Sochi"),
        ("rig", {"weight_grams": "450"}, {"notes": "Padded"}, "weight (g): yours (empty), now saved 450"),
        ("camera", {"letter": "A"}, {"notes": "Scratch"}, "letter: yours (empty), now saved A"),
        ("unit", {"number": "2"}, {"notes": "Strap worn"}, "unit number: yours 1, now saved 2"),
        ("mounting", {"mounted_to": "2013-09-20"}, {"notes": "Tape"}, "yours (empty), now saved 2013-09-20"),
        ("fit", {"fitted_on": "2013-08-30"}, {"notes": "Pads"}, "fitted on: yours 2013-08-31, now saved 2013-08-30"),
        ("fault", {"minutes_lost": "40"}, {"notes": "Strap"}, "minutes lost: yours 15, now saved 40"),
        ("scene", {"synopsis": "Henry wakes"}, {"stunt_notes": "Wire"}, "synopsis: yours (empty), now saved Henry"),
        ("incident", {"minutes_lost": "45"}, {"notes": "Rested"}, "minutes lost: yours 20, now saved 45"),
        ("strip", {"screen_seconds": "30"}, {"page_eighths": "3"}, "(seconds): yours (empty), now saved 30"),
        ("calendar entry", {"note": "Crew rest"}, {"source": "Call sheet"}, "note: yours (empty), now saved Crew rest"),
        ("location", {"address": "Tverskaya 1"}, {"notes": "Parking"}, "address: yours Red Square, Moscow, now saved"),
        ("day report", {"crew_call": "07:00:00"}, {"notes": "Rain"}, "crew call: yours (empty), now saved 07:00:00"),
    ],
)  # fmt: skip
def test_a_stale_form_of_any_edited_record_is_refused(
    office, two_offices, record, first_change, second_change, message
):
    producer, script = two_offices
    obj = office[record]
    first_form, second_form = opened(producer, obj), opened(script, obj)
    assert producer.post(change_url(obj), {**first_form, **first_change}).status_code == 302

    response = script.post(change_url(obj), {**second_form, **second_change})

    assert response.status_code == 200
    assert "after you opened it, so nothing was saved" in errors_on(response) and message in errors_on(response)
    assert_kept(producer, obj, first_change, second_form, second_change)


@pytest.mark.parametrize(
    "parent, row, saved_elsewhere, row_change, message",
    [
        ("production", "credits", {"character": "Henry"}, {"source": "Poster"}, "character: yours (empty), now saved"),
        ("person", "trips", {"destination": "Sochi"}, {"source": "Visa"}, "now saved Sochi"),
        ("rig", "cameras", {"notes": "Scratch"}, {"serial": "CAM-9"}, "notes: yours (empty), now saved Scratch"),
        ("unit", "mountings", {"notes": "Tape"}, {"mounted_to": "2013-09-20"}, "notes: yours (empty), now saved Tape"),
        ("unit", "fits", {"notes": "Pads"}, {"fitted_on": "2013-08-30"}, "notes: yours (empty), now saved Pads"),
        ("unit", "faults", {"minutes_lost": 40}, {"notes": "Strap"}, "minutes lost: yours 15, now saved 40"),
        ("day report", "delays", {"minutes": 45}, {"note": "Rain"}, "minutes: yours 30, now saved 45"),
    ],
)  # fmt: skip
def test_a_stale_row_on_its_parents_page_is_refused(
    office, two_offices, parent, row, saved_elsewhere, row_change, message
):
    """A row changed elsewhere (its own page, a script) since the parent's page was opened."""
    _, script = two_offices
    page = office[parent]
    stale_page = opened(script, page)
    child = getattr(page, row).get()
    for name, value in saved_elsewhere.items():
        setattr(child, name, value)
    child.save()

    response = script.post(change_url(page), {**stale_page, **{f"{row}-0-{name}": v for name, v in row_change.items()}})

    assert response.status_code == 200 and message in errors_on(response)
    child.refresh_from_db()
    assert all(getattr(child, name) == value for name, value in saved_elsewhere.items())
    assert all(str(getattr(child, name)) != value for name, value in row_change.items())


def test_a_strips_planned_wearer_is_not_reverted_by_a_stale_form(office, two_offices):
    producer, script = two_offices
    strip, wearer = office["strip"], office["person"]
    first_form, second_form = opened(producer, strip), opened(script, strip)
    assert producer.post(change_url(strip), {**first_form, "wearer": str(wearer.pk)}).status_code == 302

    response = script.post(change_url(strip), {**second_form, "screen_seconds": "30"})

    assert response.status_code == 200
    assert "wearer: yours (empty), now saved Unnamed stunt performer 1" in errors_on(response)
    strip.refresh_from_db()
    assert (strip.wearer, strip.screen_seconds) == (wearer, None)


def test_a_stale_strip_form_does_not_undo_moves_on_the_stripboard(office, staff_client):
    """The moved strip and the one that closed up behind it both moved on since their forms were opened
    (on a day not shot yet: a shot day's strips stay where they were shot)."""
    prod = office["strip"].shoot_day.production
    day = make.shoot_day(prod, number=3, scheduled=date(2013, 9, 5), actual=None)
    moved = make.strip(day, make.scene(prod, "3"), order=1)
    closed_up = make.strip(day, make.scene(prod, "2"), order=2)
    other_day = make.shoot_day(prod, number=2, scheduled=date(2013, 9, 9), actual=None)
    stale_moved, stale_closed_up = opened(staff_client, moved), opened(staff_client, closed_up)

    move_strip(prod, moved.scene_id, 1, other_day.pk, 1)

    refused = staff_client.post(change_url(moved), {**stale_moved, "screen_seconds": "30"})
    assert "shoot day: yours Test feature day 3, now saved Test feature day 2" in errors_on(refused)
    refused = staff_client.post(change_url(closed_up), {**stale_closed_up, "screen_seconds": "30"})
    assert "shooting order: yours 2, now saved 1" in errors_on(refused)
    moved_strips = Strip.objects.filter(scene__number__in=["2", "3"]).order_by("scene__number")
    assert list(moved_strips.values_list("scene__number", "shoot_day__number", "order", "screen_seconds")) == [
        ("2", 3, 1, None),
        ("3", 2, 1, None),
    ]


@pytest.mark.parametrize("record, field", [("credit", "character"), ("trip", "destination"), ("unit", "notes"),
                                           ("fault", "notes"), ("strip", "screen_seconds")])  # fmt: skip
def test_a_save_moves_the_version_but_not_the_history(office, record, field):
    obj = office[record]
    setattr(obj, field, 30 if field == "screen_seconds" else "Changed")
    obj.save()
    latest = obj.history.first()
    assert latest.diff_against(latest.prev_record).changed_fields == [field]
    assert type(obj).objects.get(pk=obj.pk).version == 2


def test_a_rigs_record_version_is_not_its_version_number(office, two_offices):
    """A rig's `version` is v1, v2; its save counter is `record_version`, out of the history too."""
    producer, script = two_offices
    rig = office["rig"]
    first_form, second_form = opened(producer, rig), opened(script, rig)
    assert first_form["record_version"] == "1" and first_form["version"] == "90"
    assert producer.post(change_url(rig), {**first_form, "version": "91"}).status_code == 302

    response = script.post(change_url(rig), {**second_form, "notes": "Padded"})

    assert "version: yours 90, now saved 91" in errors_on(response)
    rig.refresh_from_db()
    assert (rig.version, rig.record_version, rig.notes) == (91, 2, "")
    latest = rig.history.first()
    assert latest.diff_against(latest.prev_record).changed_fields == ["version"]
