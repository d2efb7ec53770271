"""Every report downloads in each of its formats through the page, and each file reads back.

The `report` command writes the same bytes through the same writers; test_report_command.py
checks only what the command adds (its arguments and output path)."""

import csv
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.http import StreamingHttpResponse
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from hhprod.lib.formulas import neutralise, unquote
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.writers import pdf as pdf_writer
from hhprod.shooting.models import Take

from ..downloads import download

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])


def page_headers(client, production, slug):
    content = client.get(reverse("reports:report", args=[production.pk, slug])).context["content"]
    return [str(column.header) for column in content.tables[0][1].columns]


@pytest.mark.parametrize("slug", list(REPORTS))
def test_csv_has_the_pages_columns(slug, henry, staff_client):
    rows = list(csv.reader(io.StringIO(download(staff_client, henry, slug, "csv").decode())))
    assert rows[0] == page_headers(staff_client, henry, slug)
    assert len(rows) > 1


@pytest.mark.parametrize("slug", list(REPORTS))
def test_xlsx_opens_with_a_sheet_per_table(slug, henry, staff_client):
    book = openpyxl.load_workbook(io.BytesIO(download(staff_client, henry, slug, "xlsx")))
    content = staff_client.get(reverse("reports:report", args=[henry.pk, slug])).context["content"]
    expected = (["Summary"] if content.summary else []) + [heading[:31] for heading, _ in content.tables]
    assert book.sheetnames == expected
    first_table = book[content.tables[0][0][:31]]
    assert [cell.value for cell in first_table[1]] == page_headers(staff_client, henry, slug)


@pytest.mark.parametrize("slug", list(REPORTS))
def test_pdf_has_title_and_page_numbers(slug, henry, staff_client):
    pdf = PdfReader(io.BytesIO(download(staff_client, henry, slug, "pdf")))
    first = pdf.pages[0].extract_text()
    assert "Hardcore Henry" in first and REPORTS[slug].title in first
    assert f"Page 1 of {len(pdf.pages)}" in first
    assert f"Page {len(pdf.pages)} of {len(pdf.pages)}" in pdf.pages[-1].extract_text()


@pytest.mark.parametrize("slug", list(REPORTS))
def test_markdown_has_a_table(slug, henry, staff_client):
    text = download(staff_client, henry, slug, "md").decode()
    assert text.startswith(f"# {REPORTS[slug].title}: Hardcore Henry")
    assert "| " + " | ".join(page_headers(staff_client, henry, slug)) + " |" in text


def test_schedule_csv_numbers(henry, staff_client):
    rows = list(csv.DictReader(io.StringIO(download(staff_client, henry, "schedule", "csv").decode())))
    assert len(rows) == 120
    assert sum(int(r["Takes"]) for r in rows) == Take.objects.filter(shoot_day__production=henry).count()
    assert [r["Slip against baseline (days)"] for r in rows[45:]] == [""] * 75


def test_schedule_pdf_is_legible_and_paged(henry, staff_client):
    pdf = PdfReader(io.BytesIO(download(staff_client, henry, "schedule", "pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "+75 days (+167%)" in text
    assert len(pdf.pages) >= 3


def test_take_log_csv_is_streamed_and_filtered(henry, staff_client):
    response = staff_client.get(
        reverse("reports:report", args=[henry.pk, "take-log"]), {"export": "csv", "status": "circled"}
    )
    assert isinstance(response, StreamingHttpResponse)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == Take.objects.filter(shoot_day__production=henry, status="circled").count()
    assert {r["Status"] for r in rows} == {"Circled"}


def test_take_log_csv_has_the_agreed_columns(henry, staff_client):
    header = download(staff_client, henry, "take-log", "csv").decode().splitlines()[0]
    assert header == (
        "Day,Date,Scene,Setup,Take,Length,Rig,Unit,Camera,Roll,Clip,Time of day,FOV,Resolution,FPS,MOS,VFX,"
        "Wearer,Status,Notes"
    )


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1"])
def test_formula_like_text_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Good take", "", 42, -3, None, "'quoted", "a=b"])
def test_other_values_are_left_alone(value):
    assert neutralise(value) == value


@given(st.text())
def test_import_undoes_exactly_what_export_did(text):
    assert unquote(neutralise(text)) == text
    assert not neutralise(text).lstrip("'").startswith(("=", "+", "-", "@")) or neutralise(text).startswith("'")


def test_formula_in_notes_is_neutralised_in_csv_and_xlsx(henry, staff_client):
    take = Take.objects.filter(shoot_day__production=henry).first()
    take.notes = '=HYPERLINK("http://evil.example","click")'
    take.save()
    rows = list(csv.DictReader(io.StringIO(download(staff_client, henry, "take-log", "csv").decode())))
    assert rows[0]["Notes"] == "'" + take.notes
    sheet = openpyxl.load_workbook(io.BytesIO(download(staff_client, henry, "take-log", "xlsx")))["Takes"]
    notes = sheet.cell(row=2, column=[cell.value for cell in sheet[1]].index("Notes") + 1)
    assert notes.value == "'" + take.notes and notes.data_type == "s"


def test_unknown_format_is_404(henry, staff_client):
    response = staff_client.get(reverse("reports:report", args=[henry.pk, "schedule"]), {"export": "docx"})
    assert response.status_code == 404


def test_take_log_pdf_longer_than_the_print_limit_is_refused_with_the_reason(henry, staff_client, monkeypatch):
    monkeypatch.setattr(pdf_writer, "PDF_MAX_ROWS", 10)
    url = reverse("reports:report", args=[henry.pk, "take-log"])
    response = staff_client.get(url, {"export": "pdf", "status": "good"}, follow=True)
    assert response.redirect_chain == [(f"{url}?status=good", 302)]
    takes = Take.objects.filter(shoot_day__production=henry, status="good").count()
    assert [str(message) for message in response.context["messages"]] == [
        f"The take log PDF prints at most 10 rows and this one has {takes:,}: narrow it with the filters "
        "(a day range, a scene, a wearer), or download the CSV or XLSX, which hold every row."
    ]


def test_take_log_pdf_within_the_limit_prints_the_filtered_takes(henry, staff_client, monkeypatch):
    monkeypatch.setattr(pdf_writer, "PDF_MAX_ROWS", 10)
    day = Take.objects.filter(shoot_day__production=henry).values_list("shoot_day__number", flat=True).first()
    on_day = Take.objects.filter(shoot_day__production=henry, shoot_day__number=day)
    assert on_day.count() <= 10
    pdf = PdfReader(io.BytesIO(download(staff_client, henry, "take-log", "pdf", day_from=day, day_to=day)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert all(take.wearer.name in text for take in on_day)


def test_the_report_command_refuses_a_pdf_over_the_limit_too(henry, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_writer, "PDF_MAX_ROWS", 10)
    with pytest.raises(CommandError, match="prints at most 10 rows"):
        call_command("report", "take-log", production="Hardcore Henry", format="pdf", output=str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
