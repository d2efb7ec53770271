"""The two portable SQL expressions behind the reports, on whichever database the suite runs."""

from datetime import date

import pytest
from django.db.models import Q

from hhprod.lib.expressions import DaysBetween, GroupConcat, SubqueryCount
from hhprod.planning.models import ShootDay
from hhprod.productions.models import Person
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def takes():
    prod = make.production()
    v1, v2 = make.rig("t1", 91), make.rig("t2", 92, material="plastic")
    ann = make.wearer(prod, "Ann")
    scene, day = make.scene(prod), make.shoot_day(prod, actual=date(2013, 9, 2))
    for number, rig, status in [(1, v2, "good"), (2, v1, "circled"), (3, v2, "circled")]:
        make.take(day, scene, rig, ann, number=number, status=status)
    return ann


def test_group_concat_joins_distinct_values(takes):
    names = Person.objects.filter(pk=takes.pk).annotate(rigs=GroupConcat("takes_worn__rig__name", distinct=True))
    assert sorted(names.get().rigs.split(",")) == ["t1", "t2"]


def test_group_concat_with_a_filter(takes):
    circled = GroupConcat("takes_worn__number", distinct=True, filter=Q(takes_worn__status="circled"))
    assert sorted(Person.objects.annotate(circled=circled).get(pk=takes.pk).circled.split(",")) == ["2", "3"]


def test_subquery_count_counts_rows(takes):
    rigs_used = Take.objects.filter(wearer=takes).order_by().values("rig").distinct()
    assert Person.objects.annotate(n=SubqueryCount(rigs_used)).get(pk=takes.pk).n == 2


def test_days_between_counts_whole_days_either_way_and_keeps_missing_dates_empty():
    prod = make.production()
    make.shoot_day(prod, 1, scheduled=date(2013, 9, 10), actual=date(2013, 9, 2))  # shot early
    make.shoot_day(prod, 2, scheduled=date(2013, 12, 30), actual=date(2014, 1, 2))  # across a year
    make.shoot_day(prod, 3, scheduled=None, actual=date(2014, 1, 3))  # added day
    slips = ShootDay.objects.filter(production=prod).order_by("number")
    assert list(slips.values_list(DaysBetween("actual_date", "scheduled_date"), flat=True)) == [-8, 3, None]
