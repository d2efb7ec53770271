"""Which take-log column each of a file's columns fills: guessed from its header, changeable,
remembered per production.

A set tool names its columns its own way: MovieSlate's shot log (Scene, Shot, Take, Roll,
Timecode In/Out, Circled, Notes), Silverstack's clip list (Clip Name, Reel, Start TC, End TC,
FPS), an AC's camera report (Roll, Scene, Take, Setup, Lens, Print, Remarks), an Avid ALE
(Name, Tracks, Start, End, Tape...). A column that fills no take-log column is left out and
named in the preview, never a reason to refuse the file.
"""

from .models import ImportColumnMapping

# The take log's own columns, in its order (its export writes these); then what set tools add.
COLUMNS = ["Day", "Date", "Scene", "Take", "Length", "Rig", "Camera", "Wearer", "Status", "Notes"]
SET_COLUMNS = ["Setup", "TC In", "TC Out", "Circled", "Roll", "Clip", "Unit", "Resolution", "FPS"]
ALL_COLUMNS = COLUMNS + SET_COLUMNS

ALIASES = {
    "day number": "Day", "shoot day": "Day", "shooting day": "Day",
    "actual date": "Date", "shoot date": "Date", "shooting date": "Date", "record date": "Date",
    "scene number": "Scene", "sc": "Scene", "sc.": "Scene",
    "shot": "Setup", "slate": "Setup",
    "take number": "Take", "tk": "Take", "take #": "Take", "take no": "Take",
    "duration": "Length", "length (seconds)": "Length", "seconds": "Length", "dur": "Length",
    "timecode in": "TC In", "start tc": "TC In", "start": "TC In", "tc start": "TC In", "start timecode": "TC In",
    "timecode out": "TC Out", "end tc": "TC Out", "end": "TC Out", "tc end": "TC Out", "end timecode": "TC Out",
    "rig version": "Rig",
    "rig unit": "Unit",
    "camera serial": "Camera", "cam": "Camera", "camera letter": "Camera", "cam id": "Camera",
    "worn by": "Wearer", "operator": "Wearer", "rig wearer": "Wearer",
    "mark": "Status",
    "print": "Circled", "circle": "Circled", "circle take": "Circled", "printed": "Circled",
    "reel": "Roll", "camroll": "Roll", "camera roll": "Roll", "card": "Roll", "tape": "Roll", "mag": "Roll",
    "clip name": "Clip", "name": "Clip", "file name": "Clip", "filename": "Clip", "source file": "Clip",
    "frame rate": "FPS", "project fps": "FPS",
    "comments": "Notes", "remarks": "Notes", "comment": "Notes", "description": "Notes",
    **{column.lower(): column for column in ALL_COLUMNS},
}  # fmt: skip


def header_key(header):
    """How a header is compared and remembered: trimmed, spaces collapsed, lower-cased."""
    return " ".join(str(header or "").split()).lower()


class MappingRefused(ValueError):
    """The mapping cannot be used, for the reason given."""


def column_named(name):
    """A take-log column from what someone typed ("tc in", "Scene"); "" for nothing ("", "-", "none")."""
    key = header_key(name)
    if key in ("", "-", "none", "nothing", "left out"):
        return ""
    for column in ALL_COLUMNS:
        if key == column.lower():
            return column
    raise MappingRefused(f"{name!r} is not a take-log column: use one of {', '.join(ALL_COLUMNS)}, or nothing.")


def guess(headers, production, overrides=None):
    """The take-log column each header fills ("" for left out), in the file's order: what the
    production chose last time, else the header's name; `overrides` (header -> column) win."""
    remembered = dict(ImportColumnMapping.objects.filter(production=production).values_list("header", "column"))
    overrides = {header_key(header): column for header, column in (overrides or {}).items()}
    columns = []
    for header in headers:
        key = header_key(header)
        if key in overrides:
            column = overrides[key]
        else:
            column = remembered.get(key, ALIASES.get(key, ""))
            if column in columns:  # a second guess for one column: the file's first column keeps it
                column = ""
        columns.append(column)
    return columns


def check(headers, columns):
    """Refuse two of the file's columns filling one take-log column."""
    filled = {}
    for header, column in zip(headers, columns, strict=True):
        if column and column in filled:
            raise MappingRefused(f"Two columns ({filled[column]!r} and {header!r}) go to {column}: map one to nothing.")
        filled[column] = header


def applied(log, columns):
    """The take log (takefiles.TakeLog) with only the mapped columns, under their take-log names;
    and the headers left out."""
    headers = list(log.headers)
    check(headers, columns)
    return log.mapped(columns), [str(header) for header, column in zip(headers, columns, strict=True) if not column]


def remember(production, headers, columns):
    """Keep the mapping for the production's next file."""
    for header, column in zip(headers, columns, strict=True):
        ImportColumnMapping.objects.update_or_create(
            production=production, header=header_key(header)[:200], defaults={"column": column}
        )
