"""The take log as an Avid Log Exchange file, read back by an ALE reader written here from the
format's description: a Heading section of tab-separated name/value lines, a Column section
naming the fields, a Data section of tab-separated lines, one field under each column."""

import io
from datetime import date, time

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests import factories as make

pytestmark = pytest.mark.django_db


def read_ale(text):
    """(heading, rows): every section must be there, and every data line as long as the columns."""
    sections, current = {}, None
    for raw in text.split("\n"):
        if raw in ("Heading", "Column", "Data"):
            current = sections.setdefault(raw, [])
        elif raw and current is not None:
            current.append(raw.split("\t"))
    assert set(sections) == {"Heading", "Column", "Data"}
    heading = {name: value for name, value in sections["Heading"]}
    (columns,) = sections["Column"]
    assert all(len(fields) == len(columns) for fields in sections["Data"])
    return heading, [dict(zip(columns, fields, strict=True)) for fields in sections["Data"]]


@pytest.fixture
def rolled():
    prod = make.production("Rolled")
    who = make.wearer(prod, "Ilya Naishuller")
    v2 = make.rig("v2")
    day = make.shoot_day(prod, 1, actual=date(2013, 9, 5))
    twelve = make.scene(prod, "12")
    fields = {"roll": "A012", "frame_rate": 48, "resolution": "1080p"}
    make.take(
        day,
        twelve,
        v2,
        who,
        1,
        365,
        setup="A",
        time_of_day=time(10, 15, 30),
        clip_name="GOPR0042.MP4",
        status="circled",
        notes="Jump\tfrom the\nroof",
        **fields,
    )
    make.take(
        day,
        twelve,
        v2,
        who,
        2,
        42,
        setup="A",
        time_of_day=time(23, 59, 50),
        clip_name="GOPR0043.MP4",
        mos=True,
        **fields,
    )
    return prod


def export(client, prod, **params):
    response = client.get(reverse("reports:report", args=[prod.pk, "take-log"]), {"export": "ale", **params})
    assert response.status_code == 200 and ".ale" in response["Content-Disposition"]
    return b"".join(response.streaming_content).decode()


def test_ale_has_the_heading_avid_needs_at_the_productions_timecode_rate(rolled, staff_client, settings):
    heading, _ = read_ale(export(staff_client, rolled))
    assert heading == {"FIELD_DELIM": "TABS", "VIDEO_FORMAT": "1080", "AUDIO_FORMAT": "48khz", "FPS": "25"}
    rolled.timecode_fps = 30
    rolled.save()
    assert read_ale(export(staff_client, rolled))[0]["FPS"] == "30"


def test_ale_rows_carry_each_takes_slate_clip_timecodes_and_people_in_avids_meanings(rolled, staff_client):
    _, rows = read_ale(export(staff_client, rolled))
    same = {"Tape": "A012", "Scene": "12", "Setup": "12A", "Shoot Date": "2013-09-05", "Camera": ""}
    people = {"Wearer": "Ilya Naishuller", "Rig": "v2", "Unit": ""}
    assert rows == [
        {
            "Name": "12A-1", "Tracks": "VA1A2", "Start": "10:15:30:00", "End": "10:21:35:00", "Duration": "00:06:05:00",
            "Source File": "GOPR0042.MP4", "Take": "1", "Circled": "Y", "Status": "Circled",
            "Comments": "Jump from the roof", **same, **people,
        },
        {
            "Name": "12A-2", "Tracks": "V", "Start": "23:59:50:00", "End": "00:00:32:00", "Duration": "00:00:42:00",
            "Source File": "GOPR0043.MP4", "Take": "2", "Circled": "", "Status": "Good", "Comments": "", **same,
            **people,
        },
    ]  # fmt: skip


def test_ale_carries_the_columns_an_import_kept_aside(rolled, staff_client):
    rolled.scenes.get().takes.filter(number=1).update(other_columns={"Soundroll": "S001", "Name": "bin name"})
    _, rows = read_ale(export(staff_client, rolled))
    assert [(row["Name"], row["Soundroll"]) for row in rows] == [("12A-1", "S001"), ("12A-2", "")]


def test_ale_follows_the_take_log_filters(rolled, staff_client):
    _, rows = read_ale(export(staff_client, rolled, status="circled"))
    assert [row["Name"] for row in rows] == ["12A-1"]


def test_ale_is_the_take_logs_only(rolled, staff_client):
    response = staff_client.get(reverse("reports:report", args=[rolled.pk, "schedule"]), {"export": "ale"})
    assert response.status_code == 404


def test_ale_export_runs_two_queries_at_any_size(rolled, staff_client, django_assert_num_queries):
    url = reverse("reports:report", args=[rolled.pk, "take-log"])
    staff_client.get(url)  # the session and permission caches warm
    with django_assert_num_queries(5):  # session, user, production, the columns kept aside, the takes
        response = staff_client.get(url, {"export": "ale"})
        b"".join(response.streaming_content)


def test_report_command_writes_the_ale(rolled, tmp_path):
    out = tmp_path / "rolled.ale"
    call_command("report", "take-log", production="Rolled", format="ale", output=str(out), stderr=io.StringIO())
    heading, rows = read_ale(out.read_text())
    assert heading["FPS"] == "25" and [row["Take"] for row in rows] == ["1", "2"]
