"""Report tables: each column declared once, shown on the page and written to every export."""

import django_tables2 as tables
from django.utils.encoding import force_str
from django_tables2.data import TableQuerysetData
from django_tables2.rows import BoundRow
from django_tables2.utils import signature

from hhprod.productions.models import Person
from hhprod.rigs.models import Rig
from hhprod.shooting.models import ShootDay, Take, minutes_seconds

NUMBER = {"th": {"class": "number"}, "td": {"class": "number"}}  # right-aligned, header and cells


def minutes(seconds):
    return round((seconds or 0) / 60, 1)


class MinutesColumn(tables.Column):
    """Seconds in the database, minutes (one decimal) on the page and in exports."""

    def render(self, value):
        return minutes(value)

    def value(self, value):
        return minutes(value)


class LengthColumn(tables.Column):
    """A take length the way a camera report writes it: 6:05."""

    def render(self, value):
        return minutes_seconds(value)

    def value(self, value):
        return minutes_seconds(value)


class ReportTable(tables.Table):
    # Only the take log grows with the takes; the other tables have a row per day, person or rig
    # and show whole. A page of an aggregated table would cost its paginator a COUNT that
    # re-runs every aggregate, as long again as the page itself.
    paginated = False

    class Meta:
        template_name = "django_tables2/table.html"
        attrs = {"class": "report-table"}
        empty_text = "Nothing recorded yet."

    def export_rows(self):
        """Like as_values(), but a queryset is read in chunks, so a long export keeps memory flat,
        and each column's value function is inspected once, not at every cell."""
        columns = [column for column in self.columns.iterall() if not column.column.exclude_from_export]
        yield [force_str(column.header, strings_only=True) for column in columns]
        readers = {}
        for column in columns:
            read = column.value
            if getattr(read, "__func__", None) is tables.Column.value:
                read = column.column.render  # what Column.value does, without inspecting render at each call
            wanted, catch_all = signature(read)
            readers[column.name] = (read, None if catch_all else wanted)
        records = self.data.data.iterator(chunk_size=2000) if isinstance(self.data, TableQuerysetData) else self.data
        for record in records:
            row = ExportRow(record, self, readers)
            yield [force_str(row.get_cell_value(column.name), strings_only=True) for column in columns]


class ExportRow(BoundRow):
    """A row of an export. django-tables2 reads a value function's signature at every cell
    (inspect.signature: most of a 100,000-take CSV's time); export_rows reads each once."""

    def __init__(self, record, table, readers):
        super().__init__(record, table=table)
        self.readers = readers

    def _call_value(self, bound_column, value=None):
        read, wanted = self.readers[bound_column.name]
        offered = self._optional_cell_arguments(bound_column, value)
        return read(**(offered if wanted is None else {name: offered[name] for name in wanted}))


class ScheduleDayTable(ReportTable):
    number = tables.Column("Day")
    scheduled_date = tables.DateColumn(verbose_name="Scheduled", default="—")
    actual_date = tables.DateColumn(verbose_name="Shot on", default="—")
    slip = tables.Column("Slip (days)", default="—", attrs=NUMBER)
    status = tables.Column("Status")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds_recorded = MinutesColumn("Minutes recorded", attrs=NUMBER)
    circled = tables.Column("Circled", attrs=NUMBER)
    wearer_count = tables.Column("Wearers", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        model = ShootDay
        fields = ()
        orderable = False
        empty_text = "No shoot days on this production yet."

    def render_slip(self, value):
        return f"{value:+d}"


class PaceTable(ReportTable):
    week = tables.DateColumn(verbose_name="Week of")
    days = tables.Column("Days shot")
    take_count = tables.Column("Takes")
    seconds_recorded = MinutesColumn("Minutes recorded")

    class Meta(ReportTable.Meta):
        orderable = False


class WearerTable(ReportTable):
    name = tables.Column("Wearer")
    trade = tables.Column("Trade")
    take_count = tables.Column("Takes")
    seconds_worn = MinutesColumn("Minutes worn")
    longest = LengthColumn("Longest take")
    days_on_rig = tables.Column("Days on the rig")
    rigs_used = tables.Column("Rigs used")
    days_over_limit = tables.Column("Days over the daily limit", default="no limit set")

    class Meta(ReportTable.Meta):
        model = Person
        fields = ()

    def render_rigs_used(self, value):
        return value.replace(",", ", ")

    value_rigs_used = render_rigs_used


class RigTable(ReportTable):
    name = tables.Column("Rig")
    material = tables.Column("Material")
    in_service_from = tables.DateColumn(verbose_name="In service from")
    in_service_to = tables.DateColumn(verbose_name="In service to", default="in service")
    camera_serials = tables.Column("Cameras", default="—")
    take_count = tables.Column("Takes")
    seconds = MinutesColumn("Minutes")
    wearer_count = tables.Column("Wearers")

    class Meta(ReportTable.Meta):
        model = Rig
        fields = ()
        orderable = False

    def render_camera_serials(self, value):
        return value.replace(",", ", ")

    value_camera_serials = render_camera_serials


class TakeLogTable(ReportTable):
    """The camera report; its export columns are what `import_takes` reads back."""

    paginated = True

    day = tables.Column("Day", accessor="shoot_day__number")
    date = tables.DateColumn(verbose_name="Date", accessor="shoot_day__actual_date", format="Y-m-d")
    scene = tables.Column("Scene", accessor="scene__number")
    take = tables.Column("Take", accessor="number")
    length = LengthColumn("Length")
    rig = tables.Column("Rig", accessor="rig__name")
    camera = tables.Column("Camera", accessor="camera__serial", default="")
    wearer = tables.Column("Wearer", accessor="wearer__name")
    status = tables.Column("Status")
    notes = tables.Column("Notes", default="")

    class Meta(ReportTable.Meta):
        model = Take
        fields = ()
        per_page = 50
