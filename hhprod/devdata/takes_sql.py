"""The take log's and the scenes report's bare SQL (report_pages.py): the takes, their count and
the filter's lists; each scene's planned day against the day it was shot and completed."""

from .sql_spellings import PRODUCTION_TAKES, spelled

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
# What each day shot (figures/progress.py): the n-th day a scene is shot (by date, then number) shoots its
# strips on the n-th of its planned days; the day of its last planned day completes it. A strip's pages are
# its own, else its share of what the scene leaves after its parts' given lengths (strip_eighths).
GIVEN = "FROM planning_strip g WHERE g.scene_id = st.scene_id AND g.{figure} IS NOT NULL"
LEFT = "{{greatest}}(sc.{figure} - COALESCE((SELECT SUM(g.{figure}) " + GIVEN + "), 0), 0)"
AMONG = "NULLIF(st.parts - (SELECT COUNT(*) " + GIVEN + "), 0)"
PLACE_AMONG = "st.part - (SELECT COUNT(*) " + GIVEN + " AND g.part < st.part)"
STRIP_SHARE = (
    f"COALESCE(st.{{figure}}, {LEFT} / {AMONG} + CASE WHEN {PLACE_AMONG} <= {LEFT} %% {AMONG} THEN 1 ELSE 0 END)"
)
STRIP_EIGHTHS = STRIP_SHARE.format(figure="page_eighths")
STRIP_SCREEN_SECONDS = STRIP_SHARE.format(figure="screen_seconds")
# Which of its scene's planned days a strip falls on (1 first), and how many a scene has (at least 1).
STRIP_PLACE = """(SELECT COUNT(DISTINCT p.shoot_day_id) FROM planning_strip p
    WHERE p.scene_id = st.scene_id AND p.part <= st.part)"""
PLANNED_DAYS = """(SELECT {greatest}(COUNT(DISTINCT p.shoot_day_id), 1) FROM planning_strip p
    WHERE p.scene_id = shot.scene_id)"""
# Each (scene, day) the scene was shot on, with which time it was.
SHOT_TIMES = """SELECT t.scene_id, d.id AS day_id,
        DENSE_RANK() OVER (PARTITION BY t.scene_id ORDER BY d.actual_date, d.number) AS time
    FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
    WHERE d.production_id = %(production)s AND d.status = 'shot'
    GROUP BY t.scene_id, d.id, d.actual_date, d.number"""
PARTS_SHOT = (
    """SELECT SUM({share}) FROM planning_strip st JOIN shooting_scene sc ON sc.id = st.scene_id
    WHERE st.scene_id = shot.scene_id AND """
    + STRIP_PLACE
    + " = shot.time"
)
WHOLE_SHOT = "CASE WHEN shot.time = 1 THEN (SELECT s.{figure} FROM shooting_scene s WHERE s.id = shot.scene_id) END"
SHOT_FIGURE = (
    "CASE WHEN EXISTS (SELECT 1 FROM planning_strip st WHERE st.scene_id = shot.scene_id) THEN ("
    + PARTS_SHOT
    + ") ELSE "
    + WHOLE_SHOT
    + " END"
)
# Per day: the scenes it completed, the pages (eighths) and the screen time (seconds) of the parts it shot.
DAY_SHOT_SQL = f"""SELECT shot.day_id, SUM(CASE WHEN shot.time = {PLANNED_DAYS} THEN 1 ELSE 0 END) AS scenes,
        SUM({SHOT_FIGURE.format(share=STRIP_EIGHTHS, figure="page_eighths")}) AS eighths,
        SUM({SHOT_FIGURE.format(share=STRIP_SCREEN_SECONDS, figure="screen_seconds")}) AS screen_seconds
    FROM ({SHOT_TIMES}) AS shot GROUP BY shot.day_id"""
DAY_SHOT = spelled(DAY_SHOT_SQL)
SCENE_DAYS = spelled(
    f"""SELECT d.number, COALESCE(d.scheduled_date, d.actual_date), d.status, COALESCE(planned.scenes, 0),
        planned.eighths, COALESCE(done.scenes, 0), COALESCE(done.eighths, 0)
    FROM shooting_shootday d LEFT JOIN (
        SELECT st.shoot_day_id, COUNT(*) AS scenes, SUM({STRIP_EIGHTHS}) AS eighths
        FROM planning_strip st JOIN shooting_scene sc ON sc.id = st.scene_id GROUP BY st.shoot_day_id
    ) AS planned ON planned.shoot_day_id = d.id LEFT JOIN ({DAY_SHOT_SQL}) AS done ON done.day_id = d.id
    WHERE d.production_id = %(production)s ORDER BY d.number"""
)
