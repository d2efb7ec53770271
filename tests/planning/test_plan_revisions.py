"""Locking the schedule as revisions in colour order, comparing two, and the slip by cause."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from hhprod.planning.models import RevisionDay, RevisionStrip, ScheduleRevision, ShootDay, revision_colour
from hhprod.planning.revisions import baseline, compare, lock_schedule, variance_by_cause
from tests import factories

pytestmark = pytest.mark.django_db

START = date(2013, 9, 2)


def plan(prod, days, scenes_per_day=1):
    """`days` planned days from START, each with its scenes on it in order."""
    for number in range(1, days + 1):
        day = factories.shoot_day(prod, number, scheduled=START + timedelta(days=number - 1), actual=None)
        for order in range(1, scenes_per_day + 1):
            factories.strip(day, factories.scene(prod, f"{number}.{order}"), order=order)


def lock(prod, name="Approved schedule", reason="Approved by the studio"):
    return lock_schedule(prod, name=name, reason=reason, dated=date(2013, 8, 20))


@pytest.fixture
def feature():
    prod = factories.production()
    plan(prod, 3)
    return prod


def test_revision_colours_follow_the_industry_order():
    assert [revision_colour(n) for n in range(1, 8)] == [
        "White",
        "Blue",
        "Pink",
        "Yellow",
        "Green",
        "Goldenrod",
        "Buff",
    ]
    assert revision_colour(12) == "Double White" and revision_colour(13) == "Double Blue"


def test_the_first_lock_is_the_white_baseline_and_keeps_every_day_and_strip(feature, django_user_model):
    ad = django_user_model.objects.create_user("ad")
    white = lock_schedule(feature, name="Approved schedule", reason="Studio approval", user=ad, dated=date(2013, 8, 20))
    assert (white.number, white.colour, white.is_baseline, white.locked_by) == (1, "White", True, ad)
    assert baseline(feature) == white
    assert list(white.days.values_list("number", "date")) == [
        (1, date(2013, 9, 2)), (2, date(2013, 9, 3)), (3, date(2013, 9, 4)),
    ]  # fmt: skip
    assert list(white.strips.values_list("scene_number", "day_number", "order")) == [
        ("1.1", 1, 1), ("2.1", 2, 1), ("3.1", 3, 1),
    ]  # fmt: skip


def test_a_revision_keeps_its_dates_and_strips_while_the_schedule_changes(feature):
    white = lock(feature)
    ShootDay.objects.filter(production=feature, number=2).update(
        scheduled_date=date(2013, 9, 10), change_cause="weather"
    )
    feature.scenes.get(number="1.1").strips.update(
        shoot_day=ShootDay.objects.get(production=feature, number=3), order=2
    )
    assert white.days.get(number=2).date == date(2013, 9, 3)
    assert white.strips.get(scene_number="1.1").day_number == 1
    blue = lock(feature, "Weather", "Rain on day 2")
    assert (blue.number, blue.colour, blue.is_baseline) == (2, "Blue", False)
    assert blue.days.get(number=2).date == date(2013, 9, 10)
    assert blue.strips.get(scene_number="1.1").day_number == 3


def test_locking_takes_the_same_queries_for_three_days_and_for_sixty(django_assert_num_queries):
    small, large = factories.production("Small"), factories.production("Large")
    plan(small, 3)
    plan(large, 60, scenes_per_day=4)
    # The transaction's savepoint and its release, the production's row locked, the last revision,
    # the days lacking a cause, the takes no strip plans, the new revision, and one INSERT ... SELECT per snapshot.
    for prod, days, strips in [(small, 3, 3), (large, 60, 240)]:
        lock(prod)
        with django_assert_num_queries(9):
            blue = lock(prod, "Blue", "Relocked")
        assert (blue.days.count(), blue.strips.count()) == (days, strips)


def test_a_day_added_beyond_the_baseline_without_a_cause_is_refused_and_nothing_is_locked(feature):
    lock(feature)
    factories.shoot_day(feature, 4, scheduled=date(2013, 9, 9), actual=None)
    with pytest.raises(ValidationError) as refusal:
        lock(feature, "Blue", "Added a day")
    assert refusal.value.messages == [
        "Give a cause for day 4 (added beyond the baseline or moved since White) before locking: "
        "rig, cast, stunt, reshoot, weather, hiatus or other."
    ]
    assert ScheduleRevision.objects.count() == 1 and RevisionDay.objects.count() == 3


def test_a_day_moved_since_the_last_revision_without_a_cause_is_refused(feature):
    lock(feature)
    ShootDay.objects.filter(production=feature, number__in=[2, 3]).update(scheduled_date=date(2013, 10, 1))
    with pytest.raises(ValidationError) as refusal:
        lock(feature, "Blue", "Moved")
    assert refusal.value.messages[0].startswith("Give a cause for days 2, 3 (added beyond the baseline or moved")


def test_a_revision_without_a_reason_is_refused(feature):
    with pytest.raises(ValidationError) as refusal:
        lock_schedule(feature, name="White", reason="  ")
    assert refusal.value.messages == ["Give the reason for this revision."]
    assert not ScheduleRevision.objects.exists()


def test_comparing_finds_days_added_dropped_and_moved_and_scenes_moved(feature):
    white = lock(feature)
    days = {day.number: day for day in ShootDay.objects.filter(production=feature)}
    days[2].scheduled_date, days[2].change_cause = date(2013, 9, 12), "stunt"
    days[2].save()
    days[3].delete()
    factories.shoot_day(feature, 4, scheduled=date(2013, 9, 20), actual=None, change_cause="rig")
    feature.scenes.get(number="1.1").strips.update(shoot_day=days[2], order=2)
    blue = lock(feature, "Blue", "Stunt reset; rig rebuilt")

    comparison = compare(white, blue)
    assert list(comparison.days_added.values_list("number", "date", "cause")) == [(4, date(2013, 9, 20), "rig")]
    assert list(comparison.days_dropped.values_list("number", "date")) == [(3, date(2013, 9, 4))]
    assert list(comparison.days_moved.values_list("number", "date_before", "date", "cause")) == [
        (2, date(2013, 9, 3), date(2013, 9, 12), "stunt")
    ]
    assert list(comparison.scenes_moved.values_list("scene_number", "day_before", "day_number")) == [("1.1", 1, 2)]
    assert [(r.colour, r.finish, r.day_count) for r in comparison.finishes] == [
        ("White", date(2013, 9, 4), 3),
        ("Blue", date(2013, 9, 20), 3),
    ]


def test_a_lock_keeps_each_shot_days_actual_date(feature):
    ShootDay.objects.filter(production=feature, number=1).update(status="shot", actual_date=date(2013, 9, 2))
    ShootDay.objects.filter(production=feature, number=2).update(status="shot", actual_date=date(2013, 9, 5))
    blue = lock(feature)
    assert list(blue.days.values_list("number", "date", "actual_date")) == [
        (1, date(2013, 9, 2), date(2013, 9, 2)),
        (2, date(2013, 9, 3), date(2013, 9, 5)),
        (3, date(2013, 9, 4), None),
    ]


def test_a_day_planned_on_one_date_and_shot_on_another_moved_with_both_dates(feature):
    white = lock(feature)
    # Day 1 shot as planned; day 2, planned for the 3rd, shot on the 5th; day 3 not shot yet, plan unchanged.
    ShootDay.objects.filter(production=feature, number=1).update(status="shot", actual_date=date(2013, 9, 2))
    ShootDay.objects.filter(production=feature, number=2).update(status="shot", actual_date=date(2013, 9, 5))
    blue = lock(feature, "Blue", "Day 2 slipped")
    moved = compare(white, blue).days_moved
    assert list(moved.values_list("number", "date_before", "moved_to", "date", "actual_date", "shot_off_plan")) == [
        (2, date(2013, 9, 3), date(2013, 9, 5), date(2013, 9, 3), date(2013, 9, 5), True)
    ]
    assert not compare(white, blue).days_added.exists()


def test_a_day_shot_before_both_locks_on_the_same_date_did_not_move_between_them(feature):
    ShootDay.objects.filter(production=feature, number=2).update(status="shot", actual_date=date(2013, 9, 5))
    white = lock(feature)
    blue = lock(feature, "Blue", "Relocked")
    assert not compare(white, blue).days_moved.exists()


def test_a_cancelled_day_is_dropped_from_the_plan(feature):
    white = lock(feature)
    ShootDay.objects.filter(production=feature, number=3).update(status="cancelled", change_cause="weather")
    blue = lock(feature, "Blue", "Day 3 lost")
    assert list(compare(white, blue).days_dropped.values_list("number", flat=True)) == [3]
    assert [r.finish for r in compare(white, blue).finishes] == [date(2013, 9, 4), date(2013, 9, 3)]


def test_comparing_a_revision_with_itself_is_refused(feature):
    white = lock(feature)
    with pytest.raises(ValidationError) as refusal:
        compare(white, white)
    assert refusal.value.messages == ["White is compared with itself: choose two different revisions."]


def test_comparing_revisions_of_two_productions_is_refused(feature):
    other = factories.production("Other feature")
    plan(other, 1)
    with pytest.raises(ValidationError) as refusal:
        compare(lock(feature), lock(other))
    assert refusal.value.messages == [
        "White is Test feature's and White is Other feature's: compare two revisions of one production."
    ]


def test_variance_by_cause_counts_the_days_added_beyond_the_baseline(feature):
    lock(feature)
    for number, cause in [(4, "rig"), (5, "rig"), (6, "cast"), (7, "stunt"), (8, "rig")]:
        factories.shoot_day(feature, number, scheduled=date(2013, 10, number), actual=None, change_cause=cause)
    factories.shoot_day(feature, 9, scheduled=date(2013, 10, 9), actual=None, change_cause="rig", status="cancelled")
    latest = lock(feature, "Blue", "Rig rebuilt, star travelling")
    assert list(variance_by_cause(latest).values_list("cause", "label", "days")) == [
        ("rig", "Rig failure or rebuild", 3),
        ("cast", "Cast availability and travel", 1),
        ("stunt", "Stunt reset or injury", 1),
    ]
    assert latest.days.exclude(status="cancelled").count() == 3 + 5


def test_a_strip_snapshot_keeps_its_scene_number_when_the_scene_is_deleted(feature):
    white = lock(feature)
    feature.scenes.get(number="2.1").delete()
    assert (
        RevisionStrip.objects.filter(revision=white, scene__isnull=True).values_list("scene_number", flat=True).get()
        == "2.1"
    )


def test_a_lock_refuses_a_plan_that_no_longer_holds_a_scene_where_its_takes_were_shot(feature):
    rig, wearer = factories.rig(), factories.wearer(feature)
    day1 = ShootDay.objects.get(production=feature, number=1)
    day1.status, day1.actual_date = "shot", date(2013, 9, 2)
    day1.save()
    factories.take(day1, feature.scenes.get(number="1.1"), rig, wearer)
    # The strip moved off the shot day behind the board's back (the strips list edits any strip).
    feature.scenes.get(number="1.1").strips.update(
        shoot_day=ShootDay.objects.get(production=feature, number=3), order=2
    )
    with pytest.raises(ValidationError) as refusal:
        lock(feature)
    assert refusal.value.messages == [
        "Takes were shot that the schedule no longer plans: scene 1.1 on day 1. Put each scene's strip back on the "
        "day it was shot (Plan → Strips), then lock."
    ]
    assert not ScheduleRevision.objects.exists()


def test_a_lock_leaves_alone_takes_of_a_scene_never_on_the_board_beside_a_planned_one(feature):
    """A day with takes of a planned scene and of one a take import added (on no strip): the lock
    has nothing to say of either."""
    rig, wearer = factories.rig(), factories.wearer(feature)
    day1 = ShootDay.objects.get(production=feature, number=1)
    day1.status, day1.actual_date = "shot", date(2013, 9, 2)
    day1.save()
    planned = day1.strips.order_by("order").first().scene
    factories.take(day1, planned, rig, wearer)
    factories.take(day1, factories.scene(feature, "99"), rig, wearer)
    assert lock(feature).number == 1
