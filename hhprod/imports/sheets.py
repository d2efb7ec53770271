"""An XLSX workbook's active sheet, a row of cell values at a time, as openpyxl's read-only mode
gives them (`iter_rows(values_only=True)`), in under half its time.

openpyxl builds a dictionary per cell and, guarded by defusedxml against DTDs, parses through the
pure Python XML parser: reading a 50,000-row take log took 4.8 s, as long as writing its takes.
Here the C expat parser calls back per tag and a cell costs a few comparisons (2.2 s). The number
formats that make a number a date or a duration, and the conversion from Excel's serial numbers,
are openpyxl's own functions. The workbook's other parts, and the unpacking and parsing that
refuses a DTD, are in workbook.py.

The caller has already bounded the workbook's unpacked size (takefiles.read_xlsx).
"""

import functools

from openpyxl.utils.datetime import from_excel, from_ISO8601

from .workbook import Unreadable, active_sheet, parser_for, unescaped, unpacked, whole

CHUNK = 64 * 1024  # bytes of the sheet parsed between the rows handed out
LAST_ROW = 1_048_576  # Excel's last row and column: a reference past them is not a sheet's
LAST_COLUMN = 16_384


class TooWide(ValueError):
    """A cell past the widest row the caller reads holds something."""

    def __init__(self, row, column):
        super().__init__(f"row {row} has a value in column {column}")
        self.row, self.column = row, column


def active_sheet_rows(archive, columns=LAST_COLUMN):
    """The rows of the sheet the workbook opens on, each as (its index from 0, a tuple of values
    (None for an empty cell) as wide as its last cell). A row the sheet leaves out is not given:
    a sheet that skips to row 1,048,576 costs a number, not a million empty rows.

    A row is never wider than `columns`: a cell past it is passed over when blank (empty or
    spaces) and refused with TooWide when it holds anything, so one blank cell in the sheet's
    last column costs a comparison, not a row of 16,384 cells."""
    sheet_path, strings, dates, durations, epoch = active_sheet(archive)
    return sheet_rows(archive, sheet_path, strings, dates, durations, epoch, columns)


@functools.lru_cache(maxsize=1024)  # a sheet's few columns, asked for at every cell
def column_number(letters):
    """ "A" -> 1, "AB" -> 28; 0 for what is not a column's letters."""
    number = 0
    for letter in letters:
        if not "A" <= letter <= "Z":
            return 0
        number = number * 26 + ord(letter) - 64
    return number


def sheet_rows(archive, path, strings, dates, durations, epoch, columns):
    """The sheet's rows as they are parsed, CHUNK bytes at a time.

    A cell is five callbacks (<c>, <v>, its text, </v>, </c>) and this is most of reading a take
    log, so the state is a handful of local variables and tags are compared without namespace
    processing: the sheet's own prefix, if it uses one ("x:c"), is read from its root element."""
    done = []  # (index, row) parsed from the latest chunk, handed out before the next is parsed
    cells, text = [], []
    row = column = phonetic = 0
    kind, style, reading = "n", "0", False
    C, V, T, ROW, PHONETIC = "c", "v", "t", "row", "rPh"

    def start(name, attributes):
        nonlocal row, column, kind, style, reading, phonetic, C, V, T, ROW, PHONETIC
        if name == C:
            reference = attributes.get("r")
            if reference:
                column = column_number(reference.rstrip("0123456789"))
                if not 0 < column <= LAST_COLUMN:
                    raise Unreadable(f"a cell's reference is {reference[:20]!r}")
            else:
                column += 1
            kind = attributes.get("t", "n")
            style = attributes.get("s", "0")
            text.clear()
        elif name == V:
            reading = kind != "inlineStr"  # an inline string's text is its <is>, whatever a <v> says
        elif name == T:
            reading = kind == "inlineStr" and not phonetic
        elif name == ROW:
            number = attributes.get("r")
            following = whole(number, "a row's number") if number else row + 1
            if not row < following <= LAST_ROW:
                raise Unreadable(f"row {following} follows row {row}")
            row, column = following, 0
            cells.clear()
        elif name == PHONETIC:
            phonetic += 1
        elif name.endswith(":worksheet"):
            prefix = name[: -len("worksheet")]
            C, V, T, ROW, PHONETIC = (prefix + tag for tag in ("c", "v", "t", "row", "rPh"))

    def end(name):
        nonlocal reading, phonetic
        if name == C:
            if text:
                value = cell_value("".join(text))
                if column > columns:
                    if value is not None and (not isinstance(value, str) or value.strip()):
                        raise TooWide(row, column)
                elif value is not None:
                    cells.extend([None] * (column - len(cells)))
                    cells[column - 1] = value
        elif name == V or name == T:
            reading = False
        elif name == ROW:
            done.append((row - 1, tuple(cells)))
        elif name == PHONETIC:
            phonetic -= 1

    def characters(data):
        if reading:
            text.append(data)

    def cell_value(value):
        """A cell's text as openpyxl reads it with data_only: a formula's last value, not the formula."""
        if not value:
            return None
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            if style not in dates:
                return number
            try:
                return from_excel(number, epoch, timedelta=style in durations)
            except (OverflowError, ValueError):
                return "#VALUE!"  # a serial number past the dates Python counts, as openpyxl shows it
        if kind == "s":
            return strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        if kind == "e":
            return value  # an error, "#N/A"
        return unescaped(value)  # "str" (a formula's text), "inlineStr"

    parser = parser_for(path, namespaces=False)
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = characters
    try:
        with unpacked(archive, path) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
                yield from done
                done.clear()
            parser.Parse(b"", True)
            yield from done
    except (Unreadable, TooWide):
        raise
    except (ValueError, IndexError) as error:  # a cell whose text its type cannot hold
        raise Unreadable(f"{path}, row {row}: {error}") from None
