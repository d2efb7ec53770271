"""The schedule report's plan sections: the days each cause added on the way from the baseline to the
latest revision, and each revision's planned finish. The figures are the planning app's QuerySets."""

import django_tables2 as tables
from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When, Window
from django.template.loader import render_to_string

from hhprod.planning.models import RevisionDay, ScheduleRevision, ShootDay
from hhprod.planning.revisions import LIVE, with_finish

from .columns import NUMBER, ReportTable

CAUSE_WIDTH, CAUSE_LEFT, CAUSE_ROW = 720, 210, 24
CAUSE_COLOURS = ["#79aec8", "#ba2121", "#e0a030", "#5b8a3c", "#8a5bb0", "#c06090", "#607080", "#999999"]


def revisions(production):
    """Every locked revision, baseline first, with its planned finish and its days."""
    return with_finish(ScheduleRevision.objects.filter(production=production)).order_by("number")


def cause_climb(latest):
    """The latest revision's days: first those the baseline held, then the days each cause added (in the
    causes' own order), each row with the running total, so the last total is the revision's days.

    Counted per row and kept once per cause: a window over each cause's rows, and a running window whose
    peers (the rows of one cause) share the total up to the end of their cause."""
    in_baseline = (
        RevisionDay.objects.in_baseline()
        .filter(LIVE, revision__production=latest.production_id, shoot_day__isnull=False)
        .values("shoot_day")
    )
    baseline = Q(shoot_day__in=in_baseline)
    causes = ShootDay.Cause.choices
    place = Case(
        When(baseline, then=Value(0)), *[When(cause=value, then=Value(i)) for i, (value, _) in enumerate(causes, 1)],
        default=Value(len(causes) + 1), output_field=IntegerField(),
    )  # fmt: skip
    label = Case(
        When(baseline, then=Value("White baseline")), *[When(cause=value, then=Value(name)) for value, name in causes],
        default=Value("No cause given"), output_field=CharField(),
    )  # fmt: skip
    return (
        RevisionDay.objects.filter(LIVE, revision=latest)
        .annotate(place=place, label=label)
        .annotate(
            days=Window(Count("pk"), partition_by=[F("place")]),
            running_total=Window(Count("pk"), order_by=[F("place").asc()]),
        )
        .values("place", "label", "days", "running_total")
        .distinct()
        .order_by("place")
    )


class CauseTable(ReportTable):
    label = tables.Column("Days")
    days = tables.Column("Added", attrs=NUMBER)
    running_total = tables.Column("Total so far", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        empty_text = "No baseline locked yet: lock the schedule to see where the days went."


class RevisionTable(ReportTable):
    number = tables.Column("Revision", attrs=NUMBER)
    colour = tables.Column("Colour", orderable=False)
    dated = tables.DateColumn(verbose_name="Date locked", format="Y-m-d")
    day_count = tables.Column("Days", attrs=NUMBER)
    finish = tables.DateColumn(verbose_name="Planned finish", format="Y-m-d", default="—")
    reason = tables.Column("Reason")

    class Meta(ReportTable.Meta):
        empty_text = "No revision locked yet."


def cause_bars(rows):
    """One horizontal bar, the baseline's days and then each cause's, to the latest revision's total."""
    if not rows:
        return ""
    total = rows[-1]["running_total"]
    scale = (CAUSE_WIDTH - CAUSE_LEFT - 16) / total
    bars = [
        {
            "label": row["label"],
            "days": row["days"],
            "total": row["running_total"],
            "x": round(CAUSE_LEFT + (row["running_total"] - row["days"]) * scale, 1),
            "width": round(row["days"] * scale, 1),
            "y": 12 + i * CAUSE_ROW,
            "colour": CAUSE_COLOURS[i % len(CAUSE_COLOURS)],
        }
        for i, row in enumerate(rows)
    ]
    return render_to_string(
        "reports/cause_bars.svg",
        {"bars": bars, "width": CAUSE_WIDTH, "height": 24 + len(bars) * CAUSE_ROW, "left": CAUSE_LEFT, "total": total},
    )
