"""Rig wearers: per person, takes, minutes worn, longest take, days on the rig, rigs used, days over the limit."""

import django_tables2 as tables
from django.db.models import Count

from hhprod.figures.rig_time import days_over_limit
from hhprod.lib.expressions import GroupConcat
from hhprod.productions.models import Person

from .columns import LengthColumn, ListColumn, MinutesColumn, ReportTable
from .content import Report, ReportContent


def wearer_totals(production):
    """Per person who wore the rig: takes, time worn, longest take, days, rigs, days over the limit."""
    return (
        Person.objects.filter(takes_worn__shoot_day__production=production)
        .with_rig_time()
        .annotate(
            days_on_rig=Count("takes_worn__shoot_day", distinct=True),
            rigs_used=GroupConcat("takes_worn__rig__name", distinct=True),
            days_over_limit=days_over_limit(production),
        )
        .order_by("-seconds_worn", "name")
    )


class WearerTable(ReportTable):
    name = tables.Column("Wearer")
    trade = tables.Column("Trade")
    take_count = tables.Column("Takes")
    seconds_worn = MinutesColumn("Minutes worn")
    longest = LengthColumn("Longest take")
    days_on_rig = tables.Column("Days on the rig")
    rigs_used = ListColumn("Rigs used")
    days_over_limit = tables.Column("Days over the daily limit", default="no limit set")

    class Meta(ReportTable.Meta):
        model = Person
        fields = ()
        orderable = True


def build(production, params):
    limit = production.daily_rig_limit_minutes
    return ReportContent(
        summary=[("Daily rig-time limit", f"{limit} minutes" if limit else "none set")],
        tables=[("Rig wearers", WearerTable(wearer_totals(production)))],
    )


REPORT = Report(
    "wearers", "Rig wearers", "Per person: takes, minutes worn, longest take, days on the rig, limit.", build
)
