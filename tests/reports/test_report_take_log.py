"""Take log (the camera report): filters, sorting, pagination, fixed queries."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from hhprod.planning.models import Scene
from hhprod.productions.models import Person, Production
from hhprod.rigs.models import Rig
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def henry(seed):
    return Production.objects.get(title="Hardcore Henry")


def take_log(client, production, **params):
    response = client.get(reverse("reports:report", args=[production.pk, "take-log"]), params)
    assert response.status_code == 200
    return response


def shown(response):
    return list(response.context["content"].tables[0][1].paginated_rows)


def test_first_page_shows_fifty_of_all_takes(henry, staff_client):
    response = take_log(staff_client, henry)
    table = response.context["content"].tables[0][1]
    assert len(shown(response)) == 50
    assert table.paginator.count == Take.objects.filter(shoot_day__production=henry).count()


def test_second_page(henry, staff_client):
    first = [row.record.pk for row in shown(take_log(staff_client, henry))]
    second = [row.record.pk for row in shown(take_log(staff_client, henry, page=2))]
    assert len(second) == 50 and not set(first) & set(second)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": "circled"}, lambda: Take.objects.filter(status="circled")),
        ({"day_from": 10, "day_to": 12}, lambda: Take.objects.filter(shoot_day__number__range=(10, 12))),
        ({"wearer": lambda: Person.objects.get(name="Ilya Naishuller").pk},
         lambda: Take.objects.filter(wearer__name="Ilya Naishuller")),
        ({"rig": lambda: Rig.objects.get(name="v2").pk}, lambda: Take.objects.filter(rig__name="v2")),
        ({"scene": "3"}, lambda: Take.objects.filter(scene__number="3")),
    ],
    ids=["status", "day range", "wearer", "rig", "scene"],
)  # fmt: skip
def test_filters(params, expected, henry, staff_client):
    params = {key: value() if callable(value) else value for key, value in params.items()}
    response = take_log(staff_client, henry, per_page=1000, **params)
    got = sorted(row.record.pk for row in shown(response))
    assert got == sorted(expected().values_list("pk", flat=True)) and got


def test_sort_by_length_descending(henry, staff_client):
    rows = shown(take_log(staff_client, henry, sort="-length"))
    assert rows[0].record.length == 420
    assert [r.record.length for r in rows] == sorted((r.record.length for r in rows), reverse=True)


def test_scene_of_another_production_is_refused_not_crashed(henry, staff_client):
    other = make.production("Other")
    foreign = make.scene(other, "99")
    assert not Scene.objects.filter(production=henry, number="99").exists()
    response = take_log(staff_client, henry, scene=foreign.number)
    assert "Select a valid choice" in response.content.decode()


def test_nonsense_filter_values_do_not_crash(henry, staff_client):
    response = take_log(staff_client, henry, day_from="abc", status="nope", page=9999)
    assert "Enter a whole number" in response.content.decode()


def test_queries_are_fixed_with_and_without_filters(henry, staff_client, django_assert_num_queries):
    director = Person.objects.get(name="Ilya Naishuller")
    # 9: the rig units' list in the filter is one query more than before the camera report's fields.
    with django_assert_num_queries(9):
        take_log(staff_client, henry)
    with django_assert_num_queries(11):  # two more: the scene and the wearer are checked
        take_log(staff_client, henry, status="good", wearer=director.pk, scene="3")


def test_a_production_with_one_take(staff_client, django_assert_num_queries):
    prod = make.production("One take")
    make.take(make.shoot_day(prod, actual=date(2013, 9, 2)), make.scene(prod), make.rig(), make.wearer(prod))
    with django_assert_num_queries(9):
        response = take_log(staff_client, prod)
    assert len(shown(response)) == 1


@pytest.fixture
def camera_report():
    """Four takes of one scene that differ in setup, roll, unit and the MOS/VFX flags."""
    prod = make.production("Camera report")
    day, scene, rig, wearer = make.shoot_day(prod), make.scene(prod, "12"), make.rig(), make.wearer(prod)
    first, second = make.unit(rig, 1), make.unit(rig, 2)
    takes = [
        make.take(day, scene, rig, wearer, 1, roll="A001", rig_unit=first, clip_name="GOPR0042.MP4"),
        make.take(day, scene, rig, wearer, 2, roll="A001", rig_unit=first, mos=True),
        make.take(day, scene, rig, wearer, 1, setup="A", roll="A002", rig_unit=second, vfx=True),
        make.take(day, scene, rig, wearer, 2, setup="A", roll="A002", rig_unit=second, mos=True, vfx=True,
                  field_of_view="wide", resolution="1080p", frame_rate=48),
    ]  # fmt: skip
    return prod, takes, (first, second)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"roll": "a002"}, [2, 3]),
        ({"setup": "A"}, [2, 3]),
        ({"setup": "-"}, [0, 1]),
        ({"rig_unit": 0}, [0, 1]),
        ({"mos": "true"}, [1, 3]),
        ({"vfx": "true", "mos": "false"}, [2]),
    ],
    ids=["roll, any case", "setup", "first setup", "unit", "MOS", "VFX not MOS"],
)
def test_camera_report_filters(params, expected, camera_report, staff_client):
    prod, takes, units = camera_report
    if "rig_unit" in params:
        params["rig_unit"] = units[params["rig_unit"]].pk
    got = [row.record.pk for row in shown(take_log(staff_client, prod, **params))]
    assert sorted(got) == sorted(takes[index].pk for index in expected)


def test_camera_report_columns_in_the_csv(camera_report, staff_client):
    prod, _, _ = camera_report
    response = staff_client.get(reverse("reports:report", args=[prod.pk, "take-log"]), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    last = rows[-1]
    assert (last["Scene"], last["Setup"], last["Take"], last["Unit"], last["Roll"]) == (
        "12",
        "A",
        "2",
        "Test rig #2",
        "A002",
    )
    assert (last["FOV"], last["Resolution"], last["FPS"], last["MOS"], last["VFX"]) == (
        "Wide",
        "1080p (1920×1080)",
        "48 fps",
        "MOS",
        "VFX",
    )
    assert (rows[0]["Clip"], rows[0]["MOS"], rows[0]["VFX"]) == ("GOPR0042.MP4", "", "")
