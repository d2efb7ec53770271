import io
import tempfile
import time
import tracemalloc
from pathlib import Path

import xlsxwriter
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import setup_test_environment, teardown_test_environment

from hhprod.devdata.synthetic import Plan, generate
from hhprod.imports.imports import BATCH, TakeImport
from hhprod.imports.mapping import applied, guess
from hhprod.imports.takefiles import read_take_log
from hhprod.imports.takeresource import TakeResource
from hhprod.imports.tasks import SHOWN_FATES, SHOWN_REFUSALS
from hhprod.lib.history import bulk_create_with_history
from hhprod.shooting.models import Take

# What the floor writes: every column of a take the import writes.
TAKE_FIELDS = [field.attname for field in Take._meta.concrete_fields if field.attname != "id"]


class Command(BaseCommand):
    help = (
        "Time the take-log import of a file of each size against its floor in the same run: the floor is a "
        "bulk insert of the same takes and their history rows, with no reading and no checks. Reading the "
        "file, mapping its columns, the preview (dry run) and the import are timed, in a fresh throwaway "
        "database (SQLite file, or the DATABASE_URL server); --memory adds the import's peak Python memory. "
        "With --runs, each time is the fastest of that many runs, the import's and its floor's alike."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,5000", help="Rows per file, comma-separated.")
        parser.add_argument("--formats", default="csv,xlsx", help="File formats, comma-separated (csv, xlsx).")
        parser.add_argument("--memory", action="store_true", help="Also trace the import's peak memory (slow).")
        parser.add_argument("--runs", type=int, default=1, help="Runs of each step; the fastest is shown.")

    def handle(self, *args, sizes, formats, memory, runs, **options):
        try:
            rows = [int(size) for size in sizes.split(",")]
        except ValueError:
            raise CommandError(f"--sizes takes whole numbers separated by commas (got {sizes!r}).") from None
        kinds = formats.split(",")
        if unknown := set(kinds) - {"csv", "xlsx"}:
            raise CommandError(f"--formats takes csv and xlsx (got {', '.join(sorted(unknown))}).")
        if runs < 1:
            raise CommandError(f"--runs takes a whole number from 1 (got {runs}).")
        self.runs = runs
        self.stdout.write(f"{connection.vendor}: seconds; the floor is bulk_create of the same takes + history")
        self.stdout.write(
            f"{'rows':>6} {'format':<6} {'bytes':>10} {'read s':>7} {'preview s':>10} {'import s':>9} "
            f"{'floor s':>8} {'import/floor':>13} {'peak MiB':>9}"
        )
        # DEBUG off, as served: the import is timed without Django logging every query.
        setup_test_environment(debug=False)
        try:
            for size in rows:
                self.measure_in_new_database(size, kinds, memory)
        finally:
            teardown_test_environment()

    def measure_in_new_database(self, size, kinds, memory):
        with tempfile.TemporaryDirectory() as folder:
            if connection.vendor == "sqlite":
                # A file, like the served database, rather than the test runner's in-memory one.
                connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / "bench.sqlite3")
            old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            try:
                self.measure(size, kinds, memory)
            finally:
                connection.creation.destroy_test_db(old_name, verbosity=0)

    def measure(self, size, kinds, memory):
        """A synthetic production's takes written out as a take log, taken out again, and imported."""
        generate(Plan(days=120, takes=size, people=13, seed=1))
        production = Take.objects.select_related("scene__production").first().scene.production
        takes = TakeResource().export(
            Take.objects.filter(scene__production=production).select_related(
                "shoot_day", "scene", "camera", "rig_unit__rig", "rig", "wearer"
            )
        )
        files = {"csv": lambda: takes.export("csv").encode(), "xlsx": lambda: excel_workbook(takes)}
        rows = list(Take.objects.values(*TAKE_FIELDS))
        for kind in kinds:
            data = files[kind]()
            with transaction.atomic():
                clear()
                read = self.fastest(read_take_log, data, kind)
                previewed = self.fastest(import_file, production, data, kind, dry_run=True)
                imported = floor = float("inf")
                for _ in range(self.runs):
                    result, seconds = timed(import_file, production, data, kind)
                    if not result.passed or Take.objects.count() != size:
                        raise CommandError(f"The {kind} import of {size} rows did not import every row.")
                    imported = min(imported, seconds)
                    clear()
                    floor = min(floor, timed(bulk_insert, [Take(**row) for row in rows])[1])
                    clear()
                peak = peak_memory(import_file, production, data, kind) if memory else None
                transaction.set_rollback(True)
            self.stdout.write(
                f"{size:>6} {kind:<6} {len(data):>10,} {read:>7.2f} {previewed:>10.2f} {imported:>9.2f} "
                f"{floor:>8.2f} {imported / floor:>12.1f}x {'' if peak is None else f'{peak:.0f}':>9}"
            )

    def fastest(self, function, *args, **kwargs):
        return min(timed(function, *args, **kwargs)[1] for _ in range(self.runs))


def excel_workbook(dataset):
    """The take log as Excel and set tools save a workbook: its text in the shared-strings table.
    (tablib's writer, openpyxl, puts every string inline instead, as no set tool's workbook does.)"""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, dataset.headers)
    for row, values in enumerate(dataset, start=1):
        sheet.write_row(row, 0, values)
    book.close()
    return out.getvalue()


def import_file(production, data, kind, dry_run=False):
    """What the admin's preview (a dry run) and confirm do with a file held since its upload: read
    it, map its columns, import it."""
    log = read_take_log(data, kind, checked=False)
    mapped, _ = applied(log, guess(log.headers, production))
    take_import = TakeImport(production, fates=dry_run, most=SHOWN_FATES if dry_run else SHOWN_REFUSALS)
    return take_import.run(mapped, dry_run=dry_run, file_name=f"bench.{kind}")


def bulk_insert(takes):
    """The floor: the same takes and their history rows written in bulk, unread and unchecked."""
    bulk_create_with_history(takes, Take, batch_size=BATCH)


def clear():
    Take.history.all().delete()
    Take.objects.all().delete()


def timed(function, *args, **kwargs):
    """The function's result and its time in seconds."""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def peak_memory(function, *args):
    """The most Python memory (MiB) the call held at once."""
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
