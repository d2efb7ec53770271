"""Day Out of Days: people by calendar day with the industry's codes, in blocks, and rigs by day.

The dates come from SQL (dood_dates.py: one query per source, none per person); the codes from
the rules in dood_rules.py, a state machine over each row's sorted dates.
"""

from collections import defaultdict
from itertools import groupby

import django_tables2 as tables

from .columns import NUMBER, ReportTable
from .content import Report, ReportContent
from .days import NOTHING_SCHEDULED
from .dood_dates import BLOCKS, TRAVEL, TooLong, company_calendar, people, person_dates, rig_dates
from .dood_rules import Rule, calendar_columns, cells, code_row

CODES = (
    "SW start work · W work · WF work finish · SWF one day · R rehearsal · F fitting · H hold · "
    "HOL paid holiday · T travel · SW/T, W/T... work and travel the same day · WD work, then drop · "
    "PW pickup, then work"
)
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


def production_rule(production):
    return Rule(drop_days=production.drop_rule_days, allowed_drops=production.allowed_drops)


def by_person(dates):
    """person_dates() rows as {person: {date: W, R or F}} and {person: {travel dates}}."""
    working, travel = defaultdict(dict), defaultdict(set)
    for person, on, code in dates:
        if code == TRAVEL:
            travel[person].add(on)
        else:
            working[person][on] = code
    return working, travel


def codes_on(production, on, persons):
    """{person id: the person's code on the date `on`}, from the report's dates by its rules: the call
    sheet's status column (a drop, a pickup, a fitting, travel read as they are here). Three queries;
    nothing when the dates span more calendar than a Day Out of Days lays out."""
    dates = person_dates(production)
    try:
        calendar, _ = company_calendar(production, [day for _, day, _ in dates])
    except TooLong:
        return {}
    working, travel = by_person(dates)
    rule = production_rule(production)
    return {person: code_row(calendar, working[person], travel[person], rule).codes.get(on, "") for person in persons}


def build(production, params):
    rule = production_rule(production)
    dates = person_dates(production)
    rig_rows = rig_dates(production)
    try:
        calendar, numbers = company_calendar(production, [on for _, on, _ in dates] + [on for *_, on in rig_rows])
    except TooLong as too_long:
        calendar, numbers, dates, rig_rows = {}, {}, [], []
        span_problem = str(too_long)
    else:
        span_problem = ""
    working, travel = by_person(dates)
    crew = list(people(production))
    rows = [code_row(calendar, working[p.pk], travel[p.pk], rule) for p in crew]
    needed = defaultdict(dict)
    for rig, unit, on in rig_rows:
        needed[f"{rig} #{unit}" if unit else f"{rig} (unit not assigned)"][on] = "W"
    rig_codes = {name: code_row(calendar, needed[name], rule=Rule(holds=False)) for name in sorted(needed)}
    columns = calendar_columns(calendar, numbers, rows)
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
    summary = [
        ("Codes", CODES),
        (
            "Calendar",
            f"{columns[0].first:%d %b %Y} to {columns[-1].last:%d %b %Y}, {len(calendar)} days in {len(columns)} "
            "columns: a hiatus nobody works in is one column"
            if columns
            else span_problem or NOTHING_SCHEDULED,
        ),
        (
            "Drop rule",
            f"more than {rule.drop_days} calendar days between work days; {rule.allowed_drops} drop(s) per performer",
        ),
        ("Warnings", f"{len(warned)} row(s) with a refused drop" if warned else "none"),
    ]
    return ReportContent(
        summary=summary,
        tables=[("Day Out of Days", table), ("Rigs by day", rig_table)],
        template="reports/day_out_of_days.html",
        layout={
            "columns": columns,
            "blocks": records,
            "rigs": rigs,
            "pages": _month_pages(columns, [*records, ("Rigs", rigs)]),
            "totals": TOTALS,
            "warned": warned,
            "span_problem": span_problem,
        },
    )


REPORT = Report(
    "day-out-of-days",
    "Day Out of Days",
    "Cast, stunt performers and rig wearers, and crew by calendar day: start, work, hold, drop and "
    "pickup, travel, rehearsal and fitting, with paid days; and which rig is needed on which day.",
    build,
)
