"""The rigs report's units and health incidents: exact figures on a hand-built production."""

from datetime import date

import pytest
from django.urls import reverse

from hhprod.reports.rigs import incidents_by, unit_totals

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_units():
    """v2 #1 worn by two wearers over two days with two faults (one open); v2 #2 unworn with one
    fault found between days; another production's take and fault on #1 that must not count."""
    prod, other = make.production(), make.production("Other feature")
    v2 = make.rig("v2", 2)
    first, second = make.unit(v2, 1), make.unit(v2, 2)
    ann, bob = make.wearer(prod, "Ann"), make.wearer(prod, "Bob")
    day1, day2 = make.shoot_day(prod, 1, actual=date(2013, 9, 2)), make.shoot_day(prod, 2, actual=date(2013, 9, 3))
    scene = make.scene(prod, "1")
    make.take(day1, scene, v2, ann, number=1, length=1800, rig_unit=first)
    make.take(day1, scene, v2, ann, number=2, length=1800, rig_unit=first)
    make.take(day2, scene, v2, bob, number=3, length=3600, rig_unit=first)
    make.fault(first, "mount", day=day1, minutes_lost=15, fixed_on=date(2013, 9, 2))
    make.fault(first, "overheating", day=day2, minutes_lost=40)
    make.fault(second, "battery", day=None, minutes_lost=5)
    elsewhere = make.shoot_day(other, 1, actual=date(2013, 9, 2))
    make.take(elsewhere, make.scene(other, "1"), v2, make.wearer(other, "Cy"), length=600, rig_unit=first)
    make.fault(first, "card", day=elsewhere, minutes_lost=99)
    make.incident(day1, ann, "neck_strain", minutes_lost=20)
    make.incident(day2, ann, "motion_sickness", minutes_lost=10)
    make.incident(day2, bob, "neck_strain", minutes_lost=30)
    make.incident(elsewhere, bob, "neck_strain", minutes_lost=77)
    return prod


def test_units_show_takes_time_worn_wearers_faults_and_time_lost(two_units):
    rows = [
        (str(u), u.rig.name, u.take_count, u.seconds, u.wearer_count, u.fault_count, u.minutes_lost, u.open_faults)
        for u in unit_totals(two_units)
    ]
    assert rows == [("v2 #1", "v2", 3, 7200, 2, 2, 55, 1), ("v2 #2", "v2", 0, 0, 0, 1, 5, 1)]


def test_incidents_count_by_kind_and_by_wearer(two_units):
    by_kind = [(r["kind"], r["incident_count"], r["minutes_lost"]) for r in incidents_by(two_units, "kind")]
    assert by_kind == [("motion_sickness", 1, 10), ("neck_strain", 2, 50)]
    by_wearer = [
        (r["person__name"], r["incident_count"], r["minutes_lost"]) for r in incidents_by(two_units, "person__name")
    ]
    assert by_wearer == [("Ann", 2, 30), ("Bob", 1, 30)]


def test_the_rigs_page_shows_units_in_hours_and_incidents(two_units, staff_client):
    page = staff_client.get(reverse("reports:report", args=[two_units.pk, "rigs"])).content.decode()
    assert "<h3>Units</h3>" in page and "Health incidents by kind" in page and "Health incidents by wearer" in page
    assert "v2 #1" in page and '<td class="number">2.0</td>' in page  # 7,200 seconds worn: 2.0 hours
    assert "Motion sickness" in page
