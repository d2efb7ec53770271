"""Reading an uploaded take log, CSV or XLSX, as untrusted input.

A few kilobytes can unpack to gigabytes (a zip bomb), declare a sheet of a million rows
by sixteen thousand columns, or carry one enormous cell. Every limit below is checked
before the thing it limits is held in memory: the file's bytes, the XLSX parts' unpacked
sizes (from the zip's directory, which Python's zipfile enforces while unpacking), then
rows, columns and cell text as the rows stream past. The real rows are read, never the
sheet's declared size, which may be larger or smaller than its content.

Then its cells as a take's values: numbers, lengths, dates, text.
"""

import copy
import csv
import io
import itertools
import operator
import re
import zipfile
import zlib

import defusedxml
import openpyxl
from django.conf import settings
from import_export.formats import base_formats
from openpyxl.utils.escape import unescape

from hhprod.lib.freetext import TEXT_LIMIT

from .setvalues import timecode_rate

MAX_CELL_CHARACTERS = TEXT_LIMIT  # a take's notes, the longest text it has
MAX_XLSX_PARTS = 200  # a one-sheet workbook has about a dozen
# hhprod's own take-log export of 200,000 rows (its 20 columns) unpacks to 137 MB; a zip bomb within
# this is counted by the C XML parser (count_what_openpyxl_holds) before openpyxl reads it.
MAX_XLSX_UNPACKED_BYTES = 256 * 2**20
# openpyxl holds a row's cells, and a workbook's cell styles, as Python objects (about 300 and 760
# bytes each): within the unpacked size, a few kilobytes of zip could unpack to millions of them in
# one row or in the styles. Counted first, by tag, with the C XML parser.
MAX_CELLS_A_ROW = 16_384  # Excel's columns
MAX_STYLE_ENTRIES = 200_000  # Excel allows 64,000 cell formats
# Any width is read: an Avid bin or a lab's ALE carries well over a hundred columns, most of them
# empty. What bounds a row is its cells (a sheet's, MAX_CELLS_A_ROW) and a line's characters; what
# bounds the file is its cells read, each row as wide as it was read (a one-value row padded to the
# header's width costs that width).
MAX_LINE_CHARACTERS = 2**20  # a 245-column Avid row is a few kilobytes; split, this costs 8 MB at most
MAX_CELLS = 20_000_000  # 200,000 takes of 100 columns; a second or two of reading
# What openpyxl, zipfile and the XML parser raise on a workbook that is not what it says: a part
# missing (KeyError, a LookupError), damaged (BadZipFile, zlib.error, EOFError), packed by an unknown
# method or encrypted (NotImplementedError, a RuntimeError), not XML (ParseError, a SyntaxError), in
# an unknown encoding (LookupError), declaring an entity (defusedxml's errors, ValueErrors), naming
# no workbook part (OSError), a value of the wrong kind (ValueError, TypeError, IndexError, a
# LookupError, AttributeError).
UNREADABLE = (
    LookupError, ValueError, TypeError, AttributeError, OSError, EOFError, RuntimeError, SyntaxError,
    zipfile.BadZipFile, zlib.error,
)  # fmt: skip

# A mapped log's last cell, when it keeps the columns mapped to nothing: {header: value}, a take's other_columns.
OTHERS = "Other columns"


class FileRefused(ValueError):
    """The whole file is refused, for the reason given, before any row is checked."""


def megabytes(size):
    return f"{size / 2**20:.1f} MB"


def check_size(size):
    limit = settings.TAKE_IMPORT_MAX_BYTES
    if size > limit:
        raise FileRefused(f"The file is {megabytes(size)}; a take log may be at most {megabytes(limit)}.")


def read_take_log(data, kind, checked=True):
    """A take log's bytes as a TakeLog; FileRefused says why not. `checked`: every row is read
    within the limits now, else only the header (the rest as the rows are read)."""
    check_size(len(data))
    log = TakeLog(data, kind)
    if checked:
        len(log)
    return log


