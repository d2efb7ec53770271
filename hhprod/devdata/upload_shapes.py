"""The costliest take-log files for their size: what reading an upload costs at its worst.

Each shape is a function of a scale (rows or lines) giving the file's bytes; `benchmark_uploads`
reads each at growing scales, so a cost that grows faster than the file shows in its figures.
The XLSX shapes are written part by part, as a hostile file would be, not by a spreadsheet.
"""

import io
import zipfile

PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"
COLUMNS = 64  # the widest take log read
HEADER = "<row>" + "".join(f'<c t="inlineStr"><is><t>Column {n}</t></is></c>' for n in range(COLUMNS)) + "</row>"
CSV_HEADER = ",".join(f"Column {n}" for n in range(COLUMNS)) + "\n"


def workbook(rows_xml, shared_strings=None):
    """A one-sheet workbook whose sheet data is `rows_xml` after a header row, and optionally a
    shared-strings part of the given <si> entries. Its content types name the workbook and the
    shared strings, as openpyxl finds them by those."""
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEET}.sheet.main+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SPREADSHEET}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}">'
        '<sheets><sheet name="Takes" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{MAIN}"><sheetData>{HEADER}{rows_xml}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{shared_strings or ""}</sst>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


def blank_in_last_column(rows):
    """The review's shape: each row one blank cell in column XFD (16,384)."""
    return workbook(
        "".join(f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t> </t></is></c></row>' for r in range(2, rows + 2))
    )


def empty_cells_then_a_value(rows):
    """Each row 63 empty cells and a value in the last column a take log may have."""
    return workbook("".join(f"<row>{'<c/>' * 63}<c><v>{r}</v></c></row>" for r in range(rows)))


def full_cells(rows):
    """Each row 64 cells of 2,000 characters, the most a cell may hold."""
    cell = f'<c t="inlineStr"><is><t>{"x" * 2000}</t></is></c>'
    return workbook(f"<row>{cell * 64}</row>" * rows)


def tiny_shared_strings(count):
    """A shared-strings part of `count` one-letter entries, and one row using the last."""
    return workbook(f'<row><c t="s"><v>{count - 1}</v></c></row>', "<si><t>x</t></si>" * count)


def take_in_the_last_row(rows):
    """`rows` rows of a take each, then one in the sheet's last row, 1,048,576."""
    takes = "".join(f"<row><c><v>{r}</v></c></row>" for r in range(rows))
    return workbook(takes + '<row r="1048576"><c><v>1</v></c></row>')


def csv_commas(lines):
    """Lines of 120,000 commas: 120,001 empty cells each, just inside the longest line read."""
    return (CSV_HEADER + ("," * 120_000 + "\n") * lines).encode()


def csv_full_cells(lines):
    """Lines of 64 cells of 2,000 characters."""
    return (CSV_HEADER + (",".join(["x" * 2000] * COLUMNS) + "\n") * lines).encode()


def ale_tabs(lines):
    """An ALE's Data lines of a clip's name and 120,000 tabs."""
    return ("Heading\nFPS\t25\nColumn\nName\tScene\nData\n" + ("x" + "\t" * 120_000 + "\n") * lines).encode()


# name: (format, builder, the scales read)
SHAPES = {
    "xlsx: a blank cell in the last column": ("xlsx", blank_in_last_column, (1_000, 10_000, 100_000)),
    "xlsx: 63 empty cells, then a value": ("xlsx", empty_cells_then_a_value, (1_000, 10_000, 50_000)),
    "xlsx: 64 cells of 2,000 characters": ("xlsx", full_cells, (10, 100, 350)),
    "xlsx: tiny shared strings": ("xlsx", tiny_shared_strings, (10_000, 100_000, 1_000_000)),
    "xlsx: a take in the sheet's last row": ("xlsx", take_in_the_last_row, (10, 1_000, 40_000)),
    "csv: lines of 120,000 commas": ("csv", csv_commas, (1, 10, 80)),
    "csv: 64 cells of 2,000 characters": ("csv", csv_full_cells, (1, 10, 80)),
    "ale: a name and 120,000 tabs a line": ("ale", ale_tabs, (1, 10, 80)),
}


def unpacked_size(data, kind):
    if kind != "xlsx":
        return len(data)
    return sum(part.file_size for part in zipfile.ZipFile(io.BytesIO(data)).infolist())
