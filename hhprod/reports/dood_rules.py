"""The Day Out of Days codes by the industry's rules, for one person's row over the calendar.

Coding a row is a state machine over one person's sorted dates (work, rehearsals, fittings,
travel), so it is plain Python over the few dates the database returned for that person; the
dates come from SQL in dood_dates.py, one query for everybody. The rules (README, "Day Out of
Days") use Movie Magic Scheduling's letters, so a scheduler reads the grid without a second legend:

- SW start work, W work, WF work finish, SWF one day: the work days (calls of kind work, planned
  scenes). S and F mark the first and last work day only; nothing else moves them.
- R rehearsal, FT fitting (F is Finish in those codes): paid days of their own that neither open
  nor close a run, so a fitting a week before the start holds nobody.
- T travel: a trip's first and last date. When the contract makes travel paid work
  (Production.travel_is_work, the default) travel opens and closes the run like a work day.
- H hold: a shoot day inside the run with no call; HOL a holiday inside it. No hold on a day off,
  a hiatus or a cancelled day, so a hiatus of months is never a run of paid holds.
- D drop, P pickup, written onto the day they happen (WD, TD; PW, PT): more than the drop rule's
  calendar days off between two days of the run drop the performer after the first day and pick
  them up on the second, nothing paid between. The production allows so many drops (one by
  default); a further long gap is held, and the row's warning says how many paid hold days it costs.
- Crew, the director and camera operators who do not wear the rig, and rigs, have work days only.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from hhprod.lib.formatting import counted

# What the company does on a calendar date: the column's own kind, shown in its header.
SHOOT, OFF, HOLIDAY, HIATUS, MOVE = "shoot", "off", "holiday", "hiatus", "travel"
# The letters dood_dates gives a person's dates, and how the grid writes each.
WORK, REHEARSAL, FITTING = "W", "R", "F"
SHOWN = {REHEARSAL: "R", FITTING: "FT"}
# A quiet stretch (no shoot day, no entry, nobody coded) longer than a week is one column, so a
# day typed years ahead costs a column, not years of them.
FOLD_AFTER_DAYS = 7
ONE = timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    drop_days: int = 10
    allowed_drops: int = 1
    # Performers are held, dropped and picked up; crew and rig elements are needed or not.
    holds: bool = True
    travel_is_work: bool = True


@dataclass
class Row:
    """One person's (or rig's) codes by date, and the totals the office pays by."""

    codes: dict
    start: date | None = None
    finish: date | None = None
    worked: int = 0
    held: int = 0
    travel: int = 0
    holidays: int = 0
    drops: int = 0
    warnings: list = field(default_factory=list)

    @property
    def paid(self):
        """Paid days: worked (work, rehearsal, fitting) + held + travel-only + holidays in the run."""
        return self.worked + self.held + self.travel + self.holidays


def _drops(run, rule):
    """The (last day before, first day after) gaps dropped, and those refused (held instead)."""
    dropped, refused = [], []
    for before, after in zip(run, run[1:], strict=False):
        if not rule.holds or (after - before).days - 1 <= rule.drop_days:
            continue
        (dropped if len(dropped) < rule.allowed_drops else refused).append((before, after))
    return dropped, refused


def _refusal(before, after, rule, cost):
    used = "the drop allowed is" if rule.allowed_drops == 1 else f"the {rule.allowed_drops} drops allowed are"
    held = f"so held: {counted(cost, 'paid hold day')}." if cost else "so held, at no cost: no shoot day falls in it."
    return (
        f"Drop refused: {(after - before).days - 1} days off from {before:%d %b %Y} to {after:%d %b %Y} exceed "
        f"the {rule.drop_days}-day rule, but {used} already used, {held}"
    )


def code_row(calendar, working, travel=(), rule=Rule(), window=None):
    """The codes of one row: `calendar` {date: company kind} (a date missing is a day off), `working`
    {date: W, R or F}, `travel` the trip dates. `window` (first, last) limits the totals to the
    dates shown; the codes are coded over every date, so a hold inside the window stays a hold.

    Returns a Row whose `codes` has a code ("" for nothing) for every date the row or calendar has.
    """
    travel = set(travel)
    work_days = sorted(day for day, kind in working.items() if kind == WORK)
    run = sorted({*work_days, *(travel if rule.travel_is_work else ())})
    row = Row(codes={}, start=work_days[0] if work_days else None, finish=work_days[-1] if work_days else None)
    dropped, refused = _drops(run, rule)
    picked_up, dropping = {after for _, after in dropped}, {before for before, _ in dropped}
    first, last = window or (date.min, date.max)
    for day in sorted({*calendar, *working, *travel}):
        kind = calendar.get(day, OFF)
        inside = rule.holds and bool(run) and run[0] < day < run[-1] and not any(b < day < a for b, a in dropped)
        if day in working or day in travel:
            core = (SHOWN.get(working[day]) or _work_code(day, row)) if day in working else "T"
            code = ("P" if day in picked_up else "") + core + ("D" if day in dropping else "")
            code += "/T" if day in working and day in travel else ""
            total = "worked" if day in working else "travel"
        elif inside and kind in (SHOOT, HOLIDAY):
            code, total = ("H", "held") if kind == SHOOT else ("HOL", "holidays")
        else:
            code, total = "", None
        row.codes[day] = code
        if total and first <= day <= last:
            setattr(row, total, getattr(row, total) + 1)
    row.drops = sum(first <= before <= last for before in dropping)
    row.warnings = [
        _refusal(b, a, rule, sum(row.codes[d] in ("H", "HOL") for d in row.codes if b < d < a)) for b, a in refused
    ]
    return row


def _work_code(day, row):
    return ("S" if day == row.start else "") + "W" + ("F" if day == row.finish else "")


@dataclass
class Column:
    """A calendar date, or a quiet run of dates (a hiatus, a long stretch off) shown as one column."""

    first: date
    last: date
    kind: str
    day_number: int | None = None

    @property
    def is_run(self):
        return self.last > self.first

    @property
    def label(self):
        if self.is_run and self.kind == HIATUS:
            return f"Hiatus {self.first:%d %b} – {self.last:%d %b %Y}"
        if self.is_run:
            return f"No shoot days {self.first:%d %b %Y} – {self.last:%d %b %Y}"
        return f"{self.first:%a %d %b %Y}"

    @property
    def company(self):
        """What the header says the company does that day."""
        if self.day_number:
            return f"Day {self.day_number}"
        return {HOLIDAY: "HOL", HIATUS: "Hiatus", MOVE: "Travel", OFF: "Off"}.get(self.kind, "")


def _quiet(start, end):
    """The columns of the days off from `start` to `end` that nobody's row and no calendar entry names."""
    days = (end - start).days + 1
    if days > FOLD_AFTER_DAYS:
        return [Column(start, end, OFF)]
    return [Column(start + timedelta(i), start + timedelta(i), OFF) for i in range(days)]


