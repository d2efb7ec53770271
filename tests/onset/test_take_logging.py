"""Logging takes on set: the next take and setup, the day marked shot by its first take, the
wearer's rig time against the daily limit, a row saved once however often it is sent, and who may."""

import uuid
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hhprod.figures.rig_time import wearers_on
from hhprod.imports.setvalues import parse_length
from hhprod.onset import services
from hhprod.onset.models import LoggedTake
from hhprod.planning.models import ShootDay
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def set_up():
    """A production with a 20-minute daily limit, a day scheduled for today, a scene, a rig unit, a wearer."""
    prod = make.production(daily_rig_limit_minutes=20, timecode_fps=25)
    day = make.shoot_day(prod, scheduled=timezone.localdate(), actual=None)
    rig = make.rig(in_service_from=date(2000, 1, 1))
    return {
        "prod": prod,
        "day": day,
        "scene": make.scene(prod, "4"),
        "rig": rig,
        "unit": make.unit(rig),
        "wearer": make.wearer(prod),
    }


def row(s, **values):
    typed = {"scene": "4", "setup": "", "number": "1", "length": "2:05", "status": "G", "camera": "", "notes": ""}
    return {**typed, "key": str(uuid.uuid4()), "unit": f"unit-{s['unit'].pk}", "wearer": s["wearer"].pk, **values}


def fields(s, number=1, length=125, setup=""):
    return {"scene": s["scene"], "setup": setup, "number": number, "length": length, "status": "good",
            "rig": s["rig"], "rig_unit": s["unit"], "camera": None, "wearer": s["wearer"], "notes": ""}  # fmt: skip


def test_next_take_number_is_one_after_the_highest_in_the_setup(set_up):
    day = make.shoot_day(set_up["prod"], number=2)
    for number, setup in ((1, ""), (2, ""), (1, "A")):
        make.take(day, set_up["scene"], set_up["rig"], set_up["wearer"], number=number, setup=setup)
    assert services.next_take_number(set_up["scene"], "") == 3
    assert services.next_take_number(set_up["scene"], "A") == 2
    assert services.next_take_number(set_up["scene"], "B") == 1


def test_next_setup_follows_the_last_letters_skipping_i_and_o(set_up):
    assert services.next_setup(set_up["scene"]) == "A"
    day = make.shoot_day(set_up["prod"], number=2)
    make.take(day, set_up["scene"], set_up["rig"], set_up["wearer"], setup="H")
    assert services.next_setup(set_up["scene"]) == "J"
    make.take(day, set_up["scene"], set_up["rig"], set_up["wearer"], setup="Z")
    assert services.next_setup(set_up["scene"]) == "AA"
    assert services.letters_after("AZ") == "BA"


def test_first_take_on_a_day_scheduled_today_marks_it_shot_today(set_up):
    take, created = services.log_take(set_up["day"].pk, fields(set_up), uuid.uuid4(), None)
    day = ShootDay.objects.get(pk=set_up["day"].pk)
    assert created and take.pk
    assert (day.status, day.actual_date) == ("shot", timezone.localdate())
    assert day.history.first().history_type == "~"


def test_first_take_logged_late_marks_the_day_shot_on_its_scheduled_date(set_up):
    past = timezone.localdate() - timedelta(days=3)
    ShootDay.objects.filter(pk=set_up["day"].pk).update(scheduled_date=past)
    services.log_take(set_up["day"].pk, fields(set_up), uuid.uuid4(), None)
    assert ShootDay.objects.get(pk=set_up["day"].pk).actual_date == past


def test_a_day_still_to_come_is_not_marked_shot_and_gets_no_take(set_up):
    ShootDay.objects.filter(pk=set_up["day"].pk).update(scheduled_date=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError, match="its takes are logged from that day"):
        services.log_take(set_up["day"].pk, fields(set_up), uuid.uuid4(), None)
    assert ShootDay.objects.get(pk=set_up["day"].pk).status == "scheduled"
    assert not Take.objects.exists()


def test_a_refused_first_take_leaves_the_day_unshot(set_up):
    with pytest.raises(ValidationError, match="longer than"):
        services.log_take(set_up["day"].pk, fields(set_up, length=7 * 60 + 30), uuid.uuid4(), None)
    day = ShootDay.objects.get(pk=set_up["day"].pk)
    assert (day.status, day.actual_date) == ("scheduled", None)


def test_the_same_row_sent_twice_is_one_take(set_up):
    key = uuid.uuid4()
    first, created = services.log_take(set_up["day"].pk, fields(set_up), key, None)
    again, created_again = services.log_take(set_up["day"].pk, fields(set_up), key, None)
    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert Take.objects.count() == LoggedTake.objects.count() == 1


def wear(s, minutes_each, takes=3):
    for number in range(1, takes + 1):
        services.log_take(s["day"].pk, fields(s, number=number, length=minutes_each * 60), uuid.uuid4(), None)


def test_limit_warning_before_a_take_would_pass_the_daily_limit(set_up):
    wear(set_up, 6)
    day = ShootDay.objects.get(pk=set_up["day"].pk)
    [worn] = wearers_on(day, day.production.daily_rig_limit_minutes)
    assert (worn.seconds_worn, worn.against_limit, worn.seconds_left) == (18 * 60, "within", 2 * 60)
    assert services.limit_warning(day, set_up["wearer"], 120) is None
    assert services.limit_warning(day, set_up["wearer"], 121) == (
        "Test wearer has worn the rig 18:00 today: a take of 2:01 makes 20:01, over the daily limit of 20 minutes."
    )


