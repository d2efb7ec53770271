"""What the reports' bare SQL shares: its spellings for SQLite and PostgreSQL, and the takes of
the production a statement is about."""

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
        "greatest": "MAX",
    },
    "postgresql": {
        "slip": f"d.actual_date - {BASELINE_DATE}",
        "week": "date_trunc('week', d.actual_date)",
        "rig_names": "STRING_AGG(DISTINCT r.name, ',' ORDER BY r.name)",
        "serials": "STRING_AGG(DISTINCT c.serial, ',' ORDER BY c.serial)",
        "roles": "STRING_AGG(DISTINCT cr.role, ',' ORDER BY cr.role)",
        "wearer_names": "STRING_AGG(DISTINCT p.name, ',' ORDER BY p.name)",
        "circled_slip": "circled.actual_date - baseline.date",
        "greatest": "GREATEST",
    },
}


def spelled(sql):
    """The statement for each database, its {placeholders} filled from SPELLINGS."""
    return {vendor: sql.format(**words) for vendor, words in SPELLINGS.items()}


PRODUCTION_TAKES = """FROM shooting_take t JOIN shooting_shootday d ON d.id = t.shoot_day_id
    WHERE d.production_id = %(production)s"""
