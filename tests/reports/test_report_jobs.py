"""Big files are a worker's: a long take-log PDF, the Day Out of Days PDF and a long XLSX are queued,
and their job's page offers the file for a day; small files stay immediate; too long a PDF is refused."""

import io

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from hhprod.jobs.models import Job
from hhprod.reports import exports
from hhprod.reports.writers import pdf
from hhprod.shooting.models import Take

from ..queue import run_queued_jobs

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])


def asked(client, production, slug, fmt, **params):
    return client.get(reverse("reports:report", args=[production.pk, slug]), {"export": fmt, **params})


def test_a_take_log_pdf_past_the_immediate_rows_is_written_by_the_worker_and_offered(henry, staff_client, monkeypatch):
    monkeypatch.setattr(exports, "IMMEDIATE_PDF_ROWS", 3)
    response = asked(staff_client, henry, "take-log", "pdf", day_to=2, sort="-length")
    job = Job.objects.get()
    assert response.url == reverse("jobs:job", args=[job.pk])
    assert job.title == "PDF: hardcore-henry-take-log.pdf"
    assert "Waiting for a worker." in staff_client.get(response.url).content.decode()
    run_queued_jobs()
    page = staff_client.get(response.url).content.decode()
    assert f'href="{reverse("jobs:file", args=[job.pk])}"' in page and "Download hardcore-henry-take-log.pdf" in page
    file = staff_client.get(reverse("jobs:file", args=[job.pk]))
    assert file["Content-Disposition"] == 'attachment; filename="hardcore-henry-take-log.pdf"'
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(file.content)).pages)
    shown = Take.objects.filter(shoot_day__production=henry, shoot_day__number__lte=2)
    takes, longest = shown.count(), shown.order_by("-length").first()
    assert f"{longest.length // 60}:{longest.length % 60:02}" in text.split("Length")[1][:400]  # sorted as the page was
    assert Job.objects.get().done == takes == Job.objects.get().total


def test_the_day_out_of_days_pdf_is_always_the_workers(henry, staff_client):
    response = asked(staff_client, henry, "day-out-of-days", "pdf")
    assert response.url == reverse("jobs:job", args=[Job.objects.get().pk])
    run_queued_jobs()
    data = staff_client.get(reverse("jobs:file", args=[Job.objects.get().pk])).content
    assert "Day Out of Days" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_a_long_xlsx_is_the_workers_and_holds_every_row_a_short_one_is_immediate(henry, staff_client, monkeypatch):
    takes = Take.objects.filter(shoot_day__production=henry).count()
    monkeypatch.setattr(exports, "IMMEDIATE_XLSX_ROWS", takes)
    assert asked(staff_client, henry, "take-log", "xlsx").status_code == 200
    monkeypatch.setattr(exports, "IMMEDIATE_XLSX_ROWS", takes - 1)
    assert asked(staff_client, henry, "take-log", "xlsx").status_code == 302
    run_queued_jobs()
    data = staff_client.get(reverse("jobs:file", args=[Job.objects.get().pk])).content
    assert openpyxl.load_workbook(io.BytesIO(data), read_only=True)["Takes"].max_row == takes + 1


def test_a_pdf_past_the_workers_limit_is_refused_at_once_and_points_to_the_spreadsheets(
    henry, staff_client, monkeypatch
):
    monkeypatch.setattr(exports, "IMMEDIATE_PDF_ROWS", 10)
    monkeypatch.setattr(pdf, "PDF_MAX_ROWS", 20)
    response = asked(staff_client, henry, "take-log", "pdf")
    assert response.status_code == 302 and not Job.objects.exists()
    shown = [str(message) for message in staff_client.get(response.url).context["messages"]]
    assert shown[0].startswith("The take log PDF prints at most 20 rows and this one has")
    assert shown[0].endswith("or download the CSV or XLSX, which hold every row.")


def test_a_file_is_offered_only_to_the_login_that_asked(henry, staff_client, login_as, monkeypatch):
    monkeypatch.setattr(exports, "IMMEDIATE_PDF_ROWS", 3)
    asked(staff_client, henry, "take-log", "pdf", day_to=1)
    run_queued_jobs()
    job = Job.objects.get()
    assert login_as("Producer").get(reverse("jobs:file", args=[job.pk])).status_code == 404
