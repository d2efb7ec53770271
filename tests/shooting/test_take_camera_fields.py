"""The camera report's fields on a take: setups, status marks, clip names and the GoPro's modes."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from hhprod.rigs.models import Camera
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def shoot():
    """One shot day, scene 12, a rig in service with a GoPro on it, one credited wearer."""
    prod = make.production()
    rig = make.rig(in_service_from=date(2013, 8, 1))
    return {
        "shoot_day": make.shoot_day(prod, actual=date(2013, 9, 2)),
        "scene": make.scene(prod, "12"),
        "rig": rig,
        "camera": make.camera(rig, "GP3-1"),
        "wearer": make.wearer(prod, "Unnamed stunt performer 1"),
    }


def unsaved_take(shoot, **fields):
    return Take(**{**shoot, "number": 1, "length": 120, **fields})


def refused(take, field):
    with pytest.raises(ValidationError) as caught:
        take.full_clean()
    return " ".join(caught.value.message_dict[field])


def test_take_one_in_setup_12_and_take_one_in_12a_are_both_allowed(shoot):
    unsaved_take(shoot).save()
    second_setup = unsaved_take(shoot, setup="A")
    second_setup.full_clean()
    second_setup.save()
    assert sorted(take.setup_name for take in Take.objects.all()) == ["12", "12A"]


def test_take_one_twice_in_setup_12a_is_refused_with_its_message(shoot):
    unsaved_take(shoot, setup="A").save()
    message = refused(unsaved_take(shoot, setup="A"), "__all__")
    assert message == (
        "A take with this number already exists in this setup: take numbers start again at 1 in each setup "
        "(12, 12A, 12B)."
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        unsaved_take(shoot, setup="A").save()
    assert Take.objects.count() == 1


def test_a_take_logged_without_a_setup_is_in_the_scenes_first_setup(shoot):
    take = Take.objects.create(**{**shoot, "number": 3, "length": 60})
    assert take.setup == "" and take.setup_name == "12"
    assert str(take) == "Scene 12 take 3"
    assert str(unsaved_take(shoot, setup="B")) == "Scene 12 setup 12B take 1"


@pytest.mark.parametrize("setup", ["12A", "a", "A1", "ABC"])
def test_a_setup_is_only_the_letters_after_the_scene_number(shoot, setup):
    assert "letters after the scene number" in refused(unsaved_take(shoot, setup=setup), "setup")


@pytest.mark.parametrize(
    ("mark", "status"),
    [
        ("*", Take.Status.CIRCLED),
        ("P", Take.Status.CIRCLED),
        (" print ", Take.Status.CIRCLED),
        ("Circled", Take.Status.CIRCLED),
        ("G", Take.Status.GOOD),
        ("good", Take.Status.GOOD),
        ("NG", Take.Status.NO_GOOD),
        ("ng", Take.Status.NO_GOOD),
        ("No  good", Take.Status.NO_GOOD),
        ("FS", Take.Status.FALSE_START),
        ("false_start", Take.Status.FALSE_START),
    ],
)
def test_a_camera_reports_mark_gives_its_status(mark, status):
    assert Take.Status.from_mark(mark) is status


@pytest.mark.parametrize("mark", ["", "X", "**", "NGG"])
def test_a_mark_nobody_uses_gives_no_status(mark):
    assert Take.Status.from_mark(mark) is None


@pytest.mark.parametrize("clip", ["GOPR0042.MP4", "GP010042.MP4", "GP120042.MP4"])
def test_a_gopro_clip_name_and_its_chapters_are_accepted(shoot, clip):
    unsaved_take(shoot, clip_name=clip).full_clean()


@pytest.mark.parametrize("clip", ["GOPR42.MP4", "gopr0042.mp4", "GP0042.MP4", "A001C003.MOV", "GOPR0042.MOV"])
def test_a_clip_name_a_gopro_does_not_write_is_refused_on_a_gopro(shoot, clip):
    message = refused(unsaved_take(shoot, clip_name=clip), "clip_name")
    assert message == (
        f'"{clip}" is not a GoPro clip name: a GoPro writes GOPRnnnn.MP4 (GOPR0042.MP4) '
        "and chapters GPccnnnn.MP4 (GP010042.MP4)."
    )


def test_another_cameras_clip_name_is_accepted_on_that_camera(shoot):
    other = Camera.objects.create(model="ARRI Alexa Mini", serial="ALX-1", rig=shoot["rig"])
    unsaved_take(shoot, camera=other, clip_name="A001C003_150912_R1AB.MOV").full_clean()


def test_a_mode_the_hero_3_black_records_is_accepted(shoot):
    unsaved_take(shoot, resolution="1080p", frame_rate=48, field_of_view="narrow").full_clean()
    unsaved_take(shoot, resolution="2.7K", frame_rate=30, field_of_view="wide").full_clean()


def test_a_mode_the_hero_3_black_does_not_record_is_refused(shoot):
    message = refused(unsaved_take(shoot, resolution="4K", frame_rate=30), "frame_rate")
    assert message == "The GoPro Hero 3 Black records 4K at 15 fps, not 30 fps."


def test_the_take_list_shows_the_camera_reports_fields(shoot, staff_client, django_assert_num_queries):
    Take.objects.create(
        **shoot, number=1, length=95, setup="A", roll="A012", clip_name="GP020042.MP4", time_of_day=time(14, 35),
        resolution="1080p", frame_rate=48, field_of_view="medium", mos=True,
    )  # fmt: skip
    with django_assert_num_queries(6):
        page = staff_client.get(reverse("admin:shooting_take_changelist")).content.decode()
    for shown in ["Scene 12 setup 12A take 1", "A012", "GP020042.MP4", "2:35 p.m.", "1080p 48 fps Medium"]:
        assert shown in page


def test_the_take_form_logs_the_camera_reports_fields(shoot, staff_client):
    response = staff_client.post(
        reverse("admin:shooting_take_add"),
        {
            "scene": shoot["scene"].pk, "setup": "B", "number": 4, "shoot_day": shoot["shoot_day"].pk,
            "length": 300, "rig": shoot["rig"].pk, "camera": shoot["camera"].pk, "wearer": shoot["wearer"].pk,
            "status": "circled", "roll": "A012", "clip_name": "GOPR0107.MP4", "time_of_day": "09:40",
            "field_of_view": "wide", "resolution": "1440p", "frame_rate": 48, "vfx": "on",
        },
    )  # fmt: skip
    assert response.status_code == 302
    take = Take.objects.get()
    assert (take.setup_name, take.number, take.roll, take.clip_name) == ("12B", 4, "A012", "GOPR0107.MP4")
    assert (take.time_of_day, take.resolution, take.frame_rate, take.vfx, take.mos) == (
        time(9, 40), "1440p", 48, True, False
    )  # fmt: skip
