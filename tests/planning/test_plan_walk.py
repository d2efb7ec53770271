"""The walk the README shows ("Walk: adding a day"), through the site as the office does it, on the film's plan:
the script supervisor breaks a scene down; the 1st AD adds day 121 dated tomorrow with its cause, places the
scene on it and locks the schedule as Green; then the schedule page, its CSV, the production report and the
comparison with Yellow tell the same story: 45 scheduled, 121 planned (+76), 120 shot (+75), finish tomorrow."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hhprod.lib.formatting import long_date
from hhprod.planning.models import Scene, ScheduleRevision, ShootDay
from tests.reporting import report_url, shown_summary

pytestmark = pytest.mark.django_db
INLINES = {
    f"{name}-{key}": value
    for name in ("calls", "takes")
    for key, value in [("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0), ("MIN_NUM_FORMS", 0), ("MAX_NUM_FORMS", 1000)]
}


def summary(page):
    """The schedule page's summary, {label: value}, as its <dl> shows it."""
    return shown_summary(page.context["content"])


def test_a_day_added_for_tomorrow_tells_one_story_on_every_page(henry, login_as):
    tomorrow = timezone.localdate() + timedelta(days=1)

    supervisor = login_as("Script supervisor")
    broken_down = supervisor.post(
        reverse("admin:planning_scene_add"),
        {"production": henry.pk, "number": "121A", "set_name": "Rooftop", "location": "Moscow, rooftop",
         "setting": "ext", "time_of_day": "day", "page_eighths": 6, "synopsis": "Henry jumps the gap again.",
         "screen_seconds": 40, "head_rig": "on", "stunt_notes": "Jump onto crash mats."},
    )  # fmt: skip
    assert broken_down.status_code == 302
    scene = Scene.objects.get(production=henry, number="121A")

    ad = login_as("Assistant director")
    added = ad.post(
        reverse("admin:planning_shootday_add"),
        {"production": henry.pk, "number": 121, "scheduled_date": tomorrow.isoformat(), "status": "scheduled",
         "location": "Moscow, rooftop", "change_cause": "reshoot", "change_note": "Rooftop jump again", **INLINES},
    )  # fmt: skip
    assert added.status_code == 302
    day = ShootDay.objects.get(production=henry, number=121)
    placed = ad.post(
        reverse("admin:planning_strip_add"), {"shoot_day": day.pk, "scene": scene.pk, "order": 1, "part": 1, "parts": 1}
    )
    assert placed.status_code == 302
    locked = ad.post(
        reverse("admin:planning_schedulerevision_lock"),
        {"production": henry.pk, "name": "Rooftop pick-up", "dated": timezone.localdate().isoformat(),
         "reason": "One more day for the rooftop jump"},
    )  # fmt: skip
    assert locked.status_code == 302
    yellow, green = ScheduleRevision.objects.filter(production=henry, number__in=[4, 5]).order_by("number")
    assert green.colour == "Green"

    # The schedule page: 45 scheduled, 121 planned now, 120 shot; the forecast is tomorrow, not 2014.
    page = ad.get(report_url(henry, "schedule"))
    figures = summary(page)
    assert figures["Scheduled days (White baseline)"] == 45
    assert figures["Planned now"] == "121 days (+76 on the baseline)"
    assert (figures["Shot days"], figures["Variance"]) == (120, "+75 days (+167%)")
    assert figures["Forecast finish"] == figures["Last planned day"] == long_date(tomorrow)
    html = page.content.decode()
    assert "Scheduled (45)" in html and "Planned now (121)" in html and "Shot (120)" in html
    tables = dict(page.context["content"].tables)
    causes = {
        row["label"]: (row["days"], row["running_total"])
        for row in tables["Days added beyond the baseline, by cause"].data
    }
    assert causes["White baseline"] == (45, 45) and causes["Reshoot"] == (1, 121)
    revisions = {r.colour: (r.day_count, r.finish) for r in tables["Revisions"].data}
    assert revisions["Green"] == (121, tomorrow) and revisions["White"][0] == 45

    # Its CSV: a row per day; 45 with a baseline date, day 121 planned for tomorrow with none.
    rows = list(csv.DictReader(io.StringIO(b"".join(ad.get(report_url(henry, "schedule", export="csv"))).decode())))
    assert len(rows) == 121
    assert sum(row["Scheduled (baseline)"] != "—" for row in rows) == 45
    assert (rows[-1]["Day"], rows[-1]["Scheduled (baseline)"], rows[-1]["Status"]) == ("121", "—", "Scheduled")
    assert rows[-1]["Planned"] == tomorrow.isoformat()

    # The production report on day 121: the same 45 scheduled and 75 days behind (all the pages shot).
    report = ad.get(report_url(henry, "production-report", day=121))
    report_figures = {row["figure"]: row["value"] for row in dict(report.context["content"].tables)["Figures"].data}
    assert report_figures["Baseline days to date"] == 45 and report_figures["Shot days to date"] == 120
    assert report_figures["Against the baseline"] == "75 days behind, 0 pages"

    # The comparison, Yellow against Green: day 121 added for a reshoot, the finish moved to tomorrow.
    compared = ad.get(reverse("admin:planning_schedulerevision_compare") + f"?before={yellow.pk}&after={green.pk}")
    comparison = compared.context["comparison"]
    added_day = comparison.days_added.get()
    assert (added_day.number, added_day.date, added_day.get_cause_display()) == (121, tomorrow, "Reshoot")
    assert [(r.colour, r.day_count) for r in comparison.finishes] == [("Yellow", 120), ("Green", 121)]
    assert comparison.finishes[1].finish == tomorrow == revisions["Green"][1]
    assert "Reshoot" in compared.content.decode()
