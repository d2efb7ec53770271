"""Take-log import: a script supervisor's log or a camera report, as CSV, XLSX or ALE, into takes.

All or nothing: every row is checked (dry run or not) and one bad row rolls the whole
file back. The production's days, scenes, rigs, cameras, wearers and logged takes are read
once per file. The rows stream from the file (takefiles.TakeLog) a batch at a time: a batch
of takes is written inside the file's transaction, their history rows copied from them by the
database (hhprod/lib/history.py), and let go; what is kept of a row is its key, for takes twice
in the file, and a line of its fate while fewer than `most` are listed. A 50,000-row file
imports in about 15 s and holds SQLite's write lock that long; it runs in a worker (tasks.py).
Errors name the row (1 = the first take under the header), the column and the reason.
A take already logged, in the database or earlier in the file, is refused; or skipped, when
the import is asked to add only the takes not yet logged (a day's file imported again).

The file's columns are first mapped to the take log's (mapping.py); each row is then checked
(rowchecks.py), its cells read into a take's fields (setrows.py). Rig, unit and wearer, which
no set tool knows, come from the day's plan where the file has none: the unit is the one the
take's camera was mounted on that day, else the strip's planned unit; the wearer is the strip's
planned wearer; the rig is the unit's version, else the one the scene's breakdown plans.
"""

from django.db import IntegrityError, transaction

from hhprod.lib.formatting import minutes_seconds
from hhprod.lib.history import bulk_create_with_history
from hhprod.shooting.models import Take

from .filekeys import KeysInFile
from .mapping import ALL_COLUMNS
from .rowchecks import READ, RowChecksMixin
from .setrows import SetRowsMixin
from .setvalues import date_order
from .takefiles import OTHERS, FileRefused

SHOWN_SCENES = 20  # new scenes named in an import's summary; the rest counted
EVERY = 500  # rows between two reports of progress: a few a second
BATCH = 1000  # rows per INSERT: SQLite allows 32,766 parameters, a take has 20 columns


