"""An XLSX workbook's active sheet, a row of cell values at a time, as openpyxl's read-only mode
gives them (`iter_rows(values_only=True)`), in under half its time.

openpyxl builds a dictionary per cell and, guarded by defusedxml against DTDs, parses through the
pure Python XML parser: reading a 50,000-row take log took 4.8 s, as long as writing its takes.
Here the C expat parser calls back per tag and a cell costs a few comparisons (2.2 s). The number
formats that make a number a date or a duration, and the conversion from Excel's serial numbers,
are openpyxl's own functions. Every part refuses a DTD, as defusedxml did: no entity is expanded.

The caller has already bounded the workbook's unpacked size (takefiles.read_xlsx).
"""

import contextlib
import functools
import pyexpat
import zipfile
import zlib

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601
from openpyxl.utils.escape import unescape

CHUNK = 64 * 1024  # bytes of the sheet parsed between the rows handed out
LAST_ROW = 1_048_576  # Excel's last row and column: a reference past them is not a sheet's
LAST_COLUMN = 16_384
# Within the unpacked size a part of tiny elements could still hold millions, each kept here as
# Python objects. Excel allows 64,000 cell styles; 50,000 takes of distinct text hold a few
# hundred thousand strings.
MAX_ENTRIES = 200_000
MAX_SHARED_STRINGS = 1_000_000
# What a damaged zip member raises as it is unpacked: a bad checksum, a cut stream, an unknown method.
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


class Unreadable(ValueError):
    """The workbook's parts are not what an XLSX holds; the message says where."""


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
    book_path = part_of(archive, "_rels/.rels", "officeDocument", "")
    book_folder = book_path.rpartition("/")[0]
    book_links = links(archive, rels_path(book_path), book_folder)
    sheets, active, epoch = book_of(archive, book_path)
    if not 0 <= active < len(sheets):
        raise Unreadable(f"the workbook opens on sheet {active + 1} of {len(sheets)}")
    # A relationship's type is a URL ending in what the part is, in either of OOXML's namespaces.
    by_type = {kind.rpartition("/")[2]: path for kind, path in book_links.values()}
    kind, sheet_path = book_links.get(sheets[active], ("", ""))
    if kind.rpartition("/")[2] != "worksheet":
        raise Unreadable("the sheet the workbook opens on is not a worksheet (a chart sheet?)")
    strings = shared_strings(archive, by_type.get("sharedStrings"))
    dates, durations = date_styles(archive, by_type.get("styles"))
    return sheet_rows(archive, sheet_path, strings, dates, durations, epoch, columns)


def parser_for(part, namespaces=True):
    """An expat parser that refuses a DTD; with `namespaces`, it names tags "namespace local"."""
    parser = pyexpat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.buffer_text = True

    def refuse_dtd(*args):
        raise Unreadable(f"{part} declares a DTD, which no workbook part has")

    parser.StartDoctypeDeclHandler = refuse_dtd
    return parser


def local(name):
    return name.rpartition(" ")[2]


def elements(archive, part, wanted):
    """The elements named in `wanted` of a small part (the workbook, its relationships, its styles),
    each as (its parent's local name, its local name, its attributes by local name)."""
    found, parents = [], [""]

    def start(name, attributes):
        name = local(name)
        if name in wanted:
            if len(found) == MAX_ENTRIES:
                raise Unreadable(f"{part} has more than {MAX_ENTRIES:,} entries")
            found.append((parents[-1], name, {local(key): value for key, value in attributes.items()}))
        parents.append(name)

    parser = parser_for(part)
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: parents.pop()
    parse_part(archive, part, parser)
    return found


def parse_part(archive, part, parser):
    with unpacked(archive, part) as stream:
        parser.ParseFile(stream)


@contextlib.contextmanager
def unpacked(archive, part):
    """The part's unpacked bytes as a stream; what goes wrong in it or its XML, as Unreadable."""
    try:
        with archive.open(part) as stream:
            yield stream
    except KeyError:
        raise Unreadable(f"it has no {part}") from None
    except pyexpat.ExpatError as error:
        raise Unreadable(f"{part} is not XML: {error}") from None
    except DAMAGED as error:
        raise Unreadable(f"{part} cannot be unpacked: {error}") from None