class TakeLog:
    """A take log's header, its timecodes' frame rate (`fps`: an ALE's heading says it) and its rows,
    each as wide as the header. The rows are read from the file's bytes again on each pass, within
    the limits, rather than held: a 50,000-row file as Python values is ten times its size."""

    def __init__(self, data, kind):
        self.data = data
        self.kind = kind
        self.heading = {}
        lines = self.lines()
        header = next(lines, None)
        lines.close()
        if header is None:
            raise FileRefused("The file is empty: it needs a header row and a row per take.")
        if not header:
            raise FileRefused("The first row is empty: the header (Day, Scene, Take, ...) must be the first row.")
        self.file_headers = list(header)
        self.fps = heading_rate(self.heading["FPS"]) if self.heading.get("FPS") else None
        self.kept = None  # the file's columns a mapped log reads, by position: all of them
        self.others = []  # the columns a mapped log keeps aside with each take: (position, name)
        self.headers = self.file_headers
        self.length = None

    def lines(self):
        """The file's header, then its rows, read within the limits."""
        data, kind = self.data, self.kind
        if kind == "xlsx":
            return capped(read_xlsx(data))
        return capped(enumerate(ale_rows(data, self.heading) if kind == "ale" else read_csv(data)))

    def mapped(self, columns, keep_others=True):
        """This file's rows with only the columns mapped to a take-log column (`columns`, one per
        file column, "" for left out), under the take-log column's name; with `keep_others`, the
        columns left out follow as one cell, OTHERS: {header: value} of those holding something."""
        mapped = copy.copy(self)
        mapped.kept = [position for position, column in enumerate(columns) if column]
        mapped.headers = [columns[position] for position in mapped.kept]
        mapped.others = []
        names = set()
        for position, column in enumerate(columns):
            if keep_others and not column:
                name = str(self.file_headers[position] or "").strip() or f"Column {position + 1}"
                if name in names:  # two columns of one name: each keeps its value
                    name = f"{name} (column {position + 1})"
                names.add(name)
                mapped.others.append((position, name))
        if mapped.others:
            mapped.headers = [*mapped.headers, OTHERS]
        return mapped

    def __iter__(self):
        lines = self.lines()
        next(lines)
        width = len(self.file_headers)
        kept = self.kept
        others = self.others
        # The kept cells picked in C; the first cell as well, so that it gives a tuple even of one or none.
        pick = None if kept is None else operator.itemgetter(*kept, 0)
        number = 0
        for number, row in enumerate(lines, 1):
            if len(row) > width:
                raise FileRefused(f"Row {number} has {len(row)} cells but the header has {width} columns.")
            row += (None,) * (width - len(row))
            if pick is None:
                yield row
            elif others:
                kept_aside = {name: row[position] for position, name in others if not blank(row[position])}
                yield (*pick(row)[: len(kept)], kept_aside or None)
            else:
                yield pick(row)[: len(kept)]
        self.length = number

    def __len__(self):
        """The rows under the header: counted by reading them, once."""
        if self.length is None:
            for _ in self:
                pass
        return self.length


def as_text(data):
    try:
        return data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise FileRefused(f"The file is not UTF-8 text (byte {error.start + 1}): save it as UTF-8.") from None


def text_lines(data):
    """The file's text a line at a time, each with its line ending (\\n, \\r\\n or a lone \\r, as old
    Excel for Mac writes), decoded as it is read rather than as one copy of the whole file."""
    stream = io.TextIOWrapper(io.BytesIO(data.encode() if isinstance(data, str) else data), "utf-8-sig", newline="")
    try:
        yield from stream
    except UnicodeDecodeError:
        as_text(data)  # decoded whole, to name the bad byte's place in the file rather than in a chunk
        raise


def read_csv(data):
    reader = csv.reader(bounded_lines(data))
    try:
        yield from reader
    except csv.Error as error:
        # The csv module refuses a field over its own limit (128 KiB) before holding more of it.
        raise FileRefused(f"Line {reader.line_num} of the file cannot be read as CSV ({error}).") from None


