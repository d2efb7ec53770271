import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test import Client
from django.test.utils import setup_test_environment, teardown_test_environment
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from hhprod.devdata.synthetic import Plan, generate
from hhprod.imports.mapping import guess
from hhprod.imports.models import TakeImportUpload
from hhprod.imports.takefiles import read_take_log
from hhprod.imports.takeresource import TakeResource
from hhprod.imports.tasks import check_take_log, import_take_log
from hhprod.jobs.models import Job
from hhprod.shooting.models import Take

from .benchmark_import import TAKE_FIELDS, bulk_insert, clear, excel_workbook, timed


class Command(BaseCommand):
    help = (
        "Time a take log's way through the task queue, as the admin sends it: the upload held, the check "
        "and the import each run by a worker process (manage.py db_worker --batch), in a fresh throwaway "
        "database (SQLite files, or on the DATABASE_URL server). Prints, per size: the check's and the "
        "import's time in the worker, upload to done (worker starts included), the import's floor (a bulk "
        "insert of the same takes and history) and the ratio, the day page's latency idle and while the "
        "import runs, and the worker's peak memory (its maximum resident size: the check's worker / the import's)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="20000,50000,200000", help="Rows per file, comma-separated.")
        parser.add_argument("--format", default="csv", choices=["csv", "xlsx"])

    def handle(self, *args, sizes, format, **options):
        try:
            rows = [int(size) for size in sizes.split(",")]
        except ValueError:
            raise CommandError(f"--sizes takes whole numbers separated by commas (got {sizes!r}).") from None
        self.stdout.write(
            f"{connections['default'].vendor}, {format}: seconds; the floor is bulk_create of the same takes + history"
        )
        self.stdout.write(
            f"{'rows':>7} {'bytes':>11} {'check s':>8} {'import s':>9} {'to done s':>10} {'floor s':>8} "
            f"{'import/floor':>13} {'day ms idle':>12} {'day ms busy':>12} {'worker MiB':>11}"
        )
        setup_test_environment(debug=False)
        try:
            for size in rows:
                self.in_new_databases(size, format)
        finally:
            teardown_test_environment()

    def in_new_databases(self, size, kind):
        """The site's and the queue's databases made afresh (files on SQLite), which the worker is pointed at."""
        with tempfile.TemporaryDirectory() as folder:
            names = {}
            for alias in ("default", "tasks") if settings.TASKS_DATABASE_SEPARATE else ("default",):
                connection = connections[alias]
                if connection.vendor == "sqlite":
                    connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / f"{alias}.sqlite3")
                names[alias] = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            try:
                self.measure(size, kind)
            finally:
                for alias, old_name in names.items():
                    connections[alias].creation.destroy_test_db(old_name, verbosity=0)

    def worker(self):
        """`manage.py db_worker --batch` on these databases: its wall time and peak resident MiB."""
        default = connections["default"].settings_dict
        if connections["default"].vendor == "sqlite":
            database = {"SQLITE_PATH": default["NAME"], "SQLITE_TASKS_PATH": connections["tasks"].settings_dict["NAME"]}
        else:
            database = {
                "DATABASE_URL": f"postgres://{default['USER']}:{default['PASSWORD']}@{default['HOST']}:"
                f"{default['PORT']}/{default['NAME']}"
            }
        environment = {**os.environ, **database, "DEBUG": "0", "SECRET_KEY": "benchmark-only", "DEVDATA": "1"}
        command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v0"]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment, stdout=subprocess.DEVNULL)
        # Its own high-water mark, read while it runs: the rusage of a child counts the parent's
        # pages it was forked with, this benchmark's generated production among them.
        peak = 0
        while process.poll() is None:
            peak = max(peak, high_water_mib(process.pid))
            time.sleep(0.1)
        if process.returncode:
            raise CommandError(f"The worker failed (exit {process.returncode}).")
        return time.perf_counter() - started, peak

    def measure(self, size, kind):
        generate(Plan(days=120, takes=size, people=13, seed=1))
        production = Take.objects.select_related("scene__production").first().scene.production
        takes = TakeResource().export(
            Take.objects.filter(scene__production=production).select_related(
                "shoot_day", "scene", "camera", "rig_unit__rig", "rig", "wearer"
            )
        )
        data = takes.export("csv").encode() if kind == "csv" else excel_workbook(takes)
        floor_rows = [Take(**row) for row in Take.objects.values(*TAKE_FIELDS)]
        clear()
        floor = timed(bulk_insert, floor_rows)[1]
        clear()
        del floor_rows

        user = User.objects.create_superuser("bench", password="bench-only")
        client = Client()
        client.force_login(user)
        day_page = f"{reverse('today:day')}?production={production.pk}"
        idle = latencies(client, day_page, lambda: len(idle_times) < 20, idle_times := [])

        begun = time.perf_counter()
        columns = guess(read_take_log(data, kind, checked=False).headers, production)
        held = TakeImportUpload.objects.create(
            user=user, production=production, file_name=f"bench.{kind}", kind=kind, data=data,
            mapping={"columns": columns, "day": None, "skip_logged": False},
        )  # fmt: skip
        Job.objects.start(check_take_log, user, "Checking", upload=str(held.pk))
        _, check_peak = self.worker()
        Job.objects.start(import_take_log, user, "Importing", upload=str(held.pk))
        busy_times, done = [], threading.Event()
        watcher = threading.Thread(target=latencies, args=(client, day_page, lambda: not done.is_set(), busy_times))
        watcher.start()
        try:
            _, import_peak = self.worker()
        finally:
            done.set()
            watcher.join()
        to_done = time.perf_counter() - begun
        if Take.objects.filter(scene__production=production).count() != size:
            said = [task.return_value for task in DBTaskResult.objects.order_by("enqueued_at")]
            raise CommandError(f"The import of {size:,} rows did not import every row: {str(said)[:2000]}")
        check, imported = (
            (task.finished_at - task.started_at).total_seconds()
            for task in DBTaskResult.objects.order_by("enqueued_at")
        )
        self.stdout.write(
            f"{size:>7,} {len(data):>11,} {check:>8.2f} {imported:>9.2f} {to_done:>10.2f} {floor:>8.2f} "
            f"{imported / floor:>12.1f}x {median_ms(idle)} {median_ms(busy_times)} "
            f"{f'{check_peak:.0f}/{import_peak:.0f}':>11}"
        )


def high_water_mib(pid):
    """A running process's peak resident memory so far (Linux: VmHWM), 0 once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    kilobytes = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    return int(kilobytes) / 1024


def latencies(client, path, going, times):
    """The page asked for every 0.2 s while `going()`, as a few people reading it would, each answer's
    time kept (seconds); back to back, the asking took a core from the worker of a 2-core machine."""
    while going():
        started = time.perf_counter()
        if client.get(path).status_code != 200:
            raise CommandError(f"{path} did not answer 200.")
        times.append(time.perf_counter() - started)
        time.sleep(0.2)
    connections.close_all()
    return times


def median_ms(times):
    """Median and 95th percentile in ms, as "median/p95"."""
    if len(times) < 2:
        return f"{'—':>12}"
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"{statistics.median(times) * 1000:>5.0f}/{p95 * 1000:<6.0f}"
