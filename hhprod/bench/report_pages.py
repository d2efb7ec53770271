"""Every report page, its CSV, the schedule's iCalendar feed, and the XLSX and PDF of the
schedule, the rig wearers and the take log, each with hand-written SQL for its numbers.

A page's bare SQL is the aggregates behind its figures and chart and its table rows (the
take log, the one paginated table: its first page and the paginator's count); an export's
is every row it writes (and, for XLSX and PDF, the figures too). tests/test_bench.py
checks that this SQL gives the same numbers as the reports' selectors. The SQL is what a
person would write against the tables to get the same numbers, in one statement per
table, with no ORM in between.
"""

from django.urls import reverse

from .benchmark import Page, report_url
from .export_floors import csv_floor, xlsx_floor

# Where SQLite and PostgreSQL spell a piece differently: the bare SQL is the same text around it.
SPELLINGS = {
    "sqlite": {
        "slip": "julianday(d.actual_date) - julianday(d.scheduled_date)",
        "week": "date(d.actual_date, 'weekday 0', '-6 days')",
        "rig_names": "GROUP_CONCAT(DISTINCT r.name)",
        "serials": "GROUP_CONCAT(DISTINCT c.serial)",
        "roles": "GROUP_CONCAT(DISTINCT cr.role)",
        "wearer_names": "GROUP_CONCAT(DISTINCT p.name)",
    },
    "postgresql": {
        "slip": "d.actual_date - d.scheduled_date",
        "week": "date_trunc('week', d.actual_date)",
        "rig_names": "STRING_AGG(DISTINCT r.name, ',' ORDER BY r.name)",
        "serials": "STRING_AGG(DISTINCT c.serial, ',' ORDER BY c.serial)",
        "roles": "STRING_AGG(DISTINCT cr.role, ',' ORDER BY cr.role)",
        "wearer_names": "STRING_AGG(DISTINCT p.name, ',' ORDER BY p.name)",
    },
}


def spelled(sql):
    """The statement for each database, its {placeholders} filled from SPELLINGS."""
    return {vendor: sql.format(**words) for vendor, words in SPELLINGS.items()}


def limited(sql, rows):
    """A page of `sql`'s rows: the first page, as the report opens."""
    if isinstance(sql, dict):
        return {vendor: f"{text} LIMIT {rows}" for vendor, text in sql.items()}
    return f"{sql} LIMIT {rows}"


PRODUCTION_TAKES = """FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
    WHERE d.production_id = %(production)s"""

# Schedule ----------------------------------------------------------------------------

SCHEDULE_DAY_FIGURES = spelled(
    """SELECT COUNT(d.scheduled_date), SUM(CASE WHEN d.status = 'shot' THEN 1 ELSE 0 END),
              SUM(CASE WHEN d.status = 'scheduled' THEN 1 ELSE 0 END), MIN(d.actual_date), MAX(d.actual_date),
              COUNT(DISTINCT {week})
       FROM shooting_shootday d WHERE d.production_id = %(production)s"""
)
PRODUCTION_TAKE_FIGURES = f"""SELECT COUNT(*), COALESCE(SUM(t.length), 0),
    SUM(CASE WHEN t.status = 'circled' THEN 1 ELSE 0 END) {PRODUCTION_TAKES}"""
CUMULATIVE = [
    f"""SELECT d.{column}, ROW_NUMBER() OVER (ORDER BY d.{column}, d.number) FROM shooting_shootday d
        WHERE d.production_id = %(production)s AND d.{column} IS NOT NULL ORDER BY d.{column}, d.number"""
    for column in ("scheduled_date", "actual_date")
]
SCHEDULE_DAYS = spelled(
    """SELECT d.number, d.scheduled_date, d.actual_date, {slip}, d.status, d.location, COUNT(t.id),
              COALESCE(SUM(t.length), 0), SUM(CASE WHEN t.status = 'circled' THEN 1 ELSE 0 END),
              COUNT(DISTINCT t.wearer_id)
       FROM shooting_shootday d LEFT JOIN shooting_take t ON t.shoot_day_id = d.id
       WHERE d.production_id = %(production)s GROUP BY d.id ORDER BY d.number"""
)
WEEKLY_PACE = spelled(
    """SELECT {week} AS week, COUNT(DISTINCT d.id), COUNT(t.id), COALESCE(SUM(t.length), 0)
       FROM shooting_shootday d LEFT JOIN shooting_take t ON t.shoot_day_id = d.id
       WHERE d.production_id = %(production)s AND d.status = 'shot' GROUP BY week ORDER BY week"""
)
SCHEDULE_FIGURES = [SCHEDULE_DAY_FIGURES, PRODUCTION_TAKE_FIGURES, *CUMULATIVE]

# Rig wearers and rigs ----------------------------------------------------------------------

