"""Take-log import: a script supervisor's log or a camera report, as CSV or XLSX, into takes.

All or nothing: every row is checked (dry run or not) and one bad row rolls the whole
file back. The production's days, scenes, rigs, cameras, wearers and logged takes are read
once per file, and the takes are written in bulk, a batch at a time inside the file's
transaction, their history rows copied from them by the database (hhprod/lib/history.py): a
50,000-row file imports in about 20 s and holds SQLite's write lock that long.
Errors name the row (1 = the first take under the header), the column and the reason.
A take already logged, in the database or earlier in the file, is refused; or skipped, when
the import is asked to add only the takes not yet logged (a day's file imported again).

The file's columns are first mapped to the take log's (mapping.py). Rig, unit and wearer, which
no set tool knows, come from the day's plan where the file has none: the unit is the one the
take's camera was mounted on that day, else the strip's planned unit; the wearer is the strip's
planned wearer; the rig is the unit's version, else the one the scene's breakdown plans.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from import_export import fields, resources, widgets
from import_export.results import RowResult

from hhprod.lib.history import bulk_create_with_history
from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig

from .import_progress import EVERY
from .mapping import ALL_COLUMNS, COLUMNS
from .models import Scene, ShootDay, Take, minutes_seconds
from .setrows import SetRowsMixin

REQUIRED = ["Scene", "Take"]

# Found by the resource itself among the production's records, so not looked up again row by row.
FOUND = ["scene", "shoot_day", "rig", "camera", "wearer", "rig_unit"]
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


class TakeResource(SetRowsMixin, resources.ModelResource):
    """The take log's columns, read within one production."""

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
        force_init_instance = True  # every row is a new take; a take already logged is refused
        # A row's result keeps its fate in words (TakeRowResult), not the take: a 50,000-row file
        # would otherwise hold every take until the end.
        store_instance = False
        use_bulk = True
        batch_size = BATCH  # written as they pass, inside the file's transaction, so one batch is held at a time
        skip_diff = True  # the preview lists each row's fate in words (row_fates), not a diff

    def __init__(self, production=None, fps=None, skip_logged=False, day=None, progress=None, fates=True):
        super().__init__()
        self.production = production
        self.fates = fates  # each row's fate in words (row_fates): a confirm, which only counts, goes without
        self.progress = progress  # progress(done, total), told every EVERY rows (import_progress.py)
        self.day = day  # the shoot day's number for a file with no Day or Date column (an AC's camera report)
        self.fps = fps  # the file's frame rate, when the command or the ALE heading gives it
        self.skip_logged = skip_logged
        self.new_scenes = []
        self.seen = {}  # (scene id, setup, take number) -> the row that first had it
        self.skipped = 0
        self.refused_as_logged = 0  # rows refused as takes already logged: the preview offers to skip them
        self.import_fields = None

    def get_import_fields(self):
        # The same for every row; the library works the list out again for each one.
        if self.import_fields is None:
            self.import_fields = super().get_import_fields()
        return self.import_fields

    def get_row_result_class(self):
        return TakeRowResult if self.fates else RowResult

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        # One bad row rolls back the whole file, in the admin's confirm step too.
        kwargs.update(use_transactions=True, rollback_on_validation_errors=True)
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)

    def before_import(self, dataset, user=None, file_name=None, **kwargs):
        # Each take's history row says who imported it from which file.
        self.user = user
        self.reason = f"Imported from {file_name}" if file_name else "Imported"
        if self.production is None:
            raise ValueError("Choose the production the takes belong to.")
        while len(dataset) and all(cell in (None, "") for cell in dataset[-1]):
            del dataset[-1]
        if not len(dataset):
            raise ValueError("The file has no takes under its header row.")
        self.fps = self.fps or getattr(dataset, "fps", None)
        headers = [str(header or "").strip() for header in dataset.headers or []]
        if unknown := [header for header in headers if header not in ALL_COLUMNS]:
            raise ValueError(f"Column {unknown[0]!r} is not a take-log column: map it to one, or to nothing.")
        if self.day and "Day" not in headers and "Date" not in headers:
            dataset.append_col([self.day] * len(dataset), header="Day")
            headers.append("Day")
        missing = [name for name in REQUIRED if name not in headers]
        if "Day" not in headers and "Date" not in headers:
            missing.insert(0, "Day or Date")
        if "Length" not in headers and not {"TC In", "TC Out"} <= set(headers):
            missing.append("Length (or TC In and TC Out)")
        if missing:
            raise ValueError(f"The file has no {' column, no '.join(missing)} column.")
        dataset.headers = headers
        self.rows = len(dataset)
        for name in ALL_COLUMNS:
            if name not in headers:
                dataset.append_col([None] * len(dataset), header=name)
        self.read_production()

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
        # Of two rigs whose names differ only in case, the first is meant, as in a search.
        self.rigs = {rig.name.lower(): rig for rig in reversed(list(Rig.objects.all()))}
        self.cameras = {camera.serial: camera for camera in Camera.objects.all()}
        self.people = {}
        for person in Person.objects.all():
            self.people.setdefault(person.name.lower(), []).append(person)
        self.logged = set(
            Take.objects.filter(scene__production=self.production).values_list("scene_id", "setup", "number")
        )
        self.read_plan()

    def after_import(self, dataset, result, **kwargs):
        """Keep the database's id sequences as they are.

        The library resets them for imports that carry ids; takes never do, and a reset
        while another office imports could hand out an id twice.
        """

    def before_import_row(self, row, row_number=None, **kwargs):
        self.row_number = row_number
        if self.progress and row_number % EVERY == 0:
            self.progress(row_number, self.rows)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """Each column is read by a clean_<field> method below, which knows the production."""
        if not field.readonly:
            value = getattr(self, f"clean_{field.attribute}")(row[field.column_name], row, instance)
            setattr(instance, field.attribute, value)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.scene_id and instance.number and not {"number", "setup"} & set(errors):
            key = (instance.scene_id, instance.setup, instance.number)
            described = f"Scene {instance.scene.number}{instance.setup} take {instance.number}"
            if key in self.seen:
                errors["number"] = f"{described} is already in this file, in row {self.seen[key]}."
            elif key in self.logged:
                errors["number"] = f"{described} is already logged in {self.production}."
                self.refused_as_logged += 1
            self.seen.setdefault(key, self.row_number)
        try:
            # The foreign keys were found above and uniqueness checked against what was read; the
            # database checks both again when the takes are written. The model's clean() runs.
            instance.full_clean(exclude=[*errors, *FOUND], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(self.by_column(errors, instance))

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Asked to add only the takes not yet logged: a take already logged is skipped, and counted."""
        key = (instance.scene_id, instance.setup, instance.number)
        if self.skip_logged and instance.scene_id and key in self.logged:
            self.skipped += 1
            return True
        return False

    def afterword(self):
        """What the import did besides adding takes: "; new scenes 12, 14A; 2 takes already logged, skipped"."""
        scenes = self.new_scenes[:SHOWN_SCENES]
        more = f" and {len(self.new_scenes) - SHOWN_SCENES:,} more" if len(self.new_scenes) > SHOWN_SCENES else ""
        return (f"; new scenes {', '.join(scenes)}{more}" if scenes else "") + (
            f"; {self.skipped:,} takes already logged, skipped" if self.skipped else ""
        )

    def by_column(self, message_dict, instance):
        """The model's field names, as the file's column names."""
        columns = {field.attribute: field.column_name for field in self.fields.values()}
        return {columns.get(field, NON_FIELD_ERRORS): messages for field, messages in message_dict.items()}

    def before_save_instance(self, instance, row, **kwargs):
        instance._import_row = (self.row_number, row)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """A batch of takes and their history rows; nothing in a dry run or once a row has failed.

        The batches go in inside the file's transaction, which import_data rolls back whole
        if any later row fails: all or nothing, without holding every history row at once.
        """
        takes, self.create_instances = self.create_instances, []
        if dry_run or not takes or result.has_errors() or result.has_validation_errors():
            return
        try:
            with transaction.atomic():
                bulk_create_with_history(takes, Take, user=self.user, reason=self.reason, batch_size=BATCH)
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
                number, row = take._import_row
                message = f"Scene {take.setup_name} take {take.number} was logged by someone else just now."
                result.append_invalid_row(number, row, ValidationError({"Take": message}))


class TakeRowResult(RowResult):
    """A row's result with its fate in words ("new take, scene 12 take 3 on day 1, ..."), written
    while the take is at hand so the take itself need not be kept."""

    fate = ""

    def add_instance_info(self, instance):
        super().add_instance_info(instance)
        if self.import_type == self.IMPORT_TYPE_NEW:
            self.fate = new_take(instance)
        elif self.import_type == self.IMPORT_TYPE_SKIP:
            self.fate = f"scene {instance.setup_name} take {instance.number} is already logged: skipped"


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
    column = item[0]
    return COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)


def row_fates(result, refusals_only=False, most=None):
    """One line per row: why the import refused it, or what it did or would do with it. With
    `refusals_only`, only the refusals (a confirm that found the data changed since its preview);
    with `most`, up to that many refused rows and that many others, the rest counted."""
    if result.base_errors:  # the file as a whole was refused: its rows were not read
        return [f"File: {error.error}" for error in result.base_errors]
    lines = []
    listed = {"refused": 0, "passed": 0}
    unlisted = {"refused": 0, "passed": 0}
    invalid = {row.number: row for row in result.invalid_rows}
    errors = dict(result.row_errors())
    for number, row_result in enumerate(result.rows, 1):
        refused = number in invalid or number in errors
        if not refused and (refusals_only or not row_result.fate):
            continue
        kind = "refused" if refused else "passed"
        if most is not None and listed[kind] >= most:
            unlisted[kind] += 1
            continue
        listed[kind] += 1
        if number in invalid:
            for column, messages in sorted(invalid[number].error_dict.items(), key=in_file_order):
                place = f"Row {number}" if column == NON_FIELD_ERRORS else f"Row {number}, {column}"
                lines.extend(f"{place}: {message}" for message in messages)
        elif number in errors:
            lines.extend(f"Row {number}: could not be read ({error.error})" for error in errors[number])
        else:
            lines.append(f"Row {number}: {row_result.fate}")
    if unlisted["refused"]:
        lines.append(f"… and {unlisted['refused']:,} more rows refused, not listed.")
    if unlisted["passed"]:
        lines.append(f"… and {unlisted['passed']:,} more rows that pass, not listed.")
    return lines
