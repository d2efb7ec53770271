"""Reports as files: CSV (streamed), XLSX, PDF and Markdown, from the same tables as the page."""

import csv
from io import BytesIO

import tablib
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

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
    book = tablib.Databook()
    if content.summary:
        summary = tablib.Dataset(title="Summary", headers=["Figure", "Value"])
        for label, value in content.summary:
            summary.append([label, neutralise(str(value))])
        book.add_sheet(summary)
    for heading, table in content.tables:
        rows = table_rows(table)
        sheet = tablib.Dataset(title=heading[:31], headers=next(rows))
        for row in rows:
            sheet.append(row)
        book.add_sheet(sheet)
    return book.export("xlsx")


def pdf_bytes(report, production, content):
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
