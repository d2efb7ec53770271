"""A take log's header and rows checked, for TakeImport (imports.py): the production's records
read once per file, each row read into a take (its clean_<field>, setrows.py) and checked against
them, then refused, skipped or passed; each row's fate worded for the preview, up to `most`."""

from django.core.exceptions import ValidationError

from hhprod.planning.models import Scene, ShootDay
from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take

from .mapping import ALL_COLUMNS, COLUMNS
from .takefiles import OTHERS, FileRefused

REQUIRED = ["Scene", "Take"]

# Each take field, the column it is read from and in this order: a later field's plan fallback
# reads the earlier ones (the unit the day and camera, the rig the unit).
READ = [
    ("shoot_day", "Day"), ("scene", "Scene"), ("setup", "Setup"), ("number", "Take"), ("length", "Length"),
    ("time_of_day", "TC In"),
    ("camera", "Camera"), ("rig_unit", "Unit"), ("rig", "Rig"), ("wearer", "Wearer"), ("status", "Status"),
    ("roll", "Roll"), ("clip_name", "Clip"), ("resolution", "Resolution"), ("frame_rate", "FPS"),
    ("notes", "Notes"), ("other_columns", OTHERS),
]  # fmt: skip
COLUMN_OF = dict(READ)
# Not validated again by full_clean: the foreign keys, found among the production's records read
# once, and the fields no column fills, which hold the model's own defaults.
FOUND = ["scene", "shoot_day", "rig", "camera", "wearer", "rig_unit"]
UNREAD = [field.name for field in Take._meta.concrete_fields if field.name not in COLUMN_OF]
# A new take's every field at its default (each a plain value, safe to share), in the model's order:
# Take(*NEW_TAKE) is Take() without asking each field for its default, 8 µs a row instead of 18.
NEW_TAKE = tuple(field.get_default() for field in Take._meta.concrete_fields)


class RowChecksMixin:
    def checked_headers(self, log):
        headers = [str(header or "").strip() for header in log.headers or []]
        if unknown := [header for header in headers if header not in (*ALL_COLUMNS, OTHERS)]:
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


def in_file_order(item):
    column = COLUMN_OF.get(item[0])
    return COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)
