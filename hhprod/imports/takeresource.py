"""The take log's columns as django-import-export writes them: the admin's upload form offers
this resource, and the import benchmark writes its files with it. TakeImport (imports.py) reads them."""

from import_export import fields, resources, widgets

from hhprod.lib.formatting import minutes_seconds
from hhprod.planning.models import Scene, ShootDay
from hhprod.productions.models import Person
from hhprod.rigs.models import Camera, Rig
from hhprod.shooting.models import Take


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
