"""The cutting room's selects (an EDL and an OpenTimelineIO timeline) and the take log's ALE, read
back by OpenTimelineIO and its ALE and CMX 3600 adapters: every circled take at its own timecode."""

import io

import opentimelineio as otio
import pytest
from django.core.management import call_command
from django.urls import reverse

from hhprod.shooting.models import Take

pytestmark = pytest.mark.django_db


def export(client, production, fmt, **params):
    response = client.get(reverse("reports:report", args=[production.pk, "take-log"]), {"export": fmt, **params})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    content = response.streaming_content if response.streaming else [response.content]
    return b"".join(content).decode()


def clips(timeline):
    """(name, source start, duration), each as timecode at the clip's rate, of the timeline's clips."""
    found = []
    for clip in timeline.find_clips():
        start, duration = clip.source_range.start_time, clip.source_range.duration
        found.append((clip.name, otio.opentime.to_timecode(start, start.rate), duration.to_seconds()))
    return found


def circled_on(production, **where):
    takes = Take.objects.filter(scene__production=production, status="circled", **where)
    return [
        (f"{take.scene.number}{take.setup}-{take.number}", take.time_of_day.strftime("%H:%M:%S:00"), take.length)
        for take in takes.select_related("scene").order_by("shoot_day", "scene", "setup", "number")
    ]


def test_the_seeds_selects_open_in_opentimelineio_with_every_circled_take_at_its_own_timecode(henry, staff_client):
    expected = circled_on(henry)
    assert len(expected) > 50 and len({start for _, start, _ in expected}) > 50
    edl = otio.adapters.read_from_string(export(staff_client, henry, "edl"), "cmx_3600", rate=25)
    assert clips(edl) == expected
    timeline = otio.adapters.read_from_string(export(staff_client, henry, "otio"), "otio_json")
    assert clips(timeline) == expected
    assert timeline.name == "Hardcore Henry selects"


def test_selects_of_a_day_and_of_a_scene_follow_the_take_log_filters(henry, staff_client):
    day = otio.adapters.read_from_string(export(staff_client, henry, "otio", day_from=3, day_to=3), "otio_json")
    assert clips(day) == circled_on(henry, shoot_day__number=3) != []
    scene = otio.adapters.read_from_string(export(staff_client, henry, "edl", scene="2"), "cmx_3600", rate=25)
    assert clips(scene) == circled_on(henry, scene__number="2") != []


def test_the_edl_names_each_events_reel_clip_and_file(henry, staff_client):
    take = Take.objects.filter(scene__production=henry, status="circled").order_by("shoot_day", "number").first()
    Take.objects.filter(pk=take.pk).update(roll="A001", clip_name="GOPR0042.MP4")
    edl = export(staff_client, henry, "edl")
    assert edl.startswith("TITLE: Hardcore Henry selects\nFCM: NON-DROP FRAME\n\n001  A001     V     C        09:")
    timeline = otio.adapters.read_from_string(edl, "cmx_3600", rate=25)
    first = next(iter(timeline.find_clips()))
    assert first.media_reference.target_url == "GOPR0042.MP4"
    otio_first = next(
        iter(otio.adapters.read_from_string(export(staff_client, henry, "otio"), "otio_json").find_clips())
    )
    assert otio_first.media_reference.target_url == "GOPR0042.MP4"


def test_the_seeds_ale_opens_in_opentimelineio_with_every_take_at_its_timecode(henry, tmp_path):
    path = tmp_path / "henry.ale"
    call_command(
        "report", "take-log", production="Hardcore Henry", format="ale", output=str(path), stderr=io.StringIO()
    )
    timeline = otio.adapters.read_from_file(str(path), "ale")
    takes = Take.objects.filter(scene__production=henry).select_related("scene")
    expected = [
        (f"{take.scene.number}{take.setup}-{take.number}", take.time_of_day.strftime("%H:%M:%S:00"), take.length)
        for take in takes.order_by("shoot_day", "scene", "setup", "number")
    ]
    assert clips(timeline) == expected
