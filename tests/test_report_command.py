"""`manage.py report` writes every report in every format without a server."""

import csv

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from hhprod.reports.catalogue import REPORTS
from hhprod.reports.exports import FORMATS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", list(REPORTS))
def test_writes_every_report_in_every_format(name, fmt, seed, tmp_path):
    out = tmp_path / f"{name}.{fmt}"
    call_command("report", name, production="Hardcore Henry", format=fmt, output=str(out))
    if fmt == "csv":
        assert len(list(csv.reader(out.open()))) > 1
    elif fmt == "xlsx":
        assert openpyxl.load_workbook(out).sheetnames
    elif fmt == "pdf":
        assert "Hardcore Henry" in PdfReader(out).pages[0].extract_text()
    else:
        assert out.read_text().startswith(f"# {REPORTS[name].title}: Hardcore Henry")


def test_unknown_report_lists_the_valid_ones(seed, tmp_path):
    with pytest.raises(CommandError, match="Unknown report 'budget'. Reports: schedule, wearers"):
        call_command("report", "budget", production="Hardcore Henry", output=str(tmp_path / "x"))
    assert not (tmp_path / "x").exists()


def test_unknown_production_lists_the_titles(seed, tmp_path):
    with pytest.raises(CommandError, match="No production titled 'Hardcore Harry'. Productions: .*Hardcore Henry"):
        call_command("report", "schedule", production="Hardcore Harry", output=str(tmp_path / "x"))


def test_unknown_format_lists_the_formats(seed, tmp_path):
    with pytest.raises(CommandError, match="Unknown format 'docx'. Formats: csv, xlsx, pdf, md"):
        call_command("report", "schedule", production="Hardcore Henry", format="docx", output=str(tmp_path / "x"))


def test_command_exits_non_zero_from_the_shell(seed, tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "report", "budget", "--production", "x", "--output", str(tmp_path / "x")],
        capture_output=True, text=True, env={"DEBUG": "1", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode != 0
    assert "Unknown report 'budget'" in result.stderr
