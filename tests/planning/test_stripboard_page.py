"""The stripboard page: what it shows, who may move strips, the lock from the board, its fixed query count."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from hhprod.planning.board import board_version
from hhprod.planning.models import Scene, ScheduleRevision, Strip
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.models import Credit
from tests import factories

pytestmark = pytest.mark.django_db

START = date(2013, 9, 2)


def plan(prod, days, per_day=3):
    """`days` planned days of `per_day` strips (INT. day, EXT. night...), a day off after each, and a boneyard scene."""
    star = Credit.objects.create(production=prod, person=factories.person("Star"), role="cast")
    for number in range(1, days + 1):
        day = factories.shoot_day(prod, number, scheduled=START + timedelta(days=2 * (number - 1)), actual=None)
        for order in range(1, per_day + 1):
            scene = Scene.objects.create(
                production=prod, number=f"{number}.{order}", setting="ext" if order % 2 else "int",
                time_of_day="night" if order % 2 else "day", page_eighths=order + 2, set_name="Lab",
            )  # fmt: skip
            scene.cast.add(star)
            factories.strip(day, scene, order=order)
        factories.calendar_entry(prod, "day_off", day.scheduled_date + timedelta(days=1))
    Scene.objects.create(production=prod, number="99", setting="int", time_of_day="day")
    return prod


def board_url(prod, page=""):
    return reverse(f"stripboard{'_' + page if page else ''}", args=[prod.pk])


def test_the_board_shows_days_with_their_totals_strips_in_colour_and_the_boneyard(login_as):
    prod = plan(factories.production(), 2)
    factories.calendar_entry(prod, "hiatus", date(2013, 10, 1), date(2013, 10, 20))
    page = login_as("Viewer").get(board_url(prod)).content.decode()
    assert 'Day 1 <span class="day-date">Mon 2 Sep 2013</span>' in page
    assert (
        'pages <span class="day-pages">1 4/8</span> · strips <span class="day-scenes">3</span>' in page
    )  # 3+4+5 eighths
    assert page.count('class="strip strip-ext-night"') == 4 and page.count('class="strip strip-int-day"') == 3
    assert "Day off · Tue 3 Sep 2013" in page and "Hiatus · Tue 1 Oct 2013 – Sun 20 Oct 2013" in page
    assert page.index("Day 1 <span") < page.index("Day off · Tue 3 Sep") < page.index("Day 2 <span")
    assert 'aria-label="Scene 99, INT. Day, no set, — pages"' in page  # the boneyard's one scene
    assert 'aria-label="Scene 1.2, INT. Day, Lab, 4/8 pages, cast 1"' in page


def test_a_viewer_reads_the_board_without_edit_controls(login_as):
    page = login_as("Viewer").get(board_url(plan(factories.production(), 1))).content.decode()
    assert "Move…" not in page and "Undo my last move" not in page and "Lock as revision" not in page
    assert "stripboard.js" not in page


def test_the_ad_gets_the_edit_controls_and_the_script_from_a_static_file(login_as):
    page = login_as("Assistant director").get(board_url(plan(factories.production(), 1))).content.decode()
    assert "Move…" in page and "Undo my last move" in page and "Lock as revision" in page
    assert '<script src="/static/planning/stripboard.js" defer>' in page and "<script>" not in page


def test_a_viewer_cannot_move_a_strip(login_as):
    prod = plan(factories.production(), 2)
    strip = Strip.objects.get(scene__number="1.1")
    response = login_as("Viewer").post(
        board_url(prod, "move"), {"scene": strip.scene_id, "part": 1, "day": strip.shoot_day_id, "position": 3,
                                  "version": 0},
    )  # fmt: skip
    assert response.status_code == 403
    assert Strip.objects.get(pk=strip.pk).order == 1 and board_version(prod) == 0


def test_the_ad_moves_a_strip_and_gets_the_days_new_totals(login_as):
    prod = plan(factories.production(), 2)
    strip, day2 = Strip.objects.get(scene__number="1.1"), prod.shoot_days.get(number=2)
    response = login_as("Assistant director").post(
        board_url(prod, "move"), {"scene": strip.scene_id, "part": 1, "day": day2.pk, "position": 1, "version": 0}
    )
    answer = response.json()
    assert answer["message"] == "Scene 1.1 is on day 2, place 1." and answer["stale"] is False
    assert answer["days"] == {
        str(strip.shoot_day_id): {"scenes": 2, "pages": "1 1/8"},
        str(day2.pk): {"scenes": 4, "pages": "1 7/8"},  # 3/8 + 4/8 + 5/8 and scene 1.1's 3/8
    }
    assert Strip.objects.get(pk=strip.pk).shoot_day == day2
    assert Strip.history.latest().history_user.username == "assistant_director"


def test_a_move_made_on_an_old_version_of_the_board_is_kept_and_marked_stale(login_as):
    prod = plan(factories.production(), 2)
    client = login_as("Producer")
    first, second = Strip.objects.get(scene__number="1.1"), Strip.objects.get(scene__number="2.1")
    client.post(board_url(prod, "move"), {"scene": first.scene_id, "day": first.shoot_day_id, "position": 3,
                                          "version": 0})  # fmt: skip
    answer = client.post(
        board_url(prod, "move"), {"scene": second.scene_id, "day": second.shoot_day_id, "position": 2, "version": 0}
    ).json()
    assert answer["stale"] is True
    assert Strip.objects.get(pk=first.pk).order == 3 and Strip.objects.get(pk=second.pk).order == 2


def test_a_refused_move_answers_with_its_reason(login_as):
    prod = plan(factories.production(), 1)
    cancelled = factories.shoot_day(prod, 9, scheduled=date(2014, 1, 1), actual=None, status="cancelled")
    strip = Strip.objects.get(scene__number="1.1")
    response = login_as("Producer").post(
        board_url(prod, "move"), {"scene": strip.scene_id, "day": cancelled.pk, "position": 1, "version": 0}
    )
    assert response.status_code == 409
    assert response.json() == {"error": "Day 9 is cancelled: scenes cannot be planned on a cancelled day."}


def test_undo_from_the_board(login_as):
    prod = plan(factories.production(), 1)
    client = login_as("Producer")
    scene = Scene.objects.get(number="99")
    client.post(board_url(prod, "move"), {"scene": scene.pk, "day": prod.shoot_days.get().pk, "position": 1,
                                          "version": 0})  # fmt: skip
    answer = client.post(board_url(prod, "undo")).json()
    assert answer["message"] == "Undone: Scene 99 is off the schedule, in the boneyard."
    assert not scene.strips.exists()


def test_locking_from_the_board_makes_the_next_revision(login_as):
    prod = plan(factories.production(), 1)
    response = login_as("Assistant director").post(
        board_url(prod, "lock"), {"name": "Approved", "dated": "2013-08-01", "reason": "Studio approval"}, follow=True
    )
    assert ScheduleRevision.objects.get().colour == "White"
    assert "Locked " in response.content.decode()


def test_locking_from_the_board_asks_the_cause_of_an_added_day(login_as):
    prod = plan(factories.production(), 1)
    lock_schedule(prod, name="Approved", reason="Studio approval")
    factories.shoot_day(prod, 2, scheduled=date(2013, 12, 1), actual=None)
    response = login_as("Producer").post(board_url(prod, "lock"), {"name": "Blue", "dated": "2013-09-01",
                                                                   "reason": "Rig rebuild"})  # fmt: skip
    assert "Give a cause for day 2 (added beyond the baseline" in response.content.decode()
    assert '<details class="lock" open>' in response.content.decode()
    assert ScheduleRevision.objects.count() == 1


@pytest.mark.parametrize("days", [2, 40])
def test_the_board_reads_in_the_same_queries_at_any_size(login_as, django_assert_num_queries, days):
    prod = plan(factories.production(), days)
    client = login_as("Producer")
    # 14: the producer's board carries the add-day form, which asks whether a baseline is locked.
    with django_assert_num_queries(14):
        response = client.get(board_url(prod))
    assert response.content.decode().count('class="day"') == days


def test_the_board_is_linked_from_the_admin_index_and_the_strips_list(login_as):
    plan(factories.production(), 1)
    client = login_as("Viewer")
    assert reverse("stripboard_index") in client.get(reverse("admin:index")).content.decode()
    assert reverse("stripboard_index") in client.get(reverse("admin:planning_strip_changelist")).content.decode()


def shoot_day_one(prod):
    day = prod.shoot_days.get(number=1)
    day.status, day.actual_date = "shot", date(2013, 9, 3)
    day.save()
    return day


def test_a_shot_day_is_marked_and_its_strips_held(login_as):
    prod = plan(factories.production(), 2)
    shoot_day_one(prod)
    page = login_as("Producer").get(board_url(prod)).content.decode()
    assert '<span class="day-flag">shot Tue 3 Sep 2013</span>' in page
    assert page.count('data-held="Day 1 was shot: its strips are held, as shot."') == 3
    assert page.count('class="strip strip-ext-night held"') == 2 and page.count('class="strip strip-int-day held"') == 1
    assert page.count('data-shot="true"') == 1
    assert "Day 1 — Mon 2 Sep 2013 (shot)</option>" in page


def test_a_move_off_a_shot_day_is_refused_with_the_reason(login_as):
    prod = plan(factories.production(), 2)
    shoot_day_one(prod)
    strip = Strip.objects.get(scene__number="1.1")
    response = login_as("Producer").post(
        board_url(prod, "move"),
        {"scene": strip.scene_id, "day": prod.shoot_days.get(number=2).pk, "position": 1, "version": 0},
    )
    assert response.status_code == 409
    assert response.json() == {
        "error": "Day 1 was shot on Tue 3 Sep 2013: its strips stay as shot. Plan a reshoot as a new day instead."
    }
    assert Strip.objects.get(pk=strip.pk).shoot_day.number == 1


def test_the_ad_adds_a_day_on_the_board_and_it_opens_on_it(login_as, django_assert_num_queries):
    prod = plan(factories.production(), 1)
    client = login_as("Assistant director")
    response = client.post(
        board_url(prod, "add_day"), {"scheduled_date": "2013-09-20", "change_cause": "reshoot", "change_note": ""}
    )
    day = prod.shoot_days.get(number=2)
    assert response.status_code == 302 and response.url == board_url(prod) + f"#day-{day.pk}"
    assert (day.scheduled_date, day.change_cause, day.strips.count()) == (date(2013, 9, 20), "reshoot", 0)
    page = client.get(board_url(prod)).content.decode()
    assert "Day 2 added, empty: drag strips onto it, or use “Move…”." in page
    assert 'Day 2 <span class="day-date">Fri 20 Sep 2013</span>' in page


def test_a_day_with_a_cause_not_on_the_list_is_not_added_and_the_form_says_why(login_as):
    prod = plan(factories.production(), 1)
    response = login_as("Producer").post(board_url(prod, "add_day"), {"scheduled_date": "", "change_cause": "mood"})
    assert response.status_code == 200 and prod.shoot_days.count() == 1
    page = response.content.decode()
    assert '<details class="add-day" open>' in page
    assert "Select a valid choice. mood is not one of the available choices." in page


def test_a_viewer_and_the_script_supervisor_may_not_add_a_day(login_as):
    prod = plan(factories.production(), 1)
    for role in ("Viewer", "Script supervisor"):
        client = login_as(role)
        assert "Add a day" not in client.get(board_url(prod)).content.decode()
        assert client.post(board_url(prod, "add_day"), {"scheduled_date": ""}).status_code == 403
    assert prod.shoot_days.count() == 1


def test_a_day_added_after_the_baseline_needs_its_cause(login_as):
    prod = plan(factories.production(), 2)
    client = login_as("Producer")
    client.post(board_url(prod, "lock"), {"name": "White", "dated": "2013-08-01", "reason": "Approved"})
    days = prod.shoot_days.count()
    page = client.post(reverse("stripboard_add_day", args=[prod.pk]), {"scheduled_date": "2013-09-20"})
    assert "This field is required." in page.content.decode() and prod.shoot_days.count() == days
