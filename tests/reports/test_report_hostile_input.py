"""Nothing sent to a report breaks it: odd query parameters get a 404 or a message, odd stored data
still exports, and the `report` command ends with one line of reason. Reports only read: the
database is the same after every request."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from hhprod.reports import views
from hhprod.reports.catalogue import REPORTS
from hhprod.shooting.models import Take

from .. import factories as make
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
PARAMETERS = [
    "day", "sort", "page", "per_page", "day_from", "day_to", "scene", "wearer", "rig", "status", "export",
]  # fmt: skip
# Digits of other scripts and forms that str.isdigit() accepts but int() does not, numbers too big
# for a database integer, NUL and other control characters, very long text.
ODD_TEXT = st.one_of(
    st.integers(-3, 3).map(str),
    st.text(max_size=30),
    st.sampled_from(["١٢", "１２", "²", "0", "-1", "1e9", "9" * 30, "9" * 5000, "\x00", "1\x00", "a" * 10_000]),
    st.integers().map(str),
)
# PDF takes a second a file: its refusals are tested below, not a few hundred times here.
FORMATS = st.sampled_from(["csv", "xlsx", "md", "ics", "docx", ""]) | ODD_TEXT


@pytest.fixture
def shoot():
    """A small production whose every report has rows: two days, a call, a trip, takes."""
    prod = make.production("Small shoot", planned_days=2, daily_rig_limit_minutes=5)
    rig, someone = make.rig(), make.wearer(prod)
    day = make.shoot_day(prod, scheduled=date(2013, 9, 1), actual=date(2013, 9, 2))
    make.shoot_day(prod, number=2, scheduled=date(2013, 9, 3), actual=None)
    make.call(day, someone)
    make.trip(someone, prod, date(2013, 9, 1), date(2013, 9, 3))
    make.take(day, make.scene(prod), rig, someone, notes="first")
    return prod


@EXAMPLES
@given(
    slug=st.sampled_from(list(REPORTS)),
    params=st.dictionaries(st.sampled_from(PARAMETERS), ODD_TEXT, max_size=4),
    fmt=st.none() | FORMATS,
)
@example(slug="call-sheet", params={"day": "²"}, fmt=None)  # str.isdigit() says yes, int() says no
@example(slug="production-report", params={"day": "9" * 5000}, fmt="csv")  # more digits than int() reads
def test_no_query_parameter_gives_a_server_error(shoot, staff_client, slug, params, fmt):
    if fmt is not None:
        params["export"] = fmt
    before = database_snapshot()
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, slug]), params)
    assert response.status_code in (200, 302, 404)
    assert database_snapshot() == before


@EXAMPLES
@given(production=ODD_TEXT, report=ODD_TEXT)
def test_no_picker_value_gives_a_server_error(shoot, staff_client, production, report):
    response = staff_client.get(reverse("reports:index"), {"production": production, "report": report})
    assert response.status_code == 302


@pytest.mark.parametrize("day", ["²", "9" * 5000, "\x00", "١٢"])
def test_a_day_no_production_has_is_a_404_with_the_valid_days(shoot, staff_client, day):
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "call-sheet"]), {"day": day})
    assert response.status_code == 404 and "valid days: 1–2" in response.content.decode()


def test_a_day_in_another_scripts_digits_is_that_day(shoot, staff_client):
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "call-sheet"]), {"day": "٢"})
    assert response.context["content"].layout["day"].number == 2


@pytest.mark.parametrize("per_page", ["0", "-5", "²", "9" * 40])
def test_a_page_size_that_is_no_size_shows_the_usual_page(shoot, staff_client, per_page):
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "take-log"]), {"per_page": per_page})
    assert response.status_code == 200 and response.context["content"].tables[0][1].paginator.per_page == 50


def test_page_size_is_capped(shoot, staff_client, monkeypatch):
    monkeypatch.setattr(views, "MAX_PER_PAGE", 2)
    first = Take.objects.get()
    for number in range(2, 6):
        make.take(first.shoot_day, first.scene, first.rig, first.wearer, number=number)
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "take-log"]), {"per_page": "1000"})
    table = response.context["content"].tables[0][1]
    assert table.paginator.per_page == 2 and len(table.page.object_list) == 2


def test_a_huge_day_filter_is_a_form_error(shoot, staff_client):
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "take-log"]), {"day_from": "9" * 30})
    assert response.status_code == 200 and "less than or equal to 2147483647" in response.content.decode()


@pytest.fixture
def edge_of_the_calendar():
    """Dates at both ends of what a date field holds: a day scheduled on 1 Jan 1, shot on 31 Dec 9999."""
    prod = make.production("Edge", planned_days=1)
    someone = make.wearer(prod)
    first = make.shoot_day(prod, scheduled=date(1, 1, 1), actual=date(9999, 12, 31))
    make.shoot_day(prod, number=2, scheduled=date(9999, 12, 31), actual=None)
    make.take(first, make.scene(prod), make.rig(in_service_from=date(1, 1, 1)), someone)
    make.call(first, someone)
    make.trip(someone, prod, date(1, 1, 1), date(9999, 12, 31))
    return prod


@pytest.mark.parametrize("slug", list(REPORTS))
def test_dates_at_the_edge_of_the_calendar_break_no_page(edge_of_the_calendar, staff_client, slug):
    assert staff_client.get(reverse("reports:report", args=[edge_of_the_calendar.pk, slug])).status_code == 200


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "md", "pdf"])
def test_dates_at_the_edge_of_the_calendar_break_no_export(edge_of_the_calendar, staff_client, fmt):
    url = reverse("reports:report", args=[edge_of_the_calendar.pk, "schedule"])
    response = staff_client.get(url, {"export": fmt})
    assert response.status_code == 200


def test_dates_at_the_edge_of_the_calendar_break_no_calendar(edge_of_the_calendar, staff_client):
    response = staff_client.get(reverse("reports:schedule-ics", args=[edge_of_the_calendar.pk]))
    starts = sorted(event.decoded("dtstart") for event in Calendar.from_ical(response.content).walk("VEVENT"))
    assert starts == [date(9999, 12, 31), date(9999, 12, 31)]  # day 1 shot on it, day 2 scheduled on it


CONTROL = "bell\x07 tab\t vertical\x0b escape\x1b unit\x1f"


def test_control_characters_in_notes_leave_the_xlsx_readable(shoot, staff_client):
    shoot.scenes.get().takes.update(notes=CONTROL)
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "take-log"]), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Takes"]
    notes = [cell.value for cell in sheet[1]].index("Notes") + 1
    assert sheet.cell(row=2, column=notes).value == "bell tab\t vertical escape unit"


def test_control_characters_in_notes_stay_in_the_csv(shoot, staff_client):
    shoot.scenes.get().takes.update(notes=CONTROL)
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "take-log"]), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Notes"] == CONTROL


def test_markdown_keeps_html_and_table_syntax_as_text(shoot, staff_client):
    shoot.scenes.get().takes.update(notes="<script>alert(1)</script> | `code` *loud* [link](x)\n# heading")
    response = staff_client.get(reverse("reports:report", args=[shoot.pk, "take-log"]), {"export": "md"})
    text = response.content.decode()
    row = next(line for line in text.splitlines() if "alert" in line)
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in row
    assert r"\| \`code\` \*loud\* \[link\](x) # heading |" in row
    header = next(line for line in text.splitlines() if line.startswith("| Day |"))
    assert row.count(" | ") == header.count(" | ")


OUTPUTS = st.sampled_from(["out.csv", "missing/out.csv", "", ".", "nul\x00"]) | ODD_TEXT
ARGUMENTS = st.fixed_dictionaries(
    {
        "production": st.just("Small shoot") | ODD_TEXT,
        "format": st.sampled_from(["csv", "xlsx", "md", "ics"]) | ODD_TEXT,
        "day": st.none() | ODD_TEXT,
    }
)


@EXAMPLES
@given(name=st.sampled_from(list(REPORTS)) | ODD_TEXT, arguments=ARGUMENTS, output=OUTPUTS)
@example(name="rigs", arguments={"production": "Small shoot", "format": "csv", "day": None}, output="missing/x.csv")
@example(name="call-sheet", arguments={"production": "Small shoot", "format": "md", "day": "²"}, output="x.md")
def test_the_command_ends_with_a_file_or_one_line_of_reason(shoot, tmp_path, name, arguments, output):
    before = database_snapshot()
    inside = tmp_path / output.lstrip("/").replace("..", "__")  # never a path outside the test's folder
    try:
        call_command("report", name, output=str(inside), stderr=io.StringIO(), **arguments)
    except CommandError as refusal:
        assert str(refusal) and "\n" not in str(refusal).strip()
    assert database_snapshot() == before