def bounded_lines(data):
    for number, line in enumerate(text_lines(data), 1):
        if len(line) > MAX_LINE_CHARACTERS:
            raise FileRefused(
                f"Line {number} of the file is {len(line):,} characters long; a take log's line is far shorter."
            )
        yield line


def read_xlsx(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FileRefused("The file is not an XLSX workbook (it is not a zip archive).") from None
    parts = archive.infolist()
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise FileRefused(
            f"The workbook unpacks to {megabytes(unpacked)} in {len(parts)} parts; a take log may unpack to "
            f"at most {megabytes(MAX_XLSX_UNPACKED_BYTES)}. Save the take log alone, as CSV or a one-sheet XLSX."
        )
    count_what_openpyxl_holds(archive)
    try:
        # keep_links: a link to another workbook is not read (its cached values are not a take log's).
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except UNREADABLE as error:
        raise FileRefused(unreadable(error)) from None
    try:
        yield from sheet_rows(book)
    except FileRefused:
        raise
    except UNREADABLE as error:
        raise FileRefused(unreadable(error)) from None
    finally:
        book.close()


def count_what_openpyxl_holds(archive):
    """Refuse a worksheet row of more cells than MAX_CELLS_A_ROW, styles of more entries than
    MAX_STYLE_ENTRIES, or a DTD in either, before openpyxl holds them: each part scanned as it is
    unpacked, by regular expressions (in C) rather than an XML parser, at about 0.1 s for 10 MB."""
    for part in archive.infolist():
        if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
            scanned(archive, part, cells_a_row(part))
        elif part.filename.endswith("styles.xml"):
            scanned(archive, part, style_entries(part))


ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")  # a row's tag, with or without a prefix ("x:row")
CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
# A row this long in bytes may hold MAX_CELLS_A_ROW cells (the shortest cell, <c/>, is 4 bytes): a
# shorter one cannot, and only the longer ones have their cells counted.
LONG_ROW = 4 * MAX_CELLS_A_ROW


def scanned(archive, part, counter):
    """The part unpacked a chunk at a time, each chunk cut before its last tag (so that no tag is
    split) and given to `counter`; a DTD refused wherever it is."""
    counter.send(None)
    carry = b""
    try:
        with archive.open(part) as stream:
            while True:
                chunk = stream.read(2**16)
                text = carry + chunk
                cut = text.rfind(b"<") if chunk else len(text)
                if cut <= 0:
                    cut = len(text) if len(text) > 2**20 else 0  # no tag for a megabyte: text, scanned as it is
                if b"<!DOCTYPE" in text[:cut]:
                    raise FileRefused(f"The file is not a readable XLSX workbook ({DECLARES}).")
                counter.send(text[:cut])
                carry = text[cut:]
                if not chunk:
                    return
    except FileRefused:
        raise
    except UNREADABLE as error:
        raise FileRefused(unreadable(error)) from None


def refused(part, most, what):
    return FileRefused(f"The workbook's {part.filename} has more than {most:,} {what}: it is not a take log.")


def cells_a_row(part):
    """A counter for `scanned`: the cells of each row longer than LONG_ROW bytes."""
    length = cells = 0  # of the row the scan is in, so far
    while True:
        text = yield
        bounds = [0, *(match.start() for match in ROW.finditer(text)), len(text)]
        for index, (begin, end) in enumerate(itertools.pairwise(bounds)):
            if index:  # the segment opens a row
                length = cells = 0
            length += end - begin
            if length > LONG_ROW or end == len(text):
                cells += len(CELL.findall(text, begin, end))
            if cells > MAX_CELLS_A_ROW:
                raise refused(part, MAX_CELLS_A_ROW, "cells in one row")


def style_entries(part):
    """A counter for `scanned`: every element of the styles part."""
    entries = 0
    while True:
        text = yield
        entries += text.count(b"<") - text.count(b"</")
        if entries > MAX_STYLE_ENTRIES:
            raise refused(part, MAX_STYLE_ENTRIES, "style entries")


def sheet_rows(book):
    """The rows of the sheet the workbook opens on, each with its index (0 for the header), as
    openpyxl's read-only mode reads them: dates and durations by their number format, a row the
    sheet leaves out as an empty one, passed over here.

    openpyxl makes a row as wide as its last cell, or as asked, and gives an empty row for each one
    a sheet skips: a cell in column XFD or row 1,048,576 would cost 16,384 values a row, or a million
    rows. So the rows under the header are read one column past the header's last (a value there is
    refused, one further right is not read), every cell read counts against MAX_CELLS, and the rows
    go down to the row after the last take allowed (a sheet going on there is refused, as what it
    holds below is not read)."""
    sheet = book.active
    if sheet is None:
        raise FileRefused("The file is not a readable XLSX workbook (it opens on a sheet it does not have).")
    if sheet not in book.worksheets:
        raise FileRefused("The file is not a readable XLSX workbook (the sheet it opens on is a chart).")
    sheet.reset_dimensions()  # the rows it holds, not the size its <dimension> declares
    max_rows = settings.TAKE_IMPORT_MAX_ROWS
    cells = 0
    header_width = 0
    for row in sheet.iter_rows(max_row=max_rows + 2, values_only=True):
        cells = counted_cells(cells, len(row))
        if header_width := filled_width(row):
            break
    # Lines 0 (the header) to max_rows (the last take), then one more: a take there is refused as
    # one too many (by capped), an empty row there means the sheet goes on below, unread.
    rows = sheet.iter_rows(max_row=max_rows + 2, max_col=header_width + 1, values_only=True)
    for line, row in enumerate(rows):
        cells = counted_cells(cells, len(row))
        empty = row.count(None) == len(row)
        if line > max_rows and (empty or all(map(blank, row))):
            raise FileRefused(
                f"The sheet has rows below row {max_rows + 1:,}; a take log may have at most {max_rows:,} "
                "rows of takes. Delete the rows below the last take, or split the file."
            )
        if empty:
            continue
        width = len(row)
        while row[width - 1] is None:  # as wide as its last cell, as the CSV and ALE readers give a row
            width -= 1
        yield line, tuple(unescaped(value) for value in row[:width])


def filled_width(row):
    """A row's width to its last cell holding something; 0 for a blank row."""
    width = len(row)
    while width and blank(row[width - 1]):
        width -= 1
    return width


def counted_cells(cells, more):
    """The cells read so far, `more` added; refused past MAX_CELLS."""
    cells += more
    if cells > MAX_CELLS:
        raise FileRefused(
            f"The sheet holds more than {MAX_CELLS:,} cells, each row counted as wide as the header; a take log "
            "holds far fewer. Delete the empty columns and rows, or split the file."
        )
    return cells


def unescaped(value):
    """Text as Excel shows it: OOXML writes a control character as _xHHHH_ (a line break's \\r as
    _x000D_), which openpyxl leaves as written."""
    return unescape(value) if isinstance(value, str) and "_x" in value else value


DECLARES = "a part declares a DTD or an XML entity, or refers outside the file, which no workbook part does"


def unreadable(error):
    """The refusal of a workbook openpyxl, zipfile or the XML parser could not read, with what they found."""
    # openpyxl words a ValueError met while it loads the workbook as "Unable to read workbook", the
    # error itself as its cause.
    error = error.__cause__ or error
    if isinstance(error, defusedxml.DefusedXmlException):
        reason = DECLARES
    elif isinstance(error, SyntaxError):
        reason = f"a part is not XML: {error}"
    elif isinstance(error, (zipfile.BadZipFile, zlib.error, EOFError)):
        reason = f"a part cannot be unpacked: {error}"
    else:
        reason = str(error.args[0]) if error.args else type(error).__name__
    return f"The file is not a readable XLSX workbook ({reason[:200]})."


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def capped(numbered_rows):
    """The rows, each checked against the limits as it arrives; blank rows after the last take dropped.

    `numbered_rows` gives each row with its index (0 for the header); a sheet may leave blank
    rows out. Blank rows are only counted until a row with something in it follows, so a sheet
    whose last formatted cell is a million rows down costs a number, not a list. Trailing blank
    cells are counted from the end and cut once: a row costs its width, however many are blank.
    """
    max_rows = settings.TAKE_IMPORT_MAX_ROWS
    last = -1  # the index of the last row with something in it
    for line, row in numbered_rows:
        width = filled_width(row)
        if not width:
            continue
        if width > MAX_CELLS_A_ROW:
            raise FileRefused(too_wide(line, width))
        row = tuple(row[:width])
        for column, value in enumerate(row, 1):
            # A note at its limit may come back behind the quote that kept a spreadsheet from
            # reading it as a formula (the export's): the quote is not counted.
            if isinstance(value, str) and len(value) - value.startswith("'") > MAX_CELL_CHARACTERS:
                raise FileRefused(
                    f"{where(line)}, column {column} holds {len(value):,} characters; "
                    f"a cell may hold at most {MAX_CELL_CHARACTERS:,}."
                )
        if line > max_rows:  # the header, then the takes
            raise FileRefused(f"The file has more than {max_rows:,} rows of takes; split it into smaller files.")
        yield from [()] * (line - last - 1)
        last = line
        yield row


def where(line):
    return "The header row" if line == 0 else f"Row {line}"


def too_wide(line, width):
    return f"{where(line)} has {width:,} cells; a row may have at most {MAX_CELLS_A_ROW:,} (Excel's columns)."


# Avid Log Exchange: the bin log Avid, Resolve and Silverstack write. Tab-separated text in three
# sections, each opened by a line holding only its name: `Heading` (one `NAME<tab>value` per line:
# FIELD_DELIM, VIDEO_FORMAT, AUDIO_FORMAT, FPS...), `Column` (one line of column names; Name,
# Tracks, Start and End are Avid's required four) and `Data` (a line per clip).
SECTIONS = ("Heading", "Column", "Data")


def heading_rate(text):
    """A heading's FPS as a TimecodeRate: "25", "23.976", "29.97"..."""
    try:
        return timecode_rate(text)
    except ValueError:
        raise FileRefused(f"The ALE heading's FPS is {text!r}, not a frame rate (25, 23.976, 29.97...).") from None


def ale_rows(data, heading):
    """An ALE's column names, then each clip's cells; `heading` (a dict) is filled with NAME -> value."""
    columns, section = None, None
    for number, line in enumerate(bounded_lines(data), 1):
        line = line.rstrip("\r\n")
        name = line.strip()
        if name in SECTIONS:
            section = name
            continue
        if not name:
            continue
        if section is None:
            raise FileRefused(f"Line {number} of the ALE comes before its Heading: an ALE starts with a Heading line.")
        cells = line.split("\t")
        if section == "Heading":
            heading[cells[0].strip()] = cells[1].strip() if len(cells) > 1 else ""
        elif section == "Column":
            if columns is not None:
                raise FileRefused(f"Line {number}: the ALE's Column section has more than one line of names.")
            if (delimiter := heading.get("FIELD_DELIM", "TABS")) != "TABS":
                raise FileRefused(f"The ALE's FIELD_DELIM is {delimiter!r}; hhprod reads tab-separated ALEs (TABS).")
            columns = tuple(cell.strip() for cell in cells)
            yield columns
        elif columns is None:
            raise FileRefused("The ALE has Data before its Column section: its columns are not named.")
        else:
            yield tuple(cells)
    if columns is None:
        raise FileRefused("The ALE has no Column section: its columns are not named.")


class TakeLogCSV(base_formats.CSV):
    """CSV for the take-log import, read with the limits above."""

    def create_dataset(self, in_stream):
        return read_take_log(in_stream, "csv")


class TakeLogXLSX(base_formats.XLSX):
    """XLSX for the take-log import, read with the limits above."""

    def create_dataset(self, in_stream):
        return read_take_log(in_stream, "xlsx")


class TakeLogALE(base_formats.TSV):
    """An Avid ALE for the take-log import, read with the limits above."""

    def get_title(self):
        return "ale"

    def get_extension(self):
        return "ale"

    def create_dataset(self, in_stream):
        return read_take_log(in_stream, "ale")
