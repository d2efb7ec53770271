"""One way out for every format: each writer is registered here once, and the page and the command both use it.

A writer turns a built report into chunks of bytes; the view wraps them in a response (CSV
streamed), the `report` command writes them to a file. Nothing here knows about HTTP.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from .errors import NotFound
from .writers import ale, calendar, csv_file, markdown, pdf, selects, xlsx


@dataclass(frozen=True)
class Writer:
    extension: str
    label: str
    content_type: str
    # write(report, production, content) -> iterable of bytes chunks
    write: Callable
    streams: bool = False
    # False for a writer that reads the report's own data rather than the page's built content.
    reads_content: bool = True
    applies: Callable = lambda report: True


WRITERS = {
    writer.extension: writer
    for writer in (
        Writer("csv", "CSV", "text/csv; charset=utf-8", csv_file.write, streams=True),
        Writer(
            "xlsx",
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx.write,
            streams=True,
        ),
        Writer("pdf", "PDF", "application/pdf", pdf.write),
        Writer("md", "MD", "text/markdown; charset=utf-8", markdown.write),
        Writer(
            "ics",
            "iCalendar",
            "text/calendar; charset=utf-8",
            calendar.write,
            reads_content=False,
            applies=lambda report: report.calendar is not None,
        ),
        # Editorial's bin of the takes: the take log's own writer.
        Writer(
            "ale",
            "ALE (Avid)",
            "text/plain; charset=utf-8",
            ale.write,
            streams=True,
            applies=lambda report: report.slug == "take-log",
        ),
        # The cutting room's selects: the filtered log's circled takes as a timeline.
        Writer(
            "edl",
            "EDL (selects)",
            "text/plain; charset=utf-8",
            selects.write_edl,
            applies=lambda report: report.slug == "take-log",
        ),
        Writer(
            "otio",
            "OpenTimelineIO (selects)",
            "application/json",
            selects.write_otio,
            applies=lambda report: report.slug == "take-log",
        ),
    )
}
FORMATS = {extension: writer.content_type for extension, writer in WRITERS.items()}


def formats_of(report):
    """The writers this report can use, in the registry's order."""
    return [writer for writer in WRITERS.values() if writer.applies(report)]


def writer_for(report, fmt):
    writer = WRITERS.get(fmt)
    if writer is None or not writer.applies(report):
        valid = ", ".join(writer.extension for writer in formats_of(report))
        raise NotFound(f"Unknown format {fmt[:20]!r}. Formats for the {report.title.lower()}: {valid}")
    return writer


def render_file(report, production, content, fmt):
    """A built report as bytes in `fmt`."""
    return b"".join(writer_for(report, fmt).write(report, production, content))


def build_file(report, production, params, fmt):
    """The report built from `params` (a day, filters) as bytes in `fmt`: what the command writes."""
    writer = writer_for(report, fmt)
    content = built(report, production, params) if writer.reads_content else None
    return b"".join(writer.write(report, production, content))


def built(report, production, params):
    """The report's content for a file: every row, in the order the page's `?sort=` asks."""
    content = report.build(production, params)
    if order := params.getlist("sort"):
        for _, table in content.tables:
            table.order_by = order
    return content


# Written by a worker rather than in the request (reports/tasks.py): any Day Out of Days PDF (a
# grid of every person by every day), a PDF of more rows than this (WeasyPrint lays out a take-log
# row in about 37 ms), an XLSX of more rows than this.
IMMEDIATE_PDF_ROWS = 500
IMMEDIATE_XLSX_ROWS = 50_000


def rows(content):
    """The rows of the report's growing table (the take log's takes), 0 for a report without one."""
    return max((len(table.data) for _, table in content.tables if table.paginated), default=0)


def in_background(report, content, fmt):
    if fmt == "pdf":
        return report.slug == "day-out-of-days" or rows(content) > IMMEDIATE_PDF_ROWS
    return fmt == "xlsx" and rows(content) > IMMEDIATE_XLSX_ROWS


def filename(report, production, content, fmt):
    if fmt == "ics":
        return f"{slugify(production.title)}-{report.slug}.ics"
    subtitle = "-" + slugify(content.subtitle) if content.subtitle else ""
    return f"{slugify(production.title)}-{report.slug}{subtitle}.{fmt}"
