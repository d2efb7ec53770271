"""Spreadsheets the office computes with: typed cells, number formats, a frozen filtered header;
slips as plain signed numbers in CSV and Markdown. Read back by openpyxl and by python-calamine."""

import csv
import io
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests import factories as make

from ..downloads import download

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

CALLS_SHEET = "Performers (Exhibit G)"  # the production report's: the call sheet has no wraps


@pytest.fixture
def slipped():
    """Three days: one shot three days late, one two days early, one on time; takes of 6:05 and 0:42."""
    prod = make.production("Slipped", planned_days=3)
    who = make.wearer(prod, "Unnamed stunt performer 1")
    v2 = make.rig("v2")
    late = make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 5))
    make.shoot_day(prod, 2, scheduled=date(2013, 9, 10), actual=date(2013, 9, 8))
    make.shoot_day(prod, 3, scheduled=date(2013, 9, 12), actual=date(2013, 9, 12))
    in_scene = make.scene(prod, "12")
    make.take(late, in_scene, v2, who, number=1, length=365, status="circled", notes="Good fall")
    make.take(late, in_scene, v2, who, number=2, length=42)
    make.call(late, who, call_time=time(6, 30), wrap_time=time(18, 45))
    return prod


def column(sheet, header):
    """The cells under `header` in the first row, as openpyxl cells."""
    names = [cell.value for cell in sheet[1]]
    return [row[names.index(header)] for row in sheet.iter_rows(min_row=2)]


def test_take_log_lengths_are_durations_and_dates_are_dates(slipped, staff_client):
    sheet = openpyxl.load_workbook(io.BytesIO(download(staff_client, slipped, "take-log", "xlsx")))["Takes"]
    lengths = column(sheet, "Length")
    assert [cell.value for cell in lengths] == [timedelta(minutes=6, seconds=5), timedelta(seconds=42)]
    assert {cell.number_format for cell in lengths} == {"[m]:ss"}
    dates = column(sheet, "Date")
    assert [cell.value for cell in dates] == [datetime(2013, 9, 5)] * 2 and dates[0].is_date
    assert [cell.value for cell in column(sheet, "Take")] == [1, 2]
    assert {cell.data_type for cell in column(sheet, "Day")} == {"n"}
    assert [cell.value for cell in column(sheet, "Status")] == ["Circled", "Good"]


def test_schedule_slips_are_signed_numbers(slipped, staff_client):
    book = openpyxl.load_workbook(io.BytesIO(download(staff_client, slipped, "schedule", "xlsx")))
    slips = column(book["Shoot days"], "Slip against baseline (days)")
    assert [cell.value for cell in slips] == [3, -2, 0]
    assert {cell.data_type for cell in slips} == {"n"}
    assert {cell.number_format for cell in slips} == {"+0;-0;0"}
    minutes = column(book["Shoot days"], "Minutes recorded")
    assert [cell.value for cell in minutes] == [6.8, 0, 0]
    assert {cell.number_format for cell in minutes} == {"0.0"}


def test_summary_figures_are_typed_cells(slipped, staff_client):
    summary = openpyxl.load_workbook(io.BytesIO(download(staff_client, slipped, "schedule", "xlsx")))["Summary"]
    figures = {row[0].value: row[1] for row in summary.iter_rows(min_row=2)}
    assert figures["Shot days"].value == 3 and figures["Shot days"].data_type == "n"
    assert figures["Minutes recorded"].value == 6.8 and figures["Minutes recorded"].data_type == "n"


