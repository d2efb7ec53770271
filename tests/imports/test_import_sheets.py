"""An uploaded XLSX take log is read by openpyxl's read-only mode (defusedxml refusing entities):
its cells typed as Excel shows them, for workbooks as Excel, XlsxWriter and openpyxl write them, and
what no workbook holds refused with the reason, or read within bounds where openpyxl reads it."""

import io
import re
import tracemalloc
import zipfile
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
import xlsxwriter

from hhprod.imports.takefiles import FileRefused, read_take_log

from ..workbooks import with_part

SHEET = "xl/worksheets/sheet1.xml"


def rows_read(data):
    """The take log's header, then its rows (each as wide as the header)."""
    log = read_take_log(data, "xlsx")
    return [tuple(log.file_headers), *log]


def refusal(data):
    with pytest.raises(FileRefused) as refused:
        read_take_log(data, "xlsx")
    return str(refused.value)


def xlsxwriter_notes(tmp_path, notes, **options):
    """A column of notes under its header, written by XlsxWriter to a file (constant memory, its inline
    strings, is not open to a workbook written in memory)."""
    path = tmp_path / "notes.xlsx"
    book = xlsxwriter.Workbook(path, options)
    book.add_worksheet().write_column(0, 0, ["Notes", *notes])
    book.close()
    return path.read_bytes()


@pytest.mark.parametrize("options", [{}, {"constant_memory": True}], ids=["shared strings", "inline strings"])
def test_a_line_break_excel_escapes_reads_as_typed(tmp_path, options):
    """Excel and XlsxWriter write a carriage return as _x000D_, which openpyxl leaves as written: a note's
    Windows line break came back as "_x000D_" followed by a line feed."""
    data = xlsxwriter_notes(tmp_path, ["a\r\nb", "tab\there"], **options)
    assert rows_read(data) == [("Notes",), ("a\r\nb",), ("tab\there",)]


@pytest.mark.parametrize(
    "options, read",
    [({"constant_memory": True}, "typed _x000D_ as text"), ({}, "typed \r as text")],
    ids=["inline strings", "shared strings"],
)
def test_text_typed_as_an_escape_reads_as_typed_only_when_inline(tmp_path, options, read):
    """Text that looks like an escape is written behind _x005F_. Inline, openpyxl leaves that as written
    and the text reads as typed; in the shared strings openpyxl drops the _x005F_ itself, so the text
    reads as the character it names there."""
    assert rows_read(xlsxwriter_notes(tmp_path, ["typed _x000D_ as text"], **options))[1] == (read,)


HEADER = ["Day", "Date", "Scene", "Take", "Length", "Circled", "Notes", "Rolled", "Stamp"]


def excel_style_workbook(**options):
    """Every kind of cell a take log from set may hold, written as Excel does (XlsxWriter): text in
    the shared-strings table, dates as serial numbers with a date format, formulas with their value.
    It opens on its second sheet."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, **options})
    sheet = book.add_worksheet("Take log")
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    clock = book.add_format({"num_format": "hh:mm:ss"})
    duration = book.add_format({"num_format": "[h]:mm:ss"})
    sheet.write_row(0, 0, HEADER, bold)
    sheet.write_number(1, 0, 1)
    sheet.write_datetime(1, 1, datetime(2013, 9, 2), day)
    sheet.write_string(1, 2, "12A")
    sheet.write_number(1, 3, 3)
    sheet.write_datetime(1, 4, timedelta(minutes=1, seconds=44), duration)
    sheet.write_boolean(1, 5, True)
    sheet.write_rich_string(1, 6, "Rig ", bold, "slipped", " at 0:40")
    sheet.write_datetime(1, 7, time(14, 5, 30), clock)
    sheet.write_datetime(1, 8, datetime(2013, 9, 2, 8, 30), stamp)
    # Row 3 left empty; row 4 has a gap between its cells and formulas with their last values.
    sheet.write_number(3, 0, 2.5)
    sheet.write_formula(3, 2, '="1"&"4"', None, "14")
    sheet.write_formula(3, 3, "=1+1", None, 2)
    sheet.write_formula(3, 6, "=NA()", None, "#N/A")
    sheet.write_string(3, 7, "  spaced  ")
    opened = book.add_worksheet("Opened")
    opened.write_row(0, 0, ["Scene", "Take"])
    opened.write_row(1, 0, ["7", 1])
    opened.activate()
    book.add_worksheet("After").write_row(0, 0, ["not this one"])
    book.close()
    return out.getvalue()


def first_sheet_opened(data):
    return with_part(data, "xl/workbook.xml", lambda xml: xml.replace('activeTab="1"', 'activeTab="0"'))


EXCEL_ROWS = [
    tuple(HEADER),
    (
        1, datetime(2013, 9, 2), "12A", 3, timedelta(seconds=104), True, "Rig slipped at 0:40", time(14, 5, 30),
        datetime(2013, 9, 2, 8, 30),
    ),
    (None,) * 9,
    (2.5, None, "14", 2, None, None, "#N/A", "  spaced  ", None),
]  # fmt: skip


@pytest.mark.parametrize("options", [{}, {"date_1904": True}], ids=["1900-dates", "1904-dates"])
def test_the_cells_of_an_excel_workbook_come_out_typed(options):
    assert rows_read(first_sheet_opened(excel_style_workbook(**options))) == EXCEL_ROWS


def test_the_sheet_the_workbook_opens_on_is_read():
    assert rows_read(excel_style_workbook()) == [("Scene", "Take"), ("7", 1)]


def openpyxl_workbook():
    """As openpyxl (and tablib) write a workbook: text inline in the sheet, dates with openpyxl's formats."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Day", "Date", "Scene", "Take", "Length", "Notes", "Rolled", "Circled"])
    sheet.append([1, date(2013, 9, 2), "7", 1, timedelta(seconds=95), 'Ünïcode — notes, "quoted"'])
    sheet.append([])
    sheet.append([2, datetime(2013, 9, 3, 7, 0), "8", 2, time(0, 1, 35), None, None, False])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


