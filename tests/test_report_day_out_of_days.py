"""Day Out of Days: people by shoot day with SW/W/WF/SWF/H/T codes and totals, computed in SQL."""

import csv
import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from hhprod.productions.models import Production
from hhprod.shooting.models import DayCall
from tests import factories as f
from tests.reporting import report_file

pytestmark = pytest.mark.django_db
SLUG = "day-out-of-days"
# Session, user, production, people with totals, days with codes, the production picker.
PAGE_QUERIES = 6


def url(production, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("reports:report", args=[production.pk, SLUG]) + (f"?{query}" if query else "")


def grid(production):
    """{person: {day number: code}} and {person: totals}, as the CSV carries them."""
    rows = list(csv.reader(io.StringIO(export(production, "csv").decode())))
    header, body = rows[0], rows[1:]
    days = [int(h.removeprefix("Day ")) for h in header if h.startswith("Day ")]
    codes = {row[0]: dict(zip(days, row[1 : len(days) + 1], strict=True)) for row in body}
    totals = {row[0]: dict(zip(header[len(days) + 1 :], row[len(days) + 1 :], strict=True)) for row in body}
    return codes, totals


def export(production, fmt):
    return report_file(production, SLUG, fmt)


def days(production, count, start=date(2013, 9, 2)):
    return [
        f.shoot_day(production, n, scheduled=start + timedelta(n - 1), actual=start + timedelta(n - 1))
        for n in range(1, count + 1)
    ]


# The article's data -------------------------------------------------------------


def test_copley_works_on_his_calls_travels_inside_his_trips_and_holds_between(seed):
    hh = Production.objects.get(title="Hardcore Henry")
    codes, totals = grid(hh)
    copley = codes["Sharlto Copley"]
    calls = DayCall.objects.filter(person__name="Sharlto Copley", shoot_day__production=hh)
    called = set(calls.values_list("shoot_day__number", flat=True))
    worked = {n for n, code in copley.items() if code in ("SW", "W", "WF", "SWF")}
    assert worked == called and int(totals["Sharlto Copley"]["Worked"]) == len(called) == 73
    first, last = min(called), max(called)
    assert (copley[first], copley[last]) == ("SW", "WF")
    assert int(totals["Sharlto Copley"]["First"]) == first and int(totals["Sharlto Copley"]["Last"]) == last
    held = {n for n, code in copley.items() if code == "H"}
    assert held and all(first < n < last for n in held) and held.isdisjoint(called)
    assert int(totals["Sharlto Copley"]["Held"]) == len(held) == last - first + 1 - len(called)
    travel = {n for n, code in copley.items() if code == "T"}
    trips = list(hh.trips.filter(person__name="Sharlto Copley"))
    shot_on = dict(hh.shoot_days.values_list("number", "actual_date"))
    assert len(trips) == 3 and int(totals["Sharlto Copley"]["Travel"]) == len(travel) > 0
    assert all(any(t.starts <= shot_on[n] <= t.ends for t in trips) for n in travel)
    assert travel == {1, 119, 120}


def test_the_director_works_every_one_of_the_120_days(seed):
    codes, totals = grid(Production.objects.get(title="Hardcore Henry"))
    director = codes["Ilya Naishuller"]
    assert len(director) == 120 and director[1] == "SW" and director[120] == "WF"
    assert set(list(director.values())[1:-1]) == {"W"}
    assert totals["Ilya Naishuller"] == {"Worked": "120", "Held": "0", "Travel": "0", "First": "1", "Last": "120"}


def test_rows_are_people_with_a_call_or_a_trip(seed):
    codes, _ = grid(Production.objects.get(title="Hardcore Henry"))
    assert len(codes) == 14  # the 13 rig wearers and the star; cast without calls is left out
    assert "Tim Roth" not in codes and "Timur Bekmambetov" not in codes


# Hand-built scenarios -----------------------------------------------------------


def test_one_work_day_is_start_work_finish():
    prod = f.production()
    d1, d2, d3 = days(prod, 3)
    once = f.person("Day player")
    f.call(d2, once)
    codes, totals = grid(prod)
    assert codes["Day player"] == {1: "", 2: "SWF", 3: ""}
    assert totals["Day player"] == {"Worked": "1", "Held": "0", "Travel": "0", "First": "2", "Last": "2"}


def test_holds_fall_only_between_first_and_last_work_day():
    prod = f.production()
    d = days(prod, 6)
    actor = f.person("Actor")
    f.call(d[1], actor)
    f.call(d[4], actor)
    codes, totals = grid(prod)
    assert codes["Actor"] == {1: "", 2: "SW", 3: "H", 4: "H", 5: "WF", 6: ""}
    assert totals["Actor"]["Held"] == "2"


def test_overlapping_trips_count_each_travel_day_once():
    prod = f.production()
    d = days(prod, 8)
    star = f.person("Star")
    f.trip(star, prod, d[0].actual_date, d[4].actual_date)
    f.trip(star, prod, d[2].actual_date, d[7].actual_date, destination="Moscow again")
    f.call(d[5], star)
    codes, totals = grid(prod)
    assert codes["Star"] == {1: "T", 2: "T", 3: "T", 4: "T", 5: "T", 6: "SWF", 7: "T", 8: "T"}
    assert totals["Star"] == {"Worked": "1", "Held": "0", "Travel": "7", "First": "6", "Last": "6"}


def test_someone_with_only_a_trip_has_travel_and_no_work():
    prod = f.production()
    d = days(prod, 3)
    scout = f.person("Scout")
    f.trip(scout, prod, d[1].actual_date, d[1].actual_date + timedelta(days=30))
    codes, totals = grid(prod)
    assert codes["Scout"] == {1: "", 2: "T", 3: "T"}
    assert totals["Scout"] == {"Worked": "0", "Held": "0", "Travel": "2", "First": "", "Last": ""}


def test_added_day_without_a_date_is_a_column_and_a_cancelled_day_is_not():
    prod = f.production()
    d1 = f.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 2))
    f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None, status="cancelled")
    d3 = f.shoot_day(prod, 3, scheduled=None, actual=None)
    actor = f.person("Actor")
    f.call(d1, actor)
    f.call(d3, actor)
    f.trip(actor, prod, date(2013, 9, 1), date(2013, 9, 30))
    codes, totals = grid(prod)
    assert codes["Actor"] == {1: "SW", 3: "WF"}
    assert totals["Actor"] == {"Worked": "2", "Held": "0", "Travel": "0", "First": "1", "Last": "3"}


