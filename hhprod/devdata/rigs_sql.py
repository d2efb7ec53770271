"""The rig wearers' and the rigs' reports' bare SQL (report_pages.py): each wearer's time in the
rig and days over the daily limit; each rig's and unit's use and faults, and the health incidents."""

from .sql_spellings import PRODUCTION_TAKES, spelled

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
