"""Reading an uploaded take log, CSV or XLSX, as untrusted input.

A few kilobytes can unpack to gigabytes (a zip bomb), declare a sheet of a million rows
by sixteen thousand columns, or carry one enormous cell. Every limit below is checked
before the thing it limits is held in memory: the file's bytes, the XLSX parts' unpacked
sizes (from the zip's directory, which Python's zipfile enforces while unpacking), then
rows, columns and cell text as the rows stream past. The real rows are read, never the
sheet's declared size, which may be larger or smaller than its content.

Then its cells as a take's values: numbers, lengths, dates, text.
"""

import csv
import io
import re
import zipfile
from datetime import date, datetime, time, timedelta

import openpyxl
import tablib
from django.conf import settings
from import_export.formats import base_formats

from hhprod.lib.formulas import unquote

MAX_COLUMNS = 30  # the take log has ten; room for a camera report's extra columns
MAX_CELL_CHARACTERS = 2000  # a take's notes are a line or two
MAX_XLSX_PARTS = 200  # a one-sheet workbook has about a dozen
MAX_XLSX_UNPACKED_BYTES = 50 * 2**20  # a 10,000-row sheet unpacks to about 5 MB
# A CSV line is read whole before it is split: longer than a full row of full cells is refused first.
MAX_CSV_LINE = MAX_COLUMNS * (MAX_CELL_CHARACTERS + 3)


class FileRefused(ValueError):
    """The whole file is refused, for the reason given, before any row is checked."""


def megabytes(size):
    return f"{size / 2**20:.1f} MB"


def check_size(size):
    limit = settings.TAKE_IMPORT_MAX_BYTES
    if size > limit:
        raise FileRefused(f"The file is {megabytes(size)}; a take log may be at most {megabytes(limit)}.")


def read_take_log(data, kind):
    """A take log's bytes as a tablib Dataset of its header and rows; FileRefused says why not."""
    check_size(len(data))
    rows = read_xlsx(data) if kind == "xlsx" else read_csv(data)
    return to_dataset(capped(rows))


def read_csv(data):
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise FileRefused(f"The file is not UTF-8 text (byte {error.start + 1}): save it as CSV UTF-8.") from None
    reader = csv.reader(bounded_lines(text))
    try:
        yield from reader
    except csv.Error as error:
        # The csv module refuses a field over its own limit (128 KiB) before holding more of it.
        raise FileRefused(f"Line {reader.line_num} of the file cannot be read as CSV ({error}).") from None


def bounded_lines(text):
    for number, line in enumerate(io.StringIO(text, newline=""), 1):
        if len(line) > MAX_CSV_LINE:
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
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl's errors for a broken workbook are many and undocumented
        raise FileRefused(f"The file is not a readable XLSX workbook ({type(error).__name__}: {error}).") from None
    try:
        sheet = book.active
        # Read the rows the sheet holds, not the size it declares (its <dimension>).
        sheet.reset_dimensions()
        yield from sheet.iter_rows(values_only=True)
    except Exception as error:  # openpyxl's errors for a broken workbook are many and undocumented
        raise FileRefused(f"The file is not a readable XLSX workbook ({type(error).__name__}: {error}).") from None
    finally:
        book.close()


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def capped(rows):
    """The rows, each checked against the limits as it arrives; blank rows after the last take dropped.

    A run of blank rows is only counted until a row with something in it follows, so a
    sheet whose last formatted cell is a million rows down costs a counter, not a list.
    """
    max_rows = settings.TAKE_IMPORT_MAX_ROWS
    blanks = 0
    kept = 0
    for line, row in enumerate(rows):
        row = tuple(row)
        while row and blank(row[-1]):
            row = row[:-1]
        if not row:
            blanks += 1
            continue
        if len(row) > MAX_COLUMNS:
            raise FileRefused(f"{where(line)} has {len(row)} columns; a take log may have at most {MAX_COLUMNS}.")
        for column, value in enumerate(row, 1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
                raise FileRefused(
                    f"{where(line)}, column {column} holds {len(value):,} characters; "
                    f"a cell may hold at most {MAX_CELL_CHARACTERS:,}."
                )
        kept += blanks + 1
        if kept > max_rows + 1:  # the header, then the takes
            raise FileRefused(f"The file has more than {max_rows:,} rows of takes; split it into smaller files.")
        yield from [()] * blanks
        blanks = 0
        yield row


def where(line):
    return "The header row" if line == 0 else f"Row {line}"


def to_dataset(rows):
    rows = list(rows)
    if not rows:
        raise FileRefused("The file is empty: it needs a header row and a row per take.")
    header, takes = rows[0], rows[1:]
    if not header:
        raise FileRefused("The first row is empty: the header (Day, Scene, Take, ...) must be the first row.")
    width = len(header)
    for number, row in enumerate(takes, 1):
        if len(row) > width:
            raise FileRefused(f"Row {number} has {len(row)} cells but the header has {width} columns.")
    return tablib.Dataset(*[row + (None,) * (width - len(row)) for row in takes], headers=list(header))


class TakeLogCSV(base_formats.CSV):
    """CSV for the take-log import, read with the limits above."""

    def create_dataset(self, in_stream):
        return read_take_log(in_stream, "csv")


class TakeLogXLSX(base_formats.XLSX):
    """XLSX for the take-log import, read with the limits above."""

    def create_dataset(self, in_stream):
        return read_take_log(in_stream, "xlsx")


# The database's integer columns (PostgreSQL integer); a bigger number is refused before any query.
LARGEST_NUMBER = 2**31 - 1


def cell_text(value, column, strip=True):
    """A cell as text: empty for a blank cell, the export's formula quote removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unquote(str(value).strip() if strip else str(value))
    if "\x00" in text:
        raise ValueError(f"{column} contains a NUL character, which cannot be stored.")
    return text


def as_whole_number(value):
    """3, 3.0, "3" or "-3" as an int; None for anything else."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,30}\s*", value):
        return int(value)
    return None


