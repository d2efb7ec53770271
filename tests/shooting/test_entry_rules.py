"""Rules a record keeps however it is entered: the admin, the take-logging page, the take-log import."""

import csv
import io
import uuid
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from hhprod.onset import services
from hhprod.paperwork.models import DayReport
from hhprod.planning.models import DayCall
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data

pytestmark = pytest.mark.django_db

WEARER = "Unnamed stunt performer 1"
HEADER = ["Day", "Scene", "Take", "Length", "Unit", "Camera", "Wearer"]
ELSEWHERE = (
    "Camera GoPro Hero 3 #GP3-1 was mounted on v2 #1 on 2014-05-02, not on v2 #2: "
    "log the take on the unit that carried its camera, or correct the camera."
)


@pytest.fixture
def shoot():
    """Day 1 shot on 2 May 2014 with rig v2's two units; camera GP3-1 was on unit #1 from March."""
    prod = make.production()
    rig = make.rig("v2", 2, material="plastic", in_service_from=date(2014, 3, 1))
    camera, first, second = make.camera(rig, "GP3-1"), make.unit(rig, 1), make.unit(rig, 2)
    make.mounting(camera, first, date(2014, 3, 1))
    return {
        "production": prod,
        "day": make.shoot_day(prod, 1, actual=date(2014, 5, 2)),
        "scene": make.scene(prod, "12"),
        "rig": rig,
        "camera": camera,
        "first": first,
        "second": second,
        "wearer": make.wearer(prod, WEARER),
    }


def take_on(shoot, unit, **fields):
    fields = {"rig": shoot["rig"], "camera": shoot["camera"], "wearer": shoot["wearer"], "length": 120, **fields}
    return Take(shoot_day=shoot["day"], scene=shoot["scene"], rig_unit=unit, number=fields.pop("number", 1), **fields)


def refused(obj, field):
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return " ".join(caught.value.message_dict[field])


def add_take(client, shoot, unit, number=1):
    data = {
        "scene": shoot["scene"].pk, "setup": "", "number": number, "shoot_day": shoot["day"].pk, "length": "120",
        "status": "good", "wearer": shoot["wearer"].pk, "rig": shoot["rig"].pk, "rig_unit": unit.pk,
        "camera": shoot["camera"].pk,
    }  # fmt: skip
    return client.post(reverse("admin:shooting_take_add"), data)


def import_rows(tmp_path, header, *rows):
    path = tmp_path / "day1.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([header, *rows])
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_takes", str(path), "--production", "Test feature", stdout=out)
    return [line for line in out.getvalue().splitlines() if line.startswith("Row 1,")]


def log_on_set(shoot, unit, number=1):
    fields = {
        "scene": shoot["scene"], "setup": "", "number": number, "length": 120, "status": "good", "rig": shoot["rig"],
        "rig_unit": unit, "camera": shoot["camera"], "wearer": shoot["wearer"], "notes": "",
    }  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        services.log_take(shoot["day"].pk, fields, uuid.uuid4(), None)
    return caught.value.message_dict


# A take's camera on another unit that day


def test_a_take_on_the_unit_that_carried_its_camera_passes(shoot):
    take_on(shoot, shoot["first"]).full_clean()


def test_a_take_on_a_unit_whose_camera_was_on_another_unit_is_refused(shoot):
    assert refused(take_on(shoot, shoot["second"]), "rig_unit") == ELSEWHERE


def test_a_camera_with_no_mounting_that_day_names_no_unit(shoot):
    shoot["camera"].mountings.update(mounted_from=date(2014, 6, 1))
    take_on(shoot, shoot["second"]).full_clean()


def test_the_admin_refuses_a_take_on_a_unit_without_its_camera(shoot, staff_client):
    response = add_take(staff_client, shoot, shoot["second"])
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["rig_unit"] == [ELSEWHERE]
    assert not Take.objects.exists()


def test_the_take_logging_page_refuses_a_take_on_a_unit_without_its_camera(shoot):
    assert log_on_set(shoot, shoot["second"]) == {"rig_unit": [ELSEWHERE]}
    assert not Take.objects.exists()


def test_the_import_refuses_a_take_on_a_unit_without_its_camera(shoot, tmp_path):
    row = [1, "12", 1, "2:00", "v2 #2", "GP3-1", WEARER]
    assert import_rows(tmp_path, HEADER, row) == [f"Row 1, Unit: {ELSEWHERE}"]


