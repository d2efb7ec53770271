"""The schedule report as the plan grows: one "scheduled" number, a forecast that never runs
backwards, a chart whose labels never overlap, the variance by cause and the revisions' finishes."""

import csv
import io
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from django.utils.timesince import timesince
from icalendar import Calendar

from hhprod.planning.models import ShootDay
from hhprod.planning.revisions import lock_schedule
from hhprod.reports import chart
from hhprod.reports import schedule as queries
from tests import factories as make
from tests.reporting import report_file, report_url, shown_summary

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
# About 0.6 em a character at the axis labels' 11 px: wider than any month's name and year measures.
CHARACTER_WIDTH = 0.6 * 11


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def add_day_121_for_tomorrow(henry):
    return ShootDay.objects.create(
        production=henry, number=121, scheduled_date=tomorrow(), change_cause="reshoot", change_note="Pick-ups"
    )


def summary_rows(production):
    return shown_summary(queries.build(production, {}))


def production_report_figures(production, day):
    rows = csv.reader(io.StringIO(report_file(production, "production-report", "csv", day=day).decode()))
    next(rows)
    return dict(rows)


def schedule_svg(content):
    """The days chart: the first of the report's two drawings (the second is the causes' bar)."""
    return ElementTree.fromstring(content.chart[: content.chart.index("</svg>") + len("</svg>")])


def axis_labels(content):
    """(x, text) of the chart's date labels, left to right."""
    root = schedule_svg(content)
    ticks = root.find(f".//{SVG}g[@class='x-ticks']")
    return sorted((float(t.get("x")), t.text) for t in ticks.iter(f"{SVG}text"))


def assert_labels_apart(content):
    labels = axis_labels(content)
    assert len(labels) >= 2
    for (x1, left), (x2, right) in zip(labels, labels[1:], strict=False):
        assert x2 - x1 >= CHARACTER_WIDTH * (len(left) + len(right)) / 2, (left, right)


def test_a_day_added_for_tomorrow_is_forecast_no_earlier_than_tomorrow(henry):
    add_day_121_for_tomorrow(henry)
    summary = queries.schedule_summary(henry)
    assert summary["remaining"] == 1
    assert summary["last_planned"] == tomorrow()
    assert summary["forecast_finish"] == tomorrow()


def test_the_forecast_paces_the_work_left_from_the_last_shot_day():
    prod = make.production(planned_days=4)
    for number in (1, 2, 3):
        make.shoot_day(prod, number, scheduled=date(2013, 9, number + 1), actual=date(2013, 9, number + 1))
    make.shoot_day(prod, 4, scheduled=date(2013, 9, 5), actual=None)
    make.shoot_day(prod, 5, scheduled=date(2013, 9, 6), actual=None)
    summary = queries.schedule_summary(prod)
    # Three days in one week: two days left take a week after the last shot day, later than day 5's date.
    assert (summary["days_per_week"], summary["remaining"]) == (3.0, 2)
    assert summary["forecast_finish"] == date(2013, 9, 4) + timedelta(weeks=1)


def test_scheduled_is_the_baseline_on_the_summary_the_chart_and_the_production_report(henry):
    add_day_121_for_tomorrow(henry)
    rows = summary_rows(henry)
    assert rows["Scheduled days (White baseline)"] == 45
    assert rows["Planned now"] == "121 days (+76 on the baseline)"
    assert rows["Variance"] == "+75 days (+167%)"
    svg = queries.build(henry, {}).chart
    assert "Scheduled (45)" in svg and "Planned now (121)" in svg and "Shot (120)" in svg
    for day in (120, 121):
        figures = production_report_figures(henry, day)
        assert figures["Baseline days to date"] == "45"
        assert figures["Against the baseline"] == "75 days behind, 0 pages"


def test_the_calendar_has_one_event_a_day_the_added_day_on_its_planned_date(henry):
    add_day_121_for_tomorrow(henry)
    events = Calendar.from_ical(report_file(henry, "schedule", "ics")).walk("VEVENT")
    assert len(events) == 121
    added = next(e for e in events if str(e["summary"]).startswith("Hardcore Henry day 121:"))
    assert added.decoded("dtstart") == tomorrow()


def test_a_day_beyond_the_baseline_shows_its_date_in_the_day_table(henry):
    add_day_121_for_tomorrow(henry)
    day = queries.schedule_days(henry).get(number=121)
    assert (day.plan_date, day.baseline_date, day.in_baseline) == (tomorrow(), None, False)
    day_45 = queries.schedule_days(henry).get(number=45)
    assert day_45.in_baseline and day_45.baseline_date == henry.revisions.get(number=1).days.get(number=45).date


def test_the_chart_labels_never_overlap_from_2013_to_tomorrow(henry):
    add_day_121_for_tomorrow(henry)
    content = queries.build(henry, {})
    assert_labels_apart(content)
    assert axis_labels(content)[-1][0] <= chart.WIDTH


