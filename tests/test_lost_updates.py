"""Two people editing the same record: the second save from a stale form is refused, never a silent revert."""

from datetime import date, time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hhprod.shooting.models import DayCall, ShootDay, Take

from . import factories as make
from .admin_forms import form_data

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


def take_row(form, field):
    return next(key for key in form if key.startswith("takes-") and key.endswith(f"-{field}"))


def test_stale_take_row_on_the_shoot_day_page_is_refused(shoot, two_offices):
    producer, script = two_offices
    take, day = shoot["take"], shoot["day"]
    stale_day_page = opened(script, day)
    assert producer.post(change_url(take), {**opened(producer, take), "length": "300"}).status_code == 302

    response = script.post(change_url(day), {**stale_day_page, take_row(stale_day_page, "notes"): "Lens fogged"})

    assert response.status_code == 200
    assert "length (seconds): yours 120, now saved 300" in errors_on(response)
    take.refresh_from_db()
    assert (take.length, take.notes) == (300, "")


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
    """A take row shows some of the take's fields; a change to the others cannot be reverted from there."""
    producer, script = two_offices
    take, day = shoot["take"], shoot["day"]
    stale_day_page = opened(script, day)
    assert producer.post(change_url(take), {**opened(producer, take), "source": "illustrative"}).status_code == 302

    response = script.post(change_url(day), {**stale_day_page, "calls-0-notes": "Late"})

    assert response.status_code == 302
    take.refresh_from_db()
    assert take.source == "illustrative" and DayCall.objects.get().notes == "Late"


def test_a_stale_take_row_left_alone_is_refused_too(shoot, two_offices):
    """The stale page still shows the old length: saved as it is, it would put it back."""
    producer, script = two_offices
    take, day = shoot["take"], shoot["day"]
    stale_day_page = opened(script, day)
    assert producer.post(change_url(take), {**opened(producer, take), "length": "300"}).status_code == 302

    response = script.post(change_url(day), {**stale_day_page, "calls-0-notes": "Late"})

    assert response.status_code == 200 and "now saved 300" in errors_on(response)
    take.refresh_from_db()
    assert take.length == 300 and DayCall.objects.get().notes == ""


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
    assert '<input type="hidden" name="takes-0-version" value="1"' in page
    assert '<input type="hidden" name="calls-0-version" value="1"' in page


def test_the_version_is_checked_on_a_locked_row(shoot, staff_client):
    """The check waits for another save of the same row to commit, where the database can lock rows."""
    take = shoot["take"]
    form = opened(staff_client, take)
    with CaptureQueriesContext(connection) as queries:
        assert staff_client.post(change_url(take), form).status_code == 302
    locking = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"]]
    assert len(locking) == (1 if connection.features.has_select_for_update else 0)
