"""Day Out of Days: people by calendar day with the industry's codes, in blocks, and rigs by day.

The dates come from SQL (dood_dates.py: one query per source, none per person); the codes from
the rules in dood_rules.py, a state machine over each row's sorted dates.
"""

from collections import defaultdict
from itertools import groupby

import django_tables2 as tables

from hhprod.lib.formatting import counted

from .columns import NUMBER, ReportTable
from .content import Report, ReportContent
from .days import NOTHING_SCHEDULED
from .dood_dates import BLOCKS, PERFORMER, PERFORMERS, TRAVEL, company_calendar, people, person_dates, rig_dates
from .dood_range import chosen_range
from .dood_rules import Rule, calendar_columns, cells, code_row

# Every code the grid can show, so the legend explains all of them (test_dood_rules checks it).
LEGEND = [
    ("SW", "start work"),
    ("W", "work"),
    ("WF", "work finish"),
    ("SWF", "start work finish: one day"),
    ("H", "hold"),
    ("HOL", "paid holiday"),
    ("T", "travel"),
    ("R", "rehearsal"),
    ("FT", "fitting"),
    ("…D", "dropped after this day (WD, TD)"),
    ("P…", "picked up on this day (PW, PT)"),
    ("…/T", "travel on a work day, paid once (SW/T, W/T)"),
]
CODES = " · ".join(f"{code} {meaning}" for code, meaning in LEGEND)
TOTALS = [
    ("start", "Start"),
    ("finish", "Finish"),
    ("worked", "Worked"),
    ("held", "Held"),
    ("travel", "Travel"),
    ("holidays", "Holidays"),
    ("drops", "Drops"),
    ("paid", "Paid days"),
]


class DayOutOfDaysTable(ReportTable):
    """The CSV and XLSX grid: block, name, a column per calendar column, then the totals."""

    block = tables.Column("Block")
    name = tables.Column("Name")
    warnings = tables.Column("Warnings")

    class Meta(ReportTable.Meta):
        empty_text = "Nobody credited, called or travelling on this production yet."

    def __init__(self, rows, columns, totals=TOTALS):
        grid = [(f"c{i}", tables.Column(column.label, default="")) for i, column in enumerate(columns)]
        counts = [(name, tables.Column(label, default="", attrs=NUMBER)) for name, label in totals]
        super().__init__(
            rows,
            extra_columns=grid + counts,
            sequence=["block", "name", *(name for name, _ in grid), *(name for name, _ in counts), "warnings"],
        )


def _record(block, name, row, columns):
    record = {f"c{i}": code for i, code in enumerate(cells(row, columns))}
    record.update(
        block=block,
        name=name,
        cells=cells(row, columns),
        start=row.start,
        finish=row.finish,
        worked=row.worked,
        held=row.held,
        travel=row.travel,
        holidays=row.holidays,
        drops=row.drops,
        paid=row.paid,
        warnings=" ".join(row.warnings),
        warning_list=row.warnings,
    )
    return record


def _month_pages(columns, records):
    """Print pages: a calendar month each, so a page is never wider than 31 days (a hiatus
    run counts as one column of the month it starts in)."""
    pages = []
    position = 0
    for _, in_month in groupby(columns, key=lambda column: (column.first.year, column.first.month)):
        in_month = list(in_month)
        span = slice(position, position + len(in_month))
        position += len(in_month)
        pages.append(
            {
                "title": in_month[0].first.strftime("%B %Y"),
                "columns": in_month,
                "blocks": [(block, [(r["name"], r["cells"][span]) for r in rows]) for block, rows in records],
            }
        )
    return pages


def production_rule(production, performer=True):
    """The production's rules for a performer's row; crew rows have work days only."""
    return Rule(
        drop_days=production.drop_rule_days,
        allowed_drops=production.allowed_drops,
        holds=performer,
        travel_is_work=production.travel_is_work,
    )


def by_person(dates):
    """person_dates() rows as {person: {date: W, R or F}}, {person: {travel dates}} and the performers."""
    working, travel, performers = defaultdict(dict), defaultdict(set), set()
    for person, on, code in dates:
        if code == TRAVEL:
            travel[person].add(on)
        elif code == PERFORMER:
            performers.add(person)
        else:
            working[person][on] = code
    return working, travel, performers


