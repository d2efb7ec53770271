"""A split scene's parts share its pages and screen time (strip_eighths, the one definition the stripboard, the
schedule, the call sheet and the production report read): given per part, or divided, never more than the
scene. And "behind the baseline" counts the days shot against the baseline days whose work is done, so a
day rained out and shot later is late, not a day ahead."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Sum

from hhprod.figures.days import day_counts
from hhprod.planning.days import with_plan_figures
from hhprod.planning.models import RevisionStrip, Scene, ShootDay, Strip, strip_eighths, strip_screen_seconds
from hhprod.planning.revisions import lock_schedule
from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def prod():
    return make.production("Split", planned_days=3)


def days(prod, count=3):
    return [make.shoot_day(prod, n, scheduled=date(2013, 9, 1 + n), actual=None) for n in range(1, count + 1)]


def scene(prod, number="1", eighths=5, seconds=120):
    return Scene.objects.create(production=prod, number=number, page_eighths=eighths, screen_seconds=seconds)


def shares(scene):
    strips = Strip.objects.filter(scene=scene).order_by("part")
    return list(strips.annotate(e=strip_eighths(), s=strip_screen_seconds()).values_list("part", "e", "s"))


def test_a_scene_split_in_three_parts_shares_its_length_the_first_parts_taking_the_odd_eighths(prod):
    one, planned = scene(prod), days(prod)
    for part, day in enumerate(planned, start=1):
        make.strip(day, one, part=part, parts=3)
    assert shares(one) == [(1, 2, 40), (2, 2, 40), (3, 1, 40)]
    figures = with_plan_figures(ShootDay.objects.filter(production=prod)).order_by("number")
    assert list(figures.values_list("planned_eighths", "planned_screen_seconds")) == [(2, 40), (2, 40), (1, 40)]
    # The stripboard's strip and the admin's list say the same for the one row in hand.
    assert [strip.pages_display for strip in Strip.objects.filter(scene=one).order_by("part")] == ["2/8", "2/8", "1/8"]


def test_a_part_given_a_length_keeps_it_and_the_others_share_what_is_left(prod):
    one, planned = scene(prod, eighths=16, seconds=100), days(prod)
    make.strip(planned[0], one, part=1, parts=3)
    make.strip(planned[1], one, part=2, parts=3, page_eighths=11, screen_seconds=70)
    make.strip(planned[2], one, part=3, parts=3)
    # 16 less 11 is 5, shared by parts 1 and 3: 3 and 2; 100 s less 70 is 30: 15 and 15.
    assert shares(one) == [(1, 3, 15), (2, 11, 70), (3, 2, 15)]
    assert Strip.objects.filter(scene=one).aggregate(total=Sum(strip_eighths()))["total"] == 16


def test_parts_given_more_than_the_scene_are_refused(prod):
    one, planned = scene(prod, eighths=5, seconds=120), days(prod)
    make.strip(planned[0], one, part=1, parts=2, page_eighths=3)
    second = Strip(shoot_day=planned[1], scene=one, order=1, part=2, parts=2, page_eighths=3)
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert refused.value.message_dict["page_eighths"] == [
        "Scene 1 is 5/8 pages long, but its parts are given 6/8 pages: the parts share the scene. Shorten this "
        "part, or leave it empty for its share of what the others leave."
    ]
    second.page_eighths, second.screen_seconds = 2, 121
    with pytest.raises(ValidationError, match="runs 120 s on screen, but its parts are given 121 s"):
        second.full_clean()
    second.screen_seconds = None
    second.full_clean()


def test_a_locked_revision_keeps_each_parts_share(prod):
    one, planned = scene(prod), days(prod)
    for part, day in enumerate(planned, start=1):
        make.strip(day, one, part=part, parts=3)
    revision = lock_schedule(prod, name="White", reason="The baseline.")
    locked = RevisionStrip.objects.filter(revision=revision).order_by("part")
    assert list(locked.values_list("part", "page_eighths")) == [(1, 2), (2, 2), (3, 1)]


def rained_out(prod):
    """Baseline days 1-3 on Monday to Wednesday, a scene each; Tuesday rained out, day 2 shot on Wednesday."""
    rig, ace = make.rig(), make.wearer(prod, "Ace")
    planned = [make.shoot_day(prod, n, scheduled=date(2013, 9, 1 + n), actual=None) for n in (1, 2, 3)]
    for n, day in enumerate(planned, start=1):
        make.strip(day, scene(prod, str(n), eighths=8))
    lock_schedule(prod, name="White", reason="The baseline.")
    for day, on in ((planned[0], date(2013, 9, 2)), (planned[1], date(2013, 9, 4))):
        ShootDay.objects.filter(pk=day.pk).update(status="shot", actual_date=on, change_cause="weather")
        make.take(day, day.strips.get().scene, rig, ace)
    return prod


def test_a_day_rained_out_and_shot_a_day_later_is_not_a_day_ahead(prod):
    # Two days shot, two baseline days' work done: on schedule in shooting days (the day's slip says it is
    # late), where days shot against the baseline days dated by Wednesday said "1 day ahead".
    assert day_counts(rained_out(prod))["behind"] == 0


@pytest.mark.django_db(transaction=True)
def test_revisions_locked_before_the_parts_shared_their_scene_are_divided_on_upgrade():
    executor = MigrationExecutor(connection)
    before = [("planning", "0008_call_sheet_fields_meal_times_revision_actual_dates")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    production = make.production("Old").pk  # the productions app's tables as they are now
    revision = old.get_model("planning", "ScheduleRevision").objects.create(
        production_id=production, number=1, name="White", dated=date(2013, 8, 26), reason="The baseline."
    )
    strips = old.get_model("planning", "RevisionStrip").objects
    for number, eighths, parts, lengths in (("1", 5, 3, [5, 5, 5]), ("2", 16, 2, [10, 6]), ("3", 8, 1, [8])):
        one = old.get_model("planning", "Scene").objects.create(
            production_id=production, number=number, page_eighths=eighths
        )
        for part, length in enumerate(lengths, start=1):
            strips.create(
                revision=revision, day_number=part, scene=one, scene_number=number, order=int(number), part=part,
                parts=parts, page_eighths=length,
            )  # fmt: skip
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    # Scene 1 had its whole 5/8 on each of three parts: now 2/8, 2/8 and 1/8. Scene 2's parts added up to
    # the scene: kept. Scene 3 was not split.
    kept = RevisionStrip.objects.order_by("scene_number", "part")
    assert list(kept.values_list("scene_number", "part", "page_eighths")) == [
        ("1", 1, 2), ("1", 2, 2), ("1", 3, 1), ("2", 1, 10), ("2", 2, 6), ("3", 1, 8),
    ]  # fmt: skip
