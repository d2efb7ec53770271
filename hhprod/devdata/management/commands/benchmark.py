import json
import platform
import tempfile
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment, teardown_test_environment

from hhprod.devdata.admin_pages import ADMIN_PAGES
from hhprod.devdata.benchmark import context_of, measure
from hhprod.devdata.report_pages import REPORT_PAGES
from hhprod.devdata.synthetic import Plan, generate
from hhprod.productions.models import Production

PAGES = [*ADMIN_PAGES, *REPORT_PAGES]


def floor_peak(row):
    return "" if row.get("floor_peak_kib") is None else f" (floor {row['floor_peak_kib']})"


class Command(BaseCommand):
    help = (
        "Time every page in hhprod/devdata/admin_pages.py and report_pages.py against its bare SQL, on a synthetic "
        "production of each size in a fresh throwaway database (SQLite, or the DATABASE_URL server)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,10000,100000", help="Takes per run, comma-separated.")
        parser.add_argument("--runs", type=int, default=5, help="Requests per page; the median is reported.")
        parser.add_argument(
            "--pages", default="", help="Only pages whose name contains one of these (comma-separated): 'report:,CSV:'."
        )
        parser.add_argument("--days", type=int, default=120)
        parser.add_argument("--people", type=int, default=13)
        parser.add_argument(
            "--json", dest="json_path", default="artifacts/bench.json", help="Results go under this database's key."
        )

    def handle(self, *args, sizes, runs, pages, days, people, json_path, **options):
        try:
            takes = [int(size) for size in sizes.split(",")]
        except ValueError as error:
            raise CommandError(f"--sizes takes whole numbers separated by commas (got {sizes!r}).") from error
        if runs < 1:
            raise CommandError(f"--runs must be at least 1 (got {runs}).")
        wanted = [part.strip().lower() for part in pages.split(",")]
        self.pages = [page for page in PAGES if any(part in page.name.lower() for part in wanted)]
        if not self.pages:
            raise CommandError(f"No page's name contains {pages!r}.")
        # DEBUG off, as the test runner has it: pages are timed without Django logging every query.
        setup_test_environment(debug=False)
        try:
            results = [self.run(Plan(days=days, takes=size, people=people, seed=1), runs) for size in takes]
        finally:
            teardown_test_environment()
        self.print_table(results)
        self.write_json(Path(json_path), results, runs)

    def run(self, plan, runs):
        """One size: a new database, the production, then every page."""
        with tempfile.TemporaryDirectory() as folder:
            if connection.vendor == "sqlite":
                # A file, like the real thing, rather than the test runner's in-memory database.
                connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / "bench.sqlite3")
            old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            try:
                return self.measure_size(plan, runs)
            finally:
                connection.creation.destroy_test_db(old_name, verbosity=0)

    def measure_size(self, plan, runs):
        started = time.perf_counter()
        generate(plan)
        generated = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics, as a database in use would have
        production = Production.objects.get(title=plan.title)
        client = Client()
        client.force_login(get_user_model().objects.create_superuser("bench", "bench@example.com", password=None))
        context = context_of(production)
        self.stderr.write(f"{plan.takes} takes generated in {generated:.1f} s; measuring {len(self.pages)} pages")
        return {
            "takes": plan.takes,
            "generate_seconds": round(generated, 2),
            "pages": [measure(page, client, context, runs) for page in self.pages],
        }

    def print_table(self, results):
        self.stdout.write(f"\n{connection.vendor}, median of the runs\n")
        self.stdout.write("| page | takes | queries | page ms | bare SQL (or floor) ms | page / SQL | peak KiB |")
        self.stdout.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for page in range(len(self.pages)):
            for size in results:
                row = size["pages"][page]
                sql = "—" if row["bare_sql_ms"] is None else f"{row['bare_sql_ms']:.1f}"
                ratio = "—" if row["ratio"] is None else f"{row['ratio']:.1f}x"
                self.stdout.write(
                    f"| {row['page']} | {size['takes']} | {row['queries']} | {row['median_ms']:.1f} | {sql} "
                    f"| {ratio} | {row['peak_kib']}{floor_peak(row)} |"
                )
        for page in range(len(self.pages)):
            counts = {size["pages"][page]["queries"] for size in results}
            if len(counts) > 1:
                self.stdout.write(f"Query count changes with size: {self.pages[page].name} {sorted(counts)}")

    def write_json(self, path, results, runs):
        path.parent.mkdir(parents=True, exist_ok=True)
        everything = json.loads(path.read_text()) if path.exists() else {}
        everything[connection.vendor] = {
            "server": connection.Database.sqlite_version if connection.vendor == "sqlite" else connection.pg_version,
            "python": platform.python_version(),
            "runs": runs,
            "sizes": results,
        }
        path.write_text(json.dumps(everything, indent=1) + "\n")
        self.stdout.write(f"Written to {path}")