WEARERS = spelled(
    """SELECT p.id, p.name, p.trade, COUNT(t.id), SUM(t.length), MAX(t.length), COUNT(DISTINCT t.shoot_day_id),
              {rig_names}
       FROM productions_person p JOIN shooting_take t ON t.wearer_id = p.id
       JOIN shooting_shootday d ON d.id = t.shoot_day_id JOIN rigs_rig r ON r.id = t.rig_id
       WHERE d.production_id = %(production)s GROUP BY p.id ORDER BY SUM(t.length) DESC, p.name"""
)
DAYS_OVER_LIMIT = """SELECT worn.wearer_id, COUNT(*) FROM (
        SELECT t.wearer_id FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
        JOIN productions_production pr ON pr.id = d.production_id
        WHERE d.production_id = %(production)s GROUP BY t.wearer_id, t.shoot_day_id, pr.daily_rig_limit_minutes
        HAVING SUM(t.length) > pr.daily_rig_limit_minutes * 60
    ) AS worn GROUP BY worn.wearer_id"""
RIGS = spelled(
    f"""SELECT r.id, r.name, r.material, r.in_service_from, r.in_service_to,
               (SELECT {{serials}} FROM rigs_camera c WHERE c.rig_id = r.id),
               COALESCE(used.takes, 0), COALESCE(used.seconds, 0), COALESCE(used.wearers, 0)
        FROM rigs_rig r LEFT JOIN (
            SELECT t.rig_id, COUNT(*) AS takes, SUM(t.length) AS seconds, COUNT(DISTINCT t.wearer_id) AS wearers
            {PRODUCTION_TAKES} GROUP BY t.rig_id
        ) AS used ON used.rig_id = r.id ORDER BY r.version"""
)

# Take log ------------------------------------------------------------------------------------

TAKE_LOG = """SELECT t.id, d.number, d.actual_date, s.number, t.number, t.length, r.name, c.serial, p.name,
        t.status, t.notes
    FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
    JOIN shooting_scene s ON s.id = t.scene_id JOIN rigs_rig r ON r.id = t.rig_id
    LEFT JOIN rigs_camera c ON c.id = t.camera_id JOIN productions_person p ON p.id = t.wearer_id
    WHERE d.production_id = %(production)s{filter} ORDER BY d.number, s.number, t.number"""
TAKE_LOG_ALL = TAKE_LOG.format(filter="")
# The take log's exported columns only: what the CSV and XLSX floors write.
TAKE_LOG_EXPORTED = TAKE_LOG_ALL.replace("SELECT t.id, ", "SELECT ", 1)
TAKE_LOG_BUSIEST_DAY = TAKE_LOG.format(filter=" AND d.number = %(busiest_number)s")
TAKE_COUNT = f"SELECT COUNT(*) {PRODUCTION_TAKES}"
# The filter's lists: the wearers and the rigs (a scene is typed, not picked).
TAKE_LOG_CHOICES = [
    """SELECT DISTINCT p.id, p.name FROM productions_person p JOIN productions_credit c ON c.person_id = p.id
       WHERE c.production_id = %(production)s AND c.wears_rig ORDER BY p.name""",
    "SELECT id, name FROM rigs_rig ORDER BY version",
]

# Day Out of Days --------------------------------------------------------------------------

# Each person's code on each day, worked out as the report does: a call is work (SW, W,
# WF, SWF by the first and last call), a day between is a hold, a day on a trip otherwise travel.
DOOD_GRID = """WITH days AS (
        SELECT d.id, d.number, COALESCE(d.actual_date, d.scheduled_date) AS on_date FROM shooting_shootday d
        WHERE d.production_id = %(production)s AND d.status <> 'cancelled'
    ), spans AS (
        SELECT c.person_id, MIN(days.number) AS first_day, MAX(days.number) AS last_day
        FROM shooting_daycall c JOIN days ON days.id = c.shoot_day_id GROUP BY c.person_id
    ), people AS (
        SELECT person_id FROM spans UNION SELECT person_id FROM productions_trip WHERE production_id = %(production)s
    ), grid AS (
        SELECT people.person_id, days.number, s.first_day, s.last_day, CASE
            WHEN c.id IS NOT NULL THEN CASE
                WHEN days.number = s.first_day AND days.number = s.last_day THEN 'SWF'
                WHEN days.number = s.first_day THEN 'SW' WHEN days.number = s.last_day THEN 'WF' ELSE 'W' END
            WHEN days.number > s.first_day AND days.number < s.last_day THEN 'H'
            WHEN EXISTS (
                SELECT 1 FROM productions_trip tr WHERE tr.production_id = %(production)s
                AND tr.person_id = people.person_id AND tr.starts <= days.on_date AND tr.ends >= days.on_date
            ) THEN 'T' ELSE '' END AS code
        FROM people CROSS JOIN days LEFT JOIN spans s ON s.person_id = people.person_id
        LEFT JOIN shooting_daycall c ON c.shoot_day_id = days.id AND c.person_id = people.person_id
    )"""
