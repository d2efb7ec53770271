"""Every report page, its CSV, the schedule's iCalendar feed, and the XLSX and PDF of the
schedule, the rig wearers and the take log, each with hand-written SQL for its numbers.

A page's bare SQL is the aggregates behind its figures and chart and its table rows (the
take log and the scenes, the paginated tables: their first page and the paginator's count); an export's
is every row it writes (and, for XLSX and PDF, the figures too). tests/test_bench.py
checks that this SQL gives the same numbers as the reports' selectors. The SQL is what a
person would write against the tables to get the same numbers, in one statement per
table, with no ORM in between.
"""

from django.urls import reverse

from .benchmark import Page, report_url
from .export_floors import csv_floor, xlsx_floor

# A day's date in the baseline (the first locked revision); its scheduled date before one is locked.
BASELINE_DATE = """CASE WHEN EXISTS (SELECT 1 FROM planning_schedulerevision r
        WHERE r.production_id = d.production_id AND r.number = 1)
    THEN (SELECT rd.date FROM planning_revisionday rd JOIN planning_schedulerevision r ON r.id = rd.revision_id
        WHERE r.number = 1 AND rd.shoot_day_id = d.id)
    ELSE d.scheduled_date END"""

# Where SQLite and PostgreSQL spell a piece differently: the bare SQL is the same text around it.
SPELLINGS = {
    "sqlite": {
        "slip": f"CAST(julianday(d.actual_date) - julianday({BASELINE_DATE}) AS INTEGER)",
        "week": "date(d.actual_date, 'weekday 0', '-6 days')",
        "rig_names": "GROUP_CONCAT(DISTINCT r.name)",
        "serials": "GROUP_CONCAT(DISTINCT c.serial)",
        "roles": "GROUP_CONCAT(DISTINCT cr.role)",
        "wearer_names": "GROUP_CONCAT(DISTINCT p.name)",
        "circled_slip": "CAST(julianday(circled.actual_date) - julianday(baseline.date) AS INTEGER)",
    },
    "postgresql": {
        "slip": f"d.actual_date - {BASELINE_DATE}",
        "week": "date_trunc('week', d.actual_date)",
        "rig_names": "STRING_AGG(DISTINCT r.name, ',' ORDER BY r.name)",
        "serials": "STRING_AGG(DISTINCT c.serial, ',' ORDER BY c.serial)",
        "roles": "STRING_AGG(DISTINCT cr.role, ',' ORDER BY cr.role)",
        "wearer_names": "STRING_AGG(DISTINCT p.name, ',' ORDER BY p.name)",
        "circled_slip": "circled.actual_date - baseline.date",
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

RIG_UNITS = f"""SELECT u.id, r.name, u.number, COALESCE(worn.takes, 0), COALESCE(worn.seconds, 0),
           COALESCE(worn.wearers, 0), COALESCE(faults.n, 0), COALESCE(faults.minutes, 0), COALESCE(faults.still_open, 0)
    FROM rigs_rigunit u JOIN rigs_rig r ON r.id = u.rig_id
    LEFT JOIN (
        SELECT t.rig_unit_id, COUNT(*) AS takes, SUM(t.length) AS seconds, COUNT(DISTINCT t.wearer_id) AS wearers
        {PRODUCTION_TAKES} GROUP BY t.rig_unit_id
    ) AS worn ON worn.rig_unit_id = u.id
    LEFT JOIN (
        SELECT f.unit_id, COUNT(*) AS n, SUM(f.minutes_lost) AS minutes,
               SUM(CASE WHEN f.fixed_on IS NULL THEN 1 ELSE 0 END) AS still_open
        FROM rigs_fault f LEFT JOIN shooting_shootday d ON d.id = f.shoot_day_id
        WHERE f.shoot_day_id IS NULL OR d.production_id = %(production)s GROUP BY f.unit_id
    ) AS faults ON faults.unit_id = u.id
    ORDER BY r.version, u.number"""
INCIDENTS_BY_KIND = """SELECT i.kind, COUNT(*), SUM(i.minutes_lost)
    FROM shooting_healthincident i JOIN shooting_shootday d ON d.id = i.shoot_day_id
    WHERE d.production_id = %(production)s GROUP BY i.kind ORDER BY i.kind"""
INCIDENTS_BY_WEARER = """SELECT p.name, COUNT(*), SUM(i.minutes_lost)
    FROM shooting_healthincident i JOIN shooting_shootday d ON d.id = i.shoot_day_id
    JOIN productions_person p ON p.id = i.person_id
    WHERE d.production_id = %(production)s GROUP BY p.name ORDER BY p.name"""

# Take log ------------------------------------------------------------------------------------

TAKE_LOG = """SELECT t.id, d.number, d.actual_date, s.number, t.setup, t.number, t.length, r.name,
        ur.name || ' #' || u.number, c.serial, t.roll, t.clip_name, t.field_of_view, t.resolution, t.frame_rate,
        t.mos, t.vfx, p.name, t.status, t.notes
    FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
    JOIN shooting_scene s ON s.id = t.scene_id JOIN rigs_rig r ON r.id = t.rig_id
    LEFT JOIN rigs_rigunit u ON u.id = t.rig_unit_id LEFT JOIN rigs_rig ur ON ur.id = u.rig_id
    LEFT JOIN rigs_camera c ON c.id = t.camera_id JOIN productions_person p ON p.id = t.wearer_id
    WHERE d.production_id = %(production)s{filter} ORDER BY d.number, s.number, t.setup, t.number"""
TAKE_LOG_ALL = TAKE_LOG.format(filter="")
# The take log's exported columns only: what the CSV and XLSX floors write.
TAKE_LOG_EXPORTED = TAKE_LOG_ALL.replace("SELECT t.id, ", "SELECT ", 1)
TAKE_LOG_PRINTED = TAKE_LOG.format(filter=" AND d.number = %(print_day)s AND t.wearer_id = %(print_wearer)s")
TAKE_COUNT = f"SELECT COUNT(*) {PRODUCTION_TAKES}"
# The filter's lists: the wearers, the rigs and the rig units (a scene is typed, not picked).
TAKE_LOG_CHOICES = [
    """SELECT DISTINCT p.id, p.name FROM productions_person p JOIN productions_credit c ON c.person_id = p.id
       WHERE c.production_id = %(production)s AND c.wears_rig ORDER BY p.name""",
    "SELECT id, name FROM rigs_rig ORDER BY version",
    "SELECT u.id, r.name, u.number FROM rigs_rigunit u JOIN rigs_rig r ON r.id = u.rig_id ORDER BY r.version, u.number",
]

# Scenes: planned against shot ------------------------------------------------------------------

# The day of a scene's first take and of its first circled take (the day it was completed), in the
# order the days were shot: each found once per scene.
FIRST_DAY = """(SELECT t.shoot_day_id FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
    WHERE t.scene_id = s.id{circled} ORDER BY d.actual_date, d.number LIMIT 1)"""
FIRST_SHOT_DAY = FIRST_DAY.format(circled="")
CIRCLED_DAY = FIRST_DAY.format(circled=" AND t.status = 'circled'")
# A scene's first planned part: in the baseline (revision 1), the latest revision, and the plan now.
FIRST_PART = "(SELECT {day} FROM {strips} WHERE st.scene_id = s.id{where} ORDER BY st.part LIMIT 1)"
REVISION_STRIPS = "planning_revisionstrip st JOIN planning_schedulerevision r ON r.id = st.revision_id"
IN_REVISION = " AND r.production_id = %(production)s AND r.number = {number}"
LATEST = "(SELECT MAX(number) FROM planning_schedulerevision WHERE production_id = %(production)s)"
BASELINE_DAY = FIRST_PART.format(day="st.day_number", strips=REVISION_STRIPS, where=IN_REVISION.format(number=1))
LATEST_DAY = FIRST_PART.format(day="st.day_number", strips=REVISION_STRIPS, where=IN_REVISION.format(number=LATEST))
PLAN_DAY = FIRST_PART.format(
    day="d.number", strips="planning_strip st JOIN shooting_shootday d ON d.id = st.shoot_day_id", where=""
)
SCENES = spelled(
    f"""SELECT s.number, s.description, s.page_eighths, {BASELINE_DAY}, {LATEST_DAY}, {PLAN_DAY},
            first_shot.number, circled.number, {{circled_slip}}
        FROM shooting_scene s
        LEFT JOIN shooting_shootday first_shot ON first_shot.id = {FIRST_SHOT_DAY}
        LEFT JOIN shooting_shootday circled ON circled.id = {CIRCLED_DAY}
        LEFT JOIN planning_revisionday baseline ON baseline.number = {BASELINE_DAY}
            AND baseline.revision_id = (SELECT id FROM planning_schedulerevision
                                        WHERE production_id = %(production)s AND number = 1)
        WHERE s.production_id = %(production)s ORDER BY s.number"""
)
SCENE_COUNT = "SELECT COUNT(*) FROM shooting_scene WHERE production_id = %(production)s"
SCENE_DAYS = f"""SELECT d.number, COALESCE(d.scheduled_date, d.actual_date), d.status, COALESCE(planned.scenes, 0),
        planned.eighths, COALESCE(completed.scenes, 0), COALESCE(completed.eighths, 0)
    FROM shooting_shootday d LEFT JOIN (
        SELECT st.shoot_day_id, COUNT(*) AS scenes, SUM(COALESCE(st.page_eighths, sc.page_eighths)) AS eighths
        FROM planning_strip st JOIN shooting_scene sc ON sc.id = st.scene_id GROUP BY st.shoot_day_id
    ) AS planned ON planned.shoot_day_id = d.id LEFT JOIN (
        SELECT day_id, COUNT(*) AS scenes, SUM(page_eighths) AS eighths
        FROM (SELECT s.page_eighths, {CIRCLED_DAY} AS day_id FROM shooting_scene s
              WHERE s.production_id = %(production)s) AS done GROUP BY day_id
    ) AS completed ON completed.day_id = d.id
    WHERE d.production_id = %(production)s ORDER BY d.number"""

# Day Out of Days --------------------------------------------------------------------------

# The dates the report codes, one statement per source as the report reads them; the coding
# itself (drops, holds, finish) is a state machine over each row, in Python (dood_rules.py).
DOOD_PERSON_DATES = """SELECT c.person_id, COALESCE(d.actual_date, d.scheduled_date), c.kind
        FROM shooting_daycall c JOIN shooting_shootday d ON d.id = c.shoot_day_id
        WHERE d.production_id = %(production)s AND d.status <> 'cancelled'
          AND COALESCE(d.actual_date, d.scheduled_date) IS NOT NULL
    UNION SELECT cr.person_id, d.scheduled_date, 'work'
        FROM planning_strip st JOIN shooting_shootday d ON d.id = st.shoot_day_id
        JOIN shooting_scene_cast sc ON sc.scene_id = st.scene_id JOIN productions_credit cr ON cr.id = sc.credit_id
        WHERE d.production_id = %(production)s AND d.status IN ('scheduled', 'moved') AND d.scheduled_date IS NOT NULL
    UNION SELECT person_id, starts, 'T' FROM productions_trip WHERE production_id = %(production)s
    UNION SELECT person_id, ends, 'T' FROM productions_trip WHERE production_id = %(production)s
    UNION SELECT f.wearer_id, f.fitted_on, 'fitting' FROM rigs_fit f
        WHERE f.wearer_id IN (SELECT person_id FROM productions_credit WHERE production_id = %(production)s)"""
DOOD_PEOPLE = """SELECT p.id, p.name, COALESCE((SELECT MIN(CASE WHEN cr.role = 'cast' THEN 1
            WHEN cr.role = 'stunt_performer' OR cr.wears_rig THEN 2 ELSE 3 END)
            FROM productions_credit cr WHERE cr.person_id = p.id AND cr.production_id = %(production)s), 3)
        FROM productions_person p
        WHERE p.id IN (SELECT person_id FROM productions_credit WHERE production_id = %(production)s)
           OR p.id IN (SELECT c.person_id FROM shooting_daycall c JOIN shooting_shootday d ON d.id = c.shoot_day_id
                       WHERE d.production_id = %(production)s)
           OR p.id IN (SELECT person_id FROM productions_trip WHERE production_id = %(production)s)
        ORDER BY 3, p.name"""
DAY_OUT_OF_DAYS = [
    DOOD_PERSON_DATES,
    """SELECT COALESCE(r.name, tr.name), u.number, d.actual_date FROM shooting_take t
        JOIN shooting_shootday d ON d.id = t.shoot_day_id JOIN rigs_rig tr ON tr.id = t.rig_id
        LEFT JOIN rigs_rigunit u ON u.id = t.rig_unit_id LEFT JOIN rigs_rig r ON r.id = u.rig_id
        WHERE d.production_id = %(production)s AND d.actual_date IS NOT NULL
    UNION SELECT r.name, NULL, d.scheduled_date FROM planning_strip st
        JOIN shooting_shootday d ON d.id = st.shoot_day_id JOIN shooting_scene s ON s.id = st.scene_id
        JOIN rigs_rig r ON r.id = s.rig_id
        WHERE d.production_id = %(production)s AND d.status IN ('scheduled', 'moved')
          AND d.scheduled_date IS NOT NULL AND s.head_rig""",
    """SELECT COALESCE(d.actual_date, d.scheduled_date), d.number FROM shooting_shootday d
        WHERE d.production_id = %(production)s AND d.status <> 'cancelled'
          AND COALESCE(d.actual_date, d.scheduled_date) IS NOT NULL""",
    "SELECT kind, starts, ends FROM planning_calendarentry WHERE production_id = %(production)s",
    DOOD_PEOPLE,
]

# Call sheet and production report, on the busiest day: the calls, the day's takes and wearers
# (the plan's strips, the baseline and the 1st AD's report are not in this bare SQL yet) ------

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
]
SCENES_COMPLETED = ", ".join(
    f"SUM(CASE WHEN {done} THEN {value} ELSE 0 END)"
    for done in ("today = 1 AND earlier = 0", "by_date = 1", "by_date = 0 AND in_plan")
    for value in ("1", "page_eighths", "screen_seconds")
)
PRODUCTION_REPORT = [
    DAY_CHOICES,
    """SELECT SUM(CASE WHEN d.status = 'shot' AND d.actual_date <= %(busiest_on)s THEN 1 ELSE 0 END)
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
    # Scenes (their pages and screen time) completed on the day, to date, and left of the plan.
    f"""SELECT {SCENES_COMPLETED}
        FROM (SELECT s.page_eighths, s.screen_seconds,
                     MAX(CASE WHEN t.status = 'circled' AND t.shoot_day_id = %(busiest_day)s
                         THEN 1 ELSE 0 END) AS today,
                     MAX(CASE WHEN t.status = 'circled' AND (d.actual_date < %(busiest_on)s
                         OR d.actual_date = %(busiest_on)s AND d.number < %(busiest_number)s)
                         THEN 1 ELSE 0 END) AS earlier,
                     MAX(CASE WHEN t.status = 'circled' AND d.status = 'shot' AND d.actual_date <= %(busiest_on)s
                         THEN 1 ELSE 0 END) AS by_date,
                     EXISTS (SELECT 1 FROM planning_strip st WHERE st.scene_id = s.id) AS in_plan
              FROM shooting_scene s LEFT JOIN shooting_take t ON t.scene_id = s.id
              LEFT JOIN shooting_shootday d ON d.id = t.shoot_day_id
              WHERE s.production_id = %(production)s GROUP BY s.id) AS scene""",
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
