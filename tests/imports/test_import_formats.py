"""What set tools export goes in without editing: an Avid ALE, a MovieSlate-style shot log, a
Silverstack-style clip list and an AC's camera report, each column mapped to the take log's."""

import io
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from hhprod.imports.mapping import guess
from hhprod.imports.models import ImportColumnMapping
from hhprod.imports.setvalues import length_between, parse_date, parse_length
from hhprod.shooting.models import Take

from .. import factories as make
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parents[1] / "data"
FIRST, SECOND = "Unnamed stunt performer 1", "Unnamed cinematographer 2"


@pytest.fixture
def shoot():
    return plan_a_shoot()


def plan_a_shoot():
    """Days 1 and 2 shot; rig v2 with units #1 (camera A mounted) and #2 (camera B); scenes 12 and 14
    planned, 12 on day 1 worn by the first wearer, 14 on day 2 by the second on unit #2."""
    prod = make.production()
    day1 = make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    day2 = make.shoot_day(prod, 2, actual=date(2013, 9, 3))
    v2 = make.rig("v2", 2, material="plastic", in_service_from=date(2013, 8, 1))
    unit1, unit2 = make.unit(v2, 1), make.unit(v2, 2)
    make.mounting(make.camera(v2, "GP3-A1", letter="A"), unit1, date(2013, 8, 1))
    make.mounting(make.camera(v2, "GP3-B1", letter="B"), unit2, date(2013, 8, 1))
    first, second = make.wearer(prod, FIRST), make.wearer(prod, SECOND)
    twelve, fourteen = make.scene(prod, "12"), make.scene(prod, "14")
    make.strip(day1, twelve, wearer=first)
    make.strip(day2, fourteen, wearer=second, rig_unit=unit2)
    return prod


def import_takes(path, *options):
    """Run the command; return (printed lines, the refusal message or None)."""
    out = io.StringIO()
    try:
        call_command("import_takes", str(path), "--production", "Test feature", *options, stdout=out)
    except CommandError as refusal:
        return out.getvalue().splitlines(), str(refusal)
    return out.getvalue().splitlines(), None


def logged():
    return list(
        Take.objects.order_by("shoot_day__number", "scene__number", "setup", "number").values_list(
            "shoot_day__number", "scene__number", "setup", "number", "length", "rig__name", "rig_unit__number",
            "camera__serial", "wearer__name", "status", "roll", "clip_name", "resolution", "frame_rate", "notes",
        )
    )  # fmt: skip


def test_an_avid_ale_is_imported_with_its_timecodes_at_the_headings_25_fps(shoot):
    lines, refusal = import_takes(DATA / "avid_day1.ale", "--date-order", "day")
    assert refusal is None, lines
    assert lines[0] == "Kept aside with each take (mapped to nothing): Tracks"
    assert logged() == [
        # 10:15:00:00 to 10:16:05:13 is 65 s and 13 frames: 66 s to the nearest second at 25 fps.
        (1, "12", "", 1, 66, "v2", 1, "GP3-A1", FIRST, "good", "A001", "GOPR0101.MP4", "", None, "Stairwell run"),
        # Scene "12A": the production has scene 12 and no 12A, so scene 12 setup A.
        (1, "12", "A", 1, 44, "v2", 1, "GP3-A1", FIRST, "good", "A001", "GOPR0102.MP4", "", None, ""),
    ]  # fmt: skip
    assert lines[1] == (
        "Row 1: new take, scene 12 take 1 on day 1, 1:06, rig v2, unit v2 #1, camera GP3-A1, worn by "
        f"{FIRST}, Good; unit v2 #1 (camera GP3-A1 was on it that day), worn by {FIRST} (from the plan)"
    )


def test_a_movieslate_shot_log_is_imported_from_its_timecodes_with_day_first_dates(shoot):
    lines, refusal = import_takes(DATA / "movieslate_shot_log.csv", "--date-order", "day")
    assert refusal is None, lines
    assert lines[0] == "Kept aside with each take (mapped to nothing): Production"
    assert logged() == [
        (2, "14", "", 1, 150, "v2", 2, "GP3-B1", SECOND, "circled", "A002", "", "", None, "Rooftop jump"),
        (2, "14", "", 2, 4, "v2", 2, "GP3-B1", SECOND, "good", "A002", "", "", None, ""),
        (2, "14", "B", 1, 30, "v2", 2, None, SECOND, "good", "A002", "", "", None, "Handheld pass"),
    ]  # fmt: skip
    assert lines[3].endswith(f"; unit v2 #2 (from the plan), worn by {SECOND} (from the plan)")


def test_a_silverstack_clip_list_is_imported_with_its_modes_and_its_frame_rate(shoot):
    lines, refusal = import_takes(DATA / "silverstack_clip_list.csv")
    assert refusal is None, lines
    assert lines[0] == "Kept aside with each take (mapped to nothing): Codec"
    assert logged() == [
        # 00:01:10:30 at the clip's 50 fps is 70.6 s: 71 s.
        (1, "12", "", 2, 71, "v2", 1, "GP3-A1", FIRST, "good", "A003", "GOPR0201.MP4", "1080p", 50, ""),
        (1, "12", "", 3, 20, "v2", 1, "GP3-A1", FIRST, "good", "A003", "GOPR0202.MP4", "2.7K", 25, ""),
    ]  # fmt: skip


