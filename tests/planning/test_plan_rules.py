"""The plan's rules: each refusal with its message, and nothing written."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from hhprod.planning.days import with_plan_figures
from hhprod.planning.models import CalendarEntry, Scene, ShootDay, Strip, pages_and_eighths
from hhprod.productions.models import Credit
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def feature():
    return factories.production()


def planned_day(prod, number, on=None, **fields):
    return factories.shoot_day(prod, number, scheduled=on or date(2013, 9, number), actual=None, **fields)


def refusal(obj):
    with pytest.raises(ValidationError) as error:
        obj.full_clean()
    return error.value.messages


def test_a_scene_placed_on_a_cancelled_day_is_refused(feature):
    day = planned_day(feature, 2, status="cancelled")
    strip = Strip(shoot_day=day, scene=factories.scene(feature), order=1)
    assert refusal(strip) == ["Day 2 is cancelled: scenes cannot be planned on a cancelled day."]


def test_a_strip_on_another_productions_day_is_refused(feature):
    other = factories.production("Other feature")
    strip = Strip(shoot_day=planned_day(other, 1), scene=factories.scene(feature, "7"), order=1)
    assert refusal(strip) == [
        "Day 1 belongs to Other feature, but scene 7 is in Test feature: a strip goes on a day of its "
        "scene's production."
    ]


def test_a_second_part_planned_before_the_first_is_refused(feature):
    scene = factories.scene(feature, "12")
    factories.strip(planned_day(feature, 3), scene, part=1, parts=2)
    early = Strip(shoot_day=planned_day(feature, 2), scene=scene, order=1, part=2, parts=2)
    assert refusal(early) == [
        "Scene 12 part 2 would come before part 1 (day 3, strip 1): split parts are shot in order."
    ]


def test_split_parts_on_one_day_follow_its_shooting_order(feature):
    scene, day = factories.scene(feature, "12"), planned_day(feature, 1)
    factories.strip(day, scene, order=2, part=2, parts=2)
    first = Strip(shoot_day=day, scene=scene, order=3, part=1, parts=2)
    assert refusal(first) == [
        "Scene 12 part 1 would come after part 2 (day 1, strip 2): split parts are shot in order."
    ]
    Strip(shoot_day=day, scene=scene, order=1, part=1, parts=2).full_clean()


def test_parts_that_disagree_on_how_many_there_are_are_refused(feature):
    scene = factories.scene(feature, "12")
    factories.strip(planned_day(feature, 1), scene, part=1, parts=2)
    third = Strip(shoot_day=planned_day(feature, 2), scene=scene, order=1, part=2, parts=3)
    assert refusal(third) == ["Scene 12 is split in 2 parts on its other strips (part 1 on day 1), not 3."]


def test_a_scene_part_placed_twice_is_refused_with_a_message_and_by_the_database(feature):
    scene = factories.scene(feature)
    factories.strip(planned_day(feature, 1), scene)
    again = Strip(shoot_day=planned_day(feature, 2), scene=scene, order=1)
    assert refusal(again) == ["This part of the scene is already placed on a day."]
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()


def test_two_strips_in_one_place_of_a_days_order_are_refused(feature):
    day = planned_day(feature, 1)
    factories.strip(day, factories.scene(feature, "1"), order=1)
    clash = Strip(shoot_day=day, scene=factories.scene(feature, "2"), order=1)
    assert refusal(clash) == ["Another strip already has this place in the day's shooting order."]


def test_a_part_beyond_the_number_of_parts_is_refused_by_the_database(feature):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.strip(planned_day(feature, 1), factories.scene(feature), part=3, parts=2)


def test_a_strip_on_a_cancelled_day_is_refused_in_the_admin_and_not_saved(feature, staff_client):
    day = planned_day(feature, 4, status="cancelled")
    response = staff_client.post(
        reverse("admin:planning_strip_add"),
        {"shoot_day": day.pk, "scene": factories.scene(feature).pk, "order": 1, "part": 1, "parts": 1},
    )
    assert response.status_code == 200
    assert "Day 4 is cancelled: scenes cannot be planned on a cancelled day." in response.content.decode()
    assert not Strip.objects.exists()


def test_a_hiatus_spans_dates_and_any_other_entry_is_one_date(feature):
    message = (
        "A hiatus runs from its first to its last day (ends on or after it starts); a day off, holiday "
        "or travel day is one date, with no end."
    )
    backwards = CalendarEntry(production=feature, kind="hiatus", starts=date(2014, 1, 10), ends=date(2014, 1, 1))
    assert refusal(backwards) == [message]
    long_day_off = CalendarEntry(production=feature, kind="day_off", starts=date(2014, 1, 1), ends=date(2014, 1, 2))
    assert refusal(long_day_off) == [message]
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.calendar_entry(feature, "hiatus", date(2014, 1, 1))
    factories.calendar_entry(feature, "hiatus", date(2013, 11, 9), date(2014, 3, 2)).full_clean()


def test_a_calendar_entry_over_a_planned_shoot_day_is_refused(feature):
    planned_day(feature, 5, on=date(2013, 12, 2))
    hiatus = CalendarEntry(production=feature, kind="hiatus", starts=date(2013, 11, 9), ends=date(2014, 3, 2))
    assert refusal(hiatus) == ["Day 5 is planned on 02 Dec 2013, inside this hiatus: move the day or the entry."]


def test_a_calendar_entry_over_a_cancelled_day_is_allowed(feature):
    planned_day(feature, 5, on=date(2013, 12, 2), status="cancelled")
    CalendarEntry(production=feature, kind="holiday", starts=date(2013, 12, 2)).full_clean()


def test_a_rig_version_on_a_scene_without_the_head_rig_is_refused(feature):
    scene = Scene(production=feature, number="3", head_rig=False, rig=factories.rig())
    assert refusal(scene) == ["A rig version is given only for a scene where the head rig is worn."]


def test_a_new_scenes_cast_from_another_production_is_refused_in_the_admin(feature, staff_client):
    other = factories.production("Other feature")
    stranger = Credit.objects.create(production=other, person=factories.person("Someone Else"), role="cast")
    response = staff_client.post(
        reverse("admin:planning_scene_add"),
        {"production": feature.pk, "number": "9", "cast": [stranger.pk], "page_eighths": 3},
    )
    assert response.status_code == 200
    assert (
        "Not credited on Test feature: Someone Else. A scene needs its own production&#x27;s cast."
        in response.content.decode()
    )
    assert not Scene.objects.exists()


def test_a_scenes_page_offers_only_its_productions_cast_and_stunt_performers(feature, staff_client):
    mine = Credit.objects.create(production=feature, person=factories.person("Cast Member"), role="cast")
    factories.wearer(feature, "Stunt Double")
    Credit.objects.create(production=feature, person=factories.person("Producer Person"), role="producer")
    Credit.objects.create(production=factories.production("Other"), person=mine.person, role="cast")
    scene = factories.scene(feature, "9")
    form = staff_client.get(reverse("admin:planning_scene_change", args=[scene.pk])).context["adminform"].form
    offered = {str(credit.person) for credit in form.fields["cast"].queryset}
    assert offered == {"Cast Member", "Stunt Double"}
    assert form.fields["cast"].queryset.filter(production=feature).count() == 2


def test_a_scene_length_is_written_in_pages_and_eighths():
    assert [pages_and_eighths(n) for n in (3, 8, 11, 16, None)] == ["3/8", "1", "1 3/8", "2", "—"]


def test_a_days_pages_and_screen_time_add_up_from_its_strips(feature):
    day, other = planned_day(feature, 1), planned_day(feature, 2)
    long_scene = Scene.objects.create(production=feature, number="1", page_eighths=16, screen_seconds=240)
    short_scene = Scene.objects.create(production=feature, number="2", page_eighths=3, screen_seconds=50)
    factories.strip(day, short_scene, order=1)
    # A split scene's part counts its own length.
    factories.strip(day, long_scene, order=2, part=1, parts=2, page_eighths=6, screen_seconds=90)
    factories.strip(other, long_scene, order=1, part=2, parts=2, page_eighths=10, screen_seconds=150)
    figures = {
        d.number: (d.strip_count, d.planned_eighths, d.planned_screen_seconds)
        for d in with_plan_figures(ShootDay.objects.filter(production=feature))
    }
    assert figures == {1: (2, 9, 140), 2: (1, 10, 150)}
