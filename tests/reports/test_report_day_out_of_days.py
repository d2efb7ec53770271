"""Day Out of Days on the calendar: dates from calls, the plan, trips and fits; blocks; exports; queries.

Grid lines are the CSV's codes by column, "." for an empty cell; the coding rules themselves are
tested in test_dood_rules.py.
"""

import csv
import io
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from django.urls import reverse

from hhprod.planning.models import DayCall
from hhprod.productions.models import Credit
from tests import factories as f
from tests.reporting import report_file

pytestmark = pytest.mark.django_db
SLUG = "day-out-of-days"
MONDAY = date(2013, 9, 2)
TOTALS = ["Start", "Finish", "Worked", "Held", "Travel", "Holidays", "Drops", "Paid days", "Warnings"]
# Session, user, production; people's dates, rigs' dates, shoot days, calendar entries, people;
# the productions for the page's picker.
PAGE_QUERIES = 9


def url(production):
    return reverse("reports:report", args=[production.pk, SLUG])


def export(production, fmt):
    return report_file(production, SLUG, fmt)


def grid(production):
    """{name: (block, grid line, {total: value})} and the date columns' headers, from the CSV."""
    rows = list(csv.reader(io.StringIO(export(production, "csv").decode())))
    header, body = rows[0], rows[1:]
    width = len(header) - 2 - len(TOTALS)
    return {
        row[1]: (
            row[0],
            " ".join(code or "." for code in row[2 : 2 + width]),
            dict(zip(TOTALS, row[2 + width :], strict=True)),
        )
        for row in body
    }, header[2 : 2 + width]


def date_of(header):
    """ "Mon 02 Sep 2013" -> "20130902", comparable."""
    return f"{datetime.strptime(header, '%a %d %b %Y'):%Y%m%d}"


def credit(someone, production, role, wears_rig=False):
    return Credit.objects.create(person=someone, production=production, role=role, wears_rig=wears_rig)


def weekdays(production, count, start=MONDAY, shot=True, first=1):
    """`count` shoot days on weekdays from `start`: shot (with an actual date) or still planned."""
    days, on = [], start
    while len(days) < count:
        if on.weekday() < 5:
            dated = {"actual": on} if shot else {"actual": None, "status": "scheduled"}
            days.append(f.shoot_day(production, first + len(days), scheduled=on, **dated))
        on += timedelta(days=1)
    return days


def test_days_1_2_12_13_are_a_drop_and_a_pickup_on_the_calendar():
    prod = f.production()
    d = weekdays(prod, 13)
    actor = f.person("Actor")
    credit(actor, prod, role=Credit.Role.CAST)
    for n in (1, 2, 12, 13):
        f.call(d[n - 1], actor)
    rows, headers = grid(prod)
    assert headers[0] == "Mon 02 Sep 2013" and headers[-1] == "Wed 18 Sep 2013"
    block, line, totals = rows["Actor"]
    assert block == "Cast" and line == "SW WD . . . . . . . . . . . . . PW WF"
    assert totals | {"Warnings": ""} == {
        "Start": "2013-09-02", "Finish": "2013-09-18", "Worked": "4", "Held": "0", "Travel": "0",
        "Holidays": "0", "Drops": "1", "Paid days": "4", "Warnings": "",
    }  # fmt: skip


def test_travel_is_the_trip_dates_even_on_a_weekend_and_not_the_days_at_the_shoot():
    prod = f.production()
    d = weekdays(prod, 5, start=date(2013, 9, 9))
    star = f.person("Star")
    credit(star, prod, role=Credit.Role.CAST)
    f.trip(star, prod, date(2013, 9, 7), date(2013, 9, 15))  # out on Saturday, home on Sunday
    for day in d:
        f.call(day, star)
    rows, headers = grid(prod)
    assert headers[0] == "Sat 07 Sep 2013" and headers[-1] == "Sun 15 Sep 2013"
    assert rows["Star"][1] == "T . SW W W W WF . T"
    assert rows["Star"][2]["Travel"] == "2" and rows["Star"][2]["Paid days"] == "7"


