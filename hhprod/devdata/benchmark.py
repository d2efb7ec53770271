"""What `make bench` measures: each page against the bare SQL that computes its numbers.

A Page is a name, a URL and the hand-written SQL for the rows and numbers it shows
(a changelist: its page of 100 rows with their aggregates, and its count; a report:
the aggregates behind its figures and its page of rows; an export: all its rows).
The pages are listed in admin_pages.py and report_pages.py; both take their ids
from a context of the generated production (`context_of`).
"""

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count
from django.urls import reverse

from hhprod.planning.models import ShootDay
from hhprod.reports.writers.pdf import PDF_MAX_ROWS
from hhprod.shooting.models import Take


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[dict], str]
    # Each statement is SQL, or {vendor: SQL} where SQLite and PostgreSQL spell it differently.
    bare_sql: tuple[str | dict, ...] = ()
    # An export's floor instead (export_floors.py): floor(context) writes the same rows the cheapest way.
    floor: Callable[[dict], None] | None = None


def report_url(slug, query=""):
    """A report page or export of the generated production; `query` may name context keys: "day={busiest_number}"."""
    return lambda context: (
        reverse("reports:report", args=[context["production"], slug]) + ("?" + query.format(**context) if query else "")
    )


def context_of(production):
    """The ids and values a page's URL and bare SQL refer to: the production and its busiest day."""
    busiest = (
        ShootDay.objects.filter(production=production)
        .annotate(take_count=Count("takes"))
        .order_by("-take_count", "number")
        .first()
    )
    # The most takes one credited rig wearer (the take log's wearer filter offers no one else) has on
    # one day that a take log PDF prints: at 100,000 takes, a PDF near its row limit.
    printable = (
        Take.objects.filter(
            shoot_day__production=production, wearer__credits__production=production, wearer__credits__wears_rig=True
        )
        .values("shoot_day__number", "wearer")
        .annotate(takes=Count("pk"))
        .filter(takes__lte=PDF_MAX_ROWS)
        .order_by("-takes", "shoot_day__number", "wearer")
        .first()
    )
    return {
        "production": production.pk,
        "busiest_day": busiest.pk,
        "print_day": printable["shoot_day__number"],
        "print_wearer": printable["wearer"],
        "busiest_number": busiest.number,
        "busiest_on": busiest.actual_date or busiest.scheduled_date,
    }


def fetch(client, url):
    """One request, its whole body read (a streamed export is generated only as it is read) and
    let go chunk by chunk, as a socket would: the peak memory is the server's, not a copy of the file."""
    response = client.get(url)
    size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
    return response.status_code, size


def count_queries(action):
    """Queries run by `action`, counted as they reach the database. (CaptureQueriesContext reads
    connection.queries, which each request clears at its start, so it miscounts a test-client request.)"""
    ran = []

    def counter(execute, sql, params, many, context):
        ran.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        action()
    return len(ran)


def run_bare_sql(statements, context):
    with connection.cursor() as cursor:
        for sql in statements:
            sql = sql[connection.vendor] if isinstance(sql, dict) else sql
            cursor.execute(sql, context if "%(" in sql else None)
            cursor.fetchall()


def timed_ms(action):
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def measure(page, client, context, runs):
    """Median time, queries and peak Python memory of one page, and the median of its bare SQL,
    taken in turns so that both see the same machine load."""
    url = page.url(context)
    status, size = fetch(client, url)  # warm-up; the page must answer
    if status != 200:
        raise RuntimeError(f"{page.name}: {url} answered {status}")
    queries = count_queries(lambda: fetch(client, url))
    tracemalloc.start()
    fetch(client, url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    page_times, sql_times = [], []
    for _ in range(runs):
        page_times.append(timed_ms(lambda: fetch(client, url)))
        if page.floor:
            sql_times.append(timed_ms(lambda: page.floor(context)))
        elif page.bare_sql:
            sql_times.append(timed_ms(lambda: run_bare_sql(page.bare_sql, context)))
    page_ms = statistics.median(page_times)
    sql_ms = statistics.median(sql_times) if sql_times else None
    return {
        "page": page.name,
        "url": url,
        "bytes": size,
        "queries": queries,
        "median_ms": round(page_ms, 2),
        "bare_sql_ms": round(sql_ms, 2) if sql_ms is not None else None,
        "ratio": round(page_ms / sql_ms, 1) if sql_ms else None,
        "peak_kib": round(peak / 1024),
        "floor_peak_kib": floor_peak_kib(page, context),
    }


def floor_peak_kib(page, context):
    """The floor's own peak Python memory, beside the export's."""
    if not page.floor:
        return None
    tracemalloc.start()
    page.floor(context)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 1024)
