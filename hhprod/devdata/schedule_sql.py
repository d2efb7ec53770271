"""The schedule report's bare SQL (report_pages.py): the day and take figures above it, the
scheduled and shot days as they add up, each day's row and the weekly pace."""

from .sql_spellings import PRODUCTION_TAKES, spelled

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
