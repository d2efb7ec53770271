"""Take-log import: a script supervisor's log or a camera report, as CSV or XLSX, into takes.

All or nothing: every row is checked (dry run or not) and one bad row rolls the whole
file back. The production's days, scenes, rigs, cameras, wearers and logged takes are read
once per file, and the takes and their history rows are written in bulk once every row has
passed: a 5,000-row file imports in seconds and holds SQLite's write lock that long.
Errors name the row (1 = the first take under the header), the column and the reason.
A take already logged, in the database or earlier in the file, is refused.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from import_export import fields, resources, widgets
from import_export.results import RowResult
from simple_history.utils import bulk_create_with_history

from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig

from .models import Scene, ShootDay, Take, minutes_seconds
from .takefiles import cell_text, parse_date, parse_length, parse_whole_number

# The take log's own columns, in its order; then the camera-report names each may go by.
COLUMNS = ["Day", "Date", "Scene", "Take", "Length", "Rig", "Camera", "Wearer", "Status", "Notes"]
ALIASES = {
    "day number": "Day", "shoot day": "Day",
    "actual date": "Date", "shoot date": "Date",
    "scene number": "Scene", "sc": "Scene",
    "take number": "Take", "tk": "Take",
    "duration": "Length", "length (seconds)": "Length", "seconds": "Length",
    "camera serial": "Camera", "cam": "Camera",
    "worn by": "Wearer", "operator": "Wearer", "rig wearer": "Wearer",
    "comments": "Notes", "remarks": "Notes",
    **{column.lower(): column for column in COLUMNS},
    # The camera report's columns the take log report exports: accepted, not read yet.
    **{column.lower(): column for column in ["Setup", "Unit", "Roll", "Clip", "Time of day", "FOV",
                                             "Resolution", "FPS", "MOS", "VFX"]},
}  # fmt: skip
REQUIRED = ["Scene", "Take", "Length", "Rig", "Wearer"]

# Found by the resource itself among the production's records, so not looked up again row by row.
FOUND = ["scene", "shoot_day", "rig", "camera", "wearer"]
BATCH = 1000  # rows per INSERT: SQLite allows 32,766 parameters, a take has 10 columns


class LengthWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return "" if value is None else minutes_seconds(value)


class StatusWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return Take.Status(value).label if value else ""


class TakeResource(resources.ModelResource):
    """The take log's columns, read within one production."""

    day = fields.Field("shoot_day", "Day", widgets.ForeignKeyWidget(ShootDay, "number"))
    date = fields.Field("shoot_day__actual_date", "Date", widgets.DateWidget("%Y-%m-%d"), readonly=True)
    scene = fields.Field("scene", "Scene", widgets.ForeignKeyWidget(Scene, "number"))
    number = fields.Field("number", "Take")
    length = fields.Field("length", "Length", LengthWidget())
    rig = fields.Field("rig", "Rig", widgets.ForeignKeyWidget(Rig, "name"))
    camera = fields.Field("camera", "Camera", widgets.ForeignKeyWidget(Camera, "serial"))
    wearer = fields.Field("wearer", "Wearer", widgets.ForeignKeyWidget(Person, "name"))
    status = fields.Field("status", "Status", StatusWidget())
    notes = fields.Field("notes", "Notes")

    class Meta:
        model = Take
        fields = ["day", "date", "scene", "number", "length", "rig", "camera", "wearer", "status", "notes"]
        force_init_instance = True  # every row is a new take; a take already logged is refused
        store_instance = True
        use_bulk = True
        skip_diff = True  # the preview lists each row's fate in words (row_fates), not a diff

    def __init__(self, production=None):
        super().__init__()
        self.production = production
        self.new_scenes = []
        self.seen = {}  # (scene id, take number) -> the row that first had it

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        # One bad row rolls back the whole file, in the admin's confirm step too.
        kwargs.update(use_transactions=True, rollback_on_validation_errors=True)
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)

    def before_import(self, dataset, **kwargs):
        if self.production is None:
            raise ValueError("Choose the production the takes belong to.")
        while len(dataset) and all(cell in (None, "") for cell in dataset[-1]):
            del dataset[-1]
        if not len(dataset):
            raise ValueError("The file has no takes under its header row.")
        headers = []
        for position, header in enumerate(dataset.headers or [], 1):
            name = ALIASES.get(str(header or "").strip().lower())
            if name is None:
                raise ValueError(
                    f"Column {position} ({header!r}) is not a take-log column. "
                    f"Use {', '.join(COLUMNS)} (or scene, take, duration, camera, wearer...)."
                )
            if name in headers:
                raise ValueError(f"Two columns are {name}: keep one.")
            headers.append(name)
        missing = [name for name in REQUIRED if name not in headers]
        if "Day" not in headers and "Date" not in headers:
            missing.insert(0, "Day or Date")
        if missing:
            raise ValueError(f"The file has no {', '.join(missing)} column.")
        dataset.headers = headers
        for name in COLUMNS:
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
        self.scenes = {scene.number: scene for scene in Scene.objects.filter(production=self.production)}
        for scene in self.scenes.values():
            scene.production = self.production
        # Of two rigs whose names differ only in case, the first is meant, as in a search.
        self.rigs = {rig.name.lower(): rig for rig in reversed(list(Rig.objects.all()))}
        self.cameras = {camera.serial: camera for camera in Camera.objects.all()}
        self.people = {}
        for person in Person.objects.all():
            self.people.setdefault(person.name.lower(), []).append(person)
        self.logged = set(Take.objects.filter(scene__production=self.production).values_list("scene_id", "number"))

    def after_import(self, dataset, result, **kwargs):
        """Keep the database's id sequences as they are.

        The library resets them for imports that carry ids; takes never do, and a reset
        while another office imports could hand out an id twice.
        """

    def before_import_row(self, row, row_number=None, **kwargs):
        self.row_number = row_number

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """Each column is read by a clean_<field> method below, which knows the production."""
        if not field.readonly:
            setattr(instance, field.attribute, getattr(self, f"clean_{field.attribute}")(row[field.column_name], row))

    def clean_shoot_day(self, value, row):
        day_number = None if value in (None, "") else parse_whole_number(value, "Day")
        actual = None if row["Date"] in (None, "") else parse_date(row["Date"])
        if day_number is None and actual is None:
            raise ValueError("Give the shoot day: a Day number or a Date.")
        if day_number is not None:
            day = self.days.get(day_number)
            if day is None:
                raise ValueError(f"{self.production} has no day {day_number}.")
            if actual is not None and day.actual_date != actual:
                raise ValueError(f"Day {day_number} was shot on {day.actual_date or 'no date yet'}, not on {actual}.")
            return day
        day = self.days_by_date.get(actual)
        if day is None:
            raise ValueError(f"{self.production} shot no day on {actual}.")
        return day

    def clean_scene(self, value, row):
        number = cell_text(value, "Scene")
        if not number:
            raise ValueError("Scene is empty.")
        limit = Scene._meta.get_field("number").max_length
        if len(number) > limit:
            raise ValueError(f"Scene {number[:30]!r}... is longer than {limit} characters.")
        if number not in self.scenes:
            self.scenes[number] = Scene.objects.create(production=self.production, number=number)
            self.new_scenes.append(number)
        return self.scenes[number]

    def clean_number(self, value, row):
        return parse_whole_number(value, "Take")

    def clean_length(self, value, row):
        return parse_length(value)

    def clean_rig(self, value, row):
        name = cell_text(value, "Rig")
        rig = self.rigs.get(name.lower()) if name else None
        if rig is None:
            known = ", ".join(sorted(rig.name for rig in self.rigs.values()))
            raise ValueError(f"No rig named {name!r}; the rigs are {known or 'not entered yet'}.")
        return rig

    def clean_camera(self, value, row):
        serial = cell_text(value, "Camera")
        if not serial:
            return None
        camera = self.cameras.get(serial)
        if camera is None:
            raise ValueError(f"No camera with serial {serial!r}.")
        return camera

    def clean_wearer(self, value, row):
        name = cell_text(value, "Wearer")
        if not name:
            raise ValueError("Wearer is empty: who wore the rig?")
        people = self.people.get(name.lower(), [])
        # Of two people with one name, the one credited as a wearer here is meant.
        matches = [person for person in people if person.pk in self.production.rig_wearer_ids] or people
        if not matches:
            raise ValueError(f"No person named {name!r}.")
        if len(matches) > 1:
            raise ValueError(f"More than one person is named {name!r}; tell them apart in the admin first.")
        return matches[0]

    def clean_status(self, value, row):
        text = cell_text(value, "Status")
        if not text:
            return Take._meta.get_field("status").default
        for status in Take.Status:
            if text.lower() in (status.value, status.label.lower()):
                return status.value
        labels = ", ".join(status.label for status in Take.Status)
        raise ValueError(f"Status {text!r} is not one of {labels}.")

    def clean_notes(self, value, row):
        return cell_text(value, "Notes", strip=False)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.scene_id and instance.number and "number" not in errors:
            key = (instance.scene_id, instance.number)
            described = f"Scene {instance.scene.number} take {instance.number}"
            if key in self.seen:
                errors["number"] = f"{described} is already in this file, in row {self.seen[key]}."
            elif key in self.logged:
                errors["number"] = f"{described} is already logged in {self.production}."
            self.seen.setdefault(key, self.row_number)
        try:
            # The foreign keys were found above and uniqueness checked against what was read; the
            # database checks both again when the takes are written. The model's clean() runs.
            instance.full_clean(exclude=[*errors, *FOUND], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(self.by_column(errors, instance))

    def by_column(self, message_dict, instance):
        """The model's field names, as the file's column names."""
        columns = {field.attribute: field.column_name for field in self.fields.values()}
        return {columns.get(field, NON_FIELD_ERRORS): messages for field, messages in message_dict.items()}

    def before_save_instance(self, instance, row, user=None, file_name=None, **kwargs):
        instance._change_reason = f"Imported from {file_name}" if file_name else "Imported"
        instance._import_row = (self.row_number, row)
        if user is not None:
            instance._history_user = user

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """Every take and its history row at once, when every row has passed; nothing in a dry run."""
        takes, self.create_instances = self.create_instances, []
        if dry_run or not takes or result.has_errors() or result.has_validation_errors():
            return
        try:
            with transaction.atomic():
                bulk_create_with_history(takes, Take, batch_size=BATCH)
        except IntegrityError:
            # Another import or editor logged some of these takes between our check and our write.
            logged = set(
                Take.objects.filter(scene__in={take.scene_id for take in takes}).values_list("scene_id", "number")
            )
            raced = [take for take in takes if (take.scene_id, take.number) in logged]
            if not raced:
                raise
            for take in raced:
                number, row = take._import_row
                message = f"Scene {take.scene.number} take {take.number} was logged by someone else just now."
                result.append_invalid_row(number, row, ValidationError({"Take": message}))


def in_file_order(item):
    column = item[0]
    return COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)


def row_fates(result):
    """One line per row: what the import did or would do with it, or why it refused it."""
    if result.base_errors:  # the file as a whole was refused: its rows were not read
        return [f"File: {error.error}" for error in result.base_errors]
    lines = []
    invalid = {row.number: row for row in result.invalid_rows}
    errors = dict(result.row_errors())
    for number, row_result in enumerate(result.rows, 1):
        if number in invalid:
            for column, messages in sorted(invalid[number].error_dict.items(), key=in_file_order):
                place = f"Row {number}" if column == NON_FIELD_ERRORS else f"Row {number}, {column}"
                lines.extend(f"{place}: {message}" for message in messages)
        elif number in errors:
            lines.extend(f"Row {number}: could not be read ({error.error})" for error in errors[number])
        elif row_result.import_type == RowResult.IMPORT_TYPE_NEW:
            take = row_result.instance
            camera = f", camera {take.camera.serial}" if take.camera_id else ""
            lines.append(
                f"Row {number}: new take, scene {take.scene.number} take {take.number} on day "
                f"{take.shoot_day.number}, {minutes_seconds(take.length)}, rig {take.rig.name}{camera}, "
                f"worn by {take.wearer.name}, {take.get_status_display()}"
            )
    return lines