def write_camera_report(path):
    """An AC's camera report: one sheet per day (the day is on the sheet's top, not in a column)."""
    book = openpyxl.Workbook()
    for row in [
        ["Roll", "Scene", "Take", "Setup", "Lens", "Print", "Duration", "Remarks"],
        ["A004", 14, 3, None, "GoPro wide", "Y", "2:15", "Best one"],
        ["A004", 14, 1, "14A", "GoPro wide", None, "0:50", None],
    ]:
        book.active.append(row)
    book.save(path)
    return path


def test_an_ac_camera_report_is_imported_on_the_day_given_with_unit_and_wearer_from_the_plan(shoot, tmp_path):
    lines, refusal = import_takes(write_camera_report(tmp_path / "report.xlsx"), "--day", "2")
    assert refusal is None, lines
    assert lines[0] == "Kept aside with each take (mapped to nothing): Lens"
    assert logged() == [
        (2, "14", "", 3, 135, "v2", 2, None, SECOND, "circled", "A004", "", "", None, "Best one"),
        (2, "14", "A", 1, 50, "v2", 2, None, SECOND, "good", "A004", "", "", None, ""),
    ]  # fmt: skip


def test_the_mapping_is_remembered_for_the_productions_next_file(shoot, tmp_path):
    header = "Kadr,Dubl,Day,Length,Camera,Production\n"
    (tmp_path / "one.csv").write_text(header + "12,5,1,0:40,A,Test feature\n")
    assert import_takes(tmp_path / "one.csv", "--map", "Kadr=Scene", "--map", "Dubl=take")[1] is None
    assert dict(ImportColumnMapping.objects.values_list("header", "column")) == {
        "kadr": "Scene", "dubl": "Take", "day": "Day", "length": "Length", "camera": "Camera", "production": "",
    }  # fmt: skip
    (tmp_path / "two.csv").write_text(header + "12,6,1,0:41,A,Test feature\n")
    lines, refusal = import_takes(tmp_path / "two.csv")
    assert refusal is None, lines
    assert list(Take.objects.order_by("number").values_list("scene__number", "number", "length")) == [
        ("12", 5, 40), ("12", 6, 41),
    ]  # fmt: skip
    assert guess(["KADR ", "Roll"], shoot) == ["Scene", "Roll"]


def test_a_days_file_imported_again_adds_nothing_and_says_so(shoot):
    assert import_takes(DATA / "avid_day1.ale", "--date-order", "day")[1] is None
    before = database_snapshot()
    lines, refusal = import_takes(DATA / "avid_day1.ale", "--date-order", "day", "--skip-logged")
    assert refusal is None
    assert lines[1:] == [
        "Row 1: scene 12 take 1 is already logged: skipped",
        "Row 2: scene 12A take 1 is already logged: skipped",
        "Imported 0 takes into Test feature; 2 takes already logged, skipped.",
    ]
    assert database_snapshot() == before
    lines, refusal = import_takes(DATA / "avid_day1.ale", "--date-order", "day")
    assert refusal == "Nothing imported: avid_day1.ale has errors (above)."
    assert "Row 2, Take: Scene 12A take 1 is already logged in Test feature." in lines


def test_a_bad_timecode_names_its_row_and_nothing_is_written(shoot, tmp_path):
    text = (DATA / "movieslate_shot_log.csv").read_text().replace("11:06:03:20", "11:06:03:25")
    (tmp_path / "log.csv").write_text(text)
    before = database_snapshot()
    lines, refusal = import_takes(tmp_path / "log.csv", "--date-order", "day")
    assert refusal == "Nothing imported: log.csv has errors (above)."
    assert [line for line in lines if not line.startswith(("Row 1:", "Row 3:", "Kept aside"))] == [
        "Row 2, Length: TC Out '11:06:03:25' is not a timecode at 25 fps (frames 00 to 24)."
    ]
    assert database_snapshot() == before


def test_a_take_with_neither_a_wearer_nor_a_planned_one_is_refused_naming_what_is_missing(shoot, tmp_path):
    shutil.copy(DATA / "silverstack_clip_list.csv", tmp_path / "clips.csv")
    text = (tmp_path / "clips.csv").read_text().replace(",12,", ",13,")
    (tmp_path / "clips.csv").write_text(text)
    lines, refusal = import_takes(tmp_path / "clips.csv")
    assert refusal is not None
    assert (
        "Row 1, Wearer: Wearer is empty, and the day's plan names no wearer for this scene: who wore the rig?" in lines
    )
    assert Take.objects.count() == 0


def test_timecodes_lengths_and_dates_as_set_tools_write_them():
    assert [parse_length(text, 25) for text in ["125", "2:05", "0:02:05", "00:02:05:12", "00:02:05:13"]] == [
        125, 125, 125, 125, 126,
    ]  # fmt: skip
    assert length_between("23:59:50:00", "00:00:10:00", 25) == 20  # past midnight
    assert parse_date("02.09.2013", "day") == parse_date("2/9/13", "day") == date(2013, 9, 2)
    assert parse_date("2013-09-02") == parse_date("09/02/2013", "month") == date(2013, 9, 2)
    with pytest.raises(ValueError, match="read as month/day/year"):
        parse_date("13/02/2013", "month")
