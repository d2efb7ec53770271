"""Input the admin once answered with a 500: each now gets a 4xx, a form error or a message, and changes nothing."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from hhprod.planning.models import Scene, ShootDay
from hhprod.productions.models import Credit, Production
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def shoot():
    prod = make.production("Hardcore Henry")
    day = make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    rig = make.rig("v1", 1, in_service_from=date(2013, 8, 1))
    take = make.take(day, make.scene(prod), rig, make.wearer(prod, "Unnamed stunt performer 1"))
    return {"production": prod, "day": day, "take": take}


def url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def test_a_take_sent_back_with_a_day_that_is_no_id_is_a_form_error(shoot, staff_client):
    data = form_data(staff_client.get(url(Take, "change", shoot["take"].pk)))
    before = database_snapshot()
    response = staff_client.post(url(Take, "add"), {**data, "number": "2", "shoot_day": "1\x00"})
    assert response.status_code == 200 and "shoot_day" in response.context["adminform"].form.errors
    assert database_snapshot() == before


@pytest.mark.parametrize("path", ["abc/history/", "9223372036854775808/history/", "1/history/x/", "1/history/１٢/"])
def test_history_pages_of_ids_that_cannot_exist_are_not_found(shoot, staff_client, path):
    assert staff_client.get(url(Take, "changelist") + path).status_code == 404


def test_a_day_moved_out_of_its_rigs_service_names_the_rig_and_its_takes(shoot, staff_client):
    day = shoot["day"]
    data = form_data(staff_client.get(url(ShootDay, "change", day.pk)))
    before = database_snapshot()
    response = staff_client.post(url(ShootDay, "change", day.pk), {**data, "actual_date": "0001-01-01"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["actual_date"] == [
        "Rig v1 (Metal) was not in service on 0001-01-01 (in service 2013-08-01 to today): "
        "1 take of this day was shot on it. Correct those takes' rig first, or keep the date."
    ]
    assert database_snapshot() == before


@pytest.mark.parametrize(
    "parameters",
    [
        {"production__id__exact": str(2**63)},
        {"production__exact": "1" + "0" * 30},
        {"status__exact": "shot\x00"},
        {"pk__in": f"1,{2**64}"},
    ],
)
def test_changelist_filters_no_database_can_compare_are_refused(shoot, staff_client, parameters):
    assert staff_client.get(url(ShootDay, "changelist"), parameters).status_code == 400


@pytest.mark.parametrize(
    "parameters",
    [
        {"actual_date__year": "9999"},
        {"actual_date__year": "9999", "actual_date__month": "12"},
        {"actual_date__year": "9999", "actual_date__month": "12", "actual_date__day": "31"},
        {"actual_date__year": "99999"},
    ],
)
def test_a_date_hierarchy_step_past_the_last_date_is_refused(shoot, staff_client, parameters):
    response = staff_client.get(url(ShootDay, "changelist"), parameters)
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


def test_a_tampered_inline_that_would_duplicate_a_credit_saves_nothing(shoot, staff_client):
    prod = shoot["production"]
    data = form_data(staff_client.get(url(Production, "change", prod.pk)))
    before = database_snapshot()
    response = staff_client.post(url(Production, "change", prod.pk), {**data, "credits-INITIAL_FORMS": "0"})
    assert response.status_code == 302
    assert database_snapshot() == before and Credit.objects.count() == 1
    page = staff_client.get(response["Location"]).content.decode()
    assert "Nothing was saved: the database refused it" in page


def test_days_at_the_edges_of_the_calendar_show_on_every_admin_page(shoot, staff_client):
    day = shoot["day"]
    ShootDay.objects.filter(pk=day.pk).update(scheduled_date=date(1, 1, 1), actual_date=date(9999, 12, 31))
    make.shoot_day(shoot["production"], 2, actual=date(1, 1, 1))
    for page in [
        url(ShootDay, "changelist"),
        url(ShootDay, "changelist") + "?actual_date__year=1",
        url(ShootDay, "change", day.pk),
        url(ShootDay, "history", day.pk),
        url(Take, "changelist"),
        url(Take, "change", shoot["take"].pk),
    ]:
        assert staff_client.get(page).status_code == 200, page


@pytest.mark.parametrize(
    "arguments, reason",
    [
        (["takes\x00.csv", "--production", "Hardcore Henry"], "NUL character"),
        (["takes.csv", "--production", "Hardcore\x00"], "NUL character"),
        (["takes.csv", "--production", "Hardcore Henry", "--user", "\x00"], "NUL character"),
        (["/", "--production", "Hardcore Henry"], "give a .csv, .xlsx or .ale file"),
        (["/tmp/" + "x" * 300 + ".csv", "--production", "Hardcore Henry"], "Cannot read"),
        (["/nonexistent/takes.csv", "--production", "Hardcore Henry"], "Cannot read"),
    ],
)
def test_import_takes_ends_with_a_one_line_reason(shoot, arguments, reason):
    with pytest.raises(CommandError) as refused:
        call_command("import_takes", *arguments)
    assert reason in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("field", ["max_take_seconds", "planned_days", "daily_rig_limit_minutes"])
def test_a_count_beyond_the_databases_column_is_a_form_error(shoot, staff_client, field):
    prod = shoot["production"]
    beyond = connection.ops.integer_field_range("PositiveIntegerField")[1] + 1
    data = form_data(staff_client.get(url(Production, "change", prod.pk)))
    before = database_snapshot()
    response = staff_client.post(url(Production, "change", prod.pk), {**data, field: str(beyond)})
    assert response.status_code == 200
    assert "less than or equal to" in str(response.context["adminform"].form.errors[field])
    assert database_snapshot() == before


@pytest.mark.parametrize("cast", ["9223372036854775808", "1\x00", "-1", "abc"])
def test_a_scene_cast_that_no_credit_can_have_is_a_form_error(shoot, staff_client, cast):
    scene = shoot["take"].scene
    data = form_data(staff_client.get(url(Scene, "change", scene.pk)))
    before = database_snapshot()
    response = staff_client.post(url(Scene, "change", scene.pk), {**data, "cast": [cast]})
    assert response.status_code == 200
    assert "cast" in response.context["adminform"].form.errors
    assert database_snapshot() == before