def codes_on(production, on, persons):
    """{person id: the person's code on the date `on`}, from the report's dates by its rules: the call
    sheet's status column (a drop, a pickup, a fitting, travel read as they are here). Three queries,
    and only the dates something happens on are coded, so a day typed years away changes nothing."""
    dates = person_dates(production, performers=True)
    calendar, _ = company_calendar(production, [day for _, day, _ in dates if day])
    working, travel, performers = by_person(dates)
    return {
        person: code_row(
            calendar, working[person], travel[person], production_rule(production, person in performers)
        ).codes.get(on, "")
        for person in persons
    }


def _summary(production, rule, columns, warned):
    first, last = (columns[0].first, columns[-1].last) if columns else (None, None)
    return [
        ("Codes", CODES),
        (
            "Calendar",
            f"{first:%d %b %Y} to {last:%d %b %Y}, {(last - first).days + 1:,} days in {len(columns)} columns: "
            "a hiatus nobody works in, or more than a week with nothing on, is one column"
            if columns
            else NOTHING_SCHEDULED,
        ),
        (
            "Drop rule",
            f"more than {rule.drop_days} calendar days off between days of a performer's run"
            f"{' (shot outside the USA)' if production.shot_outside_usa else ''}; "
            f"{counted(rule.allowed_drops, 'drop')} per performer; travel "
            f"{'is paid work: it opens and closes a run' if rule.travel_is_work else 'is paid but opens no run'}; "
            "crew have work days only",
        ),
        ("Warnings", f"{counted(len(warned), 'row')} with a refused drop" if warned else "none"),
    ]


def build(production, params):
    rule = production_rule(production)
    dates = person_dates(production)
    rig_rows = rig_dates(production)
    calendar, numbers = company_calendar(production, [on for _, on, _ in dates] + [on for *_, on in rig_rows])
    window = chosen_range(params, [*calendar, *(on for _, on, _ in dates), *(on for *_, on in rig_rows)])
    working, travel, _ = by_person(dates)
    crew = list(people(production))
    rows = [
        code_row(calendar, working[p.pk], travel[p.pk], production_rule(production, p.block in PERFORMERS), window)
        for p in crew
    ]
    needed = defaultdict(dict)
    for rig, unit, on in rig_rows:
        needed[f"{rig} #{unit}" if unit else f"{rig} (unit not assigned)"][on] = "W"
    rig_codes = {
        name: code_row(calendar, needed[name], rule=Rule(holds=False), window=window) for name in sorted(needed)
    }
    columns = calendar_columns(calendar, numbers, [*rows, *rig_codes.values()], *window) if window else []
    ordered = sorted(zip(crew, rows, strict=True), key=lambda pr: (pr[0].block, pr[1].start is None, pr[1].start))
    records = [
        (BLOCKS[block], [_record(BLOCKS[block], p.name, row, columns) for p, row in members])
        for block, members in groupby(ordered, key=lambda pr: pr[0].block)
    ]
    rigs = [_record("Rigs", name, row, columns) for name, row in rig_codes.items()]
    table = DayOutOfDaysTable([record for _, block in records for record in block], columns)
    rig_table = DayOutOfDaysTable(rigs, columns, totals=[("start", "First"), ("finish", "Last"), ("worked", "Days")])
    warned = [
        (record["name"], record["warning_list"]) for _, block in records for record in block if record["warnings"]
    ]
    return ReportContent(
        summary=_summary(production, rule, columns, warned),
        tables=[("Day Out of Days", table), ("Rigs by day", rig_table)],
        template="reports/day_out_of_days.html",
        layout={
            "columns": columns,
            "blocks": records,
            "rigs": rigs,
            "pages": _month_pages(columns, [*records, ("Rigs", rigs)]),
            "totals": TOTALS,
            "warned": warned,
            "window": window,
        },
    )


REPORT = Report(
    "day-out-of-days",
    "Day Out of Days",
    "Cast, stunt performers and rig wearers, and crew by calendar day: start, work, hold, drop and "
    "pickup, travel, rehearsal and fitting, with paid days; and which rig is needed on which day.",
    build,
)