def test_timecode_length_is_read_at_the_productions_frame_rate():
    assert parse_length("00:02:05:12", 25) == 125
    assert parse_length("00:02:05:13", 25) == 126
    assert parse_length("0:02:05") == parse_length("2:05") == parse_length("125") == 125
    with pytest.raises(ValueError, match="frames 00 to 24"):
        parse_length("00:02:05:25", 25)
    # A production with no frame rate of its own counts at the office's (IMPORT_TIMECODE_FPS).
    assert parse_length("00:02:05:12", None) == parse_length("00:02:05:12", 25)


def save_url(day):
    return reverse("onset:save-take", args=[day.pk])


def test_script_supervisor_saves_a_row_and_gets_the_next_number_and_rig_time(set_up, login_as):
    client = login_as("Script supervisor")
    response = client.post(save_url(set_up["day"]), row(set_up, length="00:02:05:12", status="*"))
    assert response.status_code == 201
    answer = response.json()
    assert (answer["take"]["length"], answer["take"]["status"], answer["next_number"]) == ("2:05", "Circled", 2)
    assert answer["rig_time"] == [{"wearer": "Test wearer", "worn": "2:05", "against_limit": "within", "left": "17:55"}]
    assert answer["day"]["status"] == "Shot"
    assert Take.objects.get().history.get().history_user.username == "script_supervisor"


def test_a_retried_row_answers_with_its_take_and_writes_nothing(set_up, login_as):
    client = login_as("Script supervisor")
    sent = row(set_up)
    client.post(save_url(set_up["day"]), sent)
    again = client.post(save_url(set_up["day"]), sent)
    assert (again.status_code, again.json()["replayed"]) == (200, True)
    assert Take.objects.count() == 1


def test_scene_4_is_never_scene_14(set_up, login_as):
    make.scene(set_up["prod"], "14")
    response = login_as("Script supervisor").post(save_url(set_up["day"]), row(set_up, scene="4"))
    assert Take.objects.get(pk=response.json()["take"]["id"]).scene.number == "4"


def test_a_refused_row_gets_the_models_message_on_its_field(set_up, login_as):
    response = login_as("Script supervisor").post(save_url(set_up["day"]), row(set_up, length="7:30", scene="99"))
    assert response.status_code == 400
    assert response.json()["errors"]["scene"] == ["Test feature has no scene 99: add it under Scenes first."]
    response = login_as("Producer").post(save_url(set_up["day"]), row(set_up, length="7:30"))
    assert response.json()["errors"]["length"][0].startswith("A take of 7:30 (450 s) is longer than")
    assert not Take.objects.exists()


@pytest.mark.parametrize("role", ["Viewer", "Rig technician", "Assistant director"])
def test_roles_that_do_not_log_takes_are_refused_and_nothing_is_written(set_up, login_as, role):
    client = login_as(role)
    response = client.post(save_url(set_up["day"]), row(set_up))
    assert response.status_code == 403
    assert client.get(reverse("onset:take-logging", args=[set_up["day"].pk])).status_code == 403
    assert not Take.objects.exists() and ShootDay.objects.get(pk=set_up["day"].pk).status == "scheduled"


def test_preview_suggests_the_next_take_and_setup_and_warns_before_the_limit(set_up, login_as):
    wear(set_up, 6)
    query = {"scene": "4", "setup": "", "length": "2:01", "wearer": set_up["wearer"].pk}
    answer = login_as("Script supervisor").get(reverse("onset:preview", args=[set_up["day"].pk]), query).json()
    assert (answer["next_number"], answer["next_setup"]) == (4, "A")
    assert answer["warning"].endswith("makes 20:01, over the daily limit of 20 minutes.")


def test_take_logging_page_carries_the_last_take_over(set_up, login_as, django_assert_num_queries):
    services.log_take(set_up["day"].pk, fields(set_up, number=3), uuid.uuid4(), None)
    client = login_as("Script supervisor")
    with django_assert_num_queries(14):
        page = client.get(reverse("onset:take-logging", args=[set_up["day"].pk]))
    html = page.content.decode()
    assert 'name="number" value="4"' in html and f'data-initial="unit-{set_up["unit"].pk}"' in html
    assert f'<option value="{set_up["wearer"].pk}" selected>Test wearer</option>' in html


def test_take_logging_page_has_the_offices_header_and_the_logins_links(set_up, login_as):
    """As every other page of the site: its name, who is logged in, the way out."""
    page = login_as("Script supervisor").get(reverse("onset:take-logging", args=[set_up["day"].pk])).content.decode()
    assert '<a href="/admin/">Hardcore Henry production office</a>' in page
    assert 'id="logout-form"' in page and "Django administration" not in page


def test_the_take_logging_page_refuses_a_long_note_by_the_same_rule(set_up, login_as):
    client = login_as("Script supervisor")
    page = client.get(reverse("onset:take-logging", args=[set_up["day"].pk])).content.decode()
    assert 'name="notes" maxlength="2000"' in page
    response = client.post(save_url(set_up["day"]), row(set_up, notes="x" * 2001))
    assert response.status_code == 400
    assert response.json()["errors"]["notes"] == ["Notes may be at most 2,000 characters; this has 2,001."]
    assert not Take.objects.exists()
    response = client.post(save_url(set_up["day"]), row(set_up, notes="x" * 2000))
    assert response.status_code == 201 and len(Take.objects.get().notes) == 2000
