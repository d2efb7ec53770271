"""The benchmark's pages answer and their bare SQL runs, on SQLite and PostgreSQL alike."""

import io

import pytest
from django.core.management import call_command

from hhprod.bench.admin_pages import ADMIN_PAGES
from hhprod.bench.benchmark import context_of, measure, run_bare_sql
from hhprod.bench.report_pages import REPORT_PAGES
from hhprod.productions.models import Production

pytestmark = pytest.mark.django_db


@pytest.fixture
def production():
    call_command("generate_production", days=20, takes=150, people=4, seed=2, stdout=io.StringIO())
    return Production.objects.get()


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bench", "bench@example.com", password=None))
    return client


@pytest.mark.parametrize("page", ADMIN_PAGES + REPORT_PAGES, ids=lambda page: page.name)
def test_every_pages_bare_sql_runs(production, page):
    run_bare_sql(page.bare_sql, context_of(production))


def test_measure_counts_the_queries_of_each_request(production, staff_client):
    take_log = next(page for page in REPORT_PAGES if page.name == "report: take log")
    result = measure(take_log, staff_client, context_of(production), runs=1)
    assert result["queries"] == 8
    assert result["bare_sql_ms"] > 0 and result["median_ms"] > 0 and result["peak_kib"] > 0