def test_a_figure_said_in_words_is_a_typed_cell_per_number(slipped, staff_client):
    """The page's "First and last shot day: Thu 5 Sep 2013 to Thu 12 Sep 2013" is two dates in the
    spreadsheet, "Takes (circled): 2 (1)" two counts, the variance a signed number and a percentage."""
    make.shoot_day(slipped, 4, actual=date(2013, 9, 13))  # a day added: 4 shot against 3 scheduled
    data = download(staff_client, slipped, "schedule", "xlsx")
    summary = openpyxl.load_workbook(io.BytesIO(data))["Summary"]
    figures = {row[0].value: row[1] for row in summary.iter_rows(min_row=2)}
    assert figures["First shot day"].value == datetime(2013, 9, 5) and figures["First shot day"].is_date
    assert figures["Last shot day"].value == figures["Last planned day"].value == datetime(2013, 9, 13)
    assert (figures["Takes"].value, figures["Circled"].value) == (2, 1)
    assert figures["Variance (days)"].value == 1 and figures["Variance (days)"].number_format == "+0;-0;0"
    share = figures["Variance (share of scheduled days)"]
    assert share.value == pytest.approx(1 / 3) and share.number_format == "+0%;-0%;0%"
    assert figures["Planned now (days)"].value == 4
    assert figures["Shot days per week"].data_type == "n" and figures["Takes per week"].data_type == "n"
    assert {label for label, cell in figures.items() if cell.data_type == "s"} == set()
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Summary").to_python()
    read = {label: value for label, value in calamine[1:]}
    assert read["First shot day"] == date(2013, 9, 5) and read["Takes"] == 2


def test_call_times_are_times(slipped, staff_client):
    book = openpyxl.load_workbook(io.BytesIO(download(staff_client, slipped, "production-report", "xlsx", day=1)))
    calls = column(book[CALLS_SHEET], "Report")
    assert [cell.value for cell in calls] == [time(6, 30)]
    assert calls[0].number_format == "hh:mm"
    assert [cell.value for cell in column(book[CALLS_SHEET], "Dismissed")] == [time(18, 45)]


@pytest.mark.parametrize("slug", ["take-log", "schedule"])
def test_every_sheet_has_a_frozen_filtered_header_and_fitted_widths(slug, slipped, staff_client):
    book = openpyxl.load_workbook(io.BytesIO(download(staff_client, slipped, slug, "xlsx")))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
    table = book.worksheets[-1] if slug == "take-log" else book["Shoot days"]
    assert table.auto_filter.ref == f"A1:{table.cell(1, table.max_column).column_letter}{table.max_row}"
    widths = {
        index: dimension.width
        for dimension in table.column_dimensions.values()
        for index in range(dimension.min, dimension.max + 1)
    }
    for index in range(1, table.max_column + 1):
        cells = table[table.cell(1, index).column_letter]
        longest = max(len(cell.value) for cell in cells if cell.data_type == "s")  # the header, and any text
        assert widths[index] >= longest


def test_a_second_reader_finds_the_same_types(slipped, staff_client):
    book = CalamineWorkbook.from_filelike(io.BytesIO(download(staff_client, slipped, "take-log", "xlsx")))
    rows = book.get_sheet_by_name("Takes").to_python()
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Date"] == date(2013, 9, 5)
    assert first["Length"] == timedelta(minutes=6, seconds=5)
    assert first["Take"] == 1 and first["Notes"] == "Good fall"
    schedule = CalamineWorkbook.from_filelike(io.BytesIO(download(staff_client, slipped, "schedule", "xlsx")))
    days = schedule.get_sheet_by_name("Shoot days").to_python()
    slip = days[0].index("Slip against baseline (days)")
    assert [row[slip] for row in days[1:]] == [3, -2, 0]


def test_csv_and_markdown_write_slips_as_plain_signed_numbers(slipped, staff_client):
    rows = list(csv.DictReader(io.StringIO(download(staff_client, slipped, "schedule", "csv").decode())))
    assert [row["Slip against baseline (days)"] for row in rows] == ["+3", "-2", "0"]
    markdown = download(staff_client, slipped, "schedule", "md").decode()
    header = next(line for line in markdown.splitlines() if "Slip against baseline (days)" in line).split(" | ")
    slip = header.index("Slip against baseline (days)")
    slips = [line.split(" | ")[slip] for line in markdown.splitlines() if line.startswith(("| 1 |", "| 2 |", "| 3 |"))]
    assert slips == ["+3", "-2", "0"]


# Session, user, production, the takes' values_list(); an XLSX first counts the takes, as a long
# one is a worker's job (reports/exports.py).
@pytest.mark.parametrize("fmt, queries", [("csv", 4), ("xlsx", 5)])
def test_take_log_export_reads_the_takes_in_one_query(fmt, queries, slipped, staff_client, django_assert_num_queries):
    url = reverse("reports:report", args=[slipped.pk, "take-log"])
    staff_client.get(url)
    with django_assert_num_queries(queries):
        response = staff_client.get(url, {"export": fmt})
        b"".join(response.streaming_content)
