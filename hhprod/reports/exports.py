"""Reports as files: CSV (streamed), XLSX, PDF and Markdown, from the same tables as the page."""

import csv
from io import BytesIO

from django.core.management.base import CommandError
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook

from hhprod.lib.formulas import neutralise

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}


def table_rows(table):
    """Header then rows, each cell neutralised; long querysets are read in chunks."""
    for row in table.export_rows():
        yield ["" if cell is None else neutralise(cell) for cell in row]


class Echo:
    """A file-like object whose write() hands the line back, for a streamed csv.writer."""

    def write(self, value):
        return value


def csv_lines(content):
    writer = csv.writer(Echo())
    for row in table_rows(content.tables[0][1]):
        yield writer.writerow(row)


def xlsx_bytes(report, production, content):
    """A sheet per table, plus the summary; written row by row (openpyxl's write-only mode),
    so a 100,000-take log is never held as a grid of cell objects."""
    book = Workbook(write_only=True)
    if content.summary:
        summary = book.create_sheet("Summary")
        summary.append(["Figure", "Value"])
        for label, value in content.summary:
            summary.append([label, neutralise(str(value))])
    for heading, table in content.tables:
        sheet = book.create_sheet(heading[:31])
        for row in table_rows(table):
            sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


class TooLongToPrint(CommandError):
    """A PDF of more rows than anyone would print: the page says so, the `report` command exits with it."""


# About fifty A4 pages of the take log: a day's or a scene's takes, not a whole shoot.
PDF_MAX_ROWS = 2000


def check_printable(report, content):
    """Refuse, before rendering, a PDF whose growing table (the take log) has too many rows."""
    for _, table in content.tables:
        if table.paginated and (rows := len(table.data)) > PDF_MAX_ROWS:
            narrow = "narrow it with the filters (a day range, a scene, a wearer)" if content.filterset else "narrow it"
            raise TooLongToPrint(
                f"The {report.title.lower()} PDF prints at most {PDF_MAX_ROWS:,} rows and this one has {rows:,}: "
                f"{narrow}, or download the CSV or XLSX, which hold every row."
            )


def pdf_bytes(report, production, content):
    check_printable(report, content)
    from weasyprint import HTML  # imported here: loading its fonts costs a second a process

    html = render_to_string(
        "reports/print.html",
        {"report": report, "production": production, "content": content, "printed": timezone.now()},
    )
    out = BytesIO()
    HTML(string=html).write_pdf(out)
    return out.getvalue()


def markdown_text(report, production, content):
    lines = [f"# {report.title}: {production}", ""]
    if content.subtitle:
        lines += [content.subtitle, ""]
    lines += [f"- {label}: {value}" for label, value in content.summary]
    for heading, table in content.tables:
        rows = list(table_rows(table))
        lines += ["", f"## {heading}", ""]
        lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows[:1]]
        lines += ["|" + " --- |" * len(rows[0])]
        lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


def render_file(report, production, content, fmt):
    """The report as bytes in `fmt`: what the command writes and the download sends."""
    if fmt == "csv":
        return "".join(csv_lines(content)).encode()
    if fmt == "xlsx":
        return xlsx_bytes(report, production, content)
    if fmt == "pdf":
        return pdf_bytes(report, production, content)
    if fmt == "md":
        return markdown_text(report, production, content).encode()
    raise ValueError(f"Unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def filename(report, production, content, fmt):
    return (
        f"{slugify(production.title)}-{report.slug}{'-' + slugify(content.subtitle) if content.subtitle else ''}.{fmt}"
    )


def download(report, production, content, fmt):
    """A response carrying the file; CSV streams row by row so a long take log stays flat in memory."""
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(content), content_type=FORMATS[fmt])
    else:
        response = HttpResponse(render_file(report, production, content, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename(report, production, content, fmt)}"'
    return response
