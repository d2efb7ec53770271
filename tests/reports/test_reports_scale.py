"""Every report page and every report's CSV cost the same number of queries on a small and a
ten-times larger production.

Each is asked on two synthetic productions (more days, people, scenes and takes in the
larger one), so a query per row, per day or per person shows up as a different count.
"""

import csv
import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from hhprod.planning.models import ShootDay, Strip
from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS
from hhprod.shooting.models import Take

from ..database import wipe_office_records

pytestmark = pytest.mark.django_db

SIZES = {
    "small": {"days": 40, "takes": 200, "people": 4},
    "large": {"days": 120, "takes": 2000, "people": 13},
}

# Queries per report page, the session and the user included.
PAGE_QUERIES = {
    "schedule": 13,
    "scenes": 8,  # the scenes a page at a time: their count; the scenes completed per day
    "wearers": 5,
    "rigs": 8,
    "take-log": 9,  # the rig units' list in the filter
    "day-out-of-days": 9,
    "call-sheet": 16,  # the cast's codes (the Day Out of Days' dates, shoot days, calendar entries); cast IDs; pages
    "production-report": 21,  # the scene numbers by state, the script, the performers and their codes
}
# Queries per CSV, read to its end (a streamed file runs its queries as it is read).
CSV_QUERIES = {
    "schedule": 11,
    "scenes": 6,  # the per-day table is built, though the CSV holds the scenes alone
    "wearers": 4,
    "rigs": 4,
    "take-log": 4,
    "day-out-of-days": 8,
    "call-sheet": 14,
    "production-report": 20,
}


@pytest.fixture(scope="module", params=SIZES)
def production(request, django_db_setup, django_db_blocker):
    """Generated once per size for the whole module (each test's own writes are rolled back)."""
    with django_db_blocker.unblock():
        call_command("generate_production", seed=5, stdout=io.StringIO(), **SIZES[request.param])
        plan_the_busiest_day(Production.objects.get())
        yield Production.objects.get()
        wipe_office_records()


def plan_the_busiest_day(production):
    """The synthetic production has takes but no plan: its busiest day's scenes go on strips, for the call sheet."""
    scenes = (
        Take.objects.filter(shoot_day=busiest_day(production)).order_by().values_list("scene", flat=True).distinct()
    )
    day = busiest_day(production)
    Strip.objects.bulk_create(Strip(shoot_day=day, scene_id=scene, order=n) for n, scene in enumerate(scenes, 1))


def busiest_day(production):
    return ShootDay.objects.filter(production=production).annotate(n=Count("takes")).order_by("-n", "number").first()


def report_url(production, slug, **params):
    """The report as it opens; a per-day report on the production's busiest day, where its tables are longest."""
    if REPORTS[slug].per_day:
        params["day"] = busiest_day(production).number
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("reports:report", args=[production.pk, slug]) + (f"?{query}" if query else "")


def test_every_report_has_its_counts():
    assert set(PAGE_QUERIES) == set(CSV_QUERIES) == set(REPORTS)


@pytest.mark.parametrize("slug", PAGE_QUERIES)
def test_report_page_queries_do_not_grow_with_the_production(production, staff_client, django_assert_num_queries, slug):
    url = report_url(production, slug)
    with django_assert_num_queries(PAGE_QUERIES[slug]):
        response = staff_client.get(url)
    assert response.status_code == 200
    assert response.context["content"].tables[0][1].rows


@pytest.mark.parametrize("slug", CSV_QUERIES)
def test_csv_queries_do_not_grow_with_the_production(production, staff_client, django_assert_num_queries, slug):
    url = report_url(production, slug, export="csv")
    with django_assert_num_queries(CSV_QUERIES[slug]):
        response = staff_client.get(url)
        body = b"".join(response.streaming_content).decode()
    assert len(list(csv.reader(io.StringIO(body)))) > 1


def test_take_log_csv_has_every_take_of_the_production(production, staff_client):
    response = staff_client.get(report_url(production, "take-log", export="csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1 + Take.objects.filter(shoot_day__production=production).count()


def test_take_log_page_shows_fifty_and_counts_them_all(production, staff_client):
    table = staff_client.get(report_url(production, "take-log")).context["content"].tables[0][1]
    assert len(table.page.object_list) == 50
    assert table.paginator.count == Take.objects.filter(shoot_day__production=production).count()


def test_schedule_shows_every_day_on_one_page(production, staff_client):
    page = staff_client.get(report_url(production, "schedule"))
    days = page.context["content"].tables[0][1]
    assert len(days.rows) == ShootDay.objects.filter(production=production).count()
    assert "pagination" not in page.content.decode()
