"""What a report is and what one build of it shows: the catalogue lists these, the writers read them."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """A summary figure the page says in words ("+75 days (+167%)") and a spreadsheet keeps as numbers:
    `cells` are (label, value, kind) rows, kind one of the XLSX writer's (signed, percent, date) or None
    for a plain number, so the office can compute with each part."""

    words: str
    cells: tuple = ()

    def __str__(self):
        return self.words


@dataclass
class ReportContent:
    """What a report shows: summary figures, tables (the first is the CSV), maybe a chart.

    `template` lays the body out on the page and in the PDF; `layout` carries what a custom
    body needs beyond the tables (the day picker's days, the Day Out of Days grid).
    """

    summary: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    chart: str = ""
    filterset: object = None
    subtitle: str = ""
    template: str = "reports/sections.html"
    layout: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    description: str
    build: Callable
    # Shows one shoot day, named by `?day=N` (the page's day picker, the command's --day).
    per_day: bool = False
    # calendar(production) -> events, for a report that is also a calendar feed (the schedule).
    calendar: Callable | None = None
    # The paper a print and the PDF use: per-day sheets are portrait, wide tables landscape.
    paper: str = "A4 landscape"
