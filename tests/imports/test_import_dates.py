"""Dates that cannot be misread, and timecodes at every rate editorial uses: a file's date order is
found from its dates when they decide it and asked when every date reads both ways; a date
impossible in the order refuses its row by name; drop-frame timecodes count as the clock does."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hhprod.imports.setvalues import length_between, parse_length, timecode_rate
from hhprod.shooting.models import Take

from .. import factories as make
from ..queue import run_queued_jobs
from ..snapshots import database_snapshot
from .test_import_formats import import_takes

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

WEARER = "Unnamed stunt performer 1"
ASK = "choose the file's date order (the mapping page's Date order, or --date-order day or month)"


@pytest.fixture
def shoot():
    """Days shot on 10 September, 9 October and 13 September 2013: 10/09/13 is day 1 read day first
    and day 2 read month first."""
    prod = make.production()
    for number, shot in enumerate([date(2013, 9, 10), date(2013, 10, 9), date(2013, 9, 13)], 1):
        make.shoot_day(prod, number, actual=shot)
    make.rig("v1", 1, in_service_from=date(2013, 8, 1))
    make.wearer(prod, WEARER)
    return prod


def shot_log(tmp_path, dates):
    """A US set tool's shot log, a take of scene 7 per date."""
    lines = ["Shoot Date,Scene,Take,Duration,Rig,Worn by"]
    lines += [f"{shot},7,{number},0:30,v1,{WEARER}" for number, shot in enumerate(dates, 1)]
    path = Path(tmp_path) / "us.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def filed():
    return list(Take.objects.order_by("number").values_list("number", "shoot_day__number"))


def test_a_us_dated_file_is_found_month_first_from_a_date_that_decides_it(shoot, tmp_path):
    lines, refusal = import_takes(shot_log(tmp_path, ["10/09/13", "09/13/13"]))
    assert refusal is None, lines
    assert filed() == [(1, 2), (2, 3)]  # 10/09/13 is 9 October, day 2: never 10 September


def test_a_day_first_file_is_found_day_first(shoot, tmp_path):
    lines, refusal = import_takes(shot_log(tmp_path, ["10.09.2013", "13.09.2013"]))
    assert refusal is None, lines
    assert filed() == [(1, 1), (2, 3)]


def test_a_file_whose_every_date_reads_both_ways_is_refused_asking_its_order(shoot, tmp_path):
    path = shot_log(tmp_path, ["10/09/13", "10/09/13"])
    before = database_snapshot()
    lines, refusal = import_takes(path)
    assert lines[-1] == (
        f"File: Every date in the file reads both ways (row 1: 10/09/13 is 10 September or 9 October 2013): {ASK}."
    )
    assert refusal == "Nothing imported: us.csv has errors (above)."
    assert database_snapshot() == before
    assert import_takes(path, "--date-order", "month")[1] is None
    assert filed() == [(1, 2), (2, 2)]


def test_a_date_impossible_in_the_order_chosen_refuses_its_row_by_name(shoot, tmp_path):
    before = database_snapshot()
    lines, refusal = import_takes(shot_log(tmp_path, ["10/09/13", "09/13/13"]), "--date-order", "day")
    assert refusal == "Nothing imported: us.csv has errors (above)."
    assert [line for line in lines if not line.startswith("Row 1:")] == [
        "Row 2, Day: Date '09/13/13' is not a date read as day/month/year."
    ]
    assert database_snapshot() == before


def test_a_file_in_both_orders_refuses_the_rows_against_its_first_deciding_date(shoot, tmp_path):
    lines, refusal = import_takes(shot_log(tmp_path, ["13/09/13", "10/09/13", "09/13/13"]))
    assert refusal is not None
    assert "Row 3, Day: Date '09/13/13' is not a date read as day/month/year." in lines
    assert Take.objects.count() == 0


