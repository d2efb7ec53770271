"""The Day Out of Days codes by the industry's rules, for one person's row over the calendar.

Coding a row is a state machine over one person's sorted dates (start, drops, pickups, holds,
finish), so it is plain Python over the few dates the database returned for that person; the
dates themselves come from SQL in day_out_of_days.py, one query for everybody.

The rules (README, "Day Out of Days"):
- W work, R rehearsal, F fitting: the person's paid working days. S marks the first work day
  and F the last (SW, WF; SWF for one day); a travel date that is also a working day is written
  with "/T" (SW/T, W/T), and is paid once, as a working day.
- H hold: a shoot day between the first and last working day with no call. No hold on a
  company day off, on a hiatus, or on a cancelled day; a holiday inside the span is HOL, paid.
- D drop and P pickup: when more than the production's drop rule (10 calendar days, 14 on a
  distant location) separate two working days, the person is dropped after the first (WD) and
  picked up on the second (PW), with nothing paid between but travel. Drops beyond the allowed
  number (one per performer unless the office agrees more) are refused: those days are held
  and the row carries a warning.
- T travel: the dates a trip starts and ends, whatever the day of the week.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

# What the company does on a calendar date: the column's own kind, shown in its header.
SHOOT, OFF, HOLIDAY, HIATUS, MOVE = "shoot", "off", "holiday", "hiatus", "travel"
WORKING_CODES = frozenset("WRF")


@dataclass(frozen=True)
class Rule:
    drop_days: int = 10
    allowed_drops: int = 1
    # A rig is needed or not: an element is never held, dropped or paid.
    holds: bool = True


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
        """Paid days: worked (work, rehearsal, fitting) + held + travel-only + holidays in the span."""
        return self.worked + self.held + self.travel + self.holidays


def _drops(working, rule):
    """The (last day before, first day after) pairs dropped, and a warning per refused drop."""
    dropped, warnings = [], []
    for before, after in zip(working, working[1:], strict=False):
        gap = (after - before).days - 1
        if not rule.holds or gap <= rule.drop_days:
            continue
        if len(dropped) < rule.allowed_drops:
            dropped.append((before, after))
        else:
            warnings.append(
                f"Drop refused: {gap} days off from {before:%d %b %Y} to {after:%d %b %Y} exceed the "
                f"{rule.drop_days}-day rule, but {rule.allowed_drops} drop(s) already used, so held."
            )
    return dropped, warnings


def _working_code(day, kind, row, dropped):
    core = {"R": "R", "F": "F"}.get(kind) or ("S" if day == row.start else "") + "W" + (
        "F" if day == row.finish else ""
    )
    picked_up = any(after == day for _, after in dropped)
    drop = any(before == day for before, _ in dropped)
    return ("P" if picked_up else "") + core + ("D" if drop else "")


def code_row(calendar, working, travel=(), rule=Rule()):
    """The codes of one row: `calendar` {date: company kind} in date order, `working` {date: "W"|"R"|"F"}.

    Returns a Row whose `codes` has a code ("" for nothing) for every calendar date.
    """
    days = sorted(working)
    travel = set(travel)
    work_days = [day for day in days if working[day] == "W"]
    row = Row(codes={}, start=work_days[0] if work_days else None, finish=work_days[-1] if work_days else None)
    dropped, row.warnings = _drops(days, rule)
    row.drops = len(dropped)
    for day, kind in calendar.items():
        spanned = bool(days) and days[0] < day < days[-1] and not any(b < day < a for b, a in dropped)
        if day in working:
            code = _working_code(day, working[day], row, dropped) + ("/T" if day in travel else "")
            row.worked += 1
        elif day in travel:
            code = "T"
            row.travel += 1
        elif spanned and rule.holds and kind == SHOOT:
            code = "H"
            row.held += 1
        elif spanned and rule.holds and kind == HOLIDAY:
            code = "HOL"
            row.holidays += 1
        else:
            code = ""
        row.codes[day] = code
    return row


@dataclass
class Column:
    """A calendar date, or a run of hiatus dates shown as one column."""

    first: date
    last: date
    kind: str
    day_number: int | None = None

    @property
    def is_run(self):
        return self.kind == HIATUS and self.last > self.first

    @property
    def label(self):
        if self.is_run:
            return f"Hiatus {self.first:%d %b} – {self.last:%d %b %Y}"
        return f"{self.first:%a %d %b %Y}"

    @property
    def company(self):
        """What the header says the company does that day."""
        if self.day_number:
            return f"Day {self.day_number}"
        return {HOLIDAY: "HOL", HIATUS: "Hiatus", MOVE: "Travel", OFF: "Off"}.get(self.kind, "")


def calendar_columns(calendar, day_numbers, rows):
    """The grid's columns: a column per date, except that a run of hiatus dates on which no row
    has a code becomes one column ("Hiatus 12 Jan – 14 May 2014"), so months off take one column."""
    columns, run = [], None
    for day, kind in calendar.items():
        quiet_hiatus = kind == HIATUS and not any(row.codes.get(day) for row in rows)
        if quiet_hiatus and run and run.last == day - timedelta(days=1):
            run.last = day
            continue
        columns.append(Column(day, day, kind, day_numbers.get(day)))
        run = columns[-1] if quiet_hiatus else None
    return columns


def cells(row, columns):
    """A row's codes by column: a compressed hiatus is empty for everyone by construction."""
    return [row.codes.get(column.first, "") for column in columns]


def grid_line(row, columns):
    """The row as tests and the Markdown export write it: codes by column, "." for nothing."""
    return " ".join(code or "." for code in cells(row, columns))
