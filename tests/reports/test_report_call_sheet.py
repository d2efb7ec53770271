"""Call sheet: a planned day read from the plan before any take exists, issued ahead and reprinted as issued."""

import io
import re
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import QueryDict
from pypdf import PdfReader

from hhprod.paperwork.models import CallSheetIssue
from hhprod.planning.models import DayCall, Location, Scene, ScheduleRevision, ShootDay
from hhprod.planning.revisions import lock_schedule
from hhprod.planning.sun import sun_times
from hhprod.productions.models import Credit, Production
from hhprod.reports.catalogue import REPORTS
from hhprod.shooting.models import Take
from tests import factories as f
from tests.reporting import report_file, report_url

pytestmark = pytest.mark.django_db
SLUG = "call-sheet"
# Session, user, the login's permissions (its own and its groups'), production, days for the picker,
# revision, strips, cast, the cast's codes (the Day Out of Days' dates, shoot days and calendar entries),
# the cast's ID numbers, the day's pages, crew calls, advance schedule, the production picker, the day's
# issued sheets.
PAGE_QUERIES = 18
# Session, user, the login's permissions (two), production, the issued sheet, the production picker.
REPRINT_QUERIES = 7


def export(production, fmt, **params):
    return report_file(production, SLUG, fmt, **params)


def table(production, heading, **params):
    """One table of the built sheet as the CSV and XLSX write it: header and rows."""
    book = openpyxl.load_workbook(io.BytesIO(export(production, "xlsx", **params)))
    return [list(row) for row in book[heading].iter_rows(values_only=True)]


def performer(prod, name, role, character=""):
    someone = f.person(name)
    return Credit.objects.create(production=prod, person=someone, role=role, character=character)


def planned_scene(prod, number, cast, **breakdown):
    found = Scene.objects.create(production=prod, number=number, **breakdown)
    found.cast.set(cast)
    return found


@pytest.fixture
def plan():
    """Four planned days (2–5 Sep 2013), nothing shot: Henry works days 2–3, the stunt double days 1–2,
    Estelle days 1 and 4 (called for a fitting on day 2, held on day 3)."""
    prod = f.production(planned_days=4)
    moscow = f.location()
    rig = f.rig("v2", 2, material="plastic")
    unit = f.unit(rig)
    f.mounting(f.camera(rig, "GP3-0007"), unit, date(2013, 9, 1))
    henry = performer(prod, "Sharlto Copley", "cast", "Henry")
    double = performer(prod, "Unnamed stunt performer 1", "stunt_performer")
    estelle = performer(prod, "Haley Bennett", "cast", "Estelle")
    director = f.person("Ilya Naishuller")
    Credit.objects.create(production=prod, person=director, role="director")
    days = [
        f.shoot_day(prod, n, scheduled=date(2013, 9, n + 1), actual=None, site=moscow, location="Moscow")
        for n in range(1, 5)
    ]
    days[1].crew_call, days[1].shooting_call = time(7, 0), time(8, 0)
    days[1].save()
    scenes = [
        planned_scene(prod, "10", [double, estelle], setting="int", time_of_day="day", page_eighths=4),
        planned_scene(
            prod, "12", [henry, double], setting="ext", time_of_day="night", page_eighths=11,
            synopsis="Henry jumps from the van", head_rig=True, rig=rig,
            stunt_notes="Van jump onto pads", safety_notes="Medic on set; rig strap checked",
        ),
        planned_scene(prod, "14", [henry], setting="int", time_of_day="day", page_eighths=8, synopsis="Lab corridor"),
        planned_scene(prod, "15", [estelle], setting="int", time_of_day="dusk", page_eighths=2),
    ]  # fmt: skip
    for day, scene in zip(days, scenes, strict=True):
        f.strip(day, scene)
    call = f.call(days[1], henry.person, call_time=time(6, 45), wrap_time=None)
    call.pickup_time, call.makeup_time, call.on_set_time = time(5, 30), time(6, 0), time(7, 30)
    call.save()
    fitting = f.call(days[1], estelle.person, call_time=time(9, 0), wrap_time=None)
    fitting.kind = DayCall.Kind.FITTING
    fitting.save()
    f.call(days[1], director, call_time=time(6, 0), wrap_time=None)
    lock_schedule(prod, name="White", reason="The baseline.")
    return prod


