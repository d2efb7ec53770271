"""Every inline holds its parent's first rows only (FirstRowsFormSet), with a link to the model's list
filtered to that parent: a page costs the same queries for a parent of a few rows or of many."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import escape

from hhprod.lib.admin import FirstRowsFormSet
from hhprod.paperwork.models import DayReport, Delay
from hhprod.planning.models import RevisionDay, ScheduleRevision
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Fit, Mounting, Rig, RigUnit
from hhprod.shooting.models import Fault
from tests import factories as make

pytestmark = pytest.mark.django_db
FEW, MANY = 1, 4
BOUND = 2  # the page's bound in these tests: MANY rows are more than it holds
START = date(2013, 9, 2)


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def production_with_credits(rows):
    prod = make.production(f"Credits {rows}")
    for n in range(rows):
        make.wearer(prod, f"Wearer {rows}-{n}")
    return prod


def person_with_trips(rows):
    prod, person = make.production(f"Trips {rows}"), make.person(f"Traveller {rows}")
    for n in range(rows):
        make.trip(person, prod, START + timedelta(days=10 * n), START + timedelta(days=10 * n + 2))
    return person


def rig_with_cameras(rows):
    rig = make.rig(f"Rig {rows}", version=100 + rows)
    for n in range(rows):
        make.camera(rig, serial=f"CAM-{rows}-{n}")
    return rig


def unit_with(rows, what):
    rig = make.rig(f"Unit rig {rows} {what}", version=200 + rows)
    unit = make.unit(rig)
    prod = make.production(f"Unit {rows} {what}")
    for n in range(rows):
        on = START + timedelta(days=n)
        if what == "mountings":
            make.mounting(make.camera(serial=f"M-{rows}-{n}"), unit, on, on)
        elif what == "fits":
            make.fit(unit, make.wearer(prod, f"Fitted {rows}-{n}"), on)
        else:
            make.fault(unit, day=make.shoot_day(prod, n + 1, actual=on))
    return unit


def revision_with_days(rows):
    prod = make.production(f"Revision {rows}")
    for n in range(rows):
        make.shoot_day(prod, n + 1, scheduled=START + timedelta(days=n), actual=None, status="scheduled")
    lock_schedule(prod, name="Approved", reason="Studio approval", dated=START - timedelta(days=10))
    return ScheduleRevision.objects.get(production=prod)


def report_with_delays(rows):
    report = make.day_report(make.shoot_day(make.production(f"Report {rows}"), 1))
    for n in range(rows):
        make.delay(report, minutes=10 + n)
    return report


# parent model, its rows' model, the inline's prefix, a parent with n rows, the page's queries, its extra rows
PARENTS = {
    "production's credits": (Production, Credit, "credits", production_with_credits, 7, 0),
    "person's trips": (Person, Trip, "trips", person_with_trips, 7, 0),
    "rig's cameras": (Rig, Camera, "cameras", rig_with_cameras, 5, 0),
    "rig unit's mountings": (RigUnit, Mounting, "mountings", lambda n: unit_with(n, "mountings"), 17, 0),
    "rig unit's fits": (RigUnit, Fit, "fits", lambda n: unit_with(n, "fits"), 17, 0),
    "rig unit's faults": (RigUnit, Fault, "faults", lambda n: unit_with(n, "faults"), 17, 0),
    "revision's days": (ScheduleRevision, RevisionDay, "days", revision_with_days, 5, 0),
    "day report's delays": (DayReport, Delay, "delays", report_with_delays, 9, 1),
}


@pytest.fixture(autouse=True)
def bound(monkeypatch):
    monkeypatch.setattr(FirstRowsFormSet, "most", BOUND)


@pytest.mark.parametrize("parent", PARENTS)
def test_a_parents_page_costs_the_same_queries_with_few_rows_or_many(parent, staff_client, django_assert_num_queries):
    model, _, _, make_parent, queries, _ = PARENTS[parent]
    for rows in (FEW, MANY):
        obj = make_parent(rows)
        ContentType.objects.clear_cache()  # a change page looks its content type up once per process: each pays
        with django_assert_num_queries(queries):
            response = staff_client.get(admin_url(model, "change", obj.pk))
        assert response.status_code == 200


@pytest.mark.parametrize("parent", PARENTS)
def test_a_parent_with_more_rows_than_the_bound_shows_the_bound_and_a_link_to_them_all(parent, staff_client):
    model, row_model, prefix, make_parent, _, extra = PARENTS[parent]
    obj = make_parent(MANY)
    page = staff_client.get(admin_url(model, "change", obj.pk)).content.decode()
    assert f'name="{prefix}-TOTAL_FORMS" value="{BOUND + extra}"' in page
    fk = next(f.name for f in row_model._meta.fields if f.is_relation and f.related_model is model)
    link = (
        f'<a href="{admin_url(row_model, "changelist")}?{fk}={obj.pk}">Every {row_model._meta.verbose_name} '
        f"of this {model._meta.verbose_name} →</a> (above, the first {BOUND})"
    )
    assert link in page


@pytest.mark.parametrize("parent", PARENTS)
def test_the_link_lists_every_row_of_that_parent_alone(parent, staff_client):
    model, row_model, _, make_parent, _, _ = PARENTS[parent]
    obj, other = make_parent(MANY), make_parent(FEW)
    fk = next(f.name for f in row_model._meta.fields if f.is_relation and f.related_model is model)
    response = staff_client.get(admin_url(row_model, "changelist") + f"?{fk}={obj.pk}")
    assert response.status_code == 200
    listed = response.context["cl"].result_list
    assert len(listed) == MANY and {getattr(row, f"{fk}_id") for row in listed} == {obj.pk} != {other.pk}
    assert escape(str(obj)) in response.content.decode()  # the filter names the parent, to be cleared