def parse_whole_number(value, column):
    number = as_whole_number(value)
    if number is None:
        raise ValueError(f"{column} must be a whole number; got {cell_text(value, column)!r}.")
    if not 1 <= number <= LARGEST_NUMBER:
        raise ValueError(f"{column} must be between 1 and {LARGEST_NUMBER}; got {number}.")
    return number


# h:mm:ss or m:ss; and a timecode HH:MM:SS:FF (";" before the frames when drop-frame).
CLOCK_LENGTH = re.compile(r"\s*(?:(\d+):)?(\d+):([0-5]\d)\s*")
TIMECODE_LENGTH = re.compile(r"\s*(\d{1,2}):([0-5]\d):([0-5]\d)[:;](\d{2})\s*")


def parse_length(value, frame_rate=None):
    """Seconds from a camera report's length: 125, "125", "2:05", "0:02:05", a spreadsheet time,
    or a timecode "00:02:05:12" counted at `frame_rate` frames a second (rounded to the second)."""
    how = "write seconds (125), minutes:seconds (2:05), h:mm:ss (0:02:05) or timecode (00:02:05:12)."
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"Length is empty: {how}")
    if isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, timedelta):
        seconds = int(value.total_seconds())
    elif isinstance(value, str) and (match := CLOCK_LENGTH.fullmatch(value)):
        hours, minutes, secs = (int(part or 0) for part in match.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    elif isinstance(value, str) and (match := TIMECODE_LENGTH.fullmatch(value)):
        seconds = timecode_seconds(*(int(part) for part in match.groups()), frame_rate=frame_rate, typed=value)
    elif (seconds := as_whole_number(value)) is None:
        raise ValueError(f"Length {cell_text(value, 'Length')!r} is not a length: {how}")
    if seconds < 1:
        raise ValueError("A take must last at least one second.")
    if seconds > LARGEST_NUMBER:
        raise ValueError(f"Length {value} is far longer than any take.")
    return seconds


def timecode_seconds(hours, minutes, secs, frames, *, frame_rate, typed):
    """A timecode's duration in whole seconds, half a second and more rounded up."""
    if not frame_rate:
        raise ValueError(
            f"Length {typed.strip()!r} is a timecode, but the production has no timecode frame rate: "
            "set it on the production, or type the length as minutes:seconds."
        )
    if frames >= frame_rate:
        raise ValueError(
            f"Length {typed.strip()!r}: a timecode at {frame_rate} fps counts frames 00 to {frame_rate - 1:02d}."
        )
    return hours * 3600 + minutes * 60 + secs + (1 if 2 * frames >= frame_rate else 0)


def parse_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value, "Date")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"Date {text!r} is not a date: write it as 2013-09-02.") from None