def test_a_planned_day_with_no_takes_gets_its_call_sheet_from_the_plan(plan):
    assert not Take.objects.exists()
    content = REPORTS[SLUG].build(plan, QueryDict("day=2"))
    sunrise, sunset = sun_times("55.75580", "37.61730", "Europe/Moscow", date(2013, 9, 3))
    assert content.subtitle == "Day 2 of 4 (White revision) — 3 Sep 2013"
    assert dict(content.summary) == {
        "Day": "Day 2 of 4 (White revision)",
        "Date": "Tue 3 Sep 2013",
        "General crew call": "07:00",
        "Shooting call": "08:00",
        "First meal": "—",
        "Pages": "1 3/8",
        "Location": "Moscow rooftop",
        "Address": "Red Square, Moscow",
        "Nearest hospital": "Sklifosovsky Institute, +7 495 680-41-54",
        "Location notes": "—",
        "Sunrise": f"{sunrise:%H:%M}",
        "Sunset": f"{sunset:%H:%M}",
        "Weather": "to be filled in by the office",
        "Notes": "—",
        "Issued": "not yet: the plan as it stands now",
    }
    assert table(plan, "Scenes", day=2) == [
        ["Scene", "Set", "INT/EXT", "D/N", "Pages", "Synopsis", "Cast ID", "Cast", "Rig", "Camera"],
        ["Scene 12", None, "EXT.", "Night", "1 3/8", "Henry jumps from the van", "1, 3",
         "Henry, Unnamed stunt performer 1", "v2", "GP3-0007"],
    ]  # fmt: skip
    assert table(plan, "Cast and stunt performers", day=2) == [
        ["ID", "Name", "Character", "Role", "Status", "Pickup", "Make-up", "Call", "On set"],
        [2, "Haley Bennett", "Estelle", "Cast", "FT", None, None, time(9, 0), None],
        [1, "Sharlto Copley", "Henry", "Cast", "SW", time(5, 30), time(6, 0), time(6, 45), time(7, 30)],
        [3, "Unnamed stunt performer 1", None, "Stunt performer", "WF", None, None, None, None],
    ]
    assert table(plan, "Crew calls", day=2) == [["Name", "Role", "Call"], ["Ilya Naishuller", "Director", time(6, 0)]]
    assert table(plan, "Stunt and safety notes", day=2)[1:] == [
        ["Scene 12", "Van jump onto pads", "Medic on set; rig strap checked"]
    ]
    assert table(plan, "Background, notes, contacts", day=2) == [
        ["For", "Note"],
        ["Background and stand-ins", "none called"],
        ["Departments", "—"],
        ["Key contacts", "— (enter them on the production)"],
    ]
    assert table(plan, "Advance schedule", day=2)[1:] == [
        [3, datetime(2013, 9, 4), "Scene 14", "INT.", "Day", "1", "Lab corridor", "Henry"],
        [4, datetime(2013, 9, 5), "Scene 15", "INT.", "Dusk", "2/8", None, "Estelle"],
    ]


def test_the_sheet_carries_meal_pages_location_notes_background_departments_and_contacts(plan):
    Production.objects.filter(pk=plan.pk).update(
        key_contacts="Production office +7 495 000-00-00\n1st AD +7 916 000-00-00"
    )
    Location.objects.filter(name="Moscow rooftop").update(notes="Unit base in the GUM courtyard")
    ShootDay.objects.filter(production=plan, number=2).update(
        meal_time=time(13, 0), shooting_call=time(6, 30), background="12 passers-by at 07:30; 1 stand-in for Henry",
        department_notes="Rig: spare v2 strap on set",
    )  # fmt: skip
    plan.refresh_from_db()
    summary = dict(REPORTS[SLUG].build(plan, QueryDict("day=2")).summary)
    assert (summary["First meal"], summary["Pages"], summary["Location notes"]) == (
        "13:00", "1 3/8", "Unit base in the GUM courtyard"
    )  # fmt: skip
    assert summary["Shooting call"] == "06:30 — before the general crew call (07:00): check"
    assert table(plan, "Background, notes, contacts", day=2)[1:] == [
        ["Background and stand-ins", "12 passers-by at 07:30; 1 stand-in for Henry"],
        ["Departments", "Rig: spare v2 strap on set"],
        ["Key contacts", "Production office +7 495 000-00-00\n1st AD +7 916 000-00-00"],
    ]
    page = export(plan, "md", day=2).decode()
    assert "Unit base in the GUM courtyard" in page and "1st AD +7 916 000-00-00" in page


