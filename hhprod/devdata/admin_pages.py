"""The admin changelists and the busiest shoot day's change page, each with its bare SQL."""

from django.urls import reverse

from hhprod.planning.models import DayCall, Scene, ShootDay
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

from .benchmark import Page


def count(table):
    return f"SELECT COUNT(*) FROM {table}"


def admin_url(model, page="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def changelist(model, *bare_sql):
    return Page(f"admin: {model._meta.verbose_name_plural}", lambda context: admin_url(model), bare_sql)


# Each changelist's bare SQL: the page of rows in the admin's order with the columns' aggregates,
# then the count for the paginator.
ADMIN_PAGES = [
    changelist(
        Production,
        """SELECT p.id, p.title, p.kind, p.planned_days, p.max_take_seconds, p.daily_rig_limit_minutes,
                  SUM(CASE WHEN d.status = 'shot' THEN 1 ELSE 0 END)
           FROM productions_production p LEFT JOIN shooting_shootday d ON d.production_id = p.id
           GROUP BY p.id ORDER BY p.title LIMIT 100""",
        count("productions_production"),
    ),
    changelist(
        Person,
        """SELECT p.id, p.name, p.trade,
                  (SELECT COUNT(*) FROM productions_credit c WHERE c.person_id = p.id),
                  (SELECT COUNT(*) FROM shooting_take t WHERE t.wearer_id = p.id)
           FROM productions_person p ORDER BY p.name LIMIT 100""",
        count("productions_person"),
    ),
    changelist(
        Credit,
        """SELECT c.id, pe.name, c.role, c.character, c.wears_rig, pr.title
           FROM productions_credit c JOIN productions_person pe ON pe.id = c.person_id
           JOIN productions_production pr ON pr.id = c.production_id
           ORDER BY pr.title, c.role, pe.name LIMIT 100""",
        count("productions_credit"),
    ),
    changelist(
        Trip,
        """SELECT t.id, pe.name, t.destination, t.starts, t.ends, pr.title
           FROM productions_trip t JOIN productions_person pe ON pe.id = t.person_id
           JOIN productions_production pr ON pr.id = t.production_id
           ORDER BY t.starts, pe.name LIMIT 100""",
        count("productions_trip"),
    ),
    changelist(
        Rig,
        """SELECT r.id, r.name, r.version, r.material, r.weight_grams, r.in_service_from, r.in_service_to,
                  COUNT(t.id)
           FROM rigs_rig r LEFT JOIN shooting_take t ON t.rig_id = r.id
           GROUP BY r.id ORDER BY r.version LIMIT 100""",
        count("rigs_rig"),
    ),
    changelist(
        Camera,
        """SELECT c.id, c.serial, c.model, r.name FROM rigs_camera c LEFT JOIN rigs_rig r ON r.id = c.rig_id
           ORDER BY c.model, c.serial LIMIT 100""",
        count("rigs_camera"),
    ),
    changelist(
        ShootDay,
        """SELECT d.id, d.number, pr.title, d.scheduled_date, d.actual_date, d.status, d.location,
                  COUNT(t.id), SUM(t.length)
           FROM shooting_shootday d JOIN productions_production pr ON pr.id = d.production_id
           LEFT JOIN shooting_take t ON t.shoot_day_id = d.id
           GROUP BY d.id, pr.id ORDER BY pr.title, d.number LIMIT 100""",
        count("shooting_shootday"),
    ),
    changelist(
        DayCall,
        """SELECT c.id, pe.name, pr.title, d.number, c.call_time, c.wrap_time, c.notes
           FROM shooting_daycall c JOIN shooting_shootday d ON d.id = c.shoot_day_id
           JOIN productions_production pr ON pr.id = d.production_id
           JOIN productions_person pe ON pe.id = c.person_id
           ORDER BY pr.title, d.number, c.call_time, pe.name LIMIT 100""",
        count("shooting_daycall"),
    ),
    changelist(
        Scene,
        """SELECT s.id, s.number, s.description, pr.title,
                  COUNT(t.id), SUM(CASE WHEN t.status = 'circled' THEN 1 ELSE 0 END)
           FROM shooting_scene s JOIN productions_production pr ON pr.id = s.production_id
           LEFT JOIN shooting_take t ON t.scene_id = s.id
           GROUP BY s.id, pr.id ORDER BY pr.title, s.number LIMIT 100""",
        count("shooting_scene"),
    ),
    changelist(
        Take,
        """SELECT t.id, s.number, t.number, pr.title, d.number, t.length, r.name, c.serial, pe.name, t.status
           FROM shooting_take t JOIN shooting_scene s ON s.id = t.scene_id
           JOIN shooting_shootday d ON d.id = t.shoot_day_id
           JOIN productions_production pr ON pr.id = d.production_id
           JOIN rigs_rig r ON r.id = t.rig_id LEFT JOIN rigs_camera c ON c.id = t.camera_id
           JOIN productions_person pe ON pe.id = t.wearer_id
           ORDER BY t.shoot_day_id, t.scene_id, t.number LIMIT 100""",
        count("shooting_take"),
    ),
    Page(
        "admin: busiest shoot day, its calls inline and its takes a link",
        lambda context: admin_url(ShootDay, "change", context["busiest_day"]),
        (
            """SELECT d.*, COUNT(t.id), SUM(t.length) FROM shooting_shootday d
               LEFT JOIN shooting_take t ON t.shoot_day_id = d.id WHERE d.id = %(busiest_day)s GROUP BY d.id""",
            """SELECT * FROM shooting_daycall WHERE shoot_day_id = %(busiest_day)s
               ORDER BY call_time, person_id LIMIT 100""",
            """SELECT DISTINCT pe.id, pe.name FROM productions_person pe
               JOIN productions_credit c ON c.person_id = pe.id WHERE c.production_id = %(production)s""",
        ),
    ),
]