DAY_OUT_OF_DAYS = [
    "SELECT d.id, d.number FROM shooting_shootday d WHERE d.production_id = %(production)s "
    "AND d.status <> 'cancelled' ORDER BY d.number",
    DOOD_GRID + " SELECT person_id, number, code FROM grid ORDER BY person_id, number",
    DOOD_GRID
    + """ SELECT p.name, SUM(CASE WHEN g.code IN ('SW', 'W', 'WF', 'SWF') THEN 1 ELSE 0 END),
              SUM(CASE WHEN g.code = 'H' THEN 1 ELSE 0 END), SUM(CASE WHEN g.code = 'T' THEN 1 ELSE 0 END),
              MIN(g.first_day), MAX(g.last_day)
          FROM grid g JOIN productions_person p ON p.id = g.person_id GROUP BY p.id, p.name
          ORDER BY MIN(g.first_day), p.name""",
]

# Call sheet and production report, on the busiest day -------------------------------------

DAY_CHOICES = """SELECT d.id, d.number, d.scheduled_date, d.actual_date, d.status, d.location,
        EXISTS (SELECT 1 FROM shooting_take t WHERE t.shoot_day_id = d.id), COUNT(*) OVER ()
    FROM shooting_shootday d WHERE d.production_id = %(production)s ORDER BY d.number"""
CALL_SHEET = [
    DAY_CHOICES,
    spelled(
        """SELECT c.id, p.name, c.call_time, c.wrap_time, c.notes,
                  (SELECT {roles} FROM productions_credit cr
                   WHERE cr.production_id = %(production)s AND cr.person_id = c.person_id),
                  EXISTS (SELECT 1 FROM productions_credit cr WHERE cr.production_id = %(production)s
                          AND cr.person_id = c.person_id AND cr.wears_rig)
           FROM shooting_daycall c JOIN productions_person p ON p.id = c.person_id
           WHERE c.shoot_day_id = %(busiest_day)s ORDER BY c.call_time, p.name"""
    ),
    """SELECT s.id, s.number, s.description, COUNT(*), SUM(CASE WHEN t.status = 'circled' THEN 1 ELSE 0 END),
              SUM(t.length)
       FROM shooting_scene s JOIN shooting_take t ON t.scene_id = s.id
       WHERE t.shoot_day_id = %(busiest_day)s GROUP BY s.id ORDER BY s.number""",
    spelled(
        """SELECT r.id, r.name, r.material, (SELECT {serials} FROM rigs_camera c WHERE c.rig_id = r.id),
                  COUNT(t.id), COALESCE(SUM(t.length), 0), {wearer_names}
           FROM rigs_rig r LEFT JOIN shooting_take t ON t.rig_id = r.id AND t.shoot_day_id = %(busiest_day)s
           LEFT JOIN productions_person p ON p.id = t.wearer_id
           GROUP BY r.id
           HAVING COUNT(t.id) > 0 OR (r.in_service_from <= %(busiest_on)s
                  AND (r.in_service_to IS NULL OR r.in_service_to >= %(busiest_on)s))
           ORDER BY r.version"""
    ),
]
PRODUCTION_REPORT = [
    DAY_CHOICES,
    """SELECT SUM(CASE WHEN d.scheduled_date <= %(busiest_on)s THEN 1 ELSE 0 END),
              SUM(CASE WHEN d.status = 'shot' AND d.actual_date <= %(busiest_on)s THEN 1 ELSE 0 END)
       FROM shooting_shootday d WHERE d.production_id = %(production)s""",
    f"""SELECT SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'circled' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'good' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'no_good' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'false_start' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s THEN t.length ELSE 0 END),
               SUM(CASE WHEN d.status = 'shot' AND d.actual_date <= %(busiest_on)s THEN t.length ELSE 0 END)
        {PRODUCTION_TAKES}""",
    """SELECT p.id, p.name, COUNT(*), SUM(t.length), MAX(t.length)
       FROM shooting_take t JOIN productions_person p ON p.id = t.wearer_id
       WHERE t.shoot_day_id = %(busiest_day)s GROUP BY p.id, p.name ORDER BY SUM(t.length) DESC, p.name""",
    """SELECT tr.id, p.name, tr.destination, tr.starts, tr.ends
       FROM productions_trip tr JOIN productions_person p ON p.id = tr.person_id
       WHERE tr.production_id = %(production)s AND tr.starts <= %(busiest_on)s AND tr.ends >= %(busiest_on)s
       ORDER BY p.name, tr.starts""",
]

# Pages: the report as it opens (every row; the take log's first 50), then the files.
BUSIEST = "day={busiest_number}"

REPORT_PAGES = [
    Page(
        "report: schedule",
        report_url("schedule"),
        (*SCHEDULE_FIGURES, SCHEDULE_DAYS, WEEKLY_PACE),
    ),
    Page("report: rig wearers", report_url("wearers"), (WEARERS, DAYS_OVER_LIMIT)),
    Page("report: rigs", report_url("rigs"), (RIGS,)),
    Page("report: take log", report_url("take-log"), (TAKE_COUNT, limited(TAKE_LOG_ALL, 50), *TAKE_LOG_CHOICES)),
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
        "PDF: take log, busiest day",
        report_url("take-log", "day_from={busiest_number}&day_to={busiest_number}&export=pdf"),
        (TAKE_LOG_BUSIEST_DAY,),
    ),
    Page(
        "iCalendar: schedule",
        lambda context: reverse("reports:schedule-ics", args=[context["production"]]),
        (SCHEDULE_DAYS,),
    ),
]