class TakeImport(RowChecksMixin, SetRowsMixin):
    """One take log's import into a production, or its dry run: `run(log)`, then `passed`, `lines()`
    (each row's fate: why it was refused, or what the import did or would do with it), `new`,
    `skipped`, `refused_as_logged`, `afterword()`.

    With `fates` off (a confirm, which only counts), only refusals are worded; with `most`, up to
    that many refused rows and that many others are worded, the rest counted.
    """

    def __init__(
        self, production, fps=None, skip_logged=False, day=None, date_order=None, progress=None, fates=True, most=None
    ):
        self.production = production
        self.fps = fps  # the file's frame rate, when the command or the ALE heading gives it
        self.date_order = date_order  # DAY_FIRST or MONTH_FIRST as chosen; else found from the file's dates
        self.skip_logged = skip_logged
        self.day = day  # the shoot day's number for a file with no Day or Date column (an AC's camera report)
        self.progress = progress  # progress(done, total), told every EVERY rows (jobs.models.Progress)
        self.fates = fates
        self.most = most
        self.file_refusal = ""
        self.new = 0
        self.skipped = 0
        self.refused = 0
        self.refused_as_logged = 0  # rows refused as takes already logged: the preview offers to skip them
        self.new_scenes = []
        self.seen = KeysInFile()  # the row that first had each take
        self.readers = [(attribute, column, getattr(self, f"clean_{attribute}")) for attribute, column in READ]
        self.worded = {"refused": [], "passed": []}  # (row, line), up to `most` rows of each
        self.unworded = {"refused": 0, "passed": 0}

    @property
    def passed(self):
        return not self.file_refusal and not self.refused

    def run(self, log, dry_run=False, user=None, file_name=None, total=None):
        """Check every row of `log` (a TakeLog, or anything with `headers` and rows) and, unless a dry
        run or a row is refused, write the takes; `total` is the rows expected, for `progress`."""
        self.user = user  # each take's history row says who imported it from which file
        self.reason = f"Imported from {file_name}" if file_name else "Imported"
        try:
            with transaction.atomic():
                self.check_and_write(log, dry_run, total)
                if dry_run or not self.passed:
                    transaction.set_rollback(True)  # the scenes a file named are undone with its takes
        except FileRefused as refusal:  # a limit met part-way down the file: what was written is undone
            self.file_refusal = str(refusal)
        return self

    def check_and_write(self, log, dry_run, total):
        headers = self.checked_headers(log)
        self.fps = self.fps or getattr(log, "fps", None)
        if "Date" in headers and not self.date_order:
            self.date_order = self.file_date_order(log, headers.index("Date"))
        self.read_production()
        empty = dict.fromkeys([*ALL_COLUMNS, OTHERS])
        if self.day and "Day" not in headers and "Date" not in headers:
            empty["Day"] = self.day
        batch = []
        blanks = []  # blank rows are checked only once a row with something in it follows them
        number = 0
        for number, cells in enumerate(log, 1):
            row = {**empty, **dict(zip(headers, cells, strict=True))}
            if cells.count(None) + cells.count("") == len(cells):  # a blank row, counted in C
                blanks.append(number)
                continue
            for blank in blanks:
                self.check(blank, empty, batch)
            blanks = []
            self.check(number, row, batch)
            if len(batch) >= BATCH:
                self.flush(batch, dry_run)
            if number % BATCH == 0:
                self.seen.settle()
            if self.progress and number % EVERY == 0:
                self.progress(number, total)
        self.flush(batch, dry_run)
        if number == len(blanks):
            raise FileRefused("The file has no takes under its header row.")

    def file_date_order(self, log, column):
        """The file's date order, from its dates (setvalues.date_order): read until one decides it."""
        try:
            return date_order((number, cells[column]) for number, cells in enumerate(log, 1))
        except FileRefused:
            return None  # a limit met down the file: the rows' own pass meets it, undoing what it wrote
        except ValueError as error:
            raise FileRefused(str(error)) from None

    def flush(self, batch, dry_run):
        """The batch's takes, written unless a dry run or a row has been refused; the batch emptied."""
        raced = self.write(batch) if not dry_run and self.passed and batch else set()
        for take in batch:
            if take.import_row not in raced:
                self.new += 1
                if self.listed("passed"):
                    self.worded["passed"].append((take.import_row, [f"Row {take.import_row}: {new_take(take)}"]))
        batch.clear()

    def write(self, takes):
        """A batch of takes and their history rows, inside the file's transaction, which is rolled
        back whole if a later row is refused; the rows of the takes someone else logged first."""
        try:
            with transaction.atomic():
                bulk_create_with_history(takes, Take, user=self.user, reason=self.reason, batch_size=BATCH)
                return set()
        except IntegrityError:
            # Another import or editor logged some of these takes between our check and our write.
            logged = set(
                Take.objects.filter(scene__in={take.scene_id for take in takes}).values_list(
                    "scene_id", "setup", "number"
                )
            )
            raced = [take for take in takes if (take.scene_id, take.setup, take.number) in logged]
            if not raced:
                raise
            for take in raced:
                message = f"Scene {take.setup_name} take {take.number} was logged by someone else just now."
                self.refuse(take.import_row, {"number": [message]})
            return {take.import_row for take in raced}

    def afterword(self):
        """What the import did besides adding takes: "; new scenes 12, 14A; 2 takes already logged, skipped"."""
        scenes = self.new_scenes[:SHOWN_SCENES]
        more = f" and {len(self.new_scenes) - SHOWN_SCENES:,} more" if len(self.new_scenes) > SHOWN_SCENES else ""
        return (f"; new scenes {', '.join(scenes)}{more}" if scenes else "") + (
            f"; {self.skipped:,} takes already logged, skipped" if self.skipped else ""
        )


def new_take(take):
    camera = f", camera {take.camera.serial}" if take.camera_id else ""
    unit = f", unit {take.rig_unit}" if take.rig_unit_id else ""
    planned = f"; {', '.join(take.sources)}" if take.sources else ""
    return (
        f"new take, scene {take.setup_name} take {take.number} on day {take.shoot_day.number}, "
        f"{minutes_seconds(take.length)}, rig {take.rig.name}{unit}{camera}, worn by {take.wearer.name}, "
        f"{take.get_status_display()}{planned}"
    )