# A call for someone not credited on the production


def test_a_call_for_someone_not_credited_on_the_production_is_refused(shoot):
    stranger = make.person("Tim Roth", trade="actor")
    call = DayCall(shoot_day=shoot["day"], person=stranger, call_time=time(7, 0))
    assert refused(call, "person") == (
        "Tim Roth is not credited on Test feature: credit them on it before calling them."
    )


def test_the_day_call_admin_refuses_someone_not_credited(shoot, staff_client):
    stranger = make.person("Tim Roth", trade="actor")
    data = {"shoot_day": shoot["day"].pk, "person": stranger.pk, "kind": "work", "call_time": "07:00"}
    response = staff_client.post(reverse("admin:planning_daycall_add"), data)
    assert response.status_code == 200
    assert "not credited on Test feature" in response.context["adminform"].form.errors["person"][0]
    assert not DayCall.objects.exists()


def test_a_credited_person_is_called(shoot):
    DayCall(shoot_day=shoot["day"], person=shoot["wearer"], call_time=time(7, 0)).full_clean()


# Take numbers: one range, 1 to 999, everywhere


def test_take_999_is_the_last_a_slate_holds(shoot):
    take_on(shoot, shoot["first"], number=999).full_clean()
    assert refused(take_on(shoot, shoot["first"], number=1000), "number") == (
        "Take numbers run up to 999, as on a slate; got 1000."
    )


def test_the_admin_refuses_take_1000(shoot, staff_client):
    response = add_take(staff_client, shoot, shoot["first"], number=1000)
    assert response.context["adminform"].form.errors["number"] == [
        "Take numbers run up to 999, as on a slate; got 1000."
    ]
    assert not Take.objects.exists()


def test_the_import_refuses_take_1000(shoot, tmp_path):
    assert import_rows(tmp_path, HEADER, [1, "12", 1000, "2:00", "v2 #1", "GP3-1", WEARER]) == [
        "Row 1, Take: Take numbers run up to 999, as on a slate; got 1000."
    ]


def test_the_take_logging_page_refuses_take_1000(shoot):
    assert log_on_set(shoot, shoot["first"], number=1000) == {
        "number": ["Take numbers run up to 999, as on a slate; got 1000."]
    }


def test_no_next_take_is_suggested_after_take_999(shoot, staff_client):
    take_on(shoot, shoot["first"], number=999).save()
    assert services.next_take_number(shoot["scene"], "") is None
    assert services.next_take_number(shoot["scene"], "A") == 1
    page = staff_client.get(reverse("onset:take-logging", args=[shoot["day"].pk])).content.decode()
    assert 'name="number" value="" inputmode="numeric" size="4" min="1" max="999"' in page


# A day report's camera wrap before its crew call


def test_a_camera_wrap_before_the_crew_call_is_refused(shoot):
    report = DayReport(shoot_day=shoot["day"], crew_call=time(7, 0), camera_wrap=time(6, 30))
    assert refused(report, "camera_wrap") == (
        "Camera wrap 06:30 is before the crew call 07:00: a day report's times are on the shoot day's date, "
        "and a wrap after midnight cannot be entered."
    )


def test_the_day_report_admin_refuses_a_wrap_before_the_call(shoot, staff_client):
    report = make.day_report(shoot["day"], crew_call=time(7, 0))
    url = reverse("admin:paperwork_dayreport_change", args=[report.pk])
    response = staff_client.post(url, {**form_data(staff_client.get(url)), "camera_wrap": "06:30"})
    assert response.context["adminform"].form.errors["camera_wrap"][0].startswith("Camera wrap 06:30 is before")
    report.refresh_from_db()
    assert report.camera_wrap is None


def test_a_wrap_after_the_call_is_fine(shoot):
    DayReport(shoot_day=shoot["day"], crew_call=time(7, 0), camera_wrap=time(19, 0)).full_clean()


def test_every_call_in_the_seed_is_for_someone_credited(henry):
    calls = DayCall.objects.select_related("shoot_day__production", "person")
    assert calls.count() == 616  # 592 and Haley Bennett's 18 and Tim Roth's 6 (illustrative)
    for call in calls:
        call.full_clean()
