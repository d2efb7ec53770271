"""Schedule report: planned against shot days, slip, pace, forecast, chart and iCalendar feed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from hhprod.productions.models import Production
from hhprod.reports import schedule as queries
from hhprod.shooting.models import Take

from .. import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def henry(seed):
    return Production.objects.get(title="Hardcore Henry")


@pytest.fixture
def small_shoot():
    """Two planned days, one of them shot (two takes, one circled), plus an added day shot with no takes."""
    prod = make.production("Small shoot", planned_days=2, daily_rig_limit_minutes=5)
    rig = make.rig()
    wearer = make.wearer(prod)
    scene = make.scene(prod)
    day1 = make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=date(2013, 9, 4))
    make.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None)
    make.shoot_day(prod, 3, scheduled=None, actual=date(2013, 9, 5))
    make.take(day1, scene, rig, wearer, number=1, length=90, status="circled")
    make.take(day1, scene, rig, wearer, number=2, length=30, status="no_good")
    return prod


def test_seed_has_the_articles_variance(henry):
    summary = queries.schedule_summary(henry)
    assert (summary["planned"], summary["shot"]) == (45, 120)
    assert (summary["variance_days"], summary["variance_percent"]) == (75, 167)
    assert summary["remaining"] == 0
    assert summary["forecast_finish"] == summary["last_shot"]
    assert summary["takes"] == Take.objects.filter(shoot_day__production=henry).count()


def test_seed_days_add_up_to_the_summary(henry):
    days = list(queries.schedule_days(henry))
    summary = queries.schedule_summary(henry)
    assert len(days) == 120
    assert sum(day.take_count for day in days) == summary["takes"]
    assert sum(day.circled for day in days) == summary["circled"]
    assert sum(day.seconds_recorded for day in days) == summary["seconds"]
    assert all(d.slip == (d.actual_date - d.scheduled_date).days for d in days if d.scheduled_date)
    assert [d.number for d in days if d.slip is None] == list(range(46, 121))


def test_small_shoot_summary(small_shoot):
    summary = queries.schedule_summary(small_shoot)
    assert summary["planned"] == 2
    assert summary["shot"] == 2
    assert (summary["variance_days"], summary["variance_percent"]) == (0, 0)
    assert summary["remaining"] == 1
    assert (summary["takes"], summary["circled"], summary["seconds"]) == (2, 1, 120)
    assert summary["days_per_week"] == 2.0
    assert summary["forecast_finish"] == date(2013, 9, 5) + timedelta(weeks=1)


def test_small_shoot_day_rows(small_shoot):
    rows = {d.number: d for d in queries.schedule_days(small_shoot)}
    assert rows[1].slip == 2
    assert (rows[1].take_count, rows[1].seconds_recorded, rows[1].circled, rows[1].wearer_count) == (2, 120, 1, 1)
    assert rows[2].slip is None and rows[2].take_count == 0
    assert rows[3].slip is None and rows[3].take_count == 0 and rows[3].seconds_recorded == 0


def test_production_with_no_days():
    prod = make.production("Planned sequel", kind="planned_sequel", planned_days=None)
    summary = queries.schedule_summary(prod)
    assert (summary["planned"], summary["shot"], summary["variance_percent"]) == (0, 0, None)
    assert summary["forecast_finish"] is None


def test_page_shows_variance_and_chart_with_text_alternative(henry, staff_client):
    page = staff_client.get(reverse("reports:report", args=[henry.pk, "schedule"])).content.decode()
    assert "+75 days (+167%)" in page
    assert 'class="schedule-chart"' in page and 'role="img"' in page
    assert '<desc id="chart-desc">' in page and "45 days on the schedule, 120 days planned now, 120 days shot." in page
    assert page.count('class="report-table"') == 4


def test_page_for_a_production_with_no_days_says_so(staff_client):
    prod = make.production("Planned sequel", kind="planned_sequel", planned_days=None)
    response = staff_client.get(reverse("reports:report", args=[prod.pk, "schedule"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="schedule-chart"' not in page
    assert "No shoot days on this production yet." in page


def test_page_queries_are_fixed(henry, small_shoot, staff_client, django_assert_num_queries):
    # Session, user, productions, the summary, takes, revisions, three chart lines, hiatuses, days, pace...;
    # and the days by cause where a baseline is locked (the small shoot has none).
    for prod, queries_done in ((henry, 14), (small_shoot, 13)):
        with django_assert_num_queries(queries_done):
            assert staff_client.get(reverse("reports:report", args=[prod.pk, "schedule"])).status_code == 200


def test_icalendar_feed_has_one_event_per_day(henry, staff_client, django_assert_num_queries):
    with django_assert_num_queries(5):
        response = staff_client.get(reverse("reports:schedule-ics", args=[henry.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 120
    day_one = henry.shoot_days.get(number=1)
    first = next(e for e in events if str(e["uid"]) == f"hhprod-day-{day_one.pk}@hhprod")
    assert first.decoded("dtstart") == day_one.actual_date
    assert str(first["summary"]) == "Hardcore Henry day 1: Shot"
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_icalendar_for_small_shoot_skips_missing_dates(small_shoot, staff_client):
    response = staff_client.get(reverse("reports:schedule-ics", args=[small_shoot.pk]))
    summaries = sorted(str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT"))
    assert summaries == ["Small shoot day 1: Shot", "Small shoot day 2: Scheduled", "Small shoot day 3: Shot"]
