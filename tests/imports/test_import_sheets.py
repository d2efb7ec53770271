"""hhprod's XLSX sheet reader (hhprod/imports/sheets.py) gives the values openpyxl's read-only
mode gives, for workbooks as Excel, XlsxWriter and openpyxl write them, and refuses what no
workbook holds (a DTD, rows out of order) with the reason."""

import io
import re
import zipfile
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
import xlsxwriter

from hhprod.imports import workbook
from hhprod.imports.sheets import active_sheet_rows
from hhprod.imports.takefiles import FileRefused, read_take_log

from ..workbooks import with_part

SHEET = "xl/worksheets/sheet1.xml"


def hhprod_rows(data):
    """The sheet's rows as openpyxl gives them: a row the sheet leaves out as an empty one."""
    rows = []
    for index, row in active_sheet_rows(zipfile.ZipFile(io.BytesIO(data))):
        rows += [()] * (index - len(rows))
        rows.append(trimmed(row))
    return rows


def openpyxl_rows(data):
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.active
    sheet.reset_dimensions()
    rows = [trimmed(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def trimmed(row):
    """A row without its trailing empty cells: openpyxl pads a row to the widest, hhprod does not."""
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return tuple(row)


@pytest.mark.parametrize("options", [{}, {"constant_memory": True}], ids=["shared strings", "inline strings"])
def test_text_escaped_as_excel_writes_it_reads_as_typed(options):
    """Excel and XlsxWriter write a carriage return as _x000D_, and text that looks like such an escape
    behind _x005F_; openpyxl leaves both as written, so a note's Windows line break came back as
    "_x000D_" followed by a line feed."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, **options})
    book.add_worksheet().write_row(0, 0, ["a\r\nb", "typed _x000D_ as text", "tab\there"])
    book.close()
    assert hhprod_rows(out.getvalue()) == [("a\r\nb", "typed _x000D_ as text", "tab\there")]


def excel_style_workbook(**options):
    """Every kind of cell a take log from set may hold, written as Excel does (XlsxWriter): text in
    the shared-strings table, dates as serial numbers with a date format, formulas with their value."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, **options})
    sheet = book.add_worksheet("Take log")
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    clock = book.add_format({"num_format": "hh:mm:ss"})
    duration = book.add_format({"num_format": "[h]:mm:ss"})
    sheet.write_row(0, 0, ["Day", "Date", "Scene", "Take", "Length", "Circled", "Notes", "Rolled", "Stamp"], bold)
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
    sheet.write_number(4, 40, 7)  # a far column
    # A second sheet, the one the workbook opens on, and a third after it.
    opened = book.add_worksheet("Opened")
    opened.write_row(0, 0, ["Scene", "Take"])
    opened.write_row(1, 0, ["7", 1])
    opened.activate()
    book.add_worksheet("After").write_row(0, 0, ["not this one"])
    book.close()
    return out.getvalue()


def openpyxl_workbook():
    """As openpyxl (and tablib) write a workbook: text inline in the sheet, dates with openpyxl's formats."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Day", "Date", "Scene", "Take", "Length", "Notes"])
    sheet.append([1, date(2013, 9, 2), "7", 1, timedelta(seconds=95), 'Ünïcode — notes, "quoted"'])
    sheet.append([])
    sheet.append([2, datetime(2013, 9, 3, 7, 0), "8", 2, time(0, 1, 35), None, None, False])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def first_sheet_opened(data):
    return with_part(data, "xl/workbook.xml", lambda xml: xml.replace('activeTab="1"', 'activeTab="0"'))


def prefixed(xml):
    """The sheet with its namespace under a prefix (x:c, x:row), as some .NET writers save it."""
    xml = re.sub(r"<(/?)(?!\?)([A-Za-z]+)([ >/])", r"<\1x:\2\3", xml)
    return xml.replace('xmlns="http://schemas', 'xmlns:x="http://schemas', 1)


@pytest.mark.parametrize(
    "workbook",
    [
        pytest.param(lambda: first_sheet_opened(excel_style_workbook()), id="as-excel-writes-it"),
        pytest.param(lambda: first_sheet_opened(excel_style_workbook(date_1904=True)), id="1904-dates"),
        pytest.param(excel_style_workbook, id="opening-on-its-second-sheet"),
        pytest.param(openpyxl_workbook, id="as-openpyxl-writes-it"),
        pytest.param(lambda: with_part(openpyxl_workbook(), SHEET, prefixed), id="prefixed-tags"),
    ],
)
def test_each_cell_reads_as_openpyxl_reads_it(workbook):
    data = workbook()
    assert hhprod_rows(data) == openpyxl_rows(data)


def test_an_inline_string_is_its_text_whatever_value_the_cell_also_carries():
    def carrying(xml):
        phonetic = '<rPh sb="0" eb="1"><t>ignored</t></rPh>'
        return xml.replace("<is><t>7</t></is>", f"<v>70</v><is><t>7</t>{phonetic}</is>", 1)

    data = with_part(openpyxl_workbook(), SHEET, carrying)
    assert "<v>70</v>" in zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    assert hhprod_rows(data)[1][2] == "7"
    assert hhprod_rows(data) == openpyxl_rows(data)


def test_the_cells_of_an_excel_workbook_come_out_typed():
    data = excel_style_workbook()
    rows = hhprod_rows(first_sheet_opened(data))
    assert rows[1] == (
        1, datetime(2013, 9, 2), "12A", 3, timedelta(seconds=104), True, "Rig slipped at 0:40", time(14, 5, 30),
        datetime(2013, 9, 2, 8, 30),
    )  # fmt: skip
    assert rows[2] == ()
    assert rows[3] == (2.5, None, "14", 2, None, None, "#N/A", "  spaced  ")
    assert rows[4] == (None,) * 40 + (7,)
    assert hhprod_rows(data) == [("Scene", "Take"), ("7", 1)]  # the sheet it opens on


def refusal(data):
    with pytest.raises(FileRefused) as refused:
        read_take_log(data, "xlsx")
    return str(refused.value)


def test_a_sheet_declaring_entities_is_refused_before_any_is_expanded():
    laughs = (
        '<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    bomb = with_part(openpyxl_workbook(), SHEET, lambda xml: xml.replace("<worksheet", laughs + "<worksheet", 1))
    assert refusal(bomb) == (
        "The file is not a readable XLSX workbook "
        "(xl/worksheets/sheet1.xml declares a DTD, which no workbook part has)."
    )


def test_rows_out_of_order_are_refused_not_skipped():
    backwards = with_part(openpyxl_workbook(), SHEET, lambda xml: xml.replace('<row r="4"', '<row r="1"', 1))
    assert refusal(backwards) == "The file is not a readable XLSX workbook (row 1 follows row 2)."


def test_a_shared_string_that_is_not_in_the_table_names_its_row():
    data = excel_style_workbook()

    def missing(xml):
        return re.sub(r'(t="s"><v>)\d+', r"\g<1>999", xml, count=1)

    broken = with_part(data, "xl/worksheets/sheet2.xml", missing)
    assert refusal(broken) == (
        "The file is not a readable XLSX workbook (xl/worksheets/sheet2.xml, row 1: list index out of range)."
    )


def test_a_sheet_that_is_not_xml_is_refused():
    broken = with_part(openpyxl_workbook(), SHEET, lambda xml: xml.replace("</sheetData>", "<row>"))
    assert refusal(broken).startswith(
        "The file is not a readable XLSX workbook (xl/worksheets/sheet1.xml is not XML: mismatched tag"
    )


def test_a_workbook_opening_on_a_sheet_it_does_not_have_is_refused():
    def eighth(xml):
        return xml.replace('activeTab="1"', 'activeTab="7"')

    data = with_part(excel_style_workbook(), "xl/workbook.xml", eighth)
    assert refusal(data) == "The file is not a readable XLSX workbook (the workbook opens on sheet 8 of 3)."


def test_a_damaged_sheet_in_the_zip_is_refused_with_the_reason():
    data = bytearray(openpyxl_workbook())
    sheet = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    start = sheet.header_offset + 30 + len(sheet.filename) + len(sheet.extra)
    data[start + 10 : start + 40] = bytes(30)  # the compressed bytes, zeroed
    assert refusal(bytes(data)).startswith(
        "The file is not a readable XLSX workbook (xl/worksheets/sheet1.xml cannot be unpacked: "
    )


@pytest.mark.parametrize(
    "part, limit, filler, reason",
    [
        (
            "xl/styles.xml",
            "MAX_ENTRIES",
            ("</cellXfs>", '<xf numFmtId="0"/>'),
            "xl/styles.xml has more than 50 entries",
        ),
        ("xl/sharedStrings.xml", "MAX_SHARED_STRINGS", ("</sst>", "<si><t>x</t></si>"), "more than 50 strings"),
    ],
)
def test_a_part_of_too_many_tiny_entries_is_refused_before_they_are_all_held(monkeypatch, part, limit, filler, reason):
    monkeypatch.setattr(workbook, limit, 50)
    end, entry = filler
    data = with_part(first_sheet_opened(excel_style_workbook()), part, lambda xml: xml.replace(end, entry * 51 + end))
    assert reason in refusal(data)
    assert hhprod_rows(first_sheet_opened(excel_style_workbook()))[0][0] == "Day"  # the same workbook, unfilled, reads
