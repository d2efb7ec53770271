"""Columns and the table base every report shares: declared once, shown on the page and written to every export."""

import django_tables2 as tables

from hhprod.lib.formatting import listed, minutes, minutes_seconds, signed_number
from hhprod.planning.models import pages_and_eighths
from hhprod.productions.models import Credit

NUMBER = {"th": {"class": "number"}, "td": {"class": "number"}}  # right-aligned, header and cells


class ReportTable(tables.Table):
    # Only the take log grows with the takes; the other tables have a row per day, person or rig
    # and show whole. A page of an aggregated table would cost its paginator a COUNT that
    # re-runs every aggregate, as long again as the page itself.
    paginated = False

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The records as the report built them, for the exports to read in their own query
        # (tables2_export.py): django-tables2 keeps its own copy in a container it calls internal.
        self.records = data

    class Meta:
        template_name = "django_tables2/table.html"
        attrs = {"class": "report-table"}
        empty_text = "Nothing recorded yet."
        orderable = False


class StackedTable(ReportTable):
    """A table a phone shows as a labelled card a row, with no box to scroll sideways: the call
    sheet's, read on set (reports.css, `.stacked`)."""

    class Meta(ReportTable.Meta):
        template_name = "reports/stacked_table.html"
        attrs = {"class": "report-table stacked"}


class FormattedColumn(tables.Column):
    """A value written one way on the page and in every export: `shown(value)`.

    `kind` tells a typed export (XLSX) what the database's value is: text, or a number,
    minutes, a duration in seconds, a time, a date, a signed difference (writers/typed.py).
    """

    kind = "text"

    @staticmethod
    def shown(value):
        return value

    def render(self, value):
        return self.shown(value)

    value = render


class MinutesColumn(FormattedColumn):
    """Seconds in the database, minutes (one decimal) on the page and in exports."""

    kind = "minutes"
    shown = staticmethod(minutes)


class LengthColumn(FormattedColumn):
    """A take length the way a camera report writes it: 6:05."""

    kind = "duration"
    shown = staticmethod(minutes_seconds)


class FlagColumn(FormattedColumn):
    """A yes/no flag of the camera report, written as its own name when set: "MOS", "VFX"."""

    def __init__(self, verbose_name, **kwargs):
        super().__init__(verbose_name, **kwargs)
        self.shown = lambda value: verbose_name if value else ""


class ClockColumn(FormattedColumn):
    """A call or wrap time as the call sheet prints it: 07:00."""

    kind = "time"
    shown = staticmethod(lambda value: value.strftime("%H:%M"))


class ListColumn(FormattedColumn):
    """Comma-joined names from the database, spaced for reading."""

    shown = staticmethod(listed)


class DaysColumn(FormattedColumn):
    """A number of days from a date difference: 3."""

    kind = "days"
    shown = staticmethod(lambda value: value.days)


class SignedColumn(FormattedColumn):
    """A difference in days, with its sign: +3, -1, and 0 on time."""

    kind = "signed"
    shown = staticmethod(signed_number)


class IsoDateColumn(FormattedColumn):
    """A date as a camera report and a spreadsheet read it: 2015-03-02."""

    kind = "date"
    shown = staticmethod(lambda value: value.isoformat())


class ChoiceColumn(FormattedColumn):
    """A choice field's label ("Circled"), from its stored value or from the label the page already has."""

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(choices)
        self.shown = lambda value: labels.get(value, value)


class PagesColumn(FormattedColumn):
    """Eighths of a page as a breakdown writes them: 11 -> 1 3/8."""

    shown = staticmethod(pages_and_eighths)


class RolesColumn(FormattedColumn):
    """A person's comma-joined credit roles on the production, by their labels."""

    shown = staticmethod(
        lambda value: ", ".join(Credit.Role(role).label for role in value.split(",")) if value else "not credited"
    )
