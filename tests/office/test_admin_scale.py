"""Admin pages cost the same number of queries on a small and a ten-times larger production.

Each page is asked on two synthetic productions (more days, people and takes in the
larger one), so a query per row on any list or inline shows up as a different count.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from hhprod.lib.admin import FirstRowsFormSet
from hhprod.planning.models import DayCall, Scene, ShootDay
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

from ..database import wipe_office_records

pytestmark = pytest.mark.django_db

SIZES = {
    "small": {"days": 40, "takes": 200, "people": 4},
    "large": {"days": 120, "takes": 2000, "people": 13},
}


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


@pytest.fixture(autouse=True)
def cold_content_types():
    """Change pages look up their content type once per process and cache it: every page here
    pays for the lookup, and leaves the cache as cold as it found it for other modules' counts."""
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


@pytest.fixture(scope="module", params=SIZES)
def production(request, django_db_setup, django_db_blocker):
    """Generated once per size for the whole module (each test's own writes are rolled back)."""
    with django_db_blocker.unblock():
        call_command("generate_production", seed=3, stdout=io.StringIO(), **SIZES[request.param])
        yield Production.objects.get()
        wipe_office_records()


def busiest_day(production):
    return ShootDay.objects.filter(production=production).annotate(n=Count("takes")).order_by("-n").first()


def travelling_person(production):
    return Person.objects.filter(trips__production=production).annotate(n=Count("trips")).order_by("-n").first()


# Queries per changelist. Every list but the takes (a full page of 100 on both sizes)
# shows more rows on the larger production.
CHANGELISTS = {
    Production: 5,
    Person: 5,
    Credit: 6,
    Trip: 8,
    Rig: 5,
    Camera: 7,
    ShootDay: 8,
    DayCall: 6,
    Scene: 6,
    Take: 6,
}


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_the_production(production, staff_client, django_assert_num_queries, model):
    with django_assert_num_queries(CHANGELISTS[model]):
        response = staff_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    ["status__exact=circled", "rig__id__exact={rig}", "shoot_day__production__id__exact={production}", "q=stunt"],
)
def test_filtered_take_list_queries_do_not_grow(production, staff_client, django_assert_num_queries, query):
    rig = Rig.objects.order_by("pk").first()
    with django_assert_num_queries(6):
        response = staff_client.get(
            admin_url(Take, "changelist") + "?" + query.format(rig=rig.pk, production=production.pk)
        )
    assert response.status_code == 200
    assert response.context["cl"].result_list


CHANGE_PAGES = {
    "shoot day with its calls, its takes a link": (ShootDay, busiest_day, 9),
    "production with its credits": (Production, lambda production: production, 7),
    "person with trips": (Person, travelling_person, 7),
    "take": (Take, lambda production: Take.objects.filter(shoot_day__production=production).first(), 12),  # + its unit
    "rig with its cameras": (Rig, lambda production: Rig.objects.first(), 5),
    "trip": (Trip, lambda production: Trip.objects.first(), 7),
    "credit": (Credit, lambda production: Credit.objects.first(), 8),
    "day call": (DayCall, lambda production: DayCall.objects.first(), 10),
    "scene with its breakdown": (Scene, lambda production: Scene.objects.first(), 8),
    "camera": (Camera, lambda production: Camera.objects.first(), 5),
}


@pytest.mark.parametrize("page", CHANGE_PAGES)
def test_change_page_queries_do_not_grow(production, staff_client, django_assert_num_queries, page):
    model, pick, queries = CHANGE_PAGES[page]
    obj = pick(production)
    with django_assert_num_queries(queries):
        response = staff_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200


def test_the_busiest_days_page_links_to_its_takes_rather_than_listing_them(production, staff_client):
    day = busiest_day(production)
    page = staff_client.get(admin_url(ShootDay, "change", day.pk)).content.decode()
    assert "takes-TOTAL_FORMS" not in page
    link = f'<a href="{admin_url(Take, "changelist")}?shoot_day={day.pk}">{day.n:,} takes on this day →</a>'
    assert link in page
    assert f'name="calls-TOTAL_FORMS" value="{day.calls.count()}"' in page


def test_the_days_page_shows_its_first_calls_only(production, staff_client, monkeypatch):
    monkeypatch.setattr(FirstRowsFormSet, "most", 2)
    day = busiest_day(production)
    page = staff_client.get(admin_url(ShootDay, "change", day.pk)).content.decode()
    assert day.calls.count() > 2 and 'name="calls-TOTAL_FORMS" value="2"' in page
    assert f'<a href="{admin_url(DayCall, "changelist")}?shoot_day={day.pk}">Every call on this day →</a>' in page


def test_the_days_takes_are_listed_a_page_at_a_time(production, staff_client, django_assert_num_queries):
    day = busiest_day(production)
    with django_assert_num_queries(7):  # the take list's 6, and the day its filter names
        response = staff_client.get(admin_url(Take, "changelist") + f"?shoot_day={day.pk}")
    takes = response.context["cl"].result_list
    assert len(takes) == min(day.n, 100) and {take.shoot_day_id for take in takes} == {day.pk}
    assert f"{day}" in response.content.decode()  # the filter names the day, to be cleared


def posted_back(response):
    """The change form's data as the browser would send it back unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data |= {management.add_prefix(name): value for name, value in management.initial.items()}
        forms += inline.formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
    return data


def test_a_call_is_changed_on_its_shoot_day_page(production, staff_client, monkeypatch):
    monkeypatch.setattr(FirstRowsFormSet, "most", 2)
    day = busiest_day(production)
    url = admin_url(ShootDay, "change", day.pk)
    data = posted_back(staff_client.get(url))
    call = DayCall.objects.get(pk=data["calls-0-id"])
    data["calls-0-notes"] = "Picked up at the hotel"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    call.refresh_from_db()
    assert call.notes == "Picked up at the hotel"


def test_new_takes_are_logged_in_the_take_admin_not_on_the_day_page(production, staff_client):
    response = staff_client.get(admin_url(ShootDay, "change", busiest_day(production).pk))
    assert [inline.formset.prefix for inline in response.context["inline_admin_formsets"]] == ["calls"]
    assert "Log a take on this day" in response.content.decode()
