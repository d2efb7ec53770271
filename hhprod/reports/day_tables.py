"""Tables of the per-day reports: Day Out of Days, call sheet and daily production report."""

import django_tables2 as tables

from hhprod.productions.models import Credit

from .tables import LengthColumn, MinutesColumn, ReportTable

NUMBER = {"td": {"class": "number"}, "th": {"class": "number"}}


class ClockColumn(tables.Column):
    """A call or wrap time as the call sheet prints it: 07:00."""

    def render(self, value):
        return value.strftime("%H:%M")

    value = render


class ListColumn(tables.Column):
    """Comma-joined names from the database, spaced for reading."""

    def render(self, value):
        return value.replace(",", ", ")

    value = render


class DaysColumn(tables.Column):
    """A number of days from a date difference: 3."""

    def render(self, value):
        return value.days

    value = render


class DayOutOfDaysTable(ReportTable):
    """People by day, then their totals: the CSV is this grid, one column per shoot day."""

    person = tables.Column("Person")
    worked = tables.Column("Worked", attrs=NUMBER)
    held = tables.Column("Held", attrs=NUMBER)
    travel = tables.Column("Travel", attrs=NUMBER)
    first_day = tables.Column("First", default="", attrs=NUMBER)
    last_day = tables.Column("Last", default="", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        orderable = False
        empty_text = "No calls or trips on this production yet."

    def __init__(self, rows, days):
        day_columns = [(f"day_{day.number}", tables.Column(f"Day {day.number}", default="")) for day in days]
        totals = ["worked", "held", "travel", "first_day", "last_day"]
        super().__init__(
            rows, extra_columns=day_columns, sequence=["person", *(name for name, _ in day_columns), *totals]
        )


class CallTable(ReportTable):
    name = tables.Column("Name")
    roles = tables.Column("Role", empty_values=())
    wears_rig = tables.Column("Rig wearer")
    call_time = ClockColumn("Call")
    wrap_time = ClockColumn("Wrap", default="—")
    notes = tables.Column("Notes", default="")

    class Meta(ReportTable.Meta):
        orderable = False
        empty_text = "Nobody is called on this day yet."

    def render_roles(self, value):
        return ", ".join(Credit.Role(role).label for role in value.split(",")) if value else "not credited"

    value_roles = render_roles

    def render_wears_rig(self, value):
        return "yes" if value else ""

    value_wears_rig = render_wears_rig


class SceneTable(ReportTable):
    number = tables.Column("Scene")
    description = tables.Column("Description", default="")
    take_count = tables.Column("Takes", attrs=NUMBER)
    circled = tables.Column("Circled", attrs=NUMBER)
    seconds = MinutesColumn("Minutes recorded", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        orderable = False
        empty_text = "None: no takes on this day."


class DayRigTable(ReportTable):
    name = tables.Column("Rig")
    material = tables.Column("Material")
    camera_serials = ListColumn("Cameras", default="—")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds = MinutesColumn("Minutes recorded", attrs=NUMBER)
    wearers = ListColumn("Wearers", default="—")

    class Meta(ReportTable.Meta):
        orderable = False
        empty_text = "No rig in service on this day."

    def render_material(self, record):
        return record.get_material_display()

    def value_material(self, record):
        return record.get_material_display()


class FigureTable(ReportTable):
    """The production report's figures as two columns, so the CSV carries them too."""

    figure = tables.Column("Figure")
    value = tables.Column("Value")

    class Meta(ReportTable.Meta):
        orderable = False


class DayWearerTable(ReportTable):
    name = tables.Column("Wearer")
    take_count = tables.Column("Takes", attrs=NUMBER)
    seconds_worn = MinutesColumn("Minutes worn", attrs=NUMBER)
    longest = LengthColumn("Longest take", attrs=NUMBER)
    against_limit = tables.Column("Daily limit")

    class Meta(ReportTable.Meta):
        orderable = False
        empty_text = "Nobody wore the rig on this day."


class TripTable(ReportTable):
    name = tables.Column("Person")
    destination = tables.Column("Destination")
    starts = tables.DateColumn(verbose_name="Travels out", format="Y-m-d")
    ends = tables.DateColumn(verbose_name="Travels home", format="Y-m-d")
    trip_day = DaysColumn("Day of trip", attrs=NUMBER)
    trip_length = DaysColumn("Trip days", attrs=NUMBER)

    class Meta(ReportTable.Meta):
        orderable = False
        empty_text = "No trip under way on this day."
