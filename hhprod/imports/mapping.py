"""Which take-log column each of a file's columns fills: guessed from its header, changeable,
remembered per production.

A set tool names its columns its own way: MovieSlate's shot log (Scene, Shot, Take, Roll,
Timecode In/Out, Circled, Notes), Silverstack's clip list (Clip Name, Reel, Start TC, End TC,
FPS), an AC's camera report (Roll, Scene, Take, Setup, Lens, Print, Remarks), an Avid ALE
(Name, Tracks, Start, End, Tape...). A column that fills no take-log column is kept aside with
each take (Take.other_columns), or left out by choice, and named in the preview, never a reason
to refuse the file.

An ALE's columns mean what Avid's column dictionary says: Name is the clip's name in the bin,
Tape the source tape or card, Source File the media file's name, Camroll the camera roll;
Start, End and Duration are timecodes at the heading's FPS; Shoot Date the day it was shot.
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
    "print": "Circled", "good": "Circled", "circle": "Circled", "circle take": "Circled", "printed": "Circled",
    "reel": "Roll", "camroll": "Roll", "camera roll": "Roll", "card": "Roll", "tape": "Roll", "mag": "Roll",
    "clip name": "Clip", "name": "Clip", "file name": "Clip", "filename": "Clip", "source file": "Clip",
    "frame rate": "FPS", "project fps": "FPS",
    "comments": "Notes", "remarks": "Notes", "comment": "Notes", "description": "Notes",
    **{column.lower(): column for column in ALL_COLUMNS},
}  # fmt: skip
# Where a file has several of these for one take-log column, the first named here fills it (an Avid
# bin has Camroll and Tape, Source File and Name); the others are kept aside with the take.
FIRST_CHOICE = {
    "Roll": ["roll", "camroll", "camera roll", "reel", "card", "mag", "tape"],
    "Clip": ["clip", "source file", "clip name", "file name", "filename", "name"],
}


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
    production chose last time, else the header's name; `overrides` (header -> column) win. Two
    headers guessed for one column: the one chosen or remembered, else FIRST_CHOICE's, else the first."""
    remembered = dict(ImportColumnMapping.objects.filter(production=production).values_list("header", "column"))
    overrides = {header_key(header): column for header, column in (overrides or {}).items()}
    columns, ranks = [], []
    for header in headers:
        key = header_key(header)
        if key in overrides:
            column, rank = overrides[key], None  # as asked, even twice: check() refuses that
        elif key in remembered:
            column, rank = remembered[key], -1
        else:
            column = ALIASES.get(key, "")
            choices = FIRST_CHOICE.get(column, [])
            rank = choices.index(key) if key in choices else len(choices)
        columns.append(column)
        ranks.append(rank)
    best = {column: (-2, None) for column, rank in zip(columns, ranks, strict=True) if rank is None}
    for position, (column, rank) in enumerate(zip(columns, ranks, strict=True)):
        if column and rank is not None:  # each column's winning header: (rank, position)
            best[column] = min(best.get(column, (rank, position)), (rank, position), key=lambda pair: pair[0])
    return [
        column if not column or rank is None or best[column][1] == position else ""
        for position, (column, rank) in enumerate(zip(columns, ranks, strict=True))
    ]


def check(headers, columns):
    """Refuse two of the file's columns filling one take-log column."""
    filled = {}
    for header, column in zip(headers, columns, strict=True):
        if column and column in filled:
            raise MappingRefused(f"Two columns ({filled[column]!r} and {header!r}) go to {column}: map one to nothing.")
        filled[column] = header


def applied(log, columns, keep_others=True):
    """The take log (takefiles.TakeLog) with only the mapped columns, under their take-log names, and
    with `keep_others` the others as one cell (takefiles.OTHERS); and the headers mapped to nothing."""
    headers = list(log.headers)
    check(headers, columns)
    left_out = [str(header) for header, column in zip(headers, columns, strict=True) if not column]
    return log.mapped(columns, keep_others), left_out


def left_out_line(left_out, keep_others):
    """The preview's line naming the columns mapped to nothing, and what becomes of them."""
    if keep_others:
        return f"Kept aside with each take (mapped to nothing): {', '.join(left_out)}"
    return f"Left out (mapped to nothing): {', '.join(left_out)}"


def remember(production, headers, columns):
    """Keep the mapping for the production's next file."""
    for header, column in zip(headers, columns, strict=True):
        ImportColumnMapping.objects.update_or_create(
            production=production, header=header_key(header)[:200], defaults={"column": column}
        )
