"""The Day Out of Days by the contract on a production's data: who keeps the performers' rules,
travel as paid work, a day dated years ahead, and the date range the page takes."""

import io
from datetime import date

import openpyxl
import pytest

from hhprod.productions.models import Credit
from hhprod.reports.day_out_of_days import codes_on
from tests import factories as f

from .test_report_day_out_of_days import credit, export, grid, url, weekdays

pytestmark = pytest.mark.django_db
Role = Credit.Role


def test_crew_the_director_and_camera_operators_have_work_days_only(django_assert_num_queries):
    prod = f.production()
    days = weekdays(prod, 3)
    who = {
        "Lead": (Role.CAST, False),
        "Double": (Role.STUNT_PERFORMER, False),
        "Operator on the rig": (Role.CINEMATOGRAPHER, True),
        "Camera operator": (Role.CINEMATOGRAPHER, False),
        "Director": (Role.DIRECTOR, False),
        "Grip": (Role.CREW, False),
    }
    people = {}
    for name, (role, wears_rig) in who.items():
        people[name] = f.person(name)
        credit(people[name], prod, role=role, wears_rig=wears_rig)
        f.call(days[0], people[name])
        f.call(days[2], people[name])
    rows, _ = grid(prod)
    assert {name: (block, line, totals["Held"]) for name, (block, line, totals) in rows.items()} == {
        "Lead": ("Cast", "SW H WF", "1"),
        "Double": ("Stunt performers and rig wearers", "SW H WF", "1"),
        "Operator on the rig": ("Stunt performers and rig wearers", "SW H WF", "1"),
        "Camera operator": ("Crew", "SW . WF", "0"),
        "Director": ("Crew", "SW . WF", "0"),
        "Grip": ("Crew", "SW . WF", "0"),
    }
    with django_assert_num_queries(3):
        codes = codes_on(prod, days[1].actual_date, {p.pk for p in people.values()})
    assert {name: codes[p.pk] for name, p in people.items()} == {
        "Lead": "H",
        "Double": "H",
        "Operator on the rig": "H",
        "Camera operator": "",
        "Director": "",
        "Grip": "",
    }


@pytest.mark.parametrize(("travel_is_work", "line", "held"), [(True, "T . H SW WF", "1"), (False, "T . . SW WF", "0")])
def test_the_stars_arrival_is_held_when_travel_is_paid_work(travel_is_work, line, held):
    prod = f.production(travel_is_work=travel_is_work)
    days = weekdays(prod, 3)  # Monday to Wednesday
    star = f.person("Star")
    credit(star, prod, role=Role.CAST)
    f.trip(star, prod, date(2013, 8, 31), date(2013, 9, 4))  # in on Saturday, home on the last day
    f.call(days[1], star)
    f.call(days[2], star)
    rows, _ = grid(prod)
    assert rows["Star"][1] == line.replace("WF", "WF/T") and rows["Star"][2]["Held"] == held


def far_ahead():
    """Three shot days, a performer on the first and third, and day 121 dated twelve years on."""
    prod = f.production()
    days = weekdays(prod, 3)
    actor = f.person("Actor")
    credit(actor, prod, role=Role.CAST)
    f.call(days[0], actor)
    f.call(days[2], actor)
    return prod, days, actor


def test_a_day_dated_years_ahead_leaves_the_grid_the_totals_and_the_call_sheet_codes(staff_client):
    prod, days, actor = far_ahead()
    before = codes_on(prod, days[1].actual_date, {actor.pk})
    f.shoot_day(prod, 121, scheduled=date(2025, 9, 3), actual=None, status="scheduled")
    rows, headers = grid(prod)
    assert headers == [
        "Mon 02 Sep 2013",
        "Tue 03 Sep 2013",
        "Wed 04 Sep 2013",
        "No shoot days 05 Sep 2013 – 02 Sep 2025",
        "Wed 03 Sep 2025",
    ]
    assert rows["Actor"][1] == "SW H WF . ."
    assert [rows["Actor"][2][k] for k in ("Worked", "Held", "Paid days")] == ["2", "1", "3"]
    sheet = openpyxl.load_workbook(io.BytesIO(export(prod, "xlsx")))["Day Out of Days"]
    actor_row = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "Actor")
    assert actor_row[-4:] == (0, 0, 3, None)  # holidays, drops, paid days, warnings
    assert actor_row[-7:-4] == (2, 1, 0)  # worked, held, travel
    page = staff_client.get(url(prod)).content.decode()
    assert 'class="report-table dood"' in page and "No shoot days 05 Sep 2013" in page
    assert 'name="from" value="2013-09-02"' in page and 'name="to" value="2025-09-03"' in page
    assert codes_on(prod, days[1].actual_date, {actor.pk}) == before == {actor.pk: "H"}


def test_the_range_asked_shows_its_dates_and_counts_them(staff_client):
    prod, _, _ = far_ahead()
    f.shoot_day(prod, 121, scheduled=date(2025, 9, 3), actual=None, status="scheduled")
    response = staff_client.get(url(prod), {"from": "2013-09-03", "to": "2013-09-04", "export": "csv"})
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Block,Name,Tue 03 Sep 2013,Wed 04 Sep 2013,Start,")
    assert rows[1] == "Cast,Actor,H,WF,2013-09-02,2013-09-04,1,1,0,0,0,2,"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2013-13-01"}, "?from= takes a date as YYYY-MM-DD, such as 2013-09-02; '2013-13-01' is not one."),
        (
            {"to": "tomorrow", "export": "csv"},
            "?to= takes a date as YYYY-MM-DD, such as 2013-09-02; 'tomorrow' is not one.",
        ),
        (
            {"from": "2013-09-04", "to": "2013-09-02"},
            "?to=2013-09-02 is before ?from=2013-09-04: the range would be empty.",
        ),
    ],
)
def test_a_range_that_is_no_range_is_refused_with_the_reason(staff_client, query, message):
    prod, _, _ = far_ahead()
    response = staff_client.get(url(prod), query)
    assert (response.status_code, response.content.decode()) == (400, message)
