"""Call sheet: one shoot day, printable: dates, location, calls and wraps, scenes, rigs, cameras and wearers."""

import django_tables2 as tables
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from hhprod.lib.expressions import GroupConcat
from hhprod.productions.models import Credit
from hhprod.rigs.models import Rig
from hhprod.shooting.models import DayCall, Scene, Take

from .columns import NUMBER, ClockColumn, ListColumn, MinutesColumn, ReportTable
from .content import Report, ReportContent
from .days import chosen_day, day_choices, day_dates, day_of, day_subtitle, nothing_scheduled
from .rigs import camera_serials


def day_calls(day):
    """Who is called on the day, in call order, with their roles on the production and whether they wear the rig."""
    credits = Credit.objects.filter(production=day.production_id, person=OuterRef("person"))
    roles = credits.order_by().values("person").annotate(roles=GroupConcat("role", distinct=True)).values("roles")
    return (
        DayCall.objects.filter(shoot_day=day)
        .annotate(
            name=F("person__name"),
            roles=Coalesce(Subquery(roles), Value("")),
            wears_rig=Exists(credits.filter(wears_rig=True)),
        )
        .order_by("call_time", "person__name")
    )


def day_scenes(day):
    """The scenes with takes on the day: takes, circled takes and time recorded per scene."""
    return Scene.objects.filter(takes__shoot_day=day).with_recorded().order_by("number")


def day_rigs(day):
    """The rigs in service on the day (or used on it), their cameras, and the day's takes and wearers on each."""
    # Subqueries on the day's takes (an index range each), not a join of every take on each rig.
    day_takes = Take.objects.filter(shoot_day=day, rig=OuterRef("pk")).order_by().values("rig")
    in_service = Rig.objects.in_service_on(day.on) if day.on else Rig.objects.filter(in_service_to__isnull=True)
    used = Take.objects.filter(shoot_day=day).values("rig")
    return (
        Rig.objects.filter(Q(pk__in=in_service.values("pk")) | Q(pk__in=used))
        .annotate(
            camera_serials=camera_serials(),
            take_count=Coalesce(Subquery(day_takes.annotate(n=Count("pk")).values("n")), 0),
            seconds=Coalesce(Subquery(day_takes.annotate(s=Sum("length")).values("s")), 0),
            wearers=Subquery(day_takes.annotate(names=GroupConcat("wearer__name", distinct=True)).values("names")),
        )
        .order_by("version")
    )


class CallTable(ReportTable):
    name = tables.Column("Name")
    roles = tables.Column("Role", empty_values=())
    wears_rig = tables.Column("Rig wearer")
    call_time = ClockColumn("Call")
    wrap_time = ClockColumn("Wrap", default="—")
    notes = tables.Column("Notes", default="")

    class Meta(ReportTable.Meta):
        empty_text = "Nobody is called on this day yet."

    def render_roles(self, value):
        return ", ".join(Credit.Role(role).label for role in value.split(",")) if value else "not credited"

    value_roles = render_roles

    def render_wears_rig(self, value):
        return "yes" if value else ""

    value_wears_rig = render_wears_rig


class SceneTable(ReportTable):
    number = tables.Column("Scene")
    description = tables.Column("Description", default="")
    take_count = tables.Column("Takes", attrs=NUMBER)
    circled = tables.Column("Circled", attrs=NUMBER)
    seconds_recorded = MinutesColumn("Minutes recorded", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "None: no takes on this day."


class DayRigTable(ReportTable):
    name = tables.Column("Rig")
    material = tables.Column("Material")
    camera_serials = ListColumn("Cameras", default="—")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds = MinutesColumn("Minutes recorded", attrs=NUMBER)
    wearers = ListColumn("Wearers", default="—")

    class Meta(ReportTable.Meta):
        empty_text = "No rig in service on this day."

    def render_material(self, record):
        return record.get_material_display()

    value_material = render_material


def first_day_without_takes(days):
    return next((day for day in days if not day.has_takes), days[0])


def build(production, params):
    days = list(day_choices(production))
    day = chosen_day(production, params, days, first_day_without_takes)
    if day is None:
        return nothing_scheduled([("Cast and crew calls", CallTable([]))])
    scenes = list(day_scenes(day))
    return ReportContent(
        subtitle=day_subtitle(production, day),
        summary=[
            ("Day", day_of(production, day)),
            *day_dates(day),
            ("Status", day.get_status_display()),
            ("Location", day.location or "—"),
            ("Scenes", ", ".join(scene.number for scene in scenes) or "none: no takes on this day"),
            ("Notes", day.notes or "—"),
        ],
        tables=[
            ("Cast and crew calls", CallTable(list(day_calls(day)))),
            ("Scenes", SceneTable(scenes)),
            ("Rigs, cameras and wearers", DayRigTable(list(day_rigs(day)))),
        ],
        template="reports/day_sheet.html",
        layout={"days": days, "day": day},
    )


REPORT = Report(
    "call-sheet",
    "Call sheet",
    "One shoot day, printable: dates, location, calls and wraps, scenes, rigs, cameras and wearers.",
    build,
    per_day=True,
)