def test_the_advance_schedule_says_when_a_day_ahead_has_nothing_planned(plan):
    # Day 3's scene goes to the boneyard; a day added ahead of day 4 has no scene either.
    Scene.objects.get(production=plan, number="14").strips.all().delete()
    f.shoot_day(plan, 5, scheduled=date(2013, 9, 4), actual=None)
    assert table(plan, "Advance schedule", day=2)[1:] == [
        [3, datetime(2013, 9, 4), "Nothing planned yet", None, None, None, None, None],
        [4, datetime(2013, 9, 4), "Nothing planned yet", None, None, None, None, None],
        [5, datetime(2013, 9, 5), "Scene 15", "INT.", "Dusk", "2/8", None, "Estelle"],
    ]


def test_the_sheet_has_no_wrap_times(plan):
    headers = {
        cell for heading in ("Cast and stunt performers", "Crew calls") for cell in table(plan, heading, day=2)[0]
    }
    assert "Wrap" not in headers and "Out" not in headers


def test_status_codes_start_and_finish_on_a_one_day_part(plan):
    # Scene 15 moves to day 1 too: Estelle then works days 1 only (SWF), and is not on day 4's sheet at all.
    strip = Scene.objects.get(production=plan, number="15").strips.get()
    strip.shoot_day, strip.order = plan.shoot_days.get(number=1), 2
    strip.save()
    assert table(plan, "Cast and stunt performers", day=1)[1] == [
        2, "Haley Bennett", "Estelle", "Cast", "SWF", None, None, None, None,
    ]  # fmt: skip
    assert table(plan, "Cast and stunt performers", day=4)[1:] == []


def test_the_status_is_the_day_out_of_days_code_drops_and_pickups_included(plan):
    # Scene 15 moves to 30 Sep: Estelle is off more than the drop rule allows after day 1, so she is
    # dropped then (SWD), comes in for her fitting (FT) and is picked up on the day she finishes (PWF):
    # the call sheet says what the Day Out of Days says for each date.
    later = f.shoot_day(plan, 5, scheduled=date(2013, 9, 30), actual=None)
    strip = Scene.objects.get(production=plan, number="15").strips.get()
    strip.shoot_day = later
    strip.save()
    assert table(plan, "Cast and stunt performers", day=1)[1][1:5] == ["Haley Bennett", "Estelle", "Cast", "SWD"]
    assert table(plan, "Cast and stunt performers", day=2)[1][1:5] == ["Haley Bennett", "Estelle", "Cast", "FT"]
    assert table(plan, "Cast and stunt performers", day=5)[1][1:5] == ["Haley Bennett", "Estelle", "Cast", "PWF"]
    dood = openpyxl.load_workbook(io.BytesIO(report_file(plan, "day-out-of-days", "xlsx")))["Day Out of Days"]
    header, *rows = [list(row) for row in dood.iter_rows(values_only=True)]
    estelle = dict(zip(header, next(row for row in rows if row[1] == "Haley Bennett"), strict=True))
    assert [estelle[on] for on in ("Mon 02 Sep 2013", "Tue 03 Sep 2013", "Mon 30 Sep 2013")] == ["SWD", "FT", "PWF"]


def day_line(production, number, slug=SLUG):
    return dict(REPORTS[slug].build(production, QueryDict(f"day={number}")).summary)["Day"]


def test_day_n_of_m_follows_the_shooting_order_when_a_day_moves(plan):
    ShootDay.objects.filter(production=plan, number=2).update(scheduled_date=date(2013, 9, 10))
    assert [day_line(plan, n) for n in (1, 2, 3, 4)] == [
        "Day 1 of 4 (White revision)",
        "Day 4 of 4 (White revision)",
        "Day 2 of 4 (White revision)",
        "Day 3 of 4 (White revision)",
    ]
    # The production report (and the day's page) print the same figure.
    assert day_line(plan, 2, "production-report") == "Day 4 of 4"


def test_a_day_added_ahead_of_the_others_is_day_1_and_says_it_was_added_after_the_revision(plan):
    f.shoot_day(plan, 5, scheduled=date(2013, 9, 1), actual=None)
    assert day_line(plan, 5) == "Day 1 of 5 (4 planned; added after the White revision)"
    assert day_line(plan, 2) == "Day 3 of 5 (4 planned; White revision)"
    f.shoot_day(plan, 6, scheduled=None, actual=None)
    assert day_line(plan, 6) == "Day 6 of 6 (4 planned; added after the White revision)"


