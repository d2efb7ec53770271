"""The schedule report's plan sections: the days each cause added on the way from the baseline to the
latest revision, and each revision's planned finish. The figures are the planning app's QuerySets."""

from itertools import accumulate

import django_tables2 as tables
from django.db.models import Case, CharField, Count, IntegerField, Q, Value, When
from django.template.loader import render_to_string

from hhprod.planning.models import BASELINE, RevisionDay, ScheduleRevision, ShootDay
from hhprod.planning.revisions import LIVE, with_finish

from .columns import NUMBER, ReportTable

CAUSE_WIDTH, CAUSE_LEFT, CAUSE_ROW = 720, 210, 24
CAUSE_COLOURS = ["#79aec8", "#ba2121", "#e0a030", "#5b8a3c", "#8a5bb0", "#c06090", "#607080", "#999999"]


def revisions(production):
    """Every locked revision, baseline first, with its planned finish and its days."""
    return with_finish(ScheduleRevision.objects.filter(production=production)).order_by("number")


def cause_climb(latest):
    """The way from the baseline's days to the latest revision's: the baseline's days (the summary's
    "scheduled"), less those cancelled or dropped since, then the days each cause added (in the causes' own
    order); each row with its running total, so the last total is the revision's days.

    Counted in one grouped query over the baseline's days and the days the latest adds beyond them: a
    baseline day the latest no longer holds (cancelled, or gone) counts in the baseline and comes off after it.
    """
    in_latest = RevisionDay.objects.filter(LIVE, revision=latest, shoot_day__isnull=False).values("shoot_day")
    base = Q(LIVE, revision__production=latest.production_id, revision__number=BASELINE)
    base &= Q(shoot_day__isnull=False)
    in_baseline = RevisionDay.objects.filter(base).values("shoot_day")
    added = Q(LIVE, revision=latest) & ~Q(shoot_day__in=in_baseline)
    causes = ShootDay.Cause.choices
    place = Case(
        When(base, then=Value(0)), *[When(cause=value, then=Value(i)) for i, (value, _) in enumerate(causes, 1)],
        default=Value(len(causes) + 1), output_field=IntegerField(),
    )  # fmt: skip
    label = Case(
        When(base, then=Value("White baseline")), *[When(cause=value, then=Value(name)) for value, name in causes],
        default=Value("No cause given"), output_field=CharField(),
    )  # fmt: skip
    groups = (
        RevisionDay.objects.filter(base | added)
        .annotate(place=place, label=label)
        .values("place", "label")
        .annotate(days=Count("pk"), dropped=Count("pk", filter=base & ~Q(shoot_day__in=in_latest)))
        .order_by("place")
    )
    return climb(groups)


def climb(groups):
    """The grouped counts as the table's rows: the baseline's, its days cancelled or dropped since (taken
    off), each cause's; with the total so far."""
    rows = []
    for group in groups:
        rows.append({"label": group["label"], "days": group["days"]})
        if group["dropped"]:
            rows.append({"label": "Baseline days taken off", "days": -group["dropped"]})
    for row, total in zip(rows, accumulate(row["days"] for row in rows), strict=True):
        row["running_total"] = total
    return rows


class CauseTable(ReportTable):
    label = tables.Column("Days")
    days = tables.Column("Added (taken off: -)", attrs=NUMBER)
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
    # A waterfall: each bar runs from the total before it to the total after it, leftwards for days taken off.
    bars = [
        {
            "label": row["label"],
            "days": row["days"],
            "total": row["running_total"],
            "x": round(CAUSE_LEFT + min(row["running_total"] - row["days"], row["running_total"]) * scale, 1),
            "width": round(abs(row["days"]) * scale, 1),
            "y": 12 + i * CAUSE_ROW,
            "colour": CAUSE_COLOURS[i % len(CAUSE_COLOURS)],
        }
        for i, row in enumerate(rows)
    ]
    return render_to_string(
        "reports/cause_bars.svg",
        {"bars": bars, "width": CAUSE_WIDTH, "height": 24 + len(bars) * CAUSE_ROW, "left": CAUSE_LEFT, "total": total},
    )
