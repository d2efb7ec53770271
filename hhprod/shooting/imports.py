"""Take-log import: a script supervisor's log or a camera report, as CSV, XLSX or ALE, into takes.

All or nothing: every row is checked (dry run or not) and one bad row rolls the whole
file back. The production's days, scenes, rigs, cameras, wearers and logged takes are read
once per file. The rows stream from the file (takefiles.TakeLog) a batch at a time: a batch
of takes is written inside the file's transaction, their history rows copied from them by the
database (hhprod/lib/history.py), and let go; what is kept of a row is its key, for takes twice
in the file, and a line of its fate while fewer than `most` are listed. A 50,000-row file
imports in about 15 s and holds SQLite's write lock that long.
Errors name the row (1 = the first take under the header), the column and the reason.
A take already logged, in the database or earlier in the file, is refused; or skipped, when
the import is asked to add only the takes not yet logged (a day's file imported again).

The file's columns are first mapped to the take log's (mapping.py). Rig, unit and wearer, which
no set tool knows, come from the day's plan where the file has none: the unit is the one the
take's camera was mounted on that day, else the strip's planned unit; the wearer is the strip's
planned wearer; the rig is the unit's version, else the one the scene's breakdown plans.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from import_export import fields, resources, widgets

from hhprod.lib.history import bulk_create_with_history
from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig

from .filekeys import KeysInFile
from .import_progress import EVERY
from .mapping import ALL_COLUMNS, COLUMNS
from .models import Scene, ShootDay, Take, minutes_seconds
from .setrows import SetRowsMixin
from .takefiles import FileRefused

REQUIRED = ["Scene", "Take"]

# Each take field, the column it is read from and in this order: a later field's plan fallback
# reads the earlier ones (the unit the day and camera, the rig the unit).
READ = [
    ("shoot_day", "Day"), ("scene", "Scene"), ("setup", "Setup"), ("number", "Take"), ("length", "Length"),
    ("camera", "Camera"), ("rig_unit", "Unit"), ("rig", "Rig"), ("wearer", "Wearer"), ("status", "Status"),
    ("roll", "Roll"), ("clip_name", "Clip"), ("resolution", "Resolution"), ("frame_rate", "FPS"),
    ("notes", "Notes"),
]  # fmt: skip
COLUMN_OF = dict(READ)
# Not validated again by full_clean: the foreign keys, found among the production's records read
# once, and the fields no column fills, which hold the model's own defaults.
FOUND = ["scene", "shoot_day", "rig", "camera", "wearer", "rig_unit"]
UNREAD = [field.name for field in Take._meta.concrete_fields if field.name not in COLUMN_OF]
# A new take's every field at its default (each a plain value, safe to share), in the model's order:
# Take(*NEW_TAKE) is Take() without asking each field for its default, 8 µs a row instead of 18.
NEW_TAKE = tuple(field.get_default() for field in Take._meta.concrete_fields)
SHOWN_SCENES = 20  # new scenes named in an import's summary; the rest counted
BATCH = 1000  # rows per INSERT: SQLite allows 32,766 parameters, a take has 20 columns


class LengthWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return "" if value is None else minutes_seconds(value)


class NameWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class StatusWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return Take.Status(value).label if value else ""


class TakeResource(resources.ModelResource):
    """The take log's columns as django-import-export writes them: the admin's upload form offers
    this resource, and the import benchmark writes its files with it. TakeImport reads them."""

    day = fields.Field("shoot_day", "Day", widgets.ForeignKeyWidget(ShootDay, "number"))
    date = fields.Field("shoot_day__actual_date", "Date", widgets.DateWidget("%Y-%m-%d"), readonly=True)
    scene = fields.Field("scene", "Scene", widgets.ForeignKeyWidget(Scene, "number"))
    setup = fields.Field("setup", "Setup")
    number = fields.Field("number", "Take")
    length = fields.Field("length", "Length", LengthWidget())
    camera = fields.Field("camera", "Camera", widgets.ForeignKeyWidget(Camera, "serial"))
    unit = fields.Field("rig_unit", "Unit", NameWidget())
    rig = fields.Field("rig", "Rig", widgets.ForeignKeyWidget(Rig, "name"))
    wearer = fields.Field("wearer", "Wearer", widgets.ForeignKeyWidget(Person, "name"))
    status = fields.Field("status", "Status", StatusWidget())
    roll = fields.Field("roll", "Roll")
    clip = fields.Field("clip_name", "Clip")
    resolution = fields.Field("resolution", "Resolution")
    fps = fields.Field("frame_rate", "FPS")
    notes = fields.Field("notes", "Notes")

    class Meta:
        model = Take
        fields = [
            "day", "date", "scene", "setup", "number", "length", "camera", "unit", "rig", "wearer", "status",
            "roll", "clip", "resolution", "fps", "notes",
        ]  # fmt: skip


class TakeImport(SetRowsMixin):
    """One take log's import into a production, or its dry run: `run(log)`, then `passed`, `lines()`
    (each row's fate: why it was refused, or what the import did or would do with it), `new`,
    `skipped`, `refused_as_logged`, `afterword()`.

    With `fates` off (a confirm, which only counts), only refusals are worded; with `most`, up to
    that many refused rows and that many others are worded, the rest counted.
    """

    def __init__(self, production, fps=None, skip_logged=False, day=None, progress=None, fates=True, most=None):
        self.production = production
        self.fps = fps  # the file's frame rate, when the command or the ALE heading gives it
        self.skip_logged = skip_logged
        self.day = day  # the shoot day's number for a file with no Day or Date column (an AC's camera report)
        self.progress = progress  # progress(done, total), told every EVERY rows (import_progress.py)
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
        self.read_production()
        empty = dict.fromkeys(ALL_COLUMNS)
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

    def checked_headers(self, log):
        headers = [str(header or "").strip() for header in log.headers or []]
        if unknown := [header for header in headers if header not in ALL_COLUMNS]:
            raise FileRefused(f"Column {unknown[0]!r} is not a take-log column: map it to one, or to nothing.")
        missing = [name for name in REQUIRED if name not in headers]
        if "Day" not in headers and "Date" not in headers and not self.day:
            missing.insert(0, "Day or Date")
        if "Length" not in headers and not {"TC In", "TC Out"} <= set(headers):
            missing.append("Length (or TC In and TC Out)")
        if missing:
            raise FileRefused(f"The file has no {' column, no '.join(missing)} column.")
        return headers

    def read_production(self):
        """What the rows are checked against, read once: a query per row made a 5,000-row file take minutes."""
        days = list(ShootDay.objects.filter(production=self.production))
        for day in days:
            day.production = self.production
        self.days = {day.number: day for day in days}
        self.days_by_date = {day.actual_date: day for day in reversed(days) if day.actual_date}
        scenes = Scene.objects.filter(production=self.production).select_related("rig")
        self.scenes = {scene.number: scene for scene in scenes}
        for scene in self.scenes.values():
            scene.production = self.production
        # By their names' keys: a name typed in any case finds its one record (hhprod.lib.names).
        self.rigs = {rig.name_key: rig for rig in Rig.objects.all()}
        self.cameras = {camera.serial: camera for camera in Camera.objects.all()}
        self.people = {person.name_key: person for person in Person.objects.all()}
        self.logged = set(
            Take.objects.filter(scene__production=self.production).values_list("scene_id", "setup", "number")
        )
        self.read_plan()

    def check(self, number, row, batch):
        """Read and check one row: refused (worded), skipped (counted), or a new take for the batch."""
        take = Take(*NEW_TAKE)
        errors = {}
        for attribute, column, clean in self.readers:
            try:
                setattr(take, attribute, clean(row[column], row, take))
            except ValueError as error:
                errors[attribute] = [str(error)]
            except ValidationError as error:  # a field's own validator (the setup's letters)
                errors[attribute] = error.messages
        key = (take.scene_id, take.setup, take.number)
        if self.skip_logged and take.scene_id and key in self.logged:
            self.skipped += 1
            if self.listed("passed"):
                line = f"Row {number}: scene {take.setup_name} take {take.number} is already logged: skipped"
                self.worded["passed"].append((number, [line]))
            return
        if take.scene_id and take.number and "number" not in errors and "setup" not in errors:
            in_file = self.seen.key(*key)
            where = ""
            if first := self.seen.first_row(in_file):
                where = f"in this file, in row {first}"
            elif key in self.logged:
                where = f"logged in {self.production}"
                self.refused_as_logged += 1
            if where:
                errors["number"] = [f"Scene {take.setup_name} take {take.number} is already {where}."]
            self.seen.add(in_file, number)
        try:
            # The foreign keys were found above and uniqueness checked against what was read; the
            # database checks both again when the takes are written. The model's clean() runs.
            take.full_clean(exclude=[*errors, *FOUND, *UNREAD], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        if errors:
            self.refuse(number, errors)
        else:
            take.import_row = number
            batch.append(take)

    def refuse(self, number, errors):
        self.refused += 1
        if self.listed("refused"):
            lines = []
            for attribute, messages in sorted(errors.items(), key=in_file_order):
                column = COLUMN_OF.get(attribute)
                place = f"Row {number}, {column}" if column else f"Row {number}"
                lines.extend(f"{place}: {message}" for message in messages)
            self.worded["refused"].append((number, lines))

    def listed(self, kind):
        """Whether the next row of `kind` ("refused", "passed") gets its lines; one that does not is
        counted. Refusals are always worded, the others only with `fates` on."""
        if kind == "passed" and not self.fates:
            return False
        if self.most is not None and len(self.worded[kind]) >= self.most:
            self.unworded[kind] += 1
            return False
        return True

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

    def lines(self):
        """Each worded row's fate, in the file's order, then how many rows went unworded."""
        if self.file_refusal:  # the file as a whole: what its rows above the refusal would do is moot
            return [f"File: {self.file_refusal}"]
        worded = sorted([*self.worded["refused"], *self.worded["passed"]], key=lambda item: item[0])
        lines = []
        for _, row_lines in worded:
            lines.extend(row_lines)
        if self.unworded["refused"]:
            lines.append(f"… and {self.unworded['refused']:,} more rows refused, not listed.")
        if self.unworded["passed"]:
            lines.append(f"… and {self.unworded['passed']:,} more rows that pass, not listed.")
        return lines

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


def in_file_order(item):
    column = COLUMN_OF.get(item[0])
    return COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)
