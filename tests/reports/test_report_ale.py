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


def test_ale_has_the_heading_avid_needs(rolled, staff_client):
    heading, _ = read_ale(export(staff_client, rolled))
    assert heading == {"FIELD_DELIM": "TABS", "VIDEO_FORMAT": "1080", "AUDIO_FORMAT": "48khz", "FPS": "48"}


def test_ale_rows_carry_each_takes_slate_clip_times_and_people(rolled, staff_client):
    _, rows = read_ale(export(staff_client, rolled))
    assert rows == [
        {
            "Name": "12A-1",
            "Tracks": "VA1A2",
            "Start": "10:15:30:00",
            "End": "10:21:35:00",
            "Tape": "GOPR0042.MP4",
            "Source File": "GOPR0042.MP4",
            "Scene": "12",
            "Take": "1",
            "Setup": "12A",
            "Camroll": "A012",
            "Circled": "Y",
            "Comments": "Jump from the roof",
            "Wearer": "Ilya Naishuller",
            "Rig": "v2",
        },
        {
            "Name": "12A-2",
            "Tracks": "V",
            "Start": "23:59:50:00",
            "End": "00:00:32:00",
            "Tape": "GOPR0043.MP4",
            "Source File": "GOPR0043.MP4",
            "Scene": "12",
            "Take": "2",
            "Setup": "12A",
            "Camroll": "A012",
            "Circled": "",
            "Comments": "",
            "Wearer": "Ilya Naishuller",
            "Rig": "v2",
        },
    ]


def test_ale_follows_the_take_log_filters(rolled, staff_client):
    _, rows = read_ale(export(staff_client, rolled, status="circled"))
    assert [row["Name"] for row in rows] == ["12A-1"]


def test_ale_is_the_take_logs_only(rolled, staff_client):
    response = staff_client.get(reverse("reports:report", args=[rolled.pk, "schedule"]), {"export": "ale"})
    assert response.status_code == 404


def test_ale_export_runs_two_queries_at_any_size(rolled, staff_client, django_assert_num_queries):
    url = reverse("reports:report", args=[rolled.pk, "take-log"])
    staff_client.get(url)  # the session and permission caches warm
    with django_assert_num_queries(5):  # session, user, production, the heading's frame rate, the takes
        response = staff_client.get(url, {"export": "ale"})
        b"".join(response.streaming_content)


def test_report_command_writes_the_ale(rolled, tmp_path):
    out = tmp_path / "rolled.ale"
    call_command("report", "take-log", production="Rolled", format="ale", output=str(out), stderr=io.StringIO())
    heading, rows = read_ale(out.read_text())
    assert heading["FPS"] == "48" and [row["Take"] for row in rows] == ["1", "2"]
