"""The reports, in the order the office reads them: a new report is a module here and a line in REPORTS."""

from . import call_sheet, day_out_of_days, production_report, rigs, scenes, schedule, take_log, wearers
from .errors import NotFound

REPORTS = {
    report.slug: report
    for report in (
        schedule.REPORT,
        wearers.REPORT,
        rigs.REPORT,
        take_log.REPORT,
        scenes.REPORT,
        day_out_of_days.REPORT,
        call_sheet.REPORT,
        production_report.REPORT,
    )
}


def get_report(slug):
    try:
        return REPORTS[slug]
    except KeyError:
        raise NotFound(f"Unknown report {slug[:40]!r}. Reports: {', '.join(REPORTS)}") from None
