"""An XLSX workbook's small parts, each read whole: where its sheets are and which one it opens
on, its table of shared text, which of its cell styles show a date or a duration. And how any
part, the sheet included, is unpacked and parsed: through the C expat parser, refusing a DTD as
defusedxml did (no entity is expanded), what goes wrong in the zip or the XML as Unreadable.

The sheet's rows themselves are walked in sheets.py.
"""

import contextlib
import pyexpat
import zipfile
import zlib

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
from openpyxl.utils.escape import unescape

# Within the unpacked size a part of tiny elements could still hold millions, each kept here as
# Python objects. Excel allows 64,000 cell styles; 50,000 takes of distinct text hold a few
# hundred thousand strings.
MAX_ENTRIES = 200_000
MAX_SHARED_STRINGS = 1_000_000
# What a damaged zip member raises as it is unpacked: a bad checksum, a cut stream, an unknown method.
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


class Unreadable(ValueError):
    """The workbook's parts are not what an XLSX holds; the message says where."""


def active_sheet(archive):
    """The sheet the workbook opens on, as its rows are read: its part's path, the shared strings,
    the styles showing a date and those showing a duration, and the epoch its dates count from."""
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
    return sheet_path, strings, dates, durations, epoch


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
