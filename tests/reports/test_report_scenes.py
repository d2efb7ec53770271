"""Scenes: planned against shot, scene by scene and day by day."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.http import QueryDict

from hhprod.planning.models import Scene, ShootDay, Strip
from hhprod.planning.revisions import lock_schedule
from hhprod.reports import scenes as queries
from tests import factories as make
from tests.reporting import report_file, report_url

pytestmark = pytest.mark.django_db
SLUG = "scenes"


def shoot(prod, days=3, extra=0):
    """Scenes 1 and 2 on day 1, 3 on day 2, 4 on day 3 (White); then 4 moved to day 2 (Blue).

    Day 1 shot on its date with scene 1 circled and scene 2 only good; day 2 shot a day late with scene 2
    circled and scene 9, never planned, circled. `extra` more planned, unshot days with a scene each."""
    rig, wearer = make.rig(f"{prod} rig", version=prod.pk), make.wearer(prod, f"{prod} wearer")
    day1 = make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 2))
    day2 = make.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=date(2013, 9, 4))
    day3 = make.shoot_day(prod, 3, scheduled=date(2013, 9, 5), actual=None)
    scene = {n: Scene.objects.create(production=prod, number=str(n), page_eighths=8 + n) for n in (1, 2, 3, 4, 9)}
    make.strip(day1, scene[1], 1), make.strip(day1, scene[2], 2), make.strip(day2, scene[3], 1)
    make.strip(day3, scene[4], 1)
    for number in range(4, 4 + extra):
        day = make.shoot_day(prod, number, scheduled=date(2013, 9, 2) + timedelta(days=number), actual=None)
        make.strip(day, make.scene(prod, f"x{number}"))
    lock_schedule(prod, name="Approved", reason="Studio approval", dated=date(2013, 8, 20))
    Strip.objects.filter(scene=scene[4]).update(shoot_day=day2, order=2)
    lock_schedule(prod, name="Moved", reason="Scene 4 earlier", dated=date(2013, 8, 30))
    make.take(day1, scene[1], rig, wearer, 1, status="circled")
    make.take(day1, scene[2], rig, wearer, 1, status="good")
    make.take(day2, scene[2], rig, wearer, 2, status="circled")
    make.take(day2, scene[9], rig, wearer, 1, status="circled")
    return prod


@pytest.fixture
def feature():
    return shoot(make.production("Feature", planned_days=None))


def rows(prod, state=""):
    return {s.number: s for s in queries.SceneFilter(QueryDict(f"state={state}"), queryset=queries.scene_plan(prod)).qs}


def test_each_scene_has_its_planned_days_its_shooting_and_its_slip(feature):
    got = rows(feature)
    fields = ("baseline_day", "latest_day", "plan_day", "first_shot_day", "circled_day", "slip")
    assert {n: tuple(getattr(s, f) for f in fields) for n, s in got.items()} == {
        "1": (1, 1, 1, 1, 1, 0),
        "2": (1, 1, 1, 1, 2, 2),  # planned for 2 Sep, circled on day 2, shot 4 Sep
        "3": (2, 2, 2, None, None, None),
        "4": (3, 2, 2, None, None, None),
        "9": (None, None, None, 2, 2, None),
    }


def test_the_filters_find_scenes_planned_not_shot_and_shot_not_planned(feature):
    assert sorted(rows(feature, "planned_not_shot")) == ["3", "4"]
    assert sorted(rows(feature, "shot_not_planned")) == ["9"]


def test_per_day_scenes_and_pages_planned_against_completed(feature):
    days = {d.number: d for d in queries.day_plan(feature)}
    figures = ("strip_count", "planned_eighths", "completed_scenes", "completed_eighths")
    # A scene is completed by the day that shoots its last part, whatever its takes' marks (figures.progress):
    # scenes 1 and 2 on day 1; scene 2 shot again on day 2 adds nothing; scene 9, never planned, counts whole.
    assert {n: tuple(getattr(d, f) for f in figures) for n, d in days.items()} == {
        1: (2, 9 + 10, 2, 9 + 10),
        2: (2, 11 + 12, 1, 17),
        3: (0, None, 0, 0),
    }


def test_a_value_not_in_the_filter_is_a_message_not_an_error(feature, staff_client):
    response = staff_client.get(report_url(feature, SLUG, state="bogus"))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_page_and_csv_cost_the_same_queries_at_two_sizes(staff_client, django_assert_num_queries):
    for title, extra in (("Small", 0), ("Large", 40)):
        prod = shoot(make.production(title, planned_days=None), extra=extra)
        # Session, user, productions, the scenes and their count, the days and the scenes completed
        # on each, the production picker.
        with django_assert_num_queries(8):
            page = staff_client.get(report_url(prod, SLUG))
        assert page.status_code == 200 and "Scenes: planned against shot" in page.content.decode()
        # The same, less the picker: the per-day table is built with the scenes' though not written.
        with django_assert_num_queries(6):
            body = b"".join(staff_client.get(report_url(prod, SLUG, export="csv"))).decode()
        assert len(list(csv.reader(io.StringIO(body)))) == 1 + 5 + extra


def test_the_page_shows_a_hundred_scenes_at_a_time_and_the_csv_all(staff_client):
    prod = shoot(make.production("Long shoot", planned_days=None), extra=100)
    table = staff_client.get(report_url(prod, SLUG, page=2)).context["content"].tables[0][1]
    assert table.paginator.count == 105 and [row.record.number for row in table.paginated_rows][-2:] == ["x98", "x99"]
    body = b"".join(staff_client.get(report_url(prod, SLUG, export="csv"))).decode()
    assert len(list(csv.reader(io.StringIO(body)))) == 1 + 105


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf", "md"])
def test_every_download_holds_the_scenes(feature, fmt):
    data = report_file(feature, SLUG, fmt)
    assert data
    if fmt in ("csv", "md"):
        text = data.decode()
        assert "Baseline day" in text and "Circled on day" in text


def test_the_seed_plans_every_scene_it_shoots(henry):
    shot_not_planned = rows(henry, "shot_not_planned")
    planned = ShootDay.objects.filter(production=henry, strips__isnull=False).distinct().count()
    assert planned and len(rows(henry)) == henry.scenes.count()
    assert all(s.first_shot_day for s in shot_not_planned.values())
