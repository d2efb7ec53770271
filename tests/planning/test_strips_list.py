"""The admin's strips list: each split part shows its share of the scene's pages and screen time, read
with the rows, in the same queries however many parts are listed."""

from datetime import date

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


def split_scene(prod, number, parts):
    scene = f.scene(prod, number)
    scene.page_eighths, scene.screen_seconds = 5, 90
    scene.save()
    for part in range(1, parts + 1):
        day = f.shoot_day(prod, 100 * int(number) + part, scheduled=date(2013, 9, part), actual=None)
        f.strip(day, scene, part=part, parts=parts)


@pytest.mark.parametrize("scenes", [1, 4])
def test_split_parts_show_their_share_in_the_same_queries(scenes, login_as, django_assert_num_queries):
    prod = f.production()
    for number in range(1, scenes + 1):
        split_scene(prod, str(number), 3)
    client = login_as("Producer")
    with django_assert_num_queries(8):
        rows = client.get(reverse("admin:planning_strip_changelist")).context["cl"].result_list
    shares = sorted((strip.scene.number, strip.part, strip.eighths, strip.seconds) for strip in rows)
    assert shares[:3] == [("1", 1, 2, 30), ("1", 2, 2, 30), ("1", 3, 1, 30)]