@pytest.fixture
def supervisor(client, django_user_model):
    user = django_user_model.objects.create_user("script", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Script supervisor"))
    client.force_login(user)
    return client


def test_the_mapping_step_asks_the_order_of_a_file_of_ambiguous_dates(shoot, supervisor, tmp_path):
    text = shot_log(tmp_path, ["10/09/13"]).read_text()
    file = SimpleUploadedFile("us.csv", text.encode())
    url = supervisor.post(
        reverse("admin:shooting_take_import"), {"production": shoot.pk, "import_file": file, "format": "0"}
    ).url
    guessed = supervisor.get(url).context["form"].initial
    supervisor.post(url, guessed)
    run_queued_jobs()
    page = supervisor.get(url).content.decode()
    assert "Every date in the file reads both ways (row 1: 10/09/13 is 10 September or 9 October 2013)" in page
    supervisor.post(url, {**guessed, "date_order": "month"})
    run_queued_jobs()
    page = supervisor.get(url).content.decode()
    upload = re.search(r'name="upload" value="([^"]+)"', page)[1]
    supervisor.post(reverse("admin:shooting_take_process_import"), {"upload": upload})
    run_queued_jobs()
    assert filed() == [(1, 2)]


@pytest.mark.parametrize(
    "fps, tc_in, tc_out, seconds",
    [
        ("23.976", "00:00:00:00", "00:10:00:00", 601),  # 14,400 frames at 24000/1001 a second: 600.6 s
        ("24", "00:00:00:00", "00:10:00:00", 600),
        ("25", "10:15:00:00", "10:16:05:13", 66),
        ("29.97", "00:00:00;00", "00:10:00;00", 600),  # drop-frame: 17,982 frames, the clock's ten minutes
        ("29.97", "00:00:00:00", "00:10:00:00", 601),  # non-drop: 18,000 frames, 600.6 s
        ("29.97", "00:00:59;29", "00:01:00;02", 0),  # the next frame: 00 and 01 are skipped at minute 1
        ("30", "00:00:00:00", "00:10:00:00", 600),
        ("50", "00:00:00:00", "00:01:10:30", 71),
        ("59.94", "00:00:00;00", "00:10:00;00", 600),  # drop-frame: 35,964 frames
    ],
)
def test_timecodes_count_at_each_rate_editorial_uses(fps, tc_in, tc_out, seconds):
    rate = timecode_rate(fps)
    if seconds:
        assert length_between(tc_in, tc_out, rate) == seconds
    else:
        with pytest.raises(ValueError, match="at least one second"):
            length_between(tc_in, tc_out, rate)


def test_a_drop_frame_timecode_that_does_not_exist_or_at_a_rate_without_drop_frame_is_refused():
    with pytest.raises(ValueError) as skipped:
        parse_length("00:01:00;01", timecode_rate("29.97"))
    assert str(skipped.value) == (
        "Length '00:01:00;01' is not in drop-frame timecode: at 29.97 fps, frames 00 to 01 are skipped at each "
        "minute but every tenth."
    )
    assert parse_length("00:10:00;00", timecode_rate("29.97")) == 600  # every tenth minute keeps them
    with pytest.raises(ValueError) as pal:
        parse_length("00:01:00;05", timecode_rate("25"))
    assert str(pal.value) == "Length '00:01:00;05' is drop-frame (;), which only 29.97 and 59.94 fps count; this is 25."


def drop_frame_ale(tmp_path, clips):
    lines = ["Heading", "FIELD_DELIM\tTABS", "FPS\t29.97", "", "Column"]
    lines += ["Name\tStart\tEnd\tScene\tTake\tShoot Date\tRig\tOperator", "", "Data"]
    lines += ["\t".join([*clip, "2013-09-10", "v1", WEARER]) for clip in clips]
    path = Path(tmp_path) / "df.ale"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_drop_frame_ale_imports_its_lengths_as_the_clock_runs_and_names_a_bad_timecodes_row(shoot, tmp_path):
    clips = [
        ["7-1", "10:00:00;00", "10:06:00;02", "7", "1"],  # 10,790 frames at 30000/1001 a second: 360 s
        ["7-2", "10:09:59;29", "10:10:30;00", "7", "2"],
    ]
    lines, refusal = import_takes(drop_frame_ale(tmp_path, clips))
    assert refusal is None, lines
    assert list(Take.objects.order_by("number").values_list("number", "length")) == [(1, 360), (2, 30)]
    before = database_snapshot()
    lines, refusal = import_takes(drop_frame_ale(tmp_path, [["7-3", "10:01:00;00", "10:01:30;00", "7", "3"]]))
    assert refusal is not None
    assert lines[-1] == (
        "Row 1, Length: TC In '10:01:00;00' is not in drop-frame timecode: at 29.97 fps, frames 00 to 01 are "
        "skipped at each minute but every tenth."
    )
    assert database_snapshot() == before
