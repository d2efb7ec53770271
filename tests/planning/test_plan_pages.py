"""The plan's pages: the breakdown sheet, the plan's admin lists, locking and comparing, by role."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from hhprod.planning.models import CalendarEntry, Scene, ScheduleRevision, ShootDay, Strip
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.models import Credit
from tests import factories

pytestmark = pytest.mark.django_db

START = date(2013, 9, 2)


def plan(prod, days):
    """`days` planned days, two scenes on each, a day off after each, locked as White."""
    for number in range(1, days + 1):
        on = START + timedelta(days=2 * (number - 1))
        day = factories.shoot_day(prod, number, scheduled=on, actual=None)
        for order in (1, 2):
            factories.strip(day, factories.scene(prod, f"{number}.{order}"), order=order)
        factories.calendar_entry(prod, "day_off", on + timedelta(days=1))
    return lock_schedule(prod, name="Approved", reason="Studio approval", dated=START)


@pytest.fixture
def broken_down_scene():
    prod = factories.production("Hardcore test")
    rig = factories.rig("v2", version=2, material="plastic")
    scene = Scene.objects.create(
        production=prod, number="42", set_name="Lab — corridor", location="Moscow, disused factory",
        setting="int", time_of_day="night", page_eighths=11, synopsis="Henry wakes up with no voice.",
        screen_seconds=95, head_rig=True, rig=rig, stunt_notes="Fall from the gantry onto mats.",
        safety_notes="Rig wearer on a safety line; medic on set.",
    )  # fmt: skip
    star = Credit.objects.create(production=prod, person=factories.person("Sharlto Copley"), role="cast")
    double = Credit.objects.create(
        production=prod, person=factories.person("Unnamed stunt performer 1"), role="stunt_performer"
    )
    scene.cast.set([star, double])
    day = factories.shoot_day(prod, 7, scheduled=date(2013, 9, 10), actual=None)
    factories.strip(day, scene, part=1, parts=2)
    return scene


def test_the_breakdown_sheet_prints_the_scenes_breakdown(broken_down_scene, staff_client, django_assert_num_queries):
    # Session, login, then the scene with its production and rig, its cast, its strips with their days.
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("breakdown_sheet", args=[broken_down_scene.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Breakdown sheet — scene 42", "Hardcore test", "INT.", "Night", "1 3/8", "1:35", "Lab — corridor",
        "Moscow, disused factory", "Henry wakes up with no voice.", "Sharlto Copley", "Unnamed stunt performer 1",
        "Worn: v2 (3D-printed plastic)", "Fall from the gantry onto mats.", "Rig wearer on a safety line",
        "Day 7, part 1/2 (10 Sep 2013)", "@page { size: A4 portrait",
    ]:  # fmt: skip
        assert text in page, text


def test_the_breakdown_sheet_needs_a_login_and_the_view_permission(broken_down_scene, client, django_user_model):
    url = reverse("breakdown_sheet", args=[broken_down_scene.pk])
    assert client.get(url).url.startswith(reverse("admin:login"))
    client.force_login(django_user_model.objects.create_user("nobody"))
    assert client.get(url).status_code == 403


def test_a_scenes_admin_page_links_its_breakdown_sheet(broken_down_scene, staff_client):
    page = staff_client.get(reverse("admin:planning_scene_change", args=[broken_down_scene.pk])).content.decode()
    assert reverse("breakdown_sheet", args=[broken_down_scene.pk]) in page


# Queries per changelist: session, login, the production filter's choices, the counts and the rows;
# the calendar's date links add two.
CHANGELISTS = {Strip: 6, CalendarEntry: 8, ScheduleRevision: 6}


@pytest.mark.parametrize("model", CHANGELISTS, ids=lambda m: m.__name__)
def test_plan_changelists_cost_the_same_at_three_days_and_at_thirty(staff_client, django_assert_num_queries, model):
    for title, days in [("Small", 3), ("Large", 30)]:
        plan(factories.production(title), days)
        url = reverse(f"admin:planning_{model._meta.model_name}_changelist")
        with django_assert_num_queries(CHANGELISTS[model]):
            response = staff_client.get(url)
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == model.objects.count()


def test_a_revisions_page_lists_its_days_as_locked_for_the_same_queries_at_any_size(
    staff_client, django_assert_num_queries
):
    for title, days in [("Small", 4), ("Large", 30)]:
        white = plan(factories.production(title), days)
        ContentType.objects.clear_cache()
        # Session, login, the revision with its production and locker, its days, the content type.
        with django_assert_num_queries(5):
            response = staff_client.get(reverse("admin:planning_schedulerevision_change", args=[white.pk]))
        assert response.status_code == 200
        assert 'name="_save"' not in response.content.decode()
        assert len(response.context["inline_admin_formsets"][0].formset.forms) == days


def test_the_ad_locks_the_schedule_from_the_admin(login_as):
    prod = factories.production()
    plan(prod, 2)
    factories.shoot_day(prod, 3, scheduled=date(2013, 9, 20), actual=None, change_cause="cast", change_note="Trip")
    client = login_as("Assistant director")
    response = client.post(
        reverse("admin:planning_schedulerevision_lock"),
        {"production": prod.pk, "name": "Star's trip", "dated": "2013-09-05", "reason": "Star back to Russia"},
    )
    blue = ScheduleRevision.objects.get(number=2)
    assert response.url == reverse("admin:planning_schedulerevision_change", args=[blue.pk])
    assert (blue.colour, blue.locked_by.username, blue.days.count()) == ("Blue", "assistant_director", 3)


def test_locking_refused_for_a_day_without_a_cause_says_why_on_the_page(login_as):
    prod = factories.production()
    plan(prod, 2)
    factories.shoot_day(prod, 3, scheduled=date(2013, 9, 20), actual=None)
    response = login_as("Producer").post(
        reverse("admin:planning_schedulerevision_lock"),
        {"production": prod.pk, "name": "Blue", "dated": "2013-09-05", "reason": "More days"},
    )
    assert response.status_code == 200
    assert "Give a cause for day 3 (added beyond the baseline or moved since White)" in response.content.decode()
    assert ScheduleRevision.objects.count() == 1


@pytest.mark.parametrize("role", ["Script supervisor", "Rig technician", "Viewer"])
def test_only_the_producer_and_the_ad_lock_a_revision(login_as, role):
    prod = factories.production()
    plan(prod, 1)
    client = login_as(role)
    changelist = client.get(reverse("admin:planning_schedulerevision_changelist")).content.decode()
    assert changelist.count(reverse("admin:planning_schedulerevision_lock")) == 0
    lock = client.post(
        reverse("admin:planning_schedulerevision_lock"),
        {"production": prod.pk, "name": "Blue", "dated": "2013-09-05", "reason": "x"},
    )
    assert lock.status_code == 403
    assert ScheduleRevision.objects.count() == 1


@pytest.mark.parametrize("role", ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"])
def test_every_role_views_the_plan_and_only_the_producer_and_the_ad_change_it(login_as, role):
    plan(factories.production(), 1)
    client = login_as(role)
    planner = role in ("Producer", "Assistant director")
    for model in [Strip, CalendarEntry, ScheduleRevision]:
        name = model._meta.model_name
        assert client.get(reverse(f"admin:planning_{name}_changelist")).status_code == 200, name
    for model in [Strip, CalendarEntry]:
        name = model._meta.model_name
        assert client.get(reverse(f"admin:planning_{name}_add")).status_code == (200 if planner else 403), name


def test_the_script_supervisor_breaks_down_a_scene(login_as):
    prod = factories.production()
    scene = factories.scene(prod, "5")
    response = login_as("Script supervisor").post(
        reverse("admin:planning_scene_change", args=[scene.pk]),
        {"production": prod.pk, "number": "5", "setting": "ext", "time_of_day": "day", "page_eighths": 13,
         "synopsis": "Rooftop chase."},
    )  # fmt: skip
    assert response.status_code == 302
    scene.refresh_from_db()
    assert (scene.pages_display, scene.get_setting_display(), scene.synopsis) == ("1 5/8", "EXT.", "Rooftop chase.")


def compare_url(before, after):
    return reverse("admin:planning_schedulerevision_compare") + f"?before={before.pk}&after={after.pk}"


def test_the_comparison_page_shows_a_moved_day_a_moved_scene_and_each_finish(staff_client, django_assert_num_queries):
    prod = factories.production()
    white = plan(prod, 3)
    ShootDay.objects.filter(production=prod, number=3).update(scheduled_date=date(2013, 9, 30), change_cause="rig")
    Strip.objects.filter(scene__number="1.2").update(shoot_day=ShootDay.objects.get(number=2), order=3)
    blue = lock_schedule(prod, name="Rig rebuild", reason="Metal rig replaced", dated=date(2013, 9, 8))
    # Session, login, the two revisions for the form, each side's choices, then the comparison's six tables.
    with django_assert_num_queries(12):
        response = staff_client.get(compare_url(white, blue))
    page = response.content.decode()
    assert "Rig failure or rebuild" in page
    moved_day = response.context["comparison"].days_moved.get()
    assert (moved_day.number, moved_day.date_before, moved_day.date) == (3, date(2013, 9, 6), date(2013, 9, 30))
    moved_scene = response.context["comparison"].scenes_moved.get()
    assert (moved_scene.scene_number, moved_scene.day_before, moved_scene.day_number) == ("1.2", 1, 2)
    assert [r.finish for r in response.context["comparison"].finishes] == [date(2013, 9, 6), date(2013, 9, 30)]


def test_the_comparison_page_shows_a_day_shot_on_another_date_than_planned(staff_client, django_assert_num_queries):
    prod = factories.production()
    white = plan(prod, 2)
    ShootDay.objects.filter(production=prod, number=2).update(status="shot", actual_date=date(2013, 9, 9))
    blue = lock_schedule(prod, name="As shot", reason="Day 2 slipped", dated=date(2013, 9, 10))
    # Session, login, the two revisions for the form, each side's choices, then the comparison's six tables.
    with django_assert_num_queries(12):
        response = staff_client.get(compare_url(white, blue))
    assert (
        "<tr><td>2</td><td>4 Sep 2013</td><td>9 Sep 2013</td><td>Shot on 9 Sep 2013, planned for 4 Sep 2013</td>"
        "<td>—</td><td></td></tr>"
    ) in response.content.decode()


def test_comparing_a_revision_with_itself_says_so_on_the_page(staff_client):
    white = plan(factories.production(), 1)
    response = staff_client.get(compare_url(white, white))
    assert response.status_code == 200
    assert "White is compared with itself: choose two different revisions." in response.content.decode()
    assert response.context["comparison"] is None


def test_the_strip_form_offers_every_day_by_name_for_the_same_queries_at_any_size(
    staff_client, django_assert_num_queries
):
    for title, days in [("Small", 3), ("Large", 30)]:
        plan(factories.production(title), days)
        ContentType.objects.clear_cache()
        # Session, login, the content type, the days with their productions.
        with django_assert_num_queries(4):
            response = staff_client.get(reverse("admin:planning_strip_add"))
        labels = [label for _, label in response.context["adminform"].form.fields["shoot_day"].choices][1:]
        assert len(labels) == ShootDay.objects.count() and f"{title} day {days}" in labels


def test_the_ads_walk_break_down_place_on_a_new_day_dated_tomorrow_lock_and_compare(login_as):
    prod = factories.production()
    white = plan(prod, 2)
    tomorrow = date.today() + timedelta(days=1)
    client = login_as("Producer")
    inlines = {f"{name}-{key}": value for name in ("calls", "takes") for key, value in
               [("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0), ("MIN_NUM_FORMS", 0), ("MAX_NUM_FORMS", 1000)]}  # fmt: skip
    day = client.post(
        reverse("admin:planning_shootday_add"),
        {"production": prod.pk, "number": 3, "scheduled_date": tomorrow.isoformat(), "status": "scheduled",
         "change_cause": "reshoot", "change_note": "Pick-ups", **inlines},
    )  # fmt: skip
    assert day.status_code == 302
    scene = client.post(
        reverse("admin:planning_scene_add"),
        {"production": prod.pk, "number": "50", "setting": "ext", "time_of_day": "night", "page_eighths": 5},
    )
    assert scene.status_code == 302
    strip = client.post(
        reverse("admin:planning_strip_add"),
        {"shoot_day": ShootDay.objects.get(production=prod, number=3).pk,
         "scene": Scene.objects.get(production=prod, number="50").pk, "order": 1, "part": 1, "parts": 1},
    )  # fmt: skip
    assert strip.status_code == 302
    client.post(
        reverse("admin:planning_schedulerevision_lock"),
        {"production": prod.pk, "name": "Pick-ups", "dated": date.today().isoformat(), "reason": "Reshoot"},
    )
    blue = ScheduleRevision.objects.get(production=prod, number=2)
    page = client.get(compare_url(white, blue))
    added = page.context["comparison"].days_added.get()
    assert (added.number, added.date, added.get_cause_display()) == (3, tomorrow, "Reshoot")
    assert [r.finish for r in page.context["comparison"].finishes] == [date(2013, 9, 4), tomorrow]
    assert "Reshoot" in page.content.decode()
