"""The two portable SQL expressions behind the reports, on whichever database the suite runs."""

from datetime import date

import pytest
from django.db.models import Q

from hhprod.productions.models import Person
from hhprod.reports.expressions import GroupConcat, SubqueryCount
from hhprod.shooting.models import Take

from . import factories as make

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