def test_a_holiday_entry_is_a_paid_holiday_and_a_cancelled_day_is_no_work_day():
    prod = f.production()
    first = f.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 2))
    f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=date(2013, 9, 3))
    f.calendar_entry(prod, "holiday", date(2013, 9, 4))
    f.shoot_day(prod, 3, scheduled=date(2013, 9, 5), actual=date(2013, 9, 5))
    f.shoot_day(prod, 4, scheduled=date(2013, 9, 6), actual=None, status="cancelled")
    last = f.shoot_day(prod, 5, scheduled=date(2013, 9, 9), actual=date(2013, 9, 9))
    actor = f.person("Actor")
    credit(actor, prod, role=Credit.Role.CAST)
    f.call(first, actor)
    f.call(last, actor)
    rows, headers = grid(prod)
    assert headers[2] == "Wed 04 Sep 2013" and headers[4] == "Fri 06 Sep 2013"
    assert rows["Actor"][1] == "SW H HOL H . . . WF"
    assert [rows["Actor"][2][k] for k in ("Held", "Holidays", "Paid days")] == ["2", "1", "5"]


def test_a_hiatus_is_one_column_between_the_blocks():
    prod = f.production()
    before = f.shoot_day(prod, 1, scheduled=date(2014, 1, 10), actual=date(2014, 1, 10))
    f.calendar_entry(prod, "hiatus", date(2014, 1, 11), date(2014, 5, 14))
    after = f.shoot_day(prod, 2, scheduled=date(2014, 5, 15), actual=date(2014, 5, 15))
    actor = f.person("Actor")
    credit(actor, prod, role=Credit.Role.CAST)
    f.call(before, actor)
    f.call(after, actor)
    rows, headers = grid(prod)
    assert headers == ["Fri 10 Jan 2014", "Hiatus 11 Jan – 14 May 2014", "Thu 15 May 2014"]
    assert rows["Actor"][1] == "SWD . PWF"  # dropped across the hiatus, not held for four months
    assert rows["Actor"][2]["Held"] == "0" and rows["Actor"][2]["Drops"] == "1"


def test_a_second_drop_is_refused_with_a_warning_and_held():
    prod = f.production()
    d = weekdays(prod, 25)
    actor = f.person("Actor")
    credit(actor, prod, role=Credit.Role.CAST)
    for n in (1, 12, 25):
        f.call(d[n - 1], actor)
    rows, _ = grid(prod)
    line, totals = rows["Actor"][1:]
    assert line.split()[:2] == ["SWD", "."] and line.split()[15] == "PW"
    assert line.split()[16:19] == ["H", "H", "H"] and line.split()[-1] == "WF"
    assert (totals["Drops"], totals["Held"]) == ("1", "12")
    assert totals["Warnings"] == (
        "Drop refused: 16 days off from 17 Sep 2013 to 04 Oct 2013 exceed the 10-day rule, "
        "but the drop allowed is already used, so held: 12 paid hold days."
    )


def test_a_fitting_from_the_rig_and_a_rehearsal_call_are_ft_and_r():
    prod = f.production()
    d = weekdays(prod, 3)
    wearer = f.person("Stunt performer 1")
    credit(wearer, prod, role=Credit.Role.STUNT_PERFORMER)
    f.fit(f.unit(f.rig()), wearer, d[0].actual_date)
    rehearsal = f.call(d[1], wearer)
    rehearsal.kind = DayCall.Kind.REHEARSAL
    rehearsal.save()
    f.call(d[2], wearer)
    rows, _ = grid(prod)
    assert rows["Stunt performer 1"][:2] == ("Stunt performers and rig wearers", "FT R SWF")
    assert rows["Stunt performer 1"][2]["Worked"] == "3"