@pytest.mark.parametrize("days", [90, 400, 4000])
def test_the_chart_labels_never_overlap_at_any_span(days):
    prod = make.production(planned_days=days)
    for number in range(1, days + 1, max(1, days // 20)):
        make.shoot_day(prod, number, scheduled=date(2013, 9, 2) + timedelta(days=number), actual=None)
    assert_labels_apart(queries.build(prod, {}))


def test_the_chart_marks_the_hiatuses_today_and_the_baselines_finish(henry):
    add_day_121_for_tomorrow(henry)
    root = schedule_svg(queries.build(henry, {}))
    breaks = [t.text for t in root.iter(f"{SVG}title") if t.text and t.text.startswith("Hiatus")]
    assert len(breaks) == henry.calendar_entries.filter(kind="hiatus").count() == 2
    assert root.find(f".//{SVG}line[@class='today']") is not None
    finish = root.find(f".//{SVG}g[@class='baseline-finish']")
    assert "Baseline finish" in "".join(finish.itertext())


def test_a_production_with_no_baseline_says_so_and_shows_what_was_shot():
    prod = make.production("Unlocked", planned_days=None)
    make.shoot_day(prod, 1, scheduled=None, actual=date(2013, 9, 2))
    make.shoot_day(prod, 2, scheduled=None, actual=date(2013, 9, 3))
    rows = summary_rows(prod)
    assert rows["Scheduled days"] == "no baseline locked yet (Plan → Schedule revisions → Lock)"
    assert rows["Shot days"] == 2 and rows["Variance"] == "—"
    assert "Shot (2)" in queries.build(prod, {}).chart


def test_a_production_not_locked_yet_counts_its_dated_days_and_says_so():
    prod = make.production("Draft", planned_days=None)
    make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=None)
    rows = summary_rows(prod)
    assert rows["Scheduled days (no baseline locked: the days with a scheduled date)"] == 1


def test_the_variance_by_cause_climbs_from_the_baseline_to_the_latest_revision(henry):
    content = queries.build(henry, {})
    causes = dict(content.tables)["Days added beyond the baseline, by cause"]
    rows = [(row["label"], row["days"], row["running_total"]) for row in causes.data]
    assert rows[0] == ("White baseline", 45, 45)
    assert rows[-1][2] == 120
    assert sum(days for _, days, _ in rows) == 120
    assert [total for _, _, total in rows] == sorted(total for _, _, total in rows)


def test_the_planned_finish_is_listed_revision_by_revision(henry):
    content = queries.build(henry, {})
    revisions = dict(content.tables)["Revisions"]
    rows = [(r.colour, r.day_count) for r in revisions.data]
    assert rows == [("White", 45), ("Blue", 50), ("Pink", 90), ("Yellow", 120)]
    finishes = [r.finish for r in revisions.data]
    assert finishes == sorted(finishes)


def test_a_new_revision_with_day_121_adds_its_cause_to_the_bars(henry):
    add_day_121_for_tomorrow(henry)
    lock_schedule(henry, name="Pick-ups", reason="One more day", dated=timezone.localdate())
    causes = dict(queries.build(henry, {}).tables)["Days added beyond the baseline, by cause"]
    totals = {row["label"]: row["days"] for row in causes.data}
    assert totals["White baseline"] == 45 and sum(totals.values()) == 121 and totals["Reshoot"] >= 1


def planned_production(title, days):
    """`days` days, a scene on each, locked as White; then a tenth more days added for a rig rebuild, locked Blue,
    a hiatus, and the first half shot with a circled take each."""
    prod = make.production(title, planned_days=None)
    rig, wearer = make.rig(f"{title} rig", version=days), make.wearer(prod, f"{title} wearer")
    start = date(2013, 9, 2)
    for number in range(1, days + 1):
        on = start + timedelta(days=number)
        shot = number <= days // 2
        day = make.shoot_day(prod, number, scheduled=on, actual=on if shot else None)
        scene = make.scene(prod, str(number))
        make.strip(day, scene)
        if shot:
            make.take(day, scene, rig, wearer, status="circled")
    lock_schedule(prod, name="Approved", reason="Studio approval", dated=start)
    for number in range(days + 1, days + days // 10 + 1):
        make.shoot_day(prod, number, scheduled=start + timedelta(days=number + 30), actual=None, change_cause="rig")
    make.calendar_entry(prod, "hiatus", start + timedelta(days=days + 1), start + timedelta(days=days + 20))
    lock_schedule(prod, name="Rig rebuild", reason="Metal rig replaced", dated=start)
    return prod


def test_the_schedule_page_and_csv_cost_the_same_queries_as_the_plan_grows(staff_client, django_assert_num_queries):
    for title, days in (("Small plan", 10), ("Large plan", 60)):
        prod = planned_production(title, days)
        url = report_url(prod, "schedule")
        # Session, user, productions, summary, takes, revisions, days by cause, three chart lines, hiatuses,
        # the shoot days, pace per week, the production picker.
        with django_assert_num_queries(14):
            page = staff_client.get(url)
        assert f"Planned now ({days + days // 10})" in page.content.decode()
        with django_assert_num_queries(12):
            rows = list(csv.reader(io.StringIO(b"".join(staff_client.get(url + "?export=csv")).decode())))
        assert len(rows) == 1 + days + days // 10


def five_days_locked_white():
    prod = make.production("Five days", planned_days=None)
    for number in range(1, 6):
        make.shoot_day(prod, number, scheduled=date(2013, 9, 1) + timedelta(days=number), actual=None)
    lock_schedule(prod, name="Approved", reason="Studio approval", dated=date(2013, 9, 1))
    return prod


def test_a_day_cancelled_and_a_day_added_climb_from_the_baselines_five_to_the_revisions_five():
    prod = five_days_locked_white()
    ShootDay.objects.filter(production=prod, number=3).update(status="cancelled", change_cause="weather")
    make.shoot_day(prod, 6, scheduled=date(2013, 9, 9), actual=None, change_cause="rig")
    blue = lock_schedule(prod, name="Rig rebuild", reason="Day 3 rained off, a rig day added", dated=date(2013, 9, 1))
    content = queries.build(prod, {})
    causes = dict(content.tables)["Days added beyond the baseline, by cause"]
    assert [(row["label"], row["days"], row["running_total"]) for row in causes.data] == [
        ("White baseline", 5, 5),
        ("Baseline days taken off", -1, 4),
        ("Rig failure or rebuild", 1, 5),
    ]
    assert blue.days.exclude(status="cancelled").count() == 5
    assert summary_rows(prod)["Scheduled days (White baseline)"] == 5
    bars = ElementTree.fromstring(
        content.chart[content.chart.index('<svg xmlns="http://www.w3.org/2000/svg" class="cause-bars"') :]
    )
    assert [bar.find(f"{SVG}title").text for bar in bars.iter(f"{SVG}rect")] == [
        "White baseline: 5 days, 5 in all",
        "Baseline days taken off: -1 days, 4 in all",
        "Rig failure or rebuild: 1 days, 5 in all",
    ]
    # The day taken off runs leftwards from 5 to 4; the rig day from 4 back to 5.
    assert [(float(bar.get("x")), float(bar.get("width"))) for bar in bars.iter(f"{SVG}rect")] == [
        (210.0, 494.0), (605.2, 98.8), (605.2, 98.8),
    ]  # fmt: skip


def test_before_the_first_day_is_shot_the_variance_reads_not_started():
    prod = five_days_locked_white()
    summary = queries.schedule_summary(prod)
    assert (summary["shot"], summary["variance_days"], summary["variance_percent"]) == (0, None, None)
    assert summary_rows(prod)["Variance"] == "not started: no day shot yet"


def test_twelve_years_to_an_added_day_are_folded_and_the_shoot_keeps_the_axis():
    prod = make.production("Folded", planned_days=None)
    for number in range(1, 6):
        on = date(2013, 9, 1) + timedelta(days=number)
        make.shoot_day(prod, number, scheduled=on, actual=on)
    make.shoot_day(prod, 6, scheduled=date(2025, 9, 8), actual=None, change_cause="reshoot")
    root = schedule_svg(queries.build(prod, {}))
    # 628 px for 5 days' width (the 4 days of the shoot, the added day's 1) once the 28 px fold is taken off.
    shot = root.find(f".//{SVG}polyline[@class='shot']").get("points").split()
    assert [point.split(",")[0] for point in shot] == ["48.0", "173.6", "299.2", "424.8", "550.4"]
    assert root.find(f".//{SVG}polyline[@class='planned']").get("points").split()[-1].startswith("578.4,")
    fold = root.find(f".//{SVG}g[@class='fold']")
    assert fold.find(f"{SVG}title").text == (
        "No day from 6 Sep 2013 to 8 Sep 2025 (12\xa0years): the axis is folded here"
    )
    assert (fold.find(f"{SVG}rect").get("x"), fold.find(f"{SVG}rect").get("width")) == ("550.4", "28")
    assert [text for _, text in axis_labels(queries.build(prod, {}))] == ["Sep 2013", "Sep 2025"]


def test_a_day_added_tomorrow_folds_the_years_between_and_leaves_the_shoot_the_axis(henry):
    add_day_121_for_tomorrow(henry)
    root = schedule_svg(queries.build(henry, {}))
    first, last = (henry.shoot_days.filter(number=n).get().actual_date for n in (1, 120))
    # The shoot's days and the one from today to tomorrow share the axis's 720 - 48 - 16 - 28 px of fold.
    pixels_per_day = 628 / ((last - first).days + 1)
    last_shot_x = root.find(f".//{SVG}polyline[@class='shot']").get("points").split()[-1].split(",")[0]
    assert float(last_shot_x) == round(48 + (last - first).days * pixels_per_day, 1) > 0.95 * 628
    folds = [fold.find(f"{SVG}title").text for fold in root.iter(f"{SVG}g") if fold.get("class") == "fold"]
    assert folds == [
        f"No day from {last:%-d %b %Y} to {timezone.localdate():%-d %b %Y} "
        f"({timesince(last, timezone.localdate(), depth=1)}): the axis is folded here"
    ]
