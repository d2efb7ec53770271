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


def day(i):
    return MONDAY + timedelta(i)


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


def test_shot_outside_the_usa_the_fourteen_day_rule_holds_the_same_gap():
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
        "but the drop allowed is already used, so held, at no cost: no shoot day falls in it."
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


def test_a_fitting_and_a_rehearsal_before_the_start_are_paid_days_that_hold_nobody():
    working = on(0, code="F") | on(1, code="R") | on(3, 4)
    grid, row = line(company("sssss"), working)
    assert grid == "FT R . SW WF"
    assert (row.start, row.worked, row.held, row.paid) == (day(3), 4, 0, 4)


def test_a_fitting_a_week_before_the_start_opens_no_run_and_uses_no_drop():
    # The seed's rig fitting on a Monday, the wearer's first work day a week later, a drop after.
    calendar = company("s......sssss..sssss..sssss")
    grid, row = line(calendar, on(0, code="F") | on(7, 8, 25))
    assert grid == "FT . . . . . . SW WD . . . . . . . . . . . . . . . . PWF"
    assert (row.worked, row.held, row.drops, row.warnings) == (4, 0, 1, [])


def test_a_rehearsal_inside_the_run_is_paid_once_and_not_held():
    grid, row = line(company("sssss"), on(0, 4) | on(2, code="R"))
    assert grid == "SW H R H WF"
    assert (row.worked, row.held, row.paid) == (3, 2, 5)


def test_ten_days_off_is_held_eleven_and_twelve_are_a_drop():
    # "More than 10 calendar days" between two days of the run: counted as the days off between.
    calendar = company("s" * 14)
    ten, row_ten = line(calendar, on(0, 11))
    eleven, row_eleven = line(calendar, on(0, 12))
    twelve, row_twelve = line(calendar, on(0, 13))
    assert ten == "SW" + " H" * 10 + " WF . ."
    assert eleven == "SWD" + " ." * 11 + " PWF ."
    assert twelve == "SWD" + " ." * 12 + " PWF"
    assert [(r.held, r.drops) for r in (row_ten, row_eleven, row_twelve)] == [(10, 0), (0, 1), (0, 1)]


def test_travel_opens_and_closes_the_run_when_travel_is_paid_work():
    # In on Saturday, first work on Tuesday, last on Wednesday week, home on Saturday.
    calendar = company(".." + "sssss..sssss.")
    grid, row = line(calendar, on(3, 11), travel=(0, 14))
    assert grid == "T . H SW H H H . . H H WF H H T"
    assert (row.worked, row.travel, row.held, row.paid) == (2, 2, 8, 12)


def test_travel_that_is_not_paid_work_opens_no_run():
    calendar = company(".." + "sssss..sssss.")
    grid, row = line(calendar, on(3, 11), travel=(0, 14), rule=Rule(travel_is_work=False))
    assert grid == "T . . SW H H H . . H H WF . . T"
    assert (row.travel, row.held, row.paid) == (2, 5, 9)


def test_the_days_between_travel_and_work_count_toward_a_drop():
    # Work, travel home 12 days later (with shoot days between), back and work again: the gap
    # that drops is the one between the trips, so the days before the flight home are held.
    calendar = company("s" * 5 + "." * 20 + "s" * 3)
    grid, row = line(calendar, on(0, 27), travel=(4, 25))
    assert grid == "SW H H H TD" + " ." * 20 + " PT H WF"
    assert (row.held, row.travel, row.drops) == (4, 2, 1)


def test_a_hiatus_is_never_held_and_a_drop_refused_across_it_says_its_cost():
    # One drop allowed and used in September; the gap across four months of hiatus is refused:
    # held on the shoot days either side (two and two), never on the hiatus.
    calendar = company("s" + "." * 12 + "sss" + "x" * 100 + "sss")
    grid, row = line(calendar, on(0, 13, 118))
    assert grid == "SWD" + " ." * 12 + " PW H H . H H WF"
    assert (row.held, row.drops, row.paid) == (4, 1, 7)
    assert row.warnings == [
        f"Drop refused: 104 days off from {day(13):%d %b %Y} to {day(118):%d %b %Y} exceed the 10-day rule, "
        "but the drop allowed is already used, so held: 4 paid hold days."
    ]


def test_crew_have_work_days_only():
    grid, row = line(company(TWO_WEEKS), on(0, 1, 9, 10, 16), travel=(5,), rule=Rule(holds=False))
    assert grid == "SW W . . . T . . . W W . . . . . WF"
    assert (row.worked, row.held, row.travel, row.drops, row.warnings) == (5, 0, 1, 0, [])


def test_a_day_typed_years_ahead_is_two_columns_and_changes_no_code():
    calendar = company("sss") | {date(2025, 9, 3): SHOOT}
    row = code_row(calendar, on(0, 2))
    columns = calendar_columns(calendar, {}, [row])
    assert [column.label for column in columns] == [
        "Mon 02 Sep 2013",
        "Tue 03 Sep 2013",
        "Wed 04 Sep 2013",
        "No shoot days 05 Sep 2013 – 02 Sep 2025",
        "Wed 03 Sep 2025",
    ]
    assert grid_line(row, columns) == "SW H WF . ."
    assert code_row(company("sss"), on(0, 2)).codes == {d: c for d, c in row.codes.items() if d.year == 2013}


def test_a_range_shows_its_dates_and_counts_only_them():
    calendar = company("sssss")
    row = code_row(calendar, on(0, 4), window=(day(1), day(3)))
    columns = calendar_columns(calendar, {}, [row], day(1), day(3))
    assert grid_line(row, columns) == "H H H"
    assert (row.start, row.worked, row.held) == (day(0), 0, 3)


def test_a_quiet_hiatus_is_one_column_and_a_busy_day_inside_it_is_its_own():
    calendar = company("ss" + "x" * 120 + "ss")
    row = code_row(calendar, on(0, 1, 122, 123), [MONDAY + timedelta(60)], Rule(travel_is_work=False))
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