def test_a_cancelled_day_drops_out_of_the_count(plan):
    ShootDay.objects.filter(production=plan, number=2).update(status=ShootDay.Status.CANCELLED)
    assert day_line(plan, 3) == "Day 2 of 3 (4 planned; White revision)"
    assert day_line(plan, 2) == "Cancelled: not one of the 3 shoot days (4 planned; White revision)"


def test_with_no_revision_locked_the_sheet_says_so(plan):
    ScheduleRevision.objects.filter(production=plan).delete()
    assert day_line(plan, 4) == "Day 4 of 4 (no revision locked)"


def issue_as(client, production, day):
    return client.post(f"/reports/{production.pk}/call-sheets/issue/", {"day": day})


def test_an_issued_call_sheet_reprints_unchanged_after_its_day_moves(plan, login_as):
    response = issue_as(login_as("Assistant director"), plan, 2)
    issued = CallSheetIssue.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"?issue={issued.pk}")
    assert (issued.shoot_day.number, issued.revision_name, issued.issued_by.username) == (
        2,
        "White",
        "assistant_director",
    )
    as_issued = {fmt: export(plan, fmt, issue=issued.pk) for fmt in ("md", "csv", "xlsx")}
    pdf_text = PdfReader(io.BytesIO(export(plan, "pdf", issue=issued.pk))).pages[0].extract_text()

    day = plan.shoot_days.get(number=2)
    day.scheduled_date, day.crew_call, day.site = date(2013, 9, 20), time(5, 0), f.location("Kyiv studio")
    day.save()
    strip = day.strips.get()
    strip.shoot_day, strip.order = plan.shoot_days.get(number=3), 2
    strip.save()
    Scene.objects.filter(number="12").update(synopsis="Rewritten")

    assert "Kyiv studio" in export(plan, "md", day=2).decode()
    assert {fmt: export(plan, fmt, issue=issued.pk) for fmt in ("md", "csv")} == {
        fmt: as_issued[fmt] for fmt in ("md", "csv")
    }
    reread = openpyxl.load_workbook(io.BytesIO(export(plan, "xlsx", issue=issued.pk)))
    original = openpyxl.load_workbook(io.BytesIO(as_issued["xlsx"]))
    assert reread.sheetnames == original.sheetnames
    for name in original.sheetnames:
        assert list(reread[name].values) == list(original[name].values)
    reprinted = PdfReader(io.BytesIO(export(plan, "pdf", issue=issued.pk))).pages[0].extract_text()
    assert without_print_time(reprinted) == without_print_time(pdf_text)
    assert "Henry jumps from the van" in reprinted and "Moscow rooftop" in reprinted and "Rewritten" not in reprinted


def without_print_time(text):
    return [line for line in text.splitlines() if not line.startswith("Printed ")]


def test_issuing_is_the_producers_and_the_ads_and_takes_a_post(plan, login_as):
    assert issue_as(login_as("Viewer"), plan, 2).status_code == 403
    assert issue_as(login_as("Script supervisor"), plan, 2).status_code == 403
    producer = login_as("Producer")
    assert producer.get(f"/reports/{plan.pk}/call-sheets/issue/").status_code == 405
    assert not CallSheetIssue.objects.exists()
    assert issue_as(producer, plan, 99).status_code == 302
    assert not CallSheetIssue.objects.exists()
    assert issue_as(producer, plan, 1).status_code == 302
    assert CallSheetIssue.objects.get().shoot_day.number == 1


def test_the_page_offers_issuing_to_the_ad_only_and_lists_issued_sheets(plan, login_as):
    ad = login_as("Assistant director")
    page = ad.get(report_url(plan, SLUG, day=2)).content.decode()
    assert "Issue this call sheet" in page and "csrfmiddlewaretoken" in page and "Not issued yet." in page
    issue_as(ad, plan, 2)
    viewer = login_as("Viewer")
    page = viewer.get(report_url(plan, SLUG, day=2)).content.decode()
    issued = CallSheetIssue.objects.get()
    assert "Issue this call sheet" not in page and f'href="?issue={issued.pk}"' in page
    reprint = viewer.get(report_url(plan, SLUG, issue=issued.pk)).content.decode()
    assert "reprinted as it went out" in reprint


