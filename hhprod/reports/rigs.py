"""Rigs: per rig version and per physical unit, the production's takes, time worn, wearers, faults and
the time they cost; and the wearers' health incidents by kind and by wearer."""

import django_tables2 as tables
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from hhprod.lib.expressions import GroupConcat
from hhprod.rigs.models import Camera, Rig, RigUnit
from hhprod.shooting.models import Fault, HealthIncident, Take

from .columns import NUMBER, FormattedColumn, ListColumn, MinutesColumn, ReportTable
from .content import Report, ReportContent


def camera_serials():
    """The serials of the cameras mounted on the outer query's rig, as "GP3-0001,GP3-0002"."""
    return Subquery(
        Camera.objects.filter(rig=OuterRef("pk"))
        .order_by()
        .values("rig")
        .annotate(serials=GroupConcat("serial", distinct=True))
        .values("serials")
    )


def rig_totals(production):
    """Per rig version: service window, cameras, and the production's takes, time and wearers on it."""
    on_production = Q(takes__shoot_day__production=production)
    return Rig.objects.annotate(
        camera_serials=camera_serials(),
        take_count=Count("takes", filter=on_production),
        seconds=Coalesce(Sum("takes__length", filter=on_production), 0),
        wearer_count=Count("takes__wearer", filter=on_production, distinct=True),
    ).order_by("version")


def of_outer(queryset, **totals):
    """Totals of `queryset` (rows of the outer unit) in one subquery each: summed apart, a unit's
    takes and its faults never multiply each other as two joins would."""
    grouped = queryset.order_by().values("unit")
    return {
        name: Coalesce(Subquery(grouped.annotate(total=total).values("total")), Value(0), output_field=IntegerField())
        for name, total in totals.items()
    }


def unit_totals(production):
    """Per physical unit: its rig version, the production's takes on it, seconds worn and wearers; its
    faults reported on the production's days or between days, the minutes they cost, and those still open."""
    takes = Take.objects.filter(rig_unit=OuterRef("pk"), shoot_day__production=production).annotate(unit=F("rig_unit"))
    faults = Fault.objects.filter(Q(shoot_day__production=production) | Q(shoot_day__isnull=True), unit=OuterRef("pk"))
    return (
        RigUnit.objects.select_related("rig")
        .annotate(
            **of_outer(
                takes, take_count=Count("pk"), seconds=Sum("length"), wearer_count=Count("wearer", distinct=True)
            ),
            **of_outer(faults, fault_count=Count("pk"), minutes_lost=Sum("minutes_lost")),
            **of_outer(faults.filter(fixed_on__isnull=True), open_faults=Count("pk")),
        )
        .order_by("rig__version", "number")
    )


def incidents_by(production, field):
    """The production's health incidents grouped by `field` (kind, or the wearer's name): count and minutes lost."""
    return (
        HealthIncident.objects.filter(shoot_day__production=production)
        .order_by()
        .values(field)
        .annotate(incident_count=Count("pk"), minutes_lost=Sum("minutes_lost"))
        .order_by(field)
    )


class HoursColumn(FormattedColumn):
    """Seconds worn as hours, to one decimal: a unit is worn for hours over a shoot."""

    shown = staticmethod(lambda seconds: round((seconds or 0) / 3600, 1))


class RigTable(ReportTable):
    name = tables.Column("Rig")
    material = tables.Column("Material")
    in_service_from = tables.DateColumn(verbose_name="In service from")
    in_service_to = tables.DateColumn(verbose_name="In service to", default="in service")
    camera_serials = ListColumn("Cameras", default="—")
    take_count = tables.Column("Takes")
    seconds = MinutesColumn("Minutes")
    wearer_count = tables.Column("Wearers")

    class Meta(ReportTable.Meta):
        model = Rig
        fields = ()


class UnitTable(ReportTable):
    unit = tables.Column("Unit", accessor="pk")
    version = tables.Column("Version", accessor="rig__name")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds = HoursColumn("Hours worn", attrs=NUMBER)
    wearer_count = tables.Column("Wearers", attrs=NUMBER)
    fault_count = tables.Column("Faults", attrs=NUMBER)
    minutes_lost = tables.Column("Minutes lost", attrs=NUMBER)
    open_faults = tables.Column("Open faults", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "No rig units recorded yet."

    def render_unit(self, record):
        return str(record)

    value_unit = render_unit


class IncidentKindTable(ReportTable):
    kind = tables.Column("Incident")
    incident_count = tables.Column("Incidents", attrs=NUMBER)
    minutes_lost = tables.Column("Minutes lost", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "No health incidents recorded."

    def render_kind(self, value):
        return HealthIncident.Kind(value).label

    value_kind = render_kind


class IncidentWearerTable(ReportTable):
    person__name = tables.Column("Wearer")
    incident_count = tables.Column("Incidents", attrs=NUMBER)
    minutes_lost = tables.Column("Minutes lost", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "No health incidents recorded."


def build(production, params):
    return ReportContent(
        tables=[
            ("Rigs", RigTable(rig_totals(production))),
            ("Units", UnitTable(unit_totals(production))),
            ("Health incidents by kind", IncidentKindTable(incidents_by(production, "kind"))),
            ("Health incidents by wearer", IncidentWearerTable(incidents_by(production, "person__name"))),
        ]
    )


REPORT = Report(
    "rigs",
    "Rigs",
    "Per rig version and per unit: takes, hours worn, wearers, faults and time lost; health incidents.",
    build,
)
