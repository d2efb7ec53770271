"""Rig units: the cameras mounted on them over time, fits, faults, a take's unit, wearers' incidents."""

import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef, Q
from django.urls import reverse

from hhprod.rigs.models import Fit, Mounting, RigUnit
from hhprod.shooting.models import Fault, HealthIncident, Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def v2():
    return make.rig("v2", version=2, material="plastic", in_service_from=date(2014, 3, 1))


def refused(obj, field):
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return " ".join(caught.value.message_dict[field])


def test_a_unit_is_named_by_its_rig_and_number(v2):
    assert str(make.unit(v2, 2)) == "v2 #2"


def test_a_unit_number_is_unique_within_its_rig(v2):
    make.unit(v2, 1)
    assert refused(RigUnit(rig=v2, number=1), "__all__") == "This rig already has a unit with this number."
    with pytest.raises(IntegrityError), transaction.atomic():
        RigUnit.objects.create(rig=v2, number=1)


def test_which_camera_was_on_which_unit_on_a_date(v2):
    first, second = make.unit(v2, 1), make.unit(v2, 2)
    moved, stayed = make.camera(v2, "GP3-1"), make.camera(v2, "GP3-2")
    make.mounting(moved, first, date(2014, 3, 1), date(2014, 4, 30))
    make.mounting(moved, second, date(2014, 5, 1))
    make.mounting(stayed, first, date(2014, 5, 2))

    def on(day):
        return set(Mounting.objects.mounted_on(day).values_list("camera__serial", "unit__number"))

    assert on(date(2014, 2, 28)) == set()
    assert on(date(2014, 4, 30)) == {("GP3-1", 1)}
    assert on(date(2014, 5, 1)) == {("GP3-1", 2)}
    assert on(date(2015, 1, 1)) == {("GP3-1", 2), ("GP3-2", 1)}


def test_a_camera_on_two_units_at_once_is_refused(v2):
    first, second = make.unit(v2, 1), make.unit(v2, 2)
    gopro = make.camera(v2, "GP3-1")
    make.mounting(gopro, first, date(2014, 3, 1), date(2014, 4, 30))
    clash = Mounting(camera=gopro, unit=second, mounted_from=date(2014, 4, 30))
    assert refused(clash, "camera") == (
        "GoPro Hero 3 #GP3-1 is already mounted then: GoPro Hero 3 #GP3-1 on v2 #1 from 2014-03-01 to 2014-04-30."
    )


def test_two_cameras_on_one_unit_at_once_is_refused(v2):
    unit = make.unit(v2, 1)
    make.mounting(make.camera(v2, "GP3-1"), unit, date(2014, 3, 1))
    clash = Mounting(
        camera=make.camera(v2, "GP3-2"), unit=unit, mounted_from=date(2014, 2, 1), mounted_to=date(2014, 3, 1)
    )
    assert refused(clash, "unit") == (
        "v2 #1 already carries a camera then: GoPro Hero 3 #GP3-1 on v2 #1 from 2014-03-01 to now."
    )


def test_a_mounting_that_ends_before_it_starts_is_refused(v2):
    backwards = Mounting(
        camera=make.camera(v2), unit=make.unit(v2), mounted_from=date(2014, 3, 2), mounted_to=date(2014, 3, 1)
    )
    assert refused(backwards, "__all__") == "A camera cannot come off a unit before it is mounted."
    with pytest.raises(IntegrityError), transaction.atomic():
        backwards.save()


def test_a_fault_is_open_until_it_is_fixed(v2):
    unit = make.unit(v2)
    day = make.shoot_day(make.production(), actual=date(2014, 3, 4))
    overheated = make.fault(unit, "overheating", day, minutes_lost=40)
    make.fault(unit, "battery", day, minutes_lost=5, fixed_on=date(2014, 3, 4))
    assert list(Fault.objects.open()) == [overheated] and overheated.is_open
    overheated.fixed_on = date(2014, 3, 5)
    overheated.save()
    assert not Fault.objects.open().exists() and not overheated.is_open


def test_a_fault_fixed_before_it_was_reported_is_refused(v2):
    day = make.shoot_day(make.production(), actual=date(2014, 3, 4))
    early = Fault(unit=make.unit(v2), kind="mount", shoot_day=day, fixed_on=date(2014, 3, 3))
    assert refused(early, "fixed_on") == "Fixed on 2014-03-03, before it was reported on 2014-03-04."


