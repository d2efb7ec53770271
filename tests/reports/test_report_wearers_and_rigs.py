"""Rig wearers and rigs reports: per-person and per-rig totals."""

from collections import Counter
from datetime import date

import pytest
from django.db.models import Sum
from django.urls import reverse

from hhprod.productions.models import Production
from hhprod.reports.rigs import rig_totals
from hhprod.reports.wearers import wearer_totals
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def henry(seed):
    return Production.objects.get(title="Hardcore Henry")


@pytest.fixture
def shoot():
    """A 5-minute daily limit; Ann wears twice on day 1 (6 min) and once on day 2; Bob once."""
    prod = make.production("Small shoot", daily_rig_limit_minutes=5)
    v1 = make.rig("t1", 91, in_service_to=date(2013, 9, 2))
    v2 = make.rig("t2", 92, material="plastic", in_service_from=date(2013, 9, 3))
    make.camera(v1, "CAM-1")
    make.camera(v1, "CAM-2")
    ann, bob = make.wearer(prod, "Ann"), make.wearer(prod, "Bob")
    scene = make.scene(prod)
    day1 = make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    day2 = make.shoot_day(prod, 2, actual=date(2013, 9, 3))
    make.take(day1, scene, v1, ann, number=1, length=200)
    make.take(day1, scene, v1, ann, number=2, length=160)
    make.take(day2, scene, v2, ann, number=3, length=290)
    make.take(day2, scene, v2, bob, number=4, length=45)
    return prod


def test_seed_has_thirteen_wearers_whose_takes_add_up(henry):
    rows = list(wearer_totals(henry))
    assert len(rows) == 13
    assert sum(r.take_count for r in rows) == Take.objects.filter(shoot_day__production=henry).count()
    assert all(r.longest <= 420 for r in rows)
    assert {r.rigs_used for r in rows} == {"v1,v2"}


def test_seed_days_over_the_limit_match_the_takes(henry):
    per_day = (
        Take.objects.filter(shoot_day__production=henry).values_list("wearer", "shoot_day").annotate(worn=Sum("length"))
    )
    expected = Counter(wearer for wearer, _, worn in per_day if worn > henry.daily_rig_limit_minutes * 60)
    got = {r.pk: r.days_over_limit for r in wearer_totals(henry) if r.days_over_limit}
    assert got == expected and sum(got.values()) > 0


def test_small_shoot_wearer_totals(shoot):
    rows = {r.name: r for r in wearer_totals(shoot)}
    ann, bob = rows["Ann"], rows["Bob"]
    assert (ann.take_count, ann.seconds_worn, ann.longest, ann.days_on_rig) == (3, 650, 290, 2)
    assert sorted(ann.rigs_used.split(",")) == ["t1", "t2"]
    assert ann.days_over_limit == 1  # 360 s on day 1; 290 s on day 2 is under 300
    assert (bob.take_count, bob.seconds_worn, bob.longest, bob.days_on_rig, bob.rigs_used) == (1, 45, 45, 1, "t2")
    assert bob.days_over_limit == 0


def test_wearer_with_no_limit_set_has_no_days_over():
    prod = make.production("No limit", daily_rig_limit_minutes=None)
    rig, who = make.rig(), make.wearer(prod)
    make.take(make.shoot_day(prod), make.scene(prod), rig, who, length=420)
    assert [r.days_over_limit for r in wearer_totals(prod)] == [None]


def test_small_shoot_rig_totals(shoot):
    v1, v2 = rig_totals(shoot).filter(name__in=["t1", "t2"])
    assert sorted(v1.camera_serials.split(",")) == ["CAM-1", "CAM-2"]
    assert (v1.take_count, v1.seconds, v1.wearer_count) == (2, 360, 1)
    assert (v2.camera_serials, v2.take_count, v2.seconds, v2.wearer_count) == (None, 2, 335, 2)


def test_seed_rigs(henry):
    v1, v2 = rig_totals(henry).filter(name__in=["v1", "v2"])
    assert (v1.material, v2.material) == ("metal", "plastic")
    assert v1.take_count + v2.take_count == Take.objects.filter(shoot_day__production=henry).count()
    assert v1.take_count == Take.objects.filter(shoot_day__actual_date__lt=date(2014, 3, 1)).count()
    assert (v1.camera_serials, v2.camera_serials) == ("GP3-0001", "GP3-0002")
    assert v1.wearer_count == v2.wearer_count == 13


def test_rig_with_no_takes_on_this_production_shows_zero(shoot):
    other = make.production("Other")
    assert [(r.name, r.take_count, r.seconds) for r in rig_totals(other)] == [("t1", 0, 0), ("t2", 0, 0)]


@pytest.mark.parametrize("slug, queries", [("wearers", 5), ("rigs", 8)])  # rigs: + units, incidents by kind, by wearer
def test_pages_have_fixed_queries(slug, queries, henry, shoot, staff_client, django_assert_num_queries):
    for prod in (henry, shoot):
        with django_assert_num_queries(queries):
            response = staff_client.get(reverse("reports:report", args=[prod.pk, slug]))
        assert response.status_code == 200


def test_wearers_page_lists_the_director(henry, staff_client):
    page = staff_client.get(reverse("reports:report", args=[henry.pk, "wearers"])).content.decode()
    assert "Ilya Naishuller" in page and "10 minutes" in page