def test_each_cell_carries_its_columns_header_for_a_phones_labelled_cards(plan, login_as):
    page = login_as("Viewer").get(report_url(plan, SLUG, day=2)).content.decode()
    assert page.count('class="report-table stacked"') == 6
    assert re.search(r'<td\s+data-label="Status">[A-Z]{1,3}</td>', page)
    assert re.search(r'<td\s+data-label="Call">\d\d:\d\d</td>', page)


def test_sunrise_and_sunset_in_moscow_on_midsummer_day():
    # Published for Moscow (55.7558 N, 37.6173 E) on 21 June 2021, Moscow time: sunrise 03:44, sunset 21:18.
    sunrise, sunset = sun_times("55.7558", "37.6173", "Europe/Moscow", date(2021, 6, 21))
    on = date(2021, 6, 21)
    for got, published in ((sunrise, time(3, 44)), (sunset, time(21, 18))):
        gap = abs(datetime.combine(on, got) - datetime.combine(on, published))
        assert gap <= timedelta(minutes=2), (got, published)


def test_no_sunrise_in_the_polar_night():
    assert sun_times("78.22", "15.65", "Arctic/Longyearbyen", date(2021, 12, 21)) == (None, None)


def test_unknown_day_or_issue_is_a_404_and_a_command_error(plan, staff_client, tmp_path):
    assert staff_client.get(report_url(plan, SLUG, day=9)).status_code == 404
    response = staff_client.get(report_url(plan, SLUG, issue="7"))
    assert response.status_code == 404 and "has no issued call sheet &#x27;7&#x27;" in response.content.decode()
    with pytest.raises(CommandError, match="valid days: 1–4"):
        call_command("report", SLUG, production=plan.title, day="9", output=str(tmp_path / "x.csv"))


def test_the_command_prints_the_sheet_and_reprints_an_issued_one(plan, django_user_model, tmp_path):
    from hhprod.reports.call_sheet import issue

    issued = issue(plan, 2, django_user_model.objects.create_user("ad"))
    call_command("report", SLUG, production=plan.title, day="2", format="pdf", output=str(tmp_path / "day2.pdf"))
    call_command(
        "report", SLUG, production=plan.title, issue=str(issued.pk), format="md", output=str(tmp_path / "i.md")
    )
    pdf = PdfReader(tmp_path / "day2.pdf")
    assert len(pdf.pages) == 1 and "Day 2 of 4 (White revision)" in pdf.pages[0].extract_text()
    assert (
        "- Issued: " in (tmp_path / "i.md").read_text()
        and "by ad, from the White revision" in (tmp_path / "i.md").read_text()
    )


def test_a_production_with_no_days_says_nothing_was_scheduled(staff_client):
    prod = f.production("Sequel", planned_days=None)
    assert "none scheduled yet" in staff_client.get(report_url(prod, SLUG)).content.decode()
    assert export(prod, "csv").decode().splitlines()[0].startswith("Scene,Set,INT/EXT")


def test_the_seeds_next_unshot_day_prints_on_one_portrait_page(seed):
    hh = Production.objects.get(title="Hardcore Henry")
    pdf = PdfReader(io.BytesIO(export(hh, "pdf")))
    box = pdf.pages[0].mediabox
    assert box.height > box.width  # A4 portrait
    assert "Call sheet" in pdf.pages[0].extract_text()


def test_page_queries_are_fixed_whatever_the_day_holds(plan, login_as, django_assert_num_queries):
    client = login_as("Assistant director")
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(report_url(plan, SLUG, day=2)).status_code == 200
    prod = Production.objects.get(pk=plan.pk)
    day = prod.shoot_days.get(number=2)
    for n in range(20):
        someone = performer(prod, f"Stunt performer {n}", "stunt_performer")
        f.strip(day, planned_scene(prod, f"2{n:02d}", [someone], page_eighths=3), order=n + 2)
        f.call(day, someone.person)
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(report_url(plan, SLUG, day=2)).status_code == 200
    issued = CallSheetIssue.objects.create(
        shoot_day=day, revision_name="White", content={"subtitle": "x", "summary": [], "tables": []}
    )
    with django_assert_num_queries(REPRINT_QUERIES):
        assert client.get(report_url(plan, SLUG, issue=issued.pk)).status_code == 200