def test_a_unit_is_fitted_to_each_wearer(v2):
    prod = make.production()
    unit = make.unit(v2)
    fitted = [make.wearer(prod, f"Unnamed stunt performer {n}") for n in (1, 2)]
    for who in fitted:
        Fit.objects.create(unit=unit, wearer=who, fitted_on=date(2014, 3, 1), notes="Extra padding at the brow")
    assert list(unit.fits.values_list("wearer__name", flat=True)) == [p.name for p in fitted]


def test_a_wearers_incidents_on_a_day_add_up_the_time_lost():
    prod = make.production()
    day = make.shoot_day(prod)
    who = make.wearer(prod, "Unnamed stunt performer 1")
    make.incident(day, who, "neck_strain", minutes_lost=30)
    make.incident(day, who, "motion_sickness", minutes_lost=15)
    assert str(HealthIncident.objects.get(kind="neck_strain")) == f"Neck strain: {who} on {day}"
    assert sum(day.health_incidents.values_list("minutes_lost", flat=True)) == 45


@pytest.fixture
def shoot(v2):
    prod = make.production()
    return {
        "shoot_day": make.shoot_day(prod, actual=date(2014, 3, 4)),
        "scene": make.scene(prod),
        "rig": v2,
        "wearer": make.wearer(prod),
        "number": 1,
        "length": 120,
    }


def test_a_take_on_a_unit_of_its_rig_is_accepted(shoot, v2):
    Take(**shoot, rig_unit=make.unit(v2, 2)).full_clean()


def test_a_take_on_a_unit_of_another_rig_is_refused(shoot):
    v1 = make.rig("v1", version=1, in_service_from=date(2013, 8, 1))
    message = refused(Take(**shoot, rig_unit=make.unit(v1, 1)), "rig_unit")
    assert message == "Unit v1 #1 is a unit of v1 (Metal), not of v2 (3D-printed plastic)."


# Queries for each new changelist: the same with one row as with many (the mountings' date
# hierarchy reads the range of dates and the years: two more).
CHANGELISTS = {RigUnit: 6, Mounting: 8, Fit: 6, Fault: 6, HealthIncident: 6}