def rels_path(path):
    folder, _, name = path.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def links(archive, rels, folder):
    """A part's relationships: id -> (type, the target's path in the archive)."""
    found = {}
    for _, name, attributes in elements(archive, rels, {"Relationship"}):
        if name == "Relationship" and attributes.get("TargetMode") != "External":
            target = attributes.get("Target", "")
            path = target[1:] if target.startswith("/") else f"{folder}/{target}" if folder else target
            found[attributes.get("Id")] = (attributes.get("Type", ""), normalised(path))
    return found


def normalised(path):
    """ "xl/worksheets/../sharedStrings.xml" -> "xl/sharedStrings.xml"."""
    parts = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def part_of(archive, rels, kind, folder):
    for link_kind, path in links(archive, rels, folder).values():
        if link_kind.rpartition("/")[2] == kind:
            return path
    raise Unreadable(f"{rels} names no workbook")


def book_of(archive, book_path):
    """The workbook's sheets' relationship ids in order, the index of the one it opens on, its epoch."""
    sheets, active, epoch = [], 0, CALENDAR_WINDOWS_1900
    for parent, name, attributes in elements(archive, book_path, {"sheet", "workbookView", "workbookPr"}):
        if parent == "sheets" and name == "sheet":
            sheets.append(attributes.get("id"))
        elif name == "workbookView" and parent == "bookViews" and not active:
            active = whole(attributes.get("activeTab", "0"), "the workbook's active sheet")
        elif name == "workbookPr" and attributes.get("date1904", "").lower() in ("1", "true"):
            epoch = CALENDAR_MAC_1904
    return sheets, active, epoch


def whole(text, what):
    try:
        return int(text)
    except ValueError:
        raise Unreadable(f"{what} is {text[:20]!r}, not a number") from None


def date_styles(archive, path):
    """The cell styles whose number format shows a date or time, and those of them showing a duration."""
    if path is None:
        return frozenset(), frozenset()
    found = elements(archive, path, {"numFmt", "xf"})
    formats = dict(BUILTIN_FORMATS)
    for _, name, attributes in found:
        if name == "numFmt":
            formats[whole(attributes.get("numFmtId", ""), "a number format's id")] = attributes.get("formatCode")
    dates, durations = set(), set()
    styles = [attributes for parent, name, attributes in found if parent == "cellXfs" and name == "xf"]
    for style, attributes in enumerate(styles):
        shown = formats.get(whole(attributes.get("numFmtId", "0"), "a style's number format"))
        if is_date_format(shown):
            dates.add(str(style))
            if is_timedelta_format(shown):
                durations.add(str(style))
    return frozenset(dates), frozenset(durations)


def shared_strings(archive, path):
    """The workbook's table of text, each entry its text runs joined (phonetic guides left out)."""
    strings = []
    if path is None:
        return strings
    text, state = [], {"reading": False, "phonetic": 0}

    def start(name, attributes):
        name = local(name)
        if name == "si":
            text.clear()
        elif name == "t":
            state["reading"] = not state["phonetic"]
        elif name == "rPh":
            state["phonetic"] += 1

    def end(name):
        name = local(name)
        if name == "si":
            if len(strings) == MAX_SHARED_STRINGS:
                raise Unreadable(f"{path} has more than {MAX_SHARED_STRINGS:,} strings")
            strings.append(unescaped("".join(text)))
        elif name == "t":
            state["reading"] = False
        elif name == "rPh":
            state["phonetic"] -= 1

    def characters(data):
        if state["reading"]:
            text.append(data)

    parser = parser_for(path)
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = characters
    parse_part(archive, path, parser)
    return strings


def unescaped(text):
    """Text as Excel shows it: OOXML writes a control character as _xHHHH_ (a line break's \\r as
    _x000D_) and a literal "_x" that would read as one as _x005F_x."""
    return unescape(text) if "_x" in text else text


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
