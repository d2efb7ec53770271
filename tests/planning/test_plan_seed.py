"""The seed's plan: the 45-day White baseline, the revisions to 120 days, each added day's cause."""

import pytest
from django.db.models import Count, F, Sum

from hhprod.planning.days import with_plan_figures
from hhprod.planning.models import CalendarEntry, RevisionDay, RevisionStrip, Scene, ScheduleRevision, ShootDay, Strip
from hhprod.planning.revisions import baseline, compare, lock_schedule, variance_by_cause
from hhprod.productions.models import Production
from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db


@pytest.fixture
def henry(seed):
    return Production.objects.get(title="Hardcore Henry")


def latest(production):
    return ScheduleRevision.objects.filter(production=production).order_by("-number").first()


def test_the_baseline_is_the_approved_forty_five_day_white_revision(henry):
    white = baseline(henry)
    assert (white.colour, white.name, white.days.count()) == ("White", "Approved schedule", henry.planned_days)
    scheduled = ShootDay.objects.filter(production=henry, scheduled_date__isnull=False)
    assert set(white.days.values_list("shoot_day", "date")) == set(scheduled.values_list("pk", "scheduled_date"))


def test_the_revisions_follow_the_colour_order_to_one_hundred_and_twenty_days(henry):
    # Meta.ordering does not apply to a GROUP BY query: PostgreSQL returned them in another order.
    revisions = (
        ScheduleRevision.objects.filter(production=henry).annotate(days_planned=Count("days")).order_by("number")
    )
    assert [(r.colour, r.days_planned) for r in revisions] == [
        ("White", 45), ("Blue", 50), ("Pink", 90), ("Yellow", 120),
    ]  # fmt: skip
    assert latest(henry).days.count() == ShootDay.objects.filter(production=henry, status="shot").count() == 120


def test_every_day_beyond_the_baseline_has_a_cause_from_what_the_article_says(henry):
    rows = list(variance_by_cause(latest(henry)).values_list("cause", "days"))
    assert {cause for cause, _ in rows} == {"rig", "cast", "stunt"}
    assert sum(days for _, days in rows) == 120 - 45
    beyond = ShootDay.objects.filter(production=henry, number__gt=45)
    assert not beyond.filter(change_cause="").exists() and beyond.count() == 75


def test_the_plans_records_say_they_are_illustrative(henry):
    for model in [ScheduleRevision, RevisionDay, RevisionStrip, Strip, CalendarEntry]:
        assert not model.objects.exclude(source__icontains="illustrative").exists(), model.__name__
    assert not ShootDay.objects.filter(number__gt=45).exclude(change_note__icontains="illustrative").exists()


def test_two_hiatuses_on_the_calendar_and_no_shoot_day_inside_them(henry):
    hiatuses = CalendarEntry.objects.filter(production=henry, kind="hiatus")
    assert hiatuses.count() == 2
    for hiatus in hiatuses:
        hiatus.full_clean()
        assert not ShootDay.objects.filter(production=henry, actual_date__range=(hiatus.starts, hiatus.ends)).exists()
    assert CalendarEntry.objects.filter(production=henry, kind="travel").count() == 2 * 3


def test_every_strip_and_scene_breakdown_keeps_the_rules(henry):
    for strip in Strip.objects.select_related("shoot_day__production", "scene__production"):
        strip.full_clean()
    for scene in Scene.objects.filter(production=henry).select_related("rig"):
        scene.full_clean()
        assert scene.page_eighths and scene.head_rig and scene.rig


def test_each_scenes_takes_were_shot_on_the_days_the_plan_gives_it(henry):
    planned = set(Strip.objects.values_list("scene", "shoot_day"))
    shot = set(Take.objects.filter(shoot_day__production=henry).values_list("scene", "shoot_day").distinct())
    assert shot == planned


def test_each_day_holds_one_part_of_a_scene_and_its_share_of_the_pages(henry):
    # Each of the 40 scenes is split in three parts over three days; the parts share the scene's pages, so
    # the days add up to the script (70 7/8 pages), and so does every locked revision.
    days = with_plan_figures(ShootDay.objects.filter(production=henry))
    assert set(days.values_list("strip_count", flat=True)) == {1}
    scene_pages = Scene.objects.filter(production=henry).aggregate(total=Sum("page_eighths"))["total"]
    assert scene_pages == 70 * 8 + 7
    assert days.aggregate(total=Sum("planned_eighths"))["total"] == scene_pages
    locked = RevisionStrip.objects.filter(revision__production=henry).values("revision__number")
    assert {
        revision: total
        for revision, total in locked.annotate(total=Sum("page_eighths")).values_list("revision__number", "total")
    } == {1: scene_pages, 2: scene_pages, 3: scene_pages, 4: scene_pages}


def test_baseline_against_the_latest_adds_seventy_five_days_and_moves_the_forty_shot_late(henry):
    comparison = compare(baseline(henry), latest(henry))
    assert comparison.days_added.count() == 75
    assert not comparison.days_dropped.exists()
    # 40 of the 45 baseline days were shot on another date than planned: each is moved, from its plan to its shot.
    shot_late = ShootDay.objects.filter(production=henry, number__lte=45).exclude(actual_date=F("scheduled_date"))
    moved = comparison.days_moved
    assert moved.count() == shot_late.count() == 40
    assert set(moved.values_list("shoot_day", "date_before", "moved_to")) == set(
        shot_late.values_list("pk", "scheduled_date", "actual_date")
    )
    assert set(moved.values_list("shot_off_plan", flat=True)) == {True}
    finishes = [r.finish for r in comparison.finishes]
    assert finishes[0] < finishes[1] == ShootDay.objects.filter(production=henry).latest("actual_date").actual_date


def test_locking_the_current_schedule_now_matches_the_latest_revision(henry):
    yellow = latest(henry)
    green = lock_schedule(henry, name="As shot", reason="Wrap")
    assert green.colour == "Green"
    comparison = compare(yellow, green)
    for found in [comparison.days_added, comparison.days_dropped, comparison.days_moved, comparison.scenes_moved]:
        assert not found.exists()
