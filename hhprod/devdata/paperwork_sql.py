"""The bare SQL of the AD's paperwork (report_pages.py): the Day Out of Days, and the call sheet
and the production report on the busiest day."""

from .sql_spellings import PRODUCTION_TAKES, spelled
from .takes_sql import DAY_SHOT

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
# The days before the busiest in shooting order (by date, then number), and those and the busiest: "to date".
BEFORE = """d.status = 'shot' AND (d.actual_date < %(busiest_on)s
    OR d.actual_date = %(busiest_on)s AND d.number < %(busiest_number)s)"""
THROUGH = f"({BEFORE} OR d.id = %(busiest_day)s)"
PERIODS = {"previous": BEFORE, "today": "d.id = %(busiest_day)s", "to_date": THROUGH}
# What each day shot (figures/scenes.py): scenes completed, pages, screen time, setups and seconds recorded.
DAY_FIGURES = {
    "scenes": "done.scenes",
    "eighths": "done.eighths",
    "screen_seconds": "done.screen_seconds",
    "setups": "(SELECT COUNT(*) FROM (SELECT DISTINCT t.scene_id, t.setup FROM shooting_take t "
    "WHERE t.shoot_day_id = d.id) AS setups)",
    "seconds": "(SELECT SUM(t.length) FROM shooting_take t WHERE t.shoot_day_id = d.id)",
}
SCENES_COMPLETED = ", ".join(
    f"COALESCE(SUM(CASE WHEN {period} THEN {figure} END), 0)"
    for period in PERIODS.values()
    for figure in DAY_FIGURES.values()
)
PRODUCTION_REPORT = [
    DAY_CHOICES,
    f"""SELECT SUM(CASE WHEN d.status = 'shot' AND {THROUGH} THEN 1 ELSE 0 END)
       FROM shooting_shootday d WHERE d.production_id = %(production)s""",
    f"""SELECT SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'circled' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'good' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'no_good' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s AND t.status = 'false_start' THEN 1 ELSE 0 END),
               SUM(CASE WHEN t.shoot_day_id = %(busiest_day)s THEN t.length ELSE 0 END)
        {PRODUCTION_TAKES}""",
    """SELECT p.id, p.name, COUNT(*), SUM(t.length), MAX(t.length)
       FROM shooting_take t JOIN productions_person p ON p.id = t.wearer_id
       WHERE t.shoot_day_id = %(busiest_day)s GROUP BY p.id, p.name ORDER BY SUM(t.length) DESC, p.name""",
    # What the days shot: before the day, on it and to date, each summed over its days.
    {
        vendor: f"""SELECT {SCENES_COMPLETED}
        FROM shooting_shootday d LEFT JOIN ({day_shot}) AS done ON done.day_id = d.id
        WHERE d.production_id = %(production)s"""
        for vendor, day_shot in DAY_SHOT.items()
    },
]