def calendar_columns(calendar, day_numbers, rows, first=None, last=None):
    """The grid's columns from `first` to `last` (default: the calendar's and the rows' first and
    last dates): a column per date, except that a run of hiatus dates on which no row has a code
    becomes one column ("Hiatus 12 Jan – 14 May 2014"), and so does a stretch of more than a week
    with nothing on it. Only the dates something happens on are walked, so a day typed years
    ahead adds two columns, not years."""
    coded = {day for row in rows for day, code in row.codes.items() if code}
    dates = sorted({*calendar, *coded})
    first, last = first or (dates[0] if dates else None), last or (dates[-1] if dates else None)
    columns, previous = [], None
    for day in (day for day in dates if first <= day <= last):
        if previous is None and day > first:
            columns += _quiet(first, day - ONE)
        elif previous is not None and (day - previous).days > 1:
            columns += _quiet(previous + ONE, day - ONE)
        kind = calendar.get(day, OFF)
        run = columns[-1] if columns else None
        quiet_hiatus = kind == HIATUS and day not in coded
        if quiet_hiatus and run and run.kind == HIATUS and run.first not in coded and run.last == previous == day - ONE:
            run.last = day
        else:
            columns.append(Column(day, day, kind, day_numbers.get(day)))
        previous = day
    if first and last and (previous is None or previous < last):
        columns += _quiet(previous + ONE if previous else first, last)
    return columns


def cells(row, columns):
    """A row's codes by column: a folded run is empty for everyone by construction."""
    return [row.codes.get(column.first, "") for column in columns]


def grid_line(row, columns):
    """The row as tests and the Markdown export write it: codes by column, "." for nothing."""
    return " ".join(code or "." for code in cells(row, columns))