def test_planned_days_come_from_the_scenes_cast_and_travel_on_a_work_day_is_both():
    prod = f.production()
    shot = weekdays(prod, 1)
    planned = f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None, status="scheduled")
    star = f.person("Star")
    casting = credit(star, prod, role=Credit.Role.CAST)
    scene = f.scene(prod, "7")
    scene.cast.add(casting)
    f.strip(planned, scene)
    f.call(shot[0], star)
    f.trip(star, prod, date(2013, 9, 3), date(2013, 9, 3))
    rows, _ = grid(prod)
    assert rows["Star"][1] == "SW WF/T"
    assert (rows["Star"][2]["Worked"], rows["Star"][2]["Travel"]) == ("2", "0")


def test_credited_people_without_a_call_are_listed_in_their_blocks():
    prod = f.production()
    weekdays(prod, 2)
    for name, role in [("Lead", Credit.Role.CAST), ("Grip", Credit.Role.CREW), ("Double", Credit.Role.STUNT_PERFORMER)]:
        credit(f.person(name), prod, role=role)
    rows, _ = grid(prod)
    assert {name: (block, line) for name, (block, line, _) in rows.items()} == {
        "Lead": ("Cast", ". ."),
        "Double": ("Stunt performers and rig wearers", ". ."),
        "Grip": ("Crew", ". ."),
    }


def test_the_rig_element_rows_need_units_shot_and_versions_planned():
    prod = f.production()
    shot = weekdays(prod, 1)
    planned = f.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None, status="scheduled")
    v2 = f.rig()
    wearer = f.person("Wearer")
    credit(wearer, prod, role=Credit.Role.STUNT_PERFORMER, wears_rig=True)
    scene = f.scene(prod, "3")
    f.take(shot[0], scene, v2, wearer, rig_unit=f.unit(v2, 2))
    f.call(shot[0], wearer)
    scene.head_rig, scene.rig = True, v2
    scene.save()
    f.strip(planned, scene)
    book = openpyxl.load_workbook(io.BytesIO(export(prod, "xlsx")))
    rigs = list(book["Rigs by day"].iter_rows(values_only=True))
    assert [row[:4] for row in rigs[1:]] == [
        ("Rigs", f"{v2.name} #2", "SWF", None),
        ("Rigs", f"{v2.name} (unit not assigned)", None, "SWF"),
    ]


def test_shot_outside_the_usa_the_fourteen_day_rule_holds_the_thirteen_day_gap():
    prod = f.production(shot_outside_usa=True)
    d = weekdays(prod, 13)
    actor = f.person("Actor")
    credit(actor, prod, role=Credit.Role.CAST)
    for n in (1, 2, 12, 13):
        f.call(d[n - 1], actor)
    rows, _ = grid(prod)
    assert rows["Actor"][1] == "SW W H H H . . H H H H H . . H W WF"
    assert (rows["Actor"][2]["Drops"], rows["Actor"][2]["Held"]) == ("0", "9")


def test_a_call_on_a_day_with_no_date_yet_has_no_column():
    prod = f.production()
    dated = f.shoot_day(prod, 1, scheduled=MONDAY, actual=MONDAY)
    undated = f.shoot_day(prod, 2, scheduled=None, actual=None)
    actor = f.person("Actor")
    f.call(dated, actor)
    f.call(undated, actor)
    rows, headers = grid(prod)
    assert headers == ["Mon 02 Sep 2013"] and rows["Actor"][1] == "SWF"


def test_dates_years_apart_are_laid_out_with_the_quiet_years_as_one_column():
    prod = f.production()
    actor = f.person("Actor")
    f.call(f.shoot_day(prod, 1, scheduled=date(1, 1, 1), actual=date(9999, 12, 31)), actor)
    f.trip(actor, prod, date(1, 1, 1), date(1, 1, 2))
    rows, headers = grid(prod)
    assert len(headers) == 4 and headers[2].startswith("No shoot days 03 Jan")
    assert rows["Actor"][1] == "T T . SWF"
    assert [rows["Actor"][2][k] for k in ("Worked", "Travel", "Paid days")] == ["1", "2", "3"]
