"""The article's facts, read back through the ORM after loading the fixture."""

import json
import runpy
from pathlib import Path

import pytest
from django.db.models import Max

from hhprod.planning.models import ShootDay
from hhprod.productions.models import Person, Production, Trip
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
pytestmark = pytest.mark.django_db


@pytest.fixture
def henry(seed):
    return Production.objects.get(title="Hardcore Henry")


def test_fixture_is_what_the_generator_writes():
    generator = runpy.run_path(str(FIXTURES / "build_hardcore_henry.py"))
    assert generator["render"]() == (FIXTURES / "hardcore_henry.json").read_text()


def test_every_record_says_where_it_comes_from():
    records = json.loads((FIXTURES / "hardcore_henry.json").read_text())
    assert records and all(r["fields"]["source"].strip() for r in records)


def test_thirteen_people_wore_the_rig_on_hardcore_henry(henry):
    wearers = Take.objects.filter(shoot_day__production=henry).values("wearer").distinct()
    assert wearers.count() == 13


def test_the_director_is_the_one_named_wearer_the_others_are_unnamed(henry):
    wearers = Person.objects.filter(takes_worn__shoot_day__production=henry).distinct()
    named = [p.name for p in wearers if not p.name.startswith("Unnamed ")]
    assert named == ["Ilya Naishuller"]
    assert {p.trade for p in wearers} == {"director", "stunt performer", "cinematographer"}


def test_every_credited_wearer_wore_the_rig_at_least_once(henry):
    credited = set(henry.credits.filter(wears_rig=True).values_list("person", flat=True))
    worn = set(Take.objects.filter(shoot_day__production=henry).values_list("wearer", flat=True))
    assert credited == worn and len(credited) == 13


def test_forty_five_days_scheduled_and_one_hundred_and_twenty_shot(henry):
    assert henry.planned_days == 45
    assert ShootDay.objects.filter(production=henry, scheduled_date__isnull=False).count() == 45
    assert ShootDay.objects.filter(production=henry, status="shot").count() == 120


def test_sharlto_copley_went_back_to_russia_three_times(henry):
    trips = Trip.objects.filter(person__name="Sharlto Copley", production=henry)
    assert trips.count() == 3
    assert all("Russia" in trip.destination for trip in trips)


def test_no_take_is_over_seven_minutes(henry):
    assert henry.max_take_seconds == 420
    assert Take.objects.aggregate(longest=Max("length"))["longest"] <= 420


def test_every_take_passes_model_validation(henry):
    for take in Take.objects.select_related("shoot_day__production", "scene__production", "rig", "wearer"):
        take.full_clean()


def test_rig_v1_is_metal_and_v2_is_plastic(seed):
    assert Rig.objects.get(version=1).material == "metal"
    assert Rig.objects.get(version=2).material == "plastic"


def test_one_camera_model_the_gopro_hero_3(seed):
    assert list(Camera.objects.order_by().values_list("model", flat=True).distinct()) == ["GoPro Hero 3"]


def test_the_productions_from_the_article(seed):
    assert dict(Production.objects.values_list("title", "kind")) == {
        "Hardcore Henry": "feature",
        "The Stampede": "music_video",
        "Bad Motherf****r": "music_video",
        "Hardcore Henry sequel": "planned_sequel",
    }


def test_the_cast_and_backer_from_the_article(henry):
    cast = set(henry.credits.filter(role="cast").values_list("person__name", flat=True))
    assert cast == {"Sharlto Copley", "Haley Bennett", "Tim Roth"}
    assert henry.credits.get(role="producer").person.name == "Timur Bekmambetov"
    assert henry.credits.get(role="director").person.name == "Ilya Naishuller"
