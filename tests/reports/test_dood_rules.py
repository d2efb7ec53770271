"""The Day Out of Days codes by the industry's rules, row by row, as exact grids.

A calendar is written as one letter per date from Monday 2 September 2013: s shoot day, . day
off, h holiday, x hiatus. A grid line has a code per column, "." where the cell is empty.
"""

from datetime import date, timedelta

from hhprod.reports.dood_rules import HIATUS, HOLIDAY, OFF, SHOOT, Rule, calendar_columns, code_row, grid_line

MONDAY = date(2013, 9, 2)
HOME = Rule()  # 10 days, one drop
KINDS = {"s": SHOOT, ".": OFF, "h": HOLIDAY, "x": HIATUS}


def company(letters):
    return {MONDAY + timedelta(i): KINDS[letter] for i, letter in enumerate(letters)}


def on(*indexes, code="W"):
    return {MONDAY + timedelta(i): code for i in indexes}


def line(calendar, working, travel=(), rule=HOME):
    row = code_row(calendar, working, [MONDAY + timedelta(i) for i in travel], rule)
    return grid_line(row, calendar_columns(calendar, {}, [row])), row


# Two weeks of five shoot days and a Monday: shoot days 1-2 are 2-3 Sep, 12-13 are 17-18 Sep.
TWO_WEEKS = "sssss..sssss..sss"


def test_thirteen_days_between_work_days_is_a_drop_and_a_pickup_with_no_holds():
    grid, row = line(company(TWO_WEEKS), on(0, 1, 15, 16))
    assert grid == "SW WD . . . . . . . . . . . . . PW WF"
    assert (row.worked, row.held, row.drops, row.paid, row.warnings) == (4, 0, 1, 4, [])


def test_a_gap_within_the_drop_rule_is_held_on_shoot_days_only():
    grid, row = line(company(TWO_WEEKS), on(0, 1, 9, 10))
    assert grid == "SW W H H H . . H H W WF . . . . . ."
    assert (row.worked, row.held, row.drops, row.paid) == (4, 5, 0, 9)


def test_on_a_distant_location_fourteen_days_rule_holds_the_same_gap():
    grid, row = line(company(TWO_WEEKS), on(0, 1, 15, 16), rule=Rule(drop_days=14))
    assert grid == "SW W H H H . . H H H H H . . H W WF"
    assert (row.held, row.drops) == (9, 0)


def test_a_second_drop_is_refused_held_and_warned():
    calendar = company("ss.............ss.............ss")
    grid, row = line(calendar, on(0, 1, 15, 16, 30, 31))
    assert grid == "SW WD . . . . . . . . . . . . . PW W . . . . . . . . . . . . . W WF"
    assert row.drops == 1 and row.held == 0  # the refused gap has no shoot day to hold
    assert row.warnings == [
        "Drop refused: 13 days off from 18 Sep 2013 to 02 Oct 2013 exceed the 10-day rule, "
        "but 1 drop(s) already used, so held."
    ]


def test_an_office_allowing_two_drops_drops_twice():
    calendar = company("ss.............ss.............ss")
    grid, row = line(calendar, on(0, 1, 15, 16, 30, 31), rule=Rule(allowed_drops=2))
    assert grid == "SW WD . . . . . . . . . . . . . PW WD . . . . . . . . . . . . . PW WF"
    assert (row.drops, row.warnings) == (2, [])


def test_travel_on_a_weekend_is_travel_and_the_days_between_are_at_the_shoot():
    # Out on Saturday 31 Aug... here Saturday 7 Sep, home Sunday 22 Sep; work the two weeks between.
    calendar = company("sssss..sssss..sssss..s")
    grid, row = line(calendar, on(7, 8, 9, 10, 11, 14, 15, 16, 17, 18), travel=(5, 20))
    assert grid == ". . . . . T . SW W W W W . . W W W W WF . T ."
    assert (row.worked, row.travel, row.held, row.paid) == (10, 2, 0, 12)


def test_travel_on_a_work_day_is_written_with_both_and_paid_once():
    grid, row = line(company("sssss"), on(0, 1, 2, 3), travel=(0, 3))
    assert grid == "SW/T W W WF/T ."
    assert (row.worked, row.travel, row.paid) == (4, 0, 4)


def test_a_holiday_inside_the_span_is_a_paid_holiday_and_outside_is_nothing():
    grid, row = line(company("shsss..h"), on(0, 3))
    assert grid == "SW HOL H WF . . . ."
    assert (row.held, row.holidays, row.paid) == (1, 1, 4)


def test_a_fitting_and_a_rehearsal_are_working_days_before_the_start():
    working = on(0, code="F") | on(1, code="R") | on(3, 4)
    grid, row = line(company("sssss"), working)
    assert grid == "F R H SW WF"
    assert (row.start, row.worked, row.held, row.paid) == (MONDAY + timedelta(3), 4, 1, 5)


def test_a_quiet_hiatus_is_one_column_and_a_busy_day_inside_it_is_its_own():
    calendar = company("ss" + "x" * 120 + "ss")
    row = code_row(calendar, on(0, 1, 122, 123), [MONDAY + timedelta(60)])
    columns = calendar_columns(calendar, {}, [row])
    assert [column.label for column in columns[2:5]] == [
        "Hiatus 04 Sep – 31 Oct 2013",
        "Fri 01 Nov 2013",
        "Hiatus 02 Nov – 01 Jan 2014",
    ]
    assert grid_line(row, columns) == "SW WD . T . PW WF"
    assert len(columns) == 7


def test_a_rig_is_needed_without_holds_or_drops():
    grid, row = line(company(TWO_WEEKS), on(0, 1, 15, 16), rule=Rule(holds=False))
    assert grid == "SW W . . . . . . . . . . . . . W WF"
    assert (row.held, row.drops, row.paid) == (0, 0, 4)