OPENPYXL_ROWS = [
    ("Day", "Date", "Scene", "Take", "Length", "Notes", "Rolled", "Circled"),
    (1, datetime(2013, 9, 2), "7", 1, timedelta(seconds=95), 'Ünïcode — notes, "quoted"', None, None),
    (None,) * 8,
    (2, datetime(2013, 9, 3, 7, 0), "8", 2, time(0, 1, 35), None, None, False),
]


def prefixed(xml):
    """The sheet with its namespace under a prefix (x:c, x:row), as some .NET writers save it."""
    xml = re.sub(r"<(/?)(?!\?)([A-Za-z]+)([ >/])", r"<\1x:\2\3", xml)
    return xml.replace('xmlns="http://schemas', 'xmlns:x="http://schemas', 1)


@pytest.mark.parametrize("change", [lambda xml: xml, prefixed], ids=["as-openpyxl-writes-it", "prefixed-tags"])
def test_the_cells_of_an_openpyxl_workbook_come_out_typed(change):
    assert rows_read(with_part(openpyxl_workbook(), SHEET, change)) == OPENPYXL_ROWS


def test_an_inline_string_is_its_text_whatever_value_the_cell_also_carries():
    def carrying(xml):
        phonetic = '<rPh sb="0" eb="1"><t>ignored</t></rPh>'
        return xml.replace("<is><t>7</t></is>", f"<v>70</v><is><t>7</t>{phonetic}</is>", 1)

    data = with_part(openpyxl_workbook(), SHEET, carrying)
    assert "<v>70</v>" in zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    assert rows_read(data)[1][2] == "7"


LAUGHS = (
    '<!DOCTYPE {root} [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


@pytest.mark.parametrize(
    "part, root",
    [(SHEET, "worksheet"), ("xl/workbook.xml", "workbook"), ("xl/styles.xml", "styleSheet")],
)
def test_a_part_declaring_entities_is_refused_before_any_is_expanded(part, root):
    def declaring(xml):
        return xml.replace(f"<{root}", LAUGHS.format(root=root) + f"<{root}", 1)

    bomb = with_part(openpyxl_workbook(), part, declaring)
    assert refusal(bomb) == (
        "The file is not a readable XLSX workbook "
        "(a part declares a DTD or an XML entity, or refers outside the file, which no workbook part does)."
    )


def test_a_row_numbered_above_the_row_before_it_is_passed_over():
    """openpyxl reads the rows in their order in the sheet and passes over one numbered at or above a
    row already read, as no spreadsheet writes it: the rows before it are read."""
    backwards = with_part(openpyxl_workbook(), SHEET, lambda xml: xml.replace('<row r="4"', '<row r="1"', 1))
    assert rows_read(backwards) == OPENPYXL_ROWS[:2]


def rows_from_row_five(cells):
    """openpyxl's workbook with rows 5 on of one inline text cell each, row number: text ("" for a space)."""

    def adding(xml):
        rows = "".join(
            f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{text or " "}</t></is></c></row>'
            for number, text in cells.items()
        )
        return xml.replace("</sheetData>", rows + "</sheetData>")

    return with_part(openpyxl_workbook(), SHEET, adding)


@pytest.mark.parametrize(
    "cells, reason",
    [
        ({6: "a take"}, "The file has more than 4 rows of takes; split it into smaller files."),
        (
            {7: "a take"},
            "The sheet has rows below row 5; a take log may have at most 4 rows of takes. "
            "Delete the rows below the last take, or split the file.",
        ),
        (
            {6: "", 9: "a take"},
            "The sheet has rows below row 5; a take log may have at most 4 rows of takes. "
            "Delete the rows below the last take, or split the file.",
        ),
    ],
    ids=["a-take-in-the-row-after-the-last", "a-take-further-down", "a-blank-row-after-the-last-then-a-take"],
)
def test_a_sheet_going_on_below_the_last_take_allowed_is_refused(settings, cells, reason):
    settings.TAKE_IMPORT_MAX_ROWS = 4
    last = ("the last take", *[None] * 7)
    assert rows_read(rows_from_row_five({5: "the last take"})) == [*OPENPYXL_ROWS, last]
    assert refusal(rows_from_row_five({5: "the last take", **cells})) == reason


def test_a_shared_string_that_is_not_in_the_table_is_refused():
    def missing(xml):
        return re.sub(r'(t="s"><v>)\d+', r"\g<1>999", xml, count=1)

    broken = with_part(excel_style_workbook(), "xl/worksheets/sheet2.xml", missing)
    assert refusal(broken) == "The file is not a readable XLSX workbook (list index out of range)."


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda xml: xml.replace("<v>1</v>", "<v>one</v>", 1), "could not convert string to float: 'one'"),
        (lambda xml: xml.replace('<row r="2"', '<row r="2.5"', 1), "2.5 is not a valid row number"),
        (
            lambda xml: xml.replace('r="A2"', 'r="ZZZZ2"', 1),
            "'ZZZZ' is not a valid column name. Column names are from A to ZZZ",
        ),
        (lambda xml: xml.replace('t="n"><v>1</v>', 't="d"><v>Monday</v>', 1), "Invalid datetime value Monday"),
    ],
    ids=["a-number-in-words", "a-row-number-with-a-fraction", "a-column-past-ZZZ", "a-date-in-words"],
)
def test_a_cell_no_spreadsheet_writes_is_refused_with_what_openpyxl_found(change, reason):
    broken = with_part(openpyxl_workbook(), SHEET, change)
    assert refusal(broken) == f"The file is not a readable XLSX workbook ({reason})."


