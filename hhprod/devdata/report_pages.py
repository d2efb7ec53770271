"""Every report page, its CSV, the schedule's iCalendar feed, and the XLSX and PDF of the
schedule, the rig wearers and the take log, each with hand-written SQL for its numbers.

A page's bare SQL is the aggregates behind its figures and chart and its table rows (the
take log and the scenes, the paginated tables: their first page and the paginator's count); an export's
is every row it writes (and, for XLSX and PDF, the figures too). tests/devdata/test_bench.py
checks that this SQL gives the same numbers as the reports' selectors. The SQL is what a
person would write against the tables to get the same numbers, in one statement per
table, with no ORM in between. It is kept by report: schedule_sql.py, rigs_sql.py,
takes_sql.py (the take log and the scenes) and paperwork_sql.py (the Day Out of Days, the call
sheet and the production report), their shared spellings in sql_spellings.py.
"""

from django.urls import reverse

from .benchmark import Page, report_url
from .export_floors import csv_floor, xlsx_floor
from .paperwork_sql import CALL_SHEET, DAY_OUT_OF_DAYS, PRODUCTION_REPORT
from .rigs_sql import DAYS_OVER_LIMIT, INCIDENTS_BY_KIND, INCIDENTS_BY_WEARER, RIG_UNITS, RIGS, WEARERS
from .schedule_sql import SCHEDULE_DAYS, SCHEDULE_FIGURES, WEEKLY_PACE
from .takes_sql import (
    SCENE_COUNT,
    SCENE_DAYS,
    SCENES,
    TAKE_COUNT,
    TAKE_LOG_ALL,
    TAKE_LOG_CHOICES,
    TAKE_LOG_EXPORTED,
    TAKE_LOG_PRINTED,
)


def limited(sql, rows):
    """A page of `sql`'s rows: the first page, as the report opens."""
    if isinstance(sql, dict):
        return {vendor: f"{text} LIMIT {rows}" for vendor, text in sql.items()}
    return f"{sql} LIMIT {rows}"


# Pages: the report as it opens (every row; the take log's first 50), then the files.
BUSIEST = "day={busiest_number}"

REPORT_PAGES = [
    Page(
        "report: schedule",
        report_url("schedule"),
        (*SCHEDULE_FIGURES, SCHEDULE_DAYS, WEEKLY_PACE),
    ),
    Page("report: rig wearers", report_url("wearers"), (WEARERS, DAYS_OVER_LIMIT)),
    Page("report: rigs", report_url("rigs"), (RIGS, RIG_UNITS, INCIDENTS_BY_KIND, INCIDENTS_BY_WEARER)),
    Page("report: take log", report_url("take-log"), (TAKE_COUNT, limited(TAKE_LOG_ALL, 50), *TAKE_LOG_CHOICES)),
    Page("report: scenes", report_url("scenes"), (SCENE_COUNT, limited(SCENES, 100), SCENE_DAYS)),
    Page("report: day out of days", report_url("day-out-of-days"), tuple(DAY_OUT_OF_DAYS)),
    Page("report: call sheet, busiest day", report_url("call-sheet", BUSIEST), tuple(CALL_SHEET)),
    Page("report: production report, busiest day", report_url("production-report", BUSIEST), tuple(PRODUCTION_REPORT)),
    Page("CSV: schedule", report_url("schedule", "export=csv"), (SCHEDULE_DAYS,)),
    Page("CSV: rig wearers", report_url("wearers", "export=csv"), (WEARERS, DAYS_OVER_LIMIT)),
    Page("CSV: rigs", report_url("rigs", "export=csv"), (RIGS,)),
    Page("CSV: take log", report_url("take-log", "export=csv"), (TAKE_LOG_ALL,), floor=csv_floor(TAKE_LOG_EXPORTED)),
    Page("CSV: day out of days", report_url("day-out-of-days", "export=csv"), tuple(DAY_OUT_OF_DAYS)),
    Page("CSV: call sheet, busiest day", report_url("call-sheet", BUSIEST + "&export=csv"), tuple(CALL_SHEET)),
    Page(
        "CSV: production report, busiest day",
        report_url("production-report", BUSIEST + "&export=csv"),
        tuple(PRODUCTION_REPORT),
    ),
    Page("XLSX: schedule", report_url("schedule", "export=xlsx"), (*SCHEDULE_FIGURES, SCHEDULE_DAYS, WEEKLY_PACE)),
    Page("XLSX: rig wearers", report_url("wearers", "export=xlsx"), (WEARERS, DAYS_OVER_LIMIT)),
    Page("XLSX: take log", report_url("take-log", "export=xlsx"), (TAKE_LOG_ALL,), floor=xlsx_floor(TAKE_LOG_EXPORTED)),
    Page("ALE: take log", report_url("take-log", "export=ale"), (TAKE_LOG_ALL,), floor=csv_floor(TAKE_LOG_EXPORTED)),
    Page("PDF: schedule", report_url("schedule", "export=pdf"), (*SCHEDULE_FIGURES, SCHEDULE_DAYS, WEEKLY_PACE)),
    Page("PDF: rig wearers", report_url("wearers", "export=pdf"), (WEARERS, DAYS_OVER_LIMIT)),
    Page(
        "PDF: take log, one wearer's day, the most that prints",
        report_url("take-log", "day_from={print_day}&day_to={print_day}&wearer={print_wearer}&export=pdf"),
        (TAKE_LOG_PRINTED,),
    ),
    Page(
        "iCalendar: schedule",
        lambda context: reverse("reports:schedule-ics", args=[context["production"]]),
        (SCHEDULE_DAYS,),
    ),
]
