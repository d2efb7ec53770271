"""`manage.py report`: what only the command does (its arguments, its output path); the files
themselves are checked once per format through the page in test_report_exports.py."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def test_writes_the_schedule_as_a_calendar(seed, tmp_path, capsys):
    out = tmp_path / "schedule.ics"
    call_command("report", "schedule", production="Hardcore Henry", format="ics", output=str(out))
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 120  # one event per day: the date it was shot, else its scheduled date
    assert "Wrote Schedule for Hardcore Henry as ICS" in capsys.readouterr().err


def test_writes_to_standard_output(seed, capsysbinary):
    call_command("report", "rigs", production="Hardcore Henry", format="md", output="-")
    assert capsysbinary.readouterr().out.startswith(b"# Rigs: Hardcore Henry\n")


def test_unknown_report_lists_the_valid_ones(seed, tmp_path):
    with pytest.raises(CommandError, match="Unknown report 'budget'. Reports: schedule, wearers"):
        call_command("report", "budget", production="Hardcore Henry", output=str(tmp_path / "x"))
    assert not (tmp_path / "x").exists()


def test_unknown_production_lists_the_titles(seed, tmp_path):
    with pytest.raises(CommandError, match="No production titled 'Hardcore Harry'. Productions: .*Hardcore Henry"):
        call_command("report", "schedule", production="Hardcore Harry", output=str(tmp_path / "x"))


def test_unknown_format_lists_the_reports_formats(seed, tmp_path):
    with pytest.raises(CommandError, match="Unknown format 'docx'. Formats for the schedule: csv, xlsx, pdf, md, ics"):
        call_command("report", "schedule", production="Hardcore Henry", format="docx", output=str(tmp_path / "x"))
    with pytest.raises(CommandError, match="Unknown format 'ics'. Formats for the rigs: csv, xlsx, pdf, md$"):
        call_command("report", "rigs", production="Hardcore Henry", format="ics", output=str(tmp_path / "x"))


@pytest.mark.parametrize("output", ["{tmp}/no/such/folder/x.csv", "{tmp}", "{tmp}/nul\x00.csv"])
def test_an_unwritable_output_path_is_one_line_of_reason(seed, tmp_path, output):
    with pytest.raises(CommandError, match=r"^Cannot write '.*': [^\n]+\.$"):
        call_command("report", "rigs", production="Hardcore Henry", output=output.format(tmp=tmp_path))


def test_command_exits_non_zero_from_the_shell_with_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "report", "budget", "--production", "x", "--output", str(tmp_path / "x")],
        capture_output=True, text=True, env={"DEBUG": "1", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "CommandError: Unknown report 'budget'. Reports: schedule, wearers, rigs, take-log, scenes, day-out-of-days, "
        "call-sheet, production-report"
    ]
