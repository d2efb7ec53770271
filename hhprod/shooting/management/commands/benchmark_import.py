import tempfile
import time
import tracemalloc
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from hhprod.shooting.imports import TakeResource
from hhprod.shooting.models import Take
from hhprod.shooting.synthetic import Plan, generate
from hhprod.shooting.takefiles import read_take_log


class Command(BaseCommand):
    help = (
        "Time the take-log import of a file of each size (CSV and XLSX): reading it, the preview (dry run) "
        "and the import, in a fresh throwaway database (SQLite file, or the DATABASE_URL server)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,5000", help="Rows per file, comma-separated.")

    def handle(self, *args, sizes, **options):
        try:
            rows = [int(size) for size in sizes.split(",")]
        except ValueError:
            raise CommandError(f"--sizes takes whole numbers separated by commas (got {sizes!r}).") from None
        self.stdout.write(f"{connection.vendor}: seconds; peak MiB of Python memory while reading the file")
        self.stdout.write(
            f"{'rows':>6} {'format':<6} {'bytes':>9} {'read s':>7} {'read MiB':>9} {'preview s':>10} {'import s':>9}"
        )
        for size in rows:
            with tempfile.TemporaryDirectory() as folder:
                if connection.vendor == "sqlite":
                    # A file, like the served database, rather than the test runner's in-memory one.
                    connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / "bench.sqlite3")
                old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
                try:
                    self.measure(size)
                finally:
                    connection.creation.destroy_test_db(old_name, verbosity=0)

    def measure(self, size):
        """A synthetic production's takes written out as a take log, taken out again, and imported."""
        generate(Plan(days=120, takes=size, people=13, seed=1))
        production = Take.objects.select_related("scene__production").first().scene.production
        takes = TakeResource(production).export(Take.objects.filter(scene__production=production))
        files = {"csv": takes.export("csv").encode(), "xlsx": takes.export("xlsx")}
        for kind, data in files.items():
            with transaction.atomic():
                Take.history.all().delete()
                Take.objects.all().delete()
                dataset, read = timed(read_take_log, data, kind)
                memory = peak_memory(read_take_log, data, kind)
                preview, previewed = timed(TakeResource(production).import_data, dataset, dry_run=True)
                result, imported = timed(TakeResource(production).import_data, dataset, file_name=f"bench.{kind}")
                if result.has_errors() or result.has_validation_errors() or Take.objects.count() != size:
                    raise CommandError(f"The {kind} import of {size} rows did not import every row.")
                transaction.set_rollback(True)
            self.stdout.write(
                f"{size:>6} {kind:<6} {len(data):>9,} {read:>7.2f} {memory:>9.1f} {previewed:>10.2f} {imported:>9.2f}"
            )


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
