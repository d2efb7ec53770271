"""Every admin page answers for staff with a fixed number of queries; visitors must log in."""

import pytest
from django.urls import reverse

from hhprod.planning.models import DayCall, Scene, ShootDay
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db

# Queries per page on the article's data: (changelist, add, change). Inline dropdowns
# and changelist columns are read once per page, never once per row.
QUERIES = {
    Production: (5, 5, 6),
    Person: (5, 5, 6),
    Credit: (6, 3, 7),
    Trip: (8, 3, 6),
    Rig: (5, 3, 4),
    Camera: (7, 3, 4),
    ShootDay: (8, 6, 9),  # a day at a location: its page names the location picked
    DayCall: (6, 3, 9),
    Scene: (6, 6, 7),  # its breakdown form reads the cast and rig choices, and a scene its own cast
    Take: (6, 3, 11),  # the change page reads the take's rig unit with its rig
}


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


@pytest.mark.parametrize("model", QUERIES, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages(seed, staff_client, django_assert_num_queries, model):
    changelist, add, change = QUERIES[model]
    first = model.objects.order_by("pk").first()
    for url, queries in [
        (admin_url(model, "changelist"), changelist),
        (admin_url(model, "add"), add),
        (admin_url(model, "change", first.pk), change),
    ]:
        with django_assert_num_queries(queries):
            response = staff_client.get(url)
        assert response.status_code == 200, url


def test_changelist_shows_the_articles_data(seed, staff_client):
    page = staff_client.get(admin_url(ShootDay, "changelist")).content.decode()
    assert "Hardcore Henry" in page and "120 shoot days" in page


def test_shoot_day_page_links_its_takes_and_lists_its_calls(seed, staff_client):
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=1)
    page = staff_client.get(admin_url(ShootDay, "change", day.pk)).content.decode()
    takes = day.takes.count()
    assert f'<a href="{admin_url(Take, "changelist")}?shoot_day={day.pk}">{takes} takes on this day →</a>' in page
    assert f'name="calls-TOTAL_FORMS" value="{day.calls.count()}"' in page
    assert takes > 1 and day.calls.count() > 0


@pytest.mark.parametrize("model", QUERIES, ids=lambda m: m.__name__)
def test_anonymous_visitor_is_sent_to_login(client, model):
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_take_over_the_maximum_is_refused_in_the_admin_and_not_saved(seed, staff_client):
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=1)
    scene = Scene.objects.get(production=day.production, number="1")
    wearer = Person.objects.get(name="Ilya Naishuller")
    before = Take.objects.count()
    response = staff_client.post(
        admin_url(Take, "add"),
        {
            "scene": scene.pk, "number": 99, "shoot_day": day.pk, "length": 450,
            "rig": Rig.objects.get(version=1).pk, "wearer": wearer.pk, "status": "good",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "A take of 7:30 (450 s) is longer than Hardcore Henry&#x27;s maximum of 7:00 (420 s)." in (
        response.content.decode()
    )
    assert Take.objects.count() == before


def test_valid_take_is_added_in_the_admin(seed, staff_client):
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=1)
    response = staff_client.post(
        admin_url(Take, "add"),
        {
            "scene": Scene.objects.get(production=day.production, number="1").pk, "number": 99,
            "shoot_day": day.pk, "length": 300, "rig": Rig.objects.get(version=1).pk,
            "camera": Camera.objects.get(rig__version=1).pk,
            "wearer": Person.objects.get(name="Ilya Naishuller").pk, "status": "circled",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert Take.objects.get(scene__number="1", number=99).length == 300


@pytest.mark.parametrize("model", QUERIES, ids=lambda m: m.__name__)
def test_forms_put_what_a_record_is_first_and_its_source_last(staff_client, model):
    fields = list(staff_client.get(admin_url(model, "add")).context["adminform"].form.fields)
    assert fields[-1] == "source" and fields[0] != "source"


def test_a_reader_sees_the_shoot_day_without_its_save_counter_or_a_link_to_log_a_take(seed, login_as):
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=1)
    page = login_as("Viewer").get(admin_url(ShootDay, "change", day.pk)).content.decode()
    assert "Hardcore Henry day 1" in page and "takes on this day →" in page
    assert "Moves on at every save" not in page and ">Version<" not in page.replace(" ", "")
    assert "Log a take on this day" not in page


def test_an_editor_gets_the_counter_as_a_hidden_field_and_the_link_to_log_a_take(seed, login_as):
    day = ShootDay.objects.get(production__title="Hardcore Henry", number=1)
    page = login_as("Producer").get(admin_url(ShootDay, "change", day.pk)).content.decode()
    assert '<input type="hidden" name="version" value="1"' in page
    assert '<input type="hidden" name="calls-0-version" value="1"' in page
    assert "Log a take on this day" in page
