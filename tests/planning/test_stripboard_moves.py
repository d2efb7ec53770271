"""Moving strips on the stripboard: one strip to a day at a place, the boneyard, undo, refusals."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from hhprod.planning.board import add_day, board_version, move_strip, undo_last_move
from hhprod.planning.models import Strip
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    """Two planned days of three strips each (scenes 1.1-1.3 and 2.1-2.3) and scene 9 in the boneyard."""
    prod = factories.production()
    days = []
    for number in (1, 2):
        day = factories.shoot_day(prod, number, scheduled=date(2013, 9, 1) + timedelta(days=number), actual=None)
        for order in (1, 2, 3):
            factories.strip(day, factories.scene(prod, f"{number}.{order}"), order=order)
        days.append(day)
    factories.scene(prod, "9")
    return prod, days


def order_of(day):
    return list(Strip.objects.filter(shoot_day=day).order_by("order").values_list("scene__number", "order"))


def scene(prod, number):
    return prod.scenes.get(number=number)


@pytest.fixture
def ad(django_user_model):
    return django_user_model.objects.create_user("ad", password="pw")


def test_a_strip_moved_up_its_day_takes_the_place_and_the_others_close_up(board, ad):
    prod, (day1, _) = board
    moved = move_strip(prod, scene(prod, "1.3").pk, 1, day1.pk, 1, user=ad)
    assert order_of(day1) == [("1.3", 1), ("1.1", 2), ("1.2", 3)]
    assert (moved.move.from_order, moved.move.to_order, moved.version) == (3, 1, board_version(prod))


def test_a_strip_moved_to_another_day_leaves_both_days_numbered_from_one(board, ad):
    prod, (day1, day2) = board
    move_strip(prod, scene(prod, "1.1").pk, 1, day2.pk, 2, user=ad)
    assert order_of(day1) == [("1.2", 1), ("1.3", 2)]
    assert order_of(day2) == [("2.1", 1), ("1.1", 2), ("2.2", 3), ("2.3", 4)]


def test_a_place_past_the_days_end_puts_the_strip_last(board, ad):
    prod, (day1, day2) = board
    move_strip(prod, scene(prod, "1.1").pk, 1, day2.pk, 99, user=ad)
    assert order_of(day2)[-1] == ("1.1", 4)


def test_a_scene_from_the_boneyard_is_placed_and_recorded_in_its_history(board, ad):
    prod, (day1, _) = board
    move_strip(prod, scene(prod, "9").pk, 1, day1.pk, 2, user=ad)
    assert order_of(day1) == [("1.1", 1), ("9", 2), ("1.2", 3), ("1.3", 4)]
    strip = Strip.objects.get(scene__number="9")
    assert (strip.part, strip.parts) == (1, 1)
    assert strip.history.latest().history_type == "+"


def test_a_strip_sent_to_the_boneyard_leaves_the_schedule(board, ad):
    prod, (day1, _) = board
    move_strip(prod, scene(prod, "1.2").pk, 1, None, 1, user=ad)
    assert order_of(day1) == [("1.1", 1), ("1.3", 2)]
    assert not scene(prod, "1.2").strips.exists()


def test_undo_puts_back_the_users_last_moves_one_at_a_time(board, ad):
    prod, (day1, day2) = board
    move_strip(prod, scene(prod, "1.1").pk, 1, day2.pk, 1, user=ad)
    move_strip(prod, scene(prod, "9").pk, 1, day1.pk, 1, user=ad)
    undone = undo_last_move(prod, ad)
    assert undone.move.undoes.scene.number == "9" and not scene(prod, "9").strips.exists()
    undo_last_move(prod, ad)
    assert order_of(day1) == [("1.1", 1), ("1.2", 2), ("1.3", 3)]
    assert order_of(day2) == [("2.1", 1), ("2.2", 2), ("2.3", 3)]
    with pytest.raises(ValidationError, match="You have no move on this board to undo."):
        undo_last_move(prod, ad)


def test_undo_brings_a_scene_back_from_the_boneyard_to_its_place(board, ad):
    prod, (day1, _) = board
    move_strip(prod, scene(prod, "1.2").pk, 1, None, 1, user=ad)
    undo_last_move(prod, ad)
    assert order_of(day1) == [("1.1", 1), ("1.2", 2), ("1.3", 3)]


def test_undo_leaves_other_peoples_moves_alone(board, ad):
    prod, (day1, day2) = board
    producer = User.objects.create_user("producer", password="pw")
    move_strip(prod, scene(prod, "1.1").pk, 1, day2.pk, 1, user=ad)
    move_strip(prod, scene(prod, "2.3").pk, 1, day1.pk, 1, user=producer)
    undo_last_move(prod, ad)  # scene 1.1 back at its place; the producer's 2.3 stays on day 1
    assert order_of(day1) == [("1.1", 1), ("2.3", 2), ("1.2", 3), ("1.3", 4)]
    with pytest.raises(ValidationError):
        undo_last_move(prod, ad)


def test_a_move_onto_a_cancelled_day_is_refused_and_changes_nothing(board, ad):
    prod, (day1, _) = board
    cancelled = factories.shoot_day(prod, 3, scheduled=date(2013, 9, 9), actual=None, status="cancelled")
    version = board_version(prod)
    with pytest.raises(ValidationError, match="Day 3 is cancelled: scenes cannot be planned on a cancelled day."):
        move_strip(prod, scene(prod, "1.1").pk, 1, cancelled.pk, 1, user=ad)
    assert order_of(day1) == [("1.1", 1), ("1.2", 2), ("1.3", 3)] and board_version(prod) == version


def test_a_move_of_a_strip_someone_else_took_off_the_board_is_refused(board, ad):
    prod, (day1, day2) = board
    stale = scene(prod, "1.1")
    move_strip(prod, stale.pk, 1, None, 1, user=ad)
    with pytest.raises(ValidationError, match="Scene 1.1 part 2 is no longer on the board: someone changed it."):
        move_strip(prod, stale.pk, 2, day2.pk, 1, user=ad)


def test_a_move_reports_the_version_it_was_made_on_so_a_stale_board_knows(board, ad):
    prod, (day1, day2) = board
    seen = board_version(prod)
    move_strip(prod, scene(prod, "2.1").pk, 1, day1.pk, 1, user=User.objects.create_user("producer"))
    mine = move_strip(prod, scene(prod, "1.3").pk, 1, day2.pk, 1, user=ad)
    assert mine.version_before != seen and mine.version > mine.version_before


def test_split_parts_stay_in_order(board, ad):
    prod, (day1, day2) = board
    split = factories.scene(prod, "5")
    factories.strip(day1, split, order=4, part=1, parts=2)
    factories.strip(day2, split, order=4, part=2, parts=2)
    with pytest.raises(ValidationError, match="part 2 would come before part 1"):
        move_strip(prod, split.pk, 2, day1.pk, 1, user=ad)
    with pytest.raises(ValidationError, match="split in 2 parts"):
        move_strip(prod, split.pk, 2, None, 1, user=ad)


def shoot(day, *scenes):
    """Day `day` shot on its date, a take of each of `scenes` on it."""
    day.status, day.actual_date = "shot", day.scheduled_date
    day.save()
    rig, wearer = factories.rig(), factories.wearer(day.production)
    for number, in_scene in enumerate(scenes, 1):
        factories.take(day, in_scene, rig, wearer, number=number)


def test_a_strip_on_a_shot_day_is_held_there(board, ad):
    prod, (day1, day2) = board
    shoot(day1, scene(prod, "1.1"))
    for to_day, position in [(day2, 1), (None, 1), (day1, 3)]:
        with pytest.raises(ValidationError) as refusal:
            move_strip(prod, scene(prod, "1.2").pk, 1, to_day.pk if to_day else None, position, user=ad)
        assert refusal.value.messages == [
            "Day 1 was shot on Mon 2 Sep 2013: its strips stay as shot. Plan a reshoot as a new day instead."
        ]
    assert order_of(day1) == [("1.1", 1), ("1.2", 2), ("1.3", 3)] and board_version(prod) == 0


def test_nothing_more_is_planned_on_a_shot_day(board, ad):
    prod, (day1, day2) = board
    shoot(day1)
    with pytest.raises(ValidationError) as refusal:
        move_strip(prod, scene(prod, "9").pk, 1, day1.pk, 1, user=ad)
    assert refusal.value.messages == ["Day 1 was shot on Mon 2 Sep 2013: nothing more can be planned on it."]


def test_a_strip_whose_scene_has_takes_on_a_day_being_shot_stays_on_it_but_may_change_place(board, ad):
    prod, (day1, day2) = board
    rig, wearer = factories.rig(), factories.wearer(prod)
    factories.take(day1, scene(prod, "1.2"), rig, wearer, number=1)
    factories.take(day1, scene(prod, "1.2"), rig, wearer, number=2)
    with pytest.raises(ValidationError) as refusal:
        move_strip(prod, scene(prod, "1.2").pk, 1, day2.pk, 1, user=ad)
    assert refusal.value.messages == [
        "Scene 1.2 has 2 takes on day 1: moving its strip off would leave them on a day that no longer plans the "
        "scene. Plan a reshoot as a new day instead."
    ]
    move_strip(prod, scene(prod, "1.2").pk, 1, day1.pk, 1, user=ad)
    move_strip(prod, scene(prod, "1.3").pk, 1, day2.pk, 1, user=ad)  # no takes: it may go
    assert order_of(day1) == [("1.2", 1), ("1.1", 2)]


def test_a_day_added_on_the_board_comes_after_the_last_empty_and_takes_a_strip(board, ad):
    prod, _ = board
    day3 = add_day(prod, scheduled_date=date(2013, 9, 9), cause="reshoot", note="Pick-ups", user=ad)
    assert (day3.number, day3.scheduled_date, day3.status, day3.change_cause, day3.strips.count()) == (
        3, date(2013, 9, 9), "scheduled", "reshoot", 0,
    )  # fmt: skip
    assert day3.source == "Added on the stripboard by ad."
    move_strip(prod, scene(prod, "9").pk, 1, day3.pk, 1, user=ad)
    assert order_of(day3) == [("9", 1)]


def test_a_day_added_with_an_unknown_cause_is_refused(board, ad):
    prod, _ = board
    with pytest.raises(ValidationError) as refusal:
        add_day(prod, cause="boredom", user=ad)
    assert refusal.value.messages == ["Value 'boredom' is not a valid choice."]
    assert prod.shoot_days.count() == 2
