"""The call sheet's tables, declared once for the page, the PDF and every export (call_sheet.py fills them)."""

import django_tables2 as tables
from django.utils.html import format_html_join

from .columns import ClockColumn, ListColumn, PagesColumn, RolesColumn, StackedTable

# A multi-line note keeps its lines on the page and on paper (reports.css); the exports keep them anyway.
LINES = {"td": {"class": "lines"}}
# A short value that reads wrong split over two lines ("1" / "3/8"): a narrow column on A4 keeps it whole.
KEEP = {"td": {"class": "keep"}}


class SerialsColumn(ListColumn):
    """Camera serials, each kept whole on the page and on paper: GP3-0007 never breaks at its hyphen.
    The exports write the plain list (`value`, the list as ListColumn shows it)."""

    def render(self, value):
        return format_html_join(", ", '<span class="keep">{}</span>', ((serial,) for serial in value.split(",")))


class SceneTable(StackedTable):
    part_label = tables.Column("Scene")
    set_name = tables.Column("Set", accessor="scene__set_name")
    setting = tables.Column("INT/EXT", accessor="scene__get_setting_display")
    time_of_day = tables.Column("D/N", accessor="scene__get_time_of_day_display")
    eighths = PagesColumn("Pages", attrs=KEEP)
    synopsis = tables.Column("Synopsis", accessor="scene__synopsis")
    cast_ids = tables.Column("Cast ID", default="—")
    cast_names = ListColumn("Cast")
    rig = tables.Column("Rig", accessor="scene__rig__name", default="—")
    cameras = SerialsColumn("Camera", default="—")

    class Meta(StackedTable.Meta):
        empty_text = "No scene planned on this day yet: put strips on it in the plan."


class CastTable(StackedTable):
    cast_id = tables.Column("ID", default="—")
    name = tables.Column("Name")
    character = tables.Column("Character")
    role = tables.Column("Role", accessor="get_role_display")
    code = tables.Column("Status")
    pickup_time = ClockColumn("Pickup", default="—")
    makeup_time = ClockColumn("Make-up", default="—")
    call_time = ClockColumn("Call", default="—")
    on_set_time = ClockColumn("On set", default="—")

    class Meta(StackedTable.Meta):
        empty_text = "No performer needed or called."


class CrewCallTable(StackedTable):
    name = tables.Column("Name")
    roles = RolesColumn("Role", empty_values=())
    call_time = ClockColumn("Call")

    class Meta(StackedTable.Meta):
        empty_text = "No crew call entered yet."


class NotesTable(StackedTable):
    part_label = tables.Column("Scene")
    stunt_notes = tables.Column("Stunts", accessor="scene__stunt_notes")
    safety_notes = tables.Column("Safety", accessor="scene__safety_notes")

    class Meta(StackedTable.Meta):
        empty_text = "No stunt or safety notes on the day's scenes."


class DayNotesTable(StackedTable):
    """Background and stand-ins, the departments' notes and the production's key contacts: (subject, note) rows."""

    subject = tables.Column("For", accessor="0")
    note = tables.Column("Note", accessor="1", attrs=LINES)

    class Meta(StackedTable.Meta):
        pass


class AdvanceTable(StackedTable):
    """The next days in shooting order; a day with no scene yet is a row saying so."""

    day = tables.Column("Day")
    day_date = tables.DateColumn(verbose_name="Date", format="D j M", default="no date yet")
    part_label = tables.Column("Scene")
    setting = tables.Column("INT/EXT", accessor="scene__get_setting_display", default="")
    time_of_day = tables.Column("D/N", accessor="scene__get_time_of_day_display", default="")
    eighths = PagesColumn("Pages", default="", attrs=KEEP)
    synopsis = tables.Column("Synopsis", accessor="scene__synopsis", default="")
    cast_names = ListColumn("Cast", default="")

    class Meta(StackedTable.Meta):
        empty_text = "No working day after this one yet."
