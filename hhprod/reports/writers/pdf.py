from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone

from ..errors import TooLongToPrint

# A week of a busy shoot's takes, not a whole shoot. WeasyPrint lays out a take log row in about
# 37 ms on the 2-core machine when its names wrap (seven rows a landscape page): past 500 rows
# (19 s) the file is a worker's job (exports.IMMEDIATE_PDF_ROWS); 5,000 rows take it minutes.
PDF_MAX_ROWS = 5000


def check_printable(report, content):
    """Refuse, before rendering, a PDF whose growing table (the take log) has too many rows."""
    for _, table in content.tables:
        if table.paginated and (rows := len(table.data)) > PDF_MAX_ROWS:
            narrow = "narrow it with the filters (a day range, a scene, a wearer)" if content.filterset else "narrow it"
            raise TooLongToPrint(
                f"The {report.title.lower()} PDF prints at most {PDF_MAX_ROWS:,} rows and this one has {rows:,}: "
                f"{narrow}, or download the CSV or XLSX, which hold every row."
            )


def write(report, production, content):
    check_printable(report, content)
    from weasyprint import HTML  # imported here: loading its fonts costs a second a process

    html = render_to_string(
        "reports/print.html",
        {"report": report, "production": production, "content": content, "printed": timezone.now()},
    )
    out = BytesIO()
    HTML(string=html).write_pdf(out)
    yield out.getvalue()
