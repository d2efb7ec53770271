"""Avid's and labs' ALEs as they come: any width, most columns empty, each column taken in the
meaning Avid's column dictionary gives it, the columns no take field holds kept aside with the take."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hhprod.imports.mapping import guess
from hhprod.shooting.models import Take

from ..queue import run_queued_jobs
from .test_import_formats import FIRST, import_takes, plan_a_shoot

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

# Avid's column dictionary as a bin exports it, then the empty columns a bin carries by the hundred.
AVID = [
    "Name", "Tracks", "Start", "End", "Duration", "Tape", "Source File", "Camroll", "Scene", "Take", "Camera",
    "Shoot Date", "FPS", "Soundroll", "Sound TC", "Comments", "Circled", "Lens",
]  # fmt: skip
CLIPS = [
    ["12-1", "V", "10:15:00:00", "10:16:05:13", "00:01:05:13", "A001_0902", "GOPR0101.MP4", "A001", "12", "1", "A",
     "2013-09-02", "25", "S001", "10:15:00:02", "Stairwell run", "", "wide"],
    ["12-2", "V", "10:20:00:00", "10:20:44:12", "00:00:44:12", "A001_0902", "GOPR0102.MP4", "A001", "12", "2", "A",
     "2013-09-02", "25", "", "", "", "Y", ""],
]  # fmt: skip


def avid_bin(width, clips=CLIPS):
    """An Avid bin's ALE `width` columns wide: AVID's, then empty ones (Aux 1, Aux 2...)."""
    columns = AVID + [f"Aux {number}" for number in range(1, width - len(AVID) + 1)]
    blanks = [""] * (width - len(AVID))
    lines = ["Heading", "FIELD_DELIM\tTABS", "VIDEO_FORMAT\t1080", "AUDIO_FORMAT\t48khz", "FPS\t25", "", "Column"]
    lines += ["\t".join(columns), "", "Data", *("\t".join(clip + blanks) for clip in clips)]
    return "\n".join(lines) + "\n"


def write(tmp_path, text, name="bin.ale"):
    path = Path(tmp_path) / name
    path.write_text(text)
    return path


def logged():
    return list(
        Take.objects.order_by("number").values_list(
            "number", "length", "roll", "clip_name", "camera__serial", "status", "notes", "other_columns"
        )
    )


@pytest.fixture
def shoot():
    return plan_a_shoot()


@pytest.mark.parametrize("width", [129, 245])
def test_an_avid_bin_of_any_width_imports_its_columns_by_avids_meanings_the_rest_kept_aside(shoot, tmp_path, width):
    lines, refusal = import_takes(write(tmp_path, avid_bin(width)))
    assert refusal is None, lines
    assert lines[0] == (
        "Kept aside with each take (mapped to nothing): Name, Tracks, Tape, Soundroll, Sound TC, Lens, "
        + ", ".join(f"Aux {number}" for number in range(1, width - len(AVID) + 1))
    )
    kept = {"Name": "12-1", "Tracks": "V", "Tape": "A001_0902", "Soundroll": "S001", "Sound TC": "10:15:00:02"}
    assert logged() == [
        # Duration 00:01:05:13 at 25 fps: 66 s. Roll from Camroll, the clip from Source File.
        (1, 66, "A001", "GOPR0101.MP4", "GP3-A1", "good", "Stairwell run", {**kept, "Lens": "wide"}),
        (2, 44, "A001", "GOPR0102.MP4", "GP3-A1", "circled", "", {"Name": "12-2", "Tracks": "V", "Tape": "A001_0902"}),
    ]  # fmt: skip
    assert lines[1].startswith(
        f"Row 1: new take, scene 12 take 1 on day 1, 1:06, rig v2, unit v2 #1, camera GP3-A1, worn by {FIRST}"
    )


def test_the_columns_mapped_to_nothing_are_dropped_when_asked(shoot, tmp_path):
    lines, refusal = import_takes(write(tmp_path, avid_bin(40)), "--drop-unmapped")
    assert refusal is None, lines
    assert lines[0].startswith("Left out (mapped to nothing): Name, Tracks, Tape, Soundroll,")
    assert [other for *_, other in logged()] == [{}, {}]


def test_the_guesses_follow_avids_column_dictionary(shoot):
    assert guess(AVID, shoot) == [
        "", "", "TC In", "TC Out", "Length", "", "Clip", "Roll", "Scene", "Take", "Camera", "Date", "FPS", "", "",
        "Notes", "Circled", "",
    ]  # fmt: skip
    # Without Source File and Camroll, Avid's Name and Tape are the nearest: the clip and the roll.
    assert guess(["Name", "Tape", "Scene"], shoot) == ["Clip", "Roll", "Scene"]
    assert guess(["Good", "Start", "End"], shoot) == ["Circled", "TC In", "TC Out"]


@pytest.fixture
def supervisor(client, django_user_model):
    user = django_user_model.objects.create_user("script", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Script supervisor"))
    client.force_login(user)
    return client


def mapped_in_the_admin(client, production, text, **choices):
    """Upload, map as guessed (`choices` change it), check and import by the workers: the import's page."""
    file = SimpleUploadedFile("bin.ale", text.encode())
    response = client.post(
        reverse("admin:shooting_take_import"), {"production": production.pk, "import_file": file, "format": "2"}
    )
    assert response.status_code == 302, response.content.decode()[-1000:]
    form = {**client.get(response.url).context["form"].initial, **choices}
    client.post(response.url, form)
    run_queued_jobs()
    preview = client.get(response.url).content.decode()
    done = client.post(
        reverse("admin:shooting_take_process_import"),
        {"upload": re.search(r'name="upload" value="([^"]+)"', preview)[1]},
    )
    run_queued_jobs()
    return preview, client.get(done.url).content.decode()


def test_a_245_column_bin_imports_in_the_admin_and_the_take_page_shows_what_was_kept_aside(shoot, supervisor):
    preview, done = mapped_in_the_admin(supervisor, shoot, avid_bin(245))
    assert (
        "Kept aside with each take (mapped to nothing): Name, Tracks, Tape, Soundroll, Sound TC, Lens, Aux 1,"
        in preview
    )
    assert "Imported 2 takes into Test feature from bin.ale." in done
    take = Take.objects.get(number=1)
    page = supervisor.get(reverse("admin:shooting_take_change", args=[take.pk])).content.decode()
    assert "<tr><th>Lens</th><td>wide</td></tr><tr><th>Name</th><td>12-1</td></tr>" in page


def test_unticking_keep_leaves_the_columns_out_in_the_admin(shoot, supervisor):
    preview, done = mapped_in_the_admin(supervisor, shoot, avid_bin(70), keep_others="")
    assert "Left out (mapped to nothing): Name, Tracks, Tape," in preview
    assert "Imported 2 takes" in done
    assert list(Take.objects.values_list("other_columns", flat=True)) == [{}, {}]
