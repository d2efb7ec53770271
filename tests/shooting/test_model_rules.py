"""Each rule of the data model: the bad value is refused with its message and nothing is saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from hhprod.planning.models import ShootDay
from hhprod.planning.slip import with_slip
from hhprod.productions.models import Trip
from hhprod.rigs.models import Rig, RigUnit
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def shoot():
    """One production with one shot day, one scene, one rig in service and one credited wearer."""
    prod = make.production(max_take_seconds=420)
    return {
        "production": prod,
        "day": make.shoot_day(prod, actual=date(2013, 9, 2)),
        "scene": make.scene(prod),
        "rig": make.rig(in_service_from=date(2013, 8, 1), in_service_to=date(2013, 12, 31)),
        "wearer": make.wearer(prod, "Unnamed stunt performer 1"),
    }


def unsaved_take(shoot, **fields):
    fields = {
        "shoot_day": shoot["day"], "scene": shoot["scene"], "rig": shoot["rig"],
        "wearer": shoot["wearer"], "number": 1, "length": 120, **fields,
    }  # fmt: skip
    return Take(**fields)


def refused(obj, field):
    """The messages full_clean() gives for `field`; the object must not validate."""
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return " ".join(caught.value.message_dict[field])


def test_a_valid_take_passes(shoot):
    unsaved_take(shoot).full_clean()


def test_take_longer_than_seven_minutes_is_refused(shoot):
    message = refused(unsaved_take(shoot, length=421), "length")
    assert message == ("A take of 7:01 (421 s) is longer than Test feature's maximum of 7:00 (420 s).")


def test_take_of_exactly_seven_minutes_is_allowed(shoot):
    unsaved_take(shoot, length=420).full_clean()


def test_take_of_no_length_is_refused_by_form_and_database(shoot):
    assert "at least one second" in refused(unsaved_take(shoot, length=0), "__all__")
    with pytest.raises(IntegrityError), transaction.atomic():
        unsaved_take(shoot, length=0).save()
    assert Take.objects.count() == 0


def test_take_number_is_unique_within_its_scene(shoot):
    unsaved_take(shoot).save()
    assert "already exists" in refused(unsaved_take(shoot), "__all__")
    with pytest.raises(IntegrityError), transaction.atomic():
        unsaved_take(shoot).save()
    assert Take.objects.count() == 1


def test_same_take_number_in_another_scene_is_fine(shoot):
    unsaved_take(shoot).save()
    unsaved_take(shoot, scene=make.scene(shoot["production"], "2")).full_clean()


def test_take_on_a_rig_out_of_service_is_refused(shoot):
    retired = make.rig("v0", 9, in_service_from=date(2013, 1, 1), in_service_to=date(2013, 6, 30))
    message = refused(unsaved_take(shoot, rig=retired), "rig")
    assert message == ("Rig v0 (Metal) was not in service on 2013-09-02 (in service 2013-01-01 to 2013-06-30).")


def test_take_on_a_rig_not_yet_in_service_is_refused(shoot):
    future = make.rig("v2", 2, material="plastic", in_service_from=date(2014, 3, 1))
    assert "was not in service on 2013-09-02" in refused(unsaved_take(shoot, rig=future), "rig")


def test_take_worn_by_someone_not_credited_as_wearer_is_refused(shoot):
    actor = make.person("Sharlto Copley", trade="actor")
    message = refused(unsaved_take(shoot, wearer=actor), "wearer")
    assert message == "Sharlto Copley is not credited as a rig wearer on Test feature."


def test_wearer_credited_on_another_production_is_refused(shoot):
    other = make.production("The Stampede", kind="music_video")
    elsewhere = make.wearer(other, "Ilya Naishuller")
    assert "not credited as a rig wearer on Test feature" in refused(unsaved_take(shoot, wearer=elsewhere), "wearer")


def test_take_on_a_day_not_shot_is_refused(shoot):
    planned = make.shoot_day(shoot["production"], number=2, scheduled=date(2013, 9, 3), actual=None)
    message = refused(unsaved_take(shoot, shoot_day=planned), "shoot_day")
    assert message == "Test feature day 2 was not shot (status: Scheduled); takes are logged on shot days only."


def test_take_on_a_day_of_another_production_is_refused(shoot):
    other = make.production("The Stampede", kind="music_video")
    foreign_day = make.shoot_day(other)
    assert "belongs to The Stampede" in refused(unsaved_take(shoot, shoot_day=foreign_day), "shoot_day")


def test_a_day_of_another_production_not_yet_shot_gets_both_reasons(shoot):
    other = make.production("The Stampede", kind="music_video")
    planned = make.shoot_day(other, scheduled=date(2013, 9, 3), actual=None)
    message = refused(unsaved_take(shoot, shoot_day=planned), "shoot_day")
    assert "belongs to The Stampede" in message and "was not shot (status: Scheduled)" in message


def test_day_number_is_unique_within_its_production(shoot):
    duplicate = ShootDay(production=shoot["production"], number=1, status="scheduled")
    assert "already exists" in refused(duplicate, "__all__")
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert ShootDay.objects.count() == 1


def test_same_day_number_in_another_production_is_fine(shoot):
    other = make.production("The Stampede", kind="music_video")
    ShootDay(production=other, number=1, status="scheduled").full_clean()


def test_actual_date_only_on_a_shot_day(shoot):
    day = ShootDay(production=shoot["production"], number=2, status="scheduled", actual_date=date(2013, 9, 3))
    assert "exactly when its status is Shot" in refused(day, "__all__")
    with pytest.raises(IntegrityError), transaction.atomic():
        day.save()
    assert ShootDay.objects.count() == 1


def test_shot_day_needs_its_actual_date(shoot):
    day = ShootDay(production=shoot["production"], number=2, status="shot")
    assert "exactly when its status is Shot" in refused(day, "__all__")


def test_trip_ending_before_it_starts_is_refused(shoot):
    backwards = Trip(
        person=shoot["wearer"], production=shoot["production"], destination="Moscow",
        starts=date(2013, 9, 10), ends=date(2013, 9, 1),
    )  # fmt: skip
    assert refused(backwards, "__all__") == "A trip cannot end before it starts."
    with pytest.raises(IntegrityError), transaction.atomic():
        backwards.save()
    assert Trip.objects.count() == 0


def test_one_day_trip_is_fine(shoot):
    make.trip(shoot["wearer"], shoot["production"], date(2013, 9, 1), date(2013, 9, 1))


def test_rig_leaving_service_before_entering_it_is_refused():
    rig = Rig(
        name="v3", version=3, material="plastic", in_service_from=date(2014, 1, 2), in_service_to=date(2014, 1, 1)
    )
    assert refused(rig, "__all__") == "A rig cannot leave service before it enters it."
    with pytest.raises(IntegrityError), transaction.atomic():
        rig.save()
    assert Rig.objects.count() == 0


def test_rig_in_service_on_checks_both_ends(shoot):
    rig = shoot["rig"]
    assert rig.in_service_on(date(2013, 8, 1)) and rig.in_service_on(date(2013, 12, 31))
    assert not rig.in_service_on(date(2013, 7, 31)) and not rig.in_service_on(date(2014, 1, 1))
    assert list(Rig.objects.in_service_on(date(2013, 12, 31))) == [rig]
    assert list(Rig.objects.in_service_on(date(2014, 1, 1))) == []


def test_slip_is_actual_minus_scheduled_before_a_baseline_is_locked(shoot):
    make.shoot_day(shoot["production"], number=2, scheduled=date(2013, 9, 3), actual=date(2013, 9, 10))
    slips = dict(with_slip(ShootDay.objects.all()).values_list("number", "slip"))
    assert slips == {1: None, 2: 7}


def test_retiring_a_rig_before_its_own_takes_is_refused_naming_them(henry):
    v1 = Rig.objects.get(name="v1")
    v1.in_service_to = date(2013, 10, 31)
    assert refused(v1, "in_service_to") == (
        "21 takes on days 45–50 (2013-11-01 to 2013-11-08) would fall outside its service, e.g. "
        "Hardcore Henry day 50: Scene 17 take 6; Hardcore Henry day 50: Scene 17 take 5; "
        "Hardcore Henry day 49: Scene 17 take 4. Correct those takes' rig first, or keep the dates."
    )


def test_a_rig_entering_service_after_its_first_takes_is_refused(henry):
    v2 = Rig.objects.get(name="v2")
    v2.in_service_from = date(2014, 3, 4)
    assert refused(v2, "in_service_from") == (
        "5 takes on day 51 (2014-03-03) would fall outside its service, e.g. Hardcore Henry day 51: "
        "Scene 17 take 7; Hardcore Henry day 51: Scene 17 take 8; Hardcore Henry day 51: Scene 17 take 9. "
        "Correct those takes' rig first, or keep the dates."
    )


def test_service_dates_that_keep_every_take_are_fine(henry):
    v1 = Rig.objects.get(name="v1")
    v1.in_service_from, v1.in_service_to = date(2013, 9, 2), date(2013, 11, 8)
    v1.full_clean()


def test_the_admin_refuses_a_retirement_that_strands_takes(henry, staff_client):
    v1 = Rig.objects.get(name="v1")
    url = reverse("admin:rigs_rig_change", args=[v1.pk])
    response = staff_client.post(url, {**form_data(staff_client.get(url)), "in_service_to": "2013-10-31"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["in_service_to"][0].startswith("21 takes on days 45–50")
    assert Rig.objects.get(name="v1").in_service_to == date(2014, 2, 28)


def test_a_unit_with_takes_cannot_move_to_another_rig(henry):
    unit = RigUnit.objects.get(rig__name="v1", number=1)
    unit.rig = Rig.objects.get(name="v2")
    assert refused(unit, "rig") == (
        "123 takes on this unit were shot on rig v1, e.g. Hardcore Henry day 1: Scene 1 take 1. "
        "It stays a unit of v1; add a new unit to v2 instead."
    )
