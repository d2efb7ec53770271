"""Rigs: per rig version, its service window, cameras, and the production's takes, minutes and wearers on it."""

import django_tables2 as tables
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from hhprod.lib.expressions import GroupConcat
from hhprod.rigs.models import Camera, Rig

from .columns import ListColumn, MinutesColumn, ReportTable
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


def build(production, params):
    return ReportContent(tables=[("Rigs", RigTable(rig_totals(production)))])


REPORT = Report("rigs", "Rigs", "Per rig version: service window, cameras, takes, minutes and wearers.", build)
