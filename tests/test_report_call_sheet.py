"""Call sheet: one shoot day, printable, with a day picker; an unknown day is a clear 404 / CommandError."""

import csv
import io
from datetime import date, time

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import QueryDict
from pypdf import PdfReader

from hhprod.productions.models import Credit, Production
from hhprod.reports.catalogue import REPORTS
from tests import factories as f
from tests.reporting import report_file, report_url

pytestmark = pytest.mark.django_db
SLUG = "call-sheet"
# Session, user, production, days for the picker, calls, scenes, rigs, the production picker.
PAGE_QUERIES = 8


def url(production, day=None):
    return report_url(production, SLUG, day=day)


def export(production, fmt, day=None):
    return report_file(production, SLUG, fmt, day=day)


def calls_csv(production, day=None):
    return list(csv.DictReader(io.StringIO(export(production, "csv", day).decode())))


@pytest.fixture
def hh(seed):
    return Production.objects.get(title="Hardcore Henry")


def test_day_one_calls_the_director_at_seven(hh, staff_client):
    page = staff_client.get(url(hh, 1)).content.decode()
    assert "Day 1 of 120 (45 planned) — 2 Sep 2013" in page
    director = calls_csv(hh, 1)[0]
    assert director == {
        "Name": "Ilya Naishuller",
        "Role": "Director",
        "Rig wearer": "yes",
        "Call": "07:00",
        "Wrap": "19:00",
        "Notes": "",
    }


def test_default_day_is_day_one_when_every_day_has_takes(hh, staff_client):
    page = staff_client.get(url(hh)).content.decode()
    assert '<option value="1" selected>' in page and 'id="day-picker"' in page and '<label for="day-picker">' in page


def test_scenes_rigs_and_wearers_of_the_day(hh):
    md = export(hh, "md", 1).decode()
    assert "| 1 |  | 5 | 1 | 27.0 |" in md  # scene 1: five takes, one circled, 27 minutes
    assert "| v1 | Metal | GP3-0001 | 5 | 27.0 | Ilya Naishuller, Unnamed stunt performer 1," in md


def test_default_day_is_the_first_without_takes_and_says_so():
    prod = f.production(planned_days=None)
    wearer = f.wearer(prod, "Operator")
    shot = f.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 2))
    f.take(shot, f.scene(prod), f.rig(), wearer)
    tomorrow = f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None, location="Moscow rooftop")
    f.call(tomorrow, wearer, call_time=time(6, 30), wrap_time=None)
    content = REPORTS[SLUG].build(prod, QueryDict(""))
    assert content.subtitle == "Day 2 of 2 — 3 Sep 2013"
    summary = dict(content.summary)
    assert summary["Actual date"] == "not shot yet" and summary["Location"] == "Moscow rooftop"
    assert summary["Scenes"] == "none: no takes on this day"
    assert calls_csv(prod) == [
        {"Name": "Operator", "Role": "Stunt performer", "Rig wearer": "yes", "Call": "06:30", "Wrap": "", "Notes": ""}
    ]


def test_added_day_without_a_scheduled_date_and_an_uncredited_caller():
    prod = f.production()
    day = f.shoot_day(prod, 1, scheduled=None, actual=None)
    f.call(day, f.person("Visitor"))
    both = f.person("Director who acts")
    Credit.objects.create(production=prod, person=both, role="director")
    Credit.objects.create(production=prod, person=both, role="cast")
    f.call(day, both, call_time=time(5, 0))
    content = REPORTS[SLUG].build(prod, QueryDict("day=1"))
    assert dict(content.summary)["Scheduled date"] == "none: a day added beyond the plan"
    assert content.subtitle == "Day 1 of 1 (10 planned) — no date yet"
    rows = calls_csv(prod, 1)
    assert [(r["Name"], r["Role"], r["Rig wearer"]) for r in rows] == [
        ("Director who acts", "Cast, Director", ""),
        ("Visitor", "not credited", ""),
    ]


def test_unknown_day_is_a_404_naming_the_valid_days(hh, staff_client):
    for bad in ("999", "abc", "0"):
        response = staff_client.get(url(hh, bad))
        assert response.status_code == 404
        assert "valid days: 1–120" in response.content.decode()


def test_report_command_refuses_an_unknown_day_listing_the_valid_ones(hh, tmp_path):
    with pytest.raises(CommandError, match="Hardcore Henry has no shoot day '999'; valid days: 1–120"):
        call_command("report", SLUG, production="Hardcore Henry", day="999", output=str(tmp_path / "x.csv"))


def test_exports_read_back(hh):
    sheet = openpyxl.load_workbook(io.BytesIO(export(hh, "xlsx", 1)))
    assert sheet.sheetnames == ["Summary", "Cast and crew calls", "Scenes", "Rigs, cameras and wearers"]
    assert [c.value for c in sheet["Cast and crew calls"][2]] == [
        "Ilya Naishuller",
        "Director",
        "yes",
        time(7, 0),  # typed: a time a spreadsheet computes with
        time(19, 0),
        None,
    ]
    pdf = PdfReader(io.BytesIO(export(hh, "pdf", 1)))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1 and "Day 1 of 120 (45 planned)" in text and "Ilya Naishuller" in text and "07:00" in text
    assert (
        export(hh, "md", 1)
        .decode()
        .startswith("# Call sheet: Hardcore Henry\n\nDay 1 of 120 (45 planned) — 2 Sep 2013\n")
    )


def test_download_file_is_named_after_the_day(hh, staff_client):
    response = staff_client.get(url(hh, 3) + "&export=pdf")
    expected = 'filename="hardcore-henry-call-sheet-day-3-of-120-45-planned-4-sep-2013.pdf"'
    assert expected in response["Content-Disposition"]


def test_a_production_with_no_days_says_nothing_was_scheduled(staff_client):
    prod = f.production("Sequel", planned_days=None)
    page = staff_client.get(url(prod))
    assert page.status_code == 200 and "none scheduled yet" in page.content.decode()
    assert staff_client.get(url(prod, 1)).status_code == 404
    assert export(prod, "csv").decode().splitlines() == ["Name,Role,Rig wearer,Call,Wrap,Notes"]
    assert "none scheduled yet" in export(prod, "md").decode()
    assert openpyxl.load_workbook(io.BytesIO(export(prod, "xlsx")))["Summary"]["B2"].value.startswith("none")
    assert "none scheduled yet" in PdfReader(io.BytesIO(export(prod, "pdf"))).pages[0].extract_text()


def test_page_queries_are_fixed_on_the_seed_and_on_a_bigger_day(hh, staff_client, django_assert_num_queries):
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(url(hh, 1)).status_code == 200
    big = f.production("Big")
    rigs = [f.rig("v3", 3), f.rig("v4", 4, material="plastic")]
    f.camera(rigs[0], "CAM-3")
    f.camera(rigs[1], "CAM-4")
    day = f.shoot_day(big, 1, actual=date(2013, 9, 2))
    people = [f.wearer(big, f"Wearer {n}") for n in range(25)]
    for n, someone in enumerate(people):
        f.call(day, someone)
        f.take(day, f.scene(big, str(n)), rigs[n % 2], someone, length=60 + n)
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(url(big, 1)).status_code == 200
