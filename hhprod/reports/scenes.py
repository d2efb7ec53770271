"""Scenes: planned against shot. Per scene its day in the baseline, the latest revision and the plan now,
the day it was first shot and the day its first circled take was logged, and the slip; per day, the
scenes and pages planned against those completed.

A scene is completed on the day that shoots its last part, counted once, and a part's pages count on the day
it is shot (hhprod/figures/progress.py): the production report's rule."""

import django_filters
import django_tables2 as tables
from django.db.models import OuterRef, Q, Subquery

from hhprod.figures.pages import with_plan_figures
from hhprod.figures.scenes import FIRST, completed_per_day, first_circled
from hhprod.planning.baseline import baseline_strips
from hhprod.planning.models import RevisionStrip, Scene, ScheduleRevision, ShootDay, Strip, pages_and_eighths
from hhprod.planning.slip import scene_slip
from hhprod.shooting.models import Take

from .columns import NUMBER, FormattedColumn, IsoDateColumn, ReportTable, SignedColumn
from .content import Report, ReportContent


def first(rows, field):
    return Subquery(rows.values(field)[:1])


def scene_plan(production):
    """Every scene with its planned days (a split scene's first part) and its shooting, all in one query."""
    in_baseline = baseline_strips(production)
    latest = ScheduleRevision.objects.filter(production=production).order_by("-number").values("number")[:1]
    in_latest = RevisionStrip.objects.filter(revision__production=production, revision__number=Subquery(latest))
    takes = Take.objects.filter(scene=OuterRef("pk")).order_by(*FIRST)
    circled = first_circled()
    return (
        Scene.objects.filter(production=production)
        .only("production", "number", "description", "page_eighths")
        .annotate(
            baseline_day=first(in_baseline.filter(scene=OuterRef("pk")).order_by("part"), "day_number"),
            latest_day=first(in_latest.filter(scene=OuterRef("pk")).order_by("part"), "day_number"),
            plan_day=first(Strip.objects.filter(scene=OuterRef("pk")).order_by("part"), "shoot_day__number"),
            first_shot_day=first(takes, "shoot_day__number"),
            circled_day=first(circled, "shoot_day__number"),
        )
        # An alias, not a column: the slip repeats its subquery in its own (one more per scene).
        .alias(circled_on=first(circled, "shoot_day__actual_date"))
        .annotate(slip=scene_slip(production, "baseline_day", "circled_on"))
        .order_by("number")
    )


def day_plan(production):
    """Per shoot day: the scenes and pages planned on it (its strips) against the scenes completed on it."""
    # The completed scenes come grouped by day from a query of their own: as a subquery of each day
    # the database found every scene's completion day again for each day it might fall on.
    days = list(
        with_plan_figures(
            ShootDay.objects.filter(production=production).only("production", "number", "status").plan_dated()
        ).order_by("number")
    )
    completed = completed_per_day(production)
    for day in days:
        day.completed_scenes, day.completed_eighths = completed.get(day.pk, (0, 0))
    return days


class SceneFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label="Show",
        choices=[("planned_not_shot", "Planned, not yet shot"), ("shot_not_planned", "Shot without being planned")],
        method="in_state",
        empty_label="Every scene",
    )

    class Meta:
        model = Scene
        fields = []

    def in_state(self, scenes, name, value):
        planned = Q(plan_day__isnull=False) | Q(baseline_day__isnull=False)
        if value == "planned_not_shot":
            return scenes.filter(planned, first_shot_day__isnull=True)
        return scenes.filter(~planned, first_shot_day__isnull=False)


# Rows written in one pass (templatetags/report_tables.py): django-tables2's own template took two
# thirds of the page's time at 100,000 takes, resolving every cell's attributes and render() afresh.
ONE_PASS = "reports/table.html"


class PagesColumn(FormattedColumn):
    """Eighths of a page in the database, "1 3/8" on the page and in exports."""

    shown = staticmethod(pages_and_eighths)


class SceneTable(ReportTable):
    # A row per scene: thousands on a long shoot (2,500 took 2.2 s to render), so a page at a time.
    paginated = True

    number = tables.Column("Scene")
    description = tables.Column("Description", default="")
    page_eighths = PagesColumn("Pages", default="—", attrs=NUMBER)
    baseline_day = tables.Column("Baseline day", default="—", attrs=NUMBER)
    latest_day = tables.Column("Latest revision day", default="—", attrs=NUMBER)
    plan_day = tables.Column("Planned day now", default="—", attrs=NUMBER)
    first_shot_day = tables.Column("First shot on day", default="—", attrs=NUMBER)
    circled_day = tables.Column("Circled on day", default="—", attrs=NUMBER)
    slip = SignedColumn("Slip against baseline (days)", default="—", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        template_name = ONE_PASS
        empty_text = "No scene matches."
        per_page = 100


class DayPlanTable(ReportTable):
    number = tables.Column("Day")
    plan_date = IsoDateColumn("Date", default="no date yet")
    status = tables.Column("Status", accessor="get_status_display")
    strip_count = tables.Column("Scenes planned", attrs=NUMBER)
    planned_eighths = PagesColumn("Pages planned", default="—", attrs=NUMBER)
    completed_scenes = tables.Column("Scenes completed", attrs=NUMBER)
    completed_eighths = PagesColumn("Pages completed", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        template_name = ONE_PASS
        empty_text = "No shoot days on this production yet."


def build(production, params):
    filterset = SceneFilter(params, queryset=scene_plan(production))
    return ReportContent(
        tables=[("Scenes", SceneTable(filterset.qs)), ("Per day", DayPlanTable(day_plan(production)))],
        filterset=filterset,
    )


REPORT = Report(
    "scenes",
    "Scenes: planned against shot",
    "Per scene: its day in the baseline, the latest revision and the plan now, first shot, circled, the slip; "
    "per day: scenes and pages planned against completed.",
    build,
)
