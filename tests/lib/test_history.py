"""Every change to takes, shoot days, calls, trips, rigs and credits is kept: who, when, what."""

from datetime import date, time

import pytest
from django.urls import reverse

from hhprod.planning.models import DayCall, ShootDay
from hhprod.productions.models import Credit, Trip
from hhprod.rigs.models import Rig
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def shoot():
    prod = make.production()
    day = make.shoot_day(prod)
    rig = make.rig()
    wearer = make.wearer(prod, "Unnamed stunt performer 1")
    return {
        "production": prod,
        "day": day,
        "rig": rig,
        "wearer": wearer,
        "take": make.take(day, make.scene(prod), rig, wearer, length=120),
        "call": make.call(day, wearer),
        "trip": make.trip(wearer, prod, date(2013, 9, 1), date(2013, 9, 5)),
    }


def history_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.mark.parametrize(
    "model, change",
    [
        (Take, {"length": 300}),
        (ShootDay, {"location": "Moscow"}),
        (DayCall, {"call_time": time(6, 30)}),
        (Trip, {"destination": "Cape Town"}),
        (Rig, {"weight_grams": 900}),
        (Credit, {"character": "Henry"}),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_a_change_is_recorded_with_what_changed(shoot, model, change):
    obj = model.objects.get()
    for field, value in change.items():
        setattr(obj, field, value)
    obj.save()
    latest, created = obj.history.all()[:2]
    assert latest.history_type == "~" and created.history_type == "+"
    delta = latest.diff_against(created)
    assert delta.changed_fields == list(change)
    assert [getattr(latest, field) for field in change] == list(change.values())


def test_admin_edit_records_who_made_it_and_the_history_page_shows_it(shoot, staff_client):
    take = shoot["take"]
    response = staff_client.post(
        change_url(take),
        {
            "scene": take.scene_id, "number": take.number, "shoot_day": take.shoot_day_id, "length": 305,
            "rig": take.rig_id, "wearer": take.wearer_id, "status": "circled", "notes": "", "source": "",
        },
    )  # fmt: skip
    assert response.status_code == 302
    latest = take.history.first()
    assert latest.history_user.username == "office"
    assert latest.diff_against(latest.prev_record).changed_fields == ["length", "status"]

    page = staff_client.get(history_url(take)).content.decode()
    assert "office" in page
    assert "length (seconds)" in page.lower() and "120" in page and "305" in page


def test_deleting_a_take_keeps_its_history(shoot, staff_client):
    take_id = shoot["take"].pk
    response = staff_client.post(reverse("admin:shooting_take_delete", args=[take_id]), {"post": "yes"})
    assert response.status_code == 302
    assert not Take.objects.filter(pk=take_id).exists()
    deleted = Take.history.filter(id=take_id).first()
    assert deleted.history_type == "-" and deleted.history_user.username == "office"


# Queries for an object's History page: the same at 3 entries and at 30.
HISTORY_QUERIES = {Take: 6, ShootDay: 6, DayCall: 8, Trip: 6, Rig: 5, Credit: 7}


@pytest.mark.parametrize("model", HISTORY_QUERIES, ids=lambda m: m.__name__)
def test_history_page_costs_the_same_however_long_the_history(shoot, staff_client, django_assert_num_queries, model):
    obj = model.objects.get()
    staff_client.get(history_url(obj))  # the first visit fills the content-type cache
    for entries in (3, 30):
        while obj.history.count() < entries:
            obj.save()
        with django_assert_num_queries(HISTORY_QUERIES[model]):
            page = staff_client.get(history_url(obj)).content.decode()
        assert f"{entries} entries" in page