@pytest.fixture
def rig_records(shoot, v2):
    def add(count):
        for n in range(count):
            unit = RigUnit.objects.create(rig=v2, number=RigUnit.objects.count() + 1)
            camera = make.camera(v2, f"GP3-{unit.number}")
            make.mounting(camera, unit, date(2014, 3, 1))
            Fit.objects.create(unit=unit, wearer=shoot["wearer"], fitted_on=date(2014, 3, 1))
            make.fault(unit, "card", shoot["shoot_day"])
            make.incident(shoot["shoot_day"], shoot["wearer"], minutes_lost=n)

    return add


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_its_rows(rig_records, staff_client, django_assert_num_queries, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for count in (1, 4):
        rig_records(count)
        with django_assert_num_queries(CHANGELISTS[model]):
            assert staff_client.get(url).status_code == 200


def test_the_unit_list_counts_takes_and_open_faults(shoot, v2, staff_client):
    unit = make.unit(v2, 1)
    Take.objects.create(**shoot, rig_unit=unit)
    Take.objects.create(**{**shoot, "number": 2}, rig_unit=unit)
    make.fault(unit, "mount", minutes_lost=10)
    make.fault(unit, "battery", minutes_lost=5, fixed_on=date(2014, 3, 5))
    rows = staff_client.get(reverse("admin:rigs_rigunit_changelist")).context["cl"].result_list
    assert [(str(u), u.take_count, u.open_fault_count, u.fault_minutes) for u in rows] == [("v2 #1", 2, 1, 15)]


def test_the_unit_page_edits_its_mountings_fits_and_faults(v2, staff_client):
    unit = make.unit(v2)
    page = staff_client.get(reverse("admin:rigs_rigunit_change", args=[unit.pk])).content.decode()
    for inline in ["mountings-TOTAL_FORMS", "fits-TOTAL_FORMS", "faults-TOTAL_FORMS"]:
        assert f'name="{inline}"' in page


def test_changes_to_units_and_faults_are_recorded(v2):
    unit = make.unit(v2)
    fault = make.fault(unit)
    fault.fixed_on = date(2014, 3, 5)
    fault.save()
    assert unit.history.count() == 1
    assert [record.fixed_on for record in fault.history.order_by("history_id")] == [None, date(2014, 3, 5)]


OWN = {
    "Producer": {"rigunit", "mounting", "fit", "fault", "healthincident"},
    "Rig technician": {"rigunit", "mounting", "fit", "fault"},
    "Script supervisor": {"healthincident"},
    "Assistant director": {"healthincident"},
    "Viewer": set(),
}


@pytest.mark.parametrize("role", OWN)
def test_each_role_views_the_rig_records_and_changes_only_its_own(role):
    granted = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
    for model in ["rigunit", "mounting", "fit", "fault", "healthincident"]:
        assert f"view_{model}" in granted
        for action in ["add", "change", "delete"]:
            assert (f"{action}_{model}" in granted) is (model in OWN[role]), (action, model)


def test_the_rig_technician_records_a_fault_and_cannot_log_an_incident(shoot, v2, client, django_user_model):
    user = django_user_model.objects.create_user("tech", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Rig technician"))
    client.force_login(user)
    unit = make.unit(v2, 2)
    response = client.post(
        reverse("admin:shooting_fault_add"),
        {"unit": unit.pk, "kind": "overheating", "shoot_day": shoot["shoot_day"].pk, "minutes_lost": 25},
    )
    assert response.status_code == 302
    assert Fault.objects.get().unit == unit
    assert client.get(reverse("admin:shooting_healthincident_add")).status_code == 403


def test_each_seeded_take_is_on_the_unit_its_camera_was_mounted_on_that_day(seed):
    mounted = Mounting.objects.filter(
        Q(mounted_to__isnull=True) | Q(mounted_to__gte=OuterRef("shoot_day__actual_date")),
        camera=OuterRef("camera"),
        unit=OuterRef("rig_unit"),
        mounted_from__lte=OuterRef("shoot_day__actual_date"),
    )
    takes = Take.objects.filter(shoot_day__production__title="Hardcore Henry")
    assert takes.filter(Exists(mounted)).count() == takes.count() > 0
    assert set(takes.values_list("rig_unit__number", "rig__name").distinct()) == {(1, "v1"), (2, "v1"), (1, "v2")}


def test_the_seeds_units_and_what_hangs_on_them_are_illustrative(seed):
    for model in [RigUnit, Mounting, Fit, Fault, HealthIncident]:
        sources = list(model.objects.values_list("source", flat=True))
        assert sources and all("illustrative" in source for source in sources), model.__name__
    assert [str(fault) for fault in Fault.objects.open()] == ["Overheating fault on v2 #2"]


def test_generated_takes_are_on_the_unit_carrying_their_camera_in_setups_of_eight():
    call_command("generate_production", days=20, takes=200, people=4, seed=3, stdout=io.StringIO())
    takes = Take.objects.filter(shoot_day__production__title="Synthetic production (seed 3, 200 takes)")
    assert not takes.filter(rig_unit__isnull=True).exists()
    assert not takes.exclude(rig_unit__rig=F("rig")).exists()
    assert not takes.exclude(rig_unit__mountings__camera=F("camera")).exists()
    assert set(takes.values_list("setup", flat=True)) == {"", "A", "B", "C", "D"}
    assert takes.aggregate(most=Max("number"))["most"] == 8


# Queries for a History page: the same at 3 entries and at 30.
HISTORY_QUERIES = {RigUnit: 6, Fault: 7}


@pytest.mark.parametrize("model", HISTORY_QUERIES, ids=lambda m: m.__name__)
def test_the_history_page_of_units_and_faults_costs_the_same_however_long(
    v2, staff_client, django_assert_num_queries, model
):
    make.fault(make.unit(v2))
    obj = model.objects.get()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[obj.pk])
    staff_client.get(url)  # the first visit fills the content-type cache
    for entries in (3, 30):
        while obj.history.count() < entries:
            obj.save()
        with django_assert_num_queries(HISTORY_QUERIES[model]):
            assert f"{entries} entries" in staff_client.get(url).content.decode()