def test_a_production_with_no_days_says_nothing_was_scheduled(staff_client):
    prod = f.production("Hardcore Henry sequel", planned_days=None)
    page = staff_client.get(url(prod))
    assert page.status_code == 200 and "Nothing scheduled" in page.content.decode()
    assert export(prod, "csv").decode().splitlines() == ["Person,Worked,Held,Travel,First,Last"]
    assert "none scheduled yet" in export(prod, "md").decode()
    book = openpyxl.load_workbook(io.BytesIO(export(prod, "xlsx")))
    assert book["Summary"]["B3"].value.startswith("none scheduled yet")
    pdf = PdfReader(io.BytesIO(export(prod, "pdf")))
    assert "Nothing scheduled" in pdf.pages[0].extract_text()


# Page, exports and command ------------------------------------------------------


def test_page_shows_the_grid_with_dates_and_scrolls_sideways(seed, staff_client):
    hh = Production.objects.get(title="Hardcore Henry")
    page = staff_client.get(url(hh)).content.decode()
    assert 'class="report-section dood-scroll sticky-grid"' in page
    assert 'title="Day 120: 15 Aug 2014"' in page and "Sharlto Copley" in page


def test_xlsx_md_and_pdf_carry_the_grid(seed):
    hh = Production.objects.get(title="Hardcore Henry")
    sheet = openpyxl.load_workbook(io.BytesIO(export(hh, "xlsx")))["Day Out of Days"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Person", "Day 1", "Day 2"] and header[-5:] == ["Worked", "Held", "Travel", "First", "Last"]
    copley = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Sharlto Copley")
    assert copley[1:3] == ("T", "SW") and copley[-5:-2] == (73, 44, 3)
    md = export(hh, "md").decode()
    assert "| Person | Day 1 | Day 2 |" in md and "| Sharlto Copley | T | SW |" in md
    pdf = PdfReader(io.BytesIO(export(hh, "pdf")))
    assert len(pdf.pages) == 5  # four pages of 30 days, then the totals
    assert "Days 91 to 120" in pdf.pages[3].extract_text() and "Totals" in pdf.pages[4].extract_text()


def big_production():
    """More days, people, calls and trips than the seed's numbers of distinct kinds: the page must not care."""
    prod = f.production("Big", planned_days=40)
    d = days(prod, 60)
    for n in range(20):
        someone = f.person(f"Person {n}")
        for day in d[n : n + 30 : 2]:
            f.call(day, someone)
        f.trip(someone, prod, d[0].actual_date, d[10].actual_date)
        f.trip(someone, prod, d[5].actual_date, d[40].actual_date)
    return prod


def test_page_queries_are_fixed_on_the_seed_and_on_a_bigger_production(seed, staff_client, django_assert_num_queries):
    hh = Production.objects.get(title="Hardcore Henry")
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(url(hh)).status_code == 200
    big = big_production()
    with django_assert_num_queries(PAGE_QUERIES):
        assert staff_client.get(url(big)).status_code == 200