def test_a_sheet_that_is_not_xml_is_refused():
    broken = with_part(openpyxl_workbook(), SHEET, lambda xml: xml.replace("</sheetData>", "<row>"))
    assert refusal(broken).startswith("The file is not a readable XLSX workbook (a part is not XML: mismatched tag")


def test_a_workbook_opening_on_a_sheet_it_does_not_have_is_refused():
    def eighth(xml):
        return xml.replace('activeTab="1"', 'activeTab="7"')

    data = with_part(excel_style_workbook(), "xl/workbook.xml", eighth)
    assert refusal(data) == "The file is not a readable XLSX workbook (it opens on a sheet it does not have)."


def test_a_workbook_opening_on_a_chart_is_refused():
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.add_worksheet().write_column(0, 0, ["Take", 1, 2])
    chart = book.add_chart({"type": "line"})
    chart.add_series({"values": "=Sheet1!$A$2:$A$3"})
    book.add_chartsheet().set_chart(chart)
    book.worksheets()[1].activate()
    book.close()
    assert refusal(out.getvalue()) == "The file is not a readable XLSX workbook (the sheet it opens on is a chart)."


def test_a_damaged_sheet_in_the_zip_is_refused_with_the_reason():
    data = bytearray(openpyxl_workbook())
    sheet = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    start = sheet.header_offset + 30 + len(sheet.filename) + len(sheet.extra)
    data[start + 10 : start + 40] = bytes(30)  # the compressed bytes, zeroed
    assert refusal(bytes(data)).startswith(
        "The file is not a readable XLSX workbook (a part cannot be unpacked: Error -3 while decompressing data: "
    )


def test_a_workbook_missing_a_part_it_names_is_refused():
    source = zipfile.ZipFile(io.BytesIO(excel_style_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info, source.read(info))
    assert refusal(out.getvalue()) == (
        "The file is not a readable XLSX workbook (There is no item named 'xl/sharedStrings.xml' in the archive)."
    )


@pytest.mark.parametrize(
    "part, end, entry, most_bytes",
    [
        ("xl/styles.xml", "</cellXfs>", '<xf numFmtId="0"/>', 1024),
        ("xl/sharedStrings.xml", "</sst>", "<si><t>x</t></si>", 128),
    ],
    ids=["cell styles", "shared strings"],
)
def test_a_part_of_many_tiny_entries_is_read_holding_each_in_a_few_hundred_bytes(part, end, entry, most_bytes):
    """openpyxl holds a workbook's cell styles and shared strings whole: a part of tiny entries costs
    memory in proportion to them, within the workbook's unpacked size."""
    count = 10_000
    data = with_part(excel_style_workbook(), part, lambda xml: xml.replace(end, entry * count + end))
    tracemalloc.start()
    try:
        rows = rows_read(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rows == [("Scene", "Take"), ("7", 1)]
    assert peak < count * most_bytes
