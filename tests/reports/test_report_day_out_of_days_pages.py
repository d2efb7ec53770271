"""The Day Out of Days on the film's seed, on the page, in every export, and its query count."""

import io
from datetime import date, datetime

import openpyxl
import pytest
from pypdf import PdfReader

from hhprod.productions.models import Credit
from hhprod.reports.day_out_of_days import CODES, LEGEND
from tests import factories as f

from .test_report_day_out_of_days import PAGE_QUERIES, TOTALS, credit, date_of, export, grid, url, weekdays

pytestmark = pytest.mark.django_db


# The film's seed ------------------------------------------------------------------


def test_the_stars_three_trips_open_and_close_his_runs_and_the_hiatuses_are_not_held(henry):
    rows, headers = grid(henry)
    _, line, totals = rows["Sharlto Copley"]
    codes = dict(zip(headers, line.split(), strict=True))
    trips = henry.trips.filter(person__name="Sharlto Copley").values_list("starts", "ends")
    trip_dates = sorted(d for trip in trips for d in trip)
    travelled = [h for h, code in codes.items() if "T" in code]
    assert travelled == [f"{d:%a %d %b %Y}" for d in trip_dates] and len(travelled) == 6
    assert all(h[:3] in ("Sat", "Sun") for h in travelled)
    hiatuses = [h for h in headers if h.startswith("Hiatus ")]
    assert len(hiatuses) == 2 and all(codes[h] == "." for h in hiatuses)
    # Each hold falls inside a trip: travel opens and closes his runs, so no day there is blank.
    held = [h for h, code in codes.items() if code == "H"]
    assert held and all(any(f"{s:%Y%m%d}" <= date_of(h) <= f"{e:%Y%m%d}" for s, e in trips) for h in held)
    at_the_shoot = [
        h for h in headers if h[:3] != "Hia" and any(f"{s:%Y%m%d}" <= date_of(h) <= f"{e:%Y%m%d}" for s, e in trips)
    ]
    assert [h for h in at_the_shoot if codes[h] == "." and h[:3] not in ("Sat", "Sun")] == []
    # Dropped on the flight home before a hiatus, picked up on the flight back, as many times as allowed.
    assert [code for code in codes.values() if code in ("TD", "PT")] == ["TD", "PT"] * min(henry.allowed_drops, 2)
    assert int(totals["Held"]) == len(held) and int(totals["Paid days"]) == sum(
        int(totals[k]) for k in ("Worked", "Held", "Travel", "Holidays")
    )


def test_the_rig_fitting_before_the_shoot_holds_nobody_and_uses_no_drop(henry):
    rows, _ = grid(henry)
    fitted = [name for name, (_, line, _) in rows.items() if "FT" in line.split()]
    assert len(fitted) >= 13  # everyone who wears the rig is fitted to it before the shoot
    for name in fitted:
        codes = rows[name][1].split()
        # A run opens on a work day (S..W..) or, travel being paid work, on travel (T, PT).
        opens = next(i for i, code in enumerate(codes) if "W" in code or code.removeprefix("P").startswith("T"))
        assert "H" not in codes[:opens] and {"PFT", "FTD", "PFTD"}.isdisjoint(codes), name


def test_every_code_on_the_seeds_grid_is_in_the_legend(henry):
    rows, _ = grid(henry)
    whole = {code for code, _ in LEGEND if "…" not in code}
    shown = {code for _, line, _ in rows.values() for code in line.split() if code != "."}
    parts = {code.removesuffix("/T").removeprefix("P").removesuffix("D") or code for code in shown}
    assert shown and parts - whole == set()
    assert all(f"{code} " in CODES for code in whole)


# Page, exports, queries -------------------------------------------------------------


def test_a_production_with_no_days_says_nothing_was_scheduled(staff_client):
    prod = f.production("Hardcore Henry sequel", planned_days=None)
    assert "Nothing scheduled" in staff_client.get(url(prod)).content.decode()
    assert export(prod, "csv").decode().splitlines() == ["Block,Name," + ",".join(TOTALS)]
    assert "Nothing scheduled" in PdfReader(io.BytesIO(export(prod, "pdf"))).pages[0].extract_text()


def test_the_page_keeps_names_and_dates_in_view_and_shows_the_hiatus_and_warnings(henry, staff_client):
    page = staff_client.get(url(henry)).content.decode()
    assert 'class="report-section dood-scroll"' in page and "position: sticky" in page
    blocks = ["Cast", "Stunt performers and rig wearers", "Crew", "Rigs by day"]
    assert [b for b in blocks if f'<th scope="rowgroup" class="name">{b}</th>' in page] == blocks
    assert page.count('class="day kind-hiatus"') == 2
    for starts, ends in henry.calendar_entries.filter(kind="hiatus").values_list("starts", "ends"):
        assert f'title="Hiatus {starts:%d %b} – {ends:%d %b %Y}"' in page


def test_the_pdf_prints_a_page_per_month_and_the_totals(henry):
    rows, headers = grid(henry)
    months = sorted({datetime.strptime(h, "%a %d %b %Y").strftime("%Y%m") for h in headers if h[:3] != "Hia"})
    pdf = PdfReader(io.BytesIO(export(henry, "pdf")))
    texts = [page.extract_text() for page in pdf.pages]
    titled = [month for month in months if any(f"{datetime.strptime(month, '%Y%m'):%B %Y}\nName" in t for t in texts)]
    assert titled == months and any("Totals\nName Start Finish Worked" in t for t in texts)
    assert "Sharlto Copley" in texts[0] and "SW" in texts[0]


def test_xlsx_and_markdown_carry_the_grid(henry):
    rows, headers = grid(henry)
    sheet = openpyxl.load_workbook(io.BytesIO(export(henry, "xlsx")))["Day Out of Days"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Block", "Name", *headers, *TOTALS]
    copley = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "Sharlto Copley")
    assert " ".join(code or "." for code in copley[2 : 2 + len(headers)]) == rows["Sharlto Copley"][1]
    assert "| Sharlto Copley |" in export(henry, "md").decode()


def bigger(production, people):
    """`people` cast members on 20 shot and 10 planned days, with trips, fits and a holiday."""
    days = weekdays(production, 20) + weekdays(production, 10, start=date(2013, 10, 1), shot=False, first=21)
    f.calendar_entry(production, "holiday", date(2013, 9, 28))
    unit = f.unit(f.rig(f"Rig {production.pk}", version=production.pk))
    scenes = [f.scene(production, str(n)) for n in range(1, 11)]
    for n in range(people):
        someone = f.person(f"{production.title} {n}")
        casting = credit(someone, production, role=Credit.Role.CAST)
        for scene in scenes:
            scene.cast.add(casting)
        f.trip(someone, production, date(2013, 8, 31), date(2013, 10, 20))
        f.fit(unit, someone, date(2013, 8, 30))
        for day in days[n % 3 : 20 : 2]:
            f.call(day, someone)
    for day, scene in zip(days[20:], scenes, strict=True):
        f.strip(day, scene)
    return production


def test_page_queries_are_fixed_whatever_the_number_of_people_and_days(staff_client, django_assert_num_queries):
    small, large = bigger(f.production("Small"), 2), bigger(f.production("Large"), 12)
    for production in (small, large):
        with django_assert_num_queries(PAGE_QUERIES):
            assert staff_client.get(url(production)).status_code == 200
    rows, _ = grid(large)
    assert len(rows) == 12 and rows["Large 0"][1].split()[:4] == ["FT", "T", ".", "SW"]
