from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from hhprod.lib.formulas import neutralise

from .cells import table_rows

SHEET_NAME = 31  # Excel's longest sheet name


def cell(value):
    """XLSX cannot hold most control characters (a stray one in a note would break the file): they are left out."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write(report, production, content):
    """A sheet per table, plus the summary; written row by row (openpyxl's write-only mode),
    so a 100,000-take log is never held as a grid of cell objects."""
    book = Workbook(write_only=True)
    if content.summary:
        summary = book.create_sheet("Summary")
        summary.append(["Figure", "Value"])
        for label, value in content.summary:
            summary.append([label, cell(neutralise(str(value)))])
    for heading, table in content.tables:
        sheet = book.create_sheet(heading[:SHEET_NAME])
        for row in table_rows(table):
            sheet.append([cell(value) for value in row])
    out = BytesIO()
    book.save(out)
    yield out.getvalue()
