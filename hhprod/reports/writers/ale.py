"""The take log for editorial: an Avid Log Exchange (ALE) file, which Media Composer and Resolve import as a bin.

Three sections, tab-separated: `Heading` (the file's field delimiter, video and audio format,
frame rate), `Column` (the names), `Data` (a line per take). The columns mean what Avid's
column dictionary says, so that Avid relinks the clips and hhprod's import reads them back:
Name the clip's name in the bin (its slate and take), Tape the source card or roll, Source File
the media file; Start and End the clip's timecode from the time of day the camera rolled, at the
production's timecode rate, which the heading's FPS declares (End is the first frame after the
clip, as Avid writes it); Duration the take's length; Shoot Date as ISO, which reads one way only.
The columns an import kept aside with a take (Take.other_columns) follow, as the file had them.
"""

from django.conf import settings

from hhprod.shooting.models import Take

from ..tables2_export import sorted_records

COLUMNS = [
    "Name", "Tracks", "Start", "End", "Duration", "Tape", "Source File", "Scene", "Take", "Setup", "Shoot Date",
    "Camera", "Circled", "Status", "Comments", "Wearer", "Rig", "Unit",
]  # fmt: skip
FIELDS = [
    "clip_name", "mos", "time_of_day", "length", "roll", "scene__number", "setup", "number",
    "shoot_day__actual_date", "camera__serial", "status", "notes", "wearer__name", "rig__name", "rig_unit__rig__name",
    "rig_unit__number", "other_columns",
]  # fmt: skip
# The GoPro Hero 3 records 1080p by default; the file names it, as Avid's HD projects expect.
VIDEO_FORMAT = "1080"
AUDIO_FORMAT = "48khz"
DAY_SECONDS = 24 * 60 * 60
CHUNK = 2000
STATUS_LABELS = dict(Take.Status.choices)


def clean(value):
    """A value as one field: the tabs and line breaks that would split the line become spaces."""
    return " ".join(str(value).split()) if value else ""


def timecode(seconds, fps):
    """Seconds since midnight as HH:MM:SS:FF at `fps`, round the clock past midnight."""
    frames = round(seconds * fps) % (DAY_SECONDS * fps)
    whole, frame = divmod(frames, fps)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}:{frame:02d}"


def frame_rate(production):
    """The production's timecode rate; the office's (IMPORT_TIMECODE_FPS) until the production has one."""
    return production.timecode_fps or settings.IMPORT_TIMECODE_FPS


def other_headers(takes):
    """The columns the takes' imports kept aside, in the order first met, but for the file's own."""
    headers = {}
    for others in takes.exclude(other_columns={}).order_by().values_list("other_columns", flat=True).iterator():
        headers.update(dict.fromkeys(header for header in others if header not in COLUMNS))
    return list(headers)


def line(cells):
    return ("\t".join(cells) + "\n").encode()


def data_line(row, fps, others):
    clip, mos, rolled, length, roll, scene, setup, take, shot, camera, status, notes, wearer, rig, *unit, kept = row
    start = rolled.hour * 3600 + rolled.minute * 60 + rolled.second + rolled.microsecond / 1e6 if rolled else 0
    return line(
        [
            clean(f"{scene}{setup}-{take}"),
            "V" if mos else "VA1A2",
            timecode(start, fps),
            timecode(start + length, fps),
            timecode(length, fps),
            clean(roll),
            clean(clip),
            clean(scene),
            str(take),
            clean(f"{scene}{setup}"),
            shot.isoformat() if shot else "",
            clean(camera),
            "Y" if status == Take.Status.CIRCLED else "",
            STATUS_LABELS[status],
            clean(notes),
            clean(wearer),
            clean(rig),
            clean(f"{unit[0]} #{unit[1]}" if unit[0] else ""),
            *(clean(kept.get(header)) for header in others),
        ]
    )


def write(report, production, content):
    """The take log's filtered, sorted takes: one query for the columns kept aside, one for the rows."""
    takes = sorted_records(content.tables[0][1])
    fps = frame_rate(production)
    others = other_headers(takes)
    yield line(["Heading"]) + line(["FIELD_DELIM", "TABS"]) + line(["VIDEO_FORMAT", VIDEO_FORMAT])
    yield line(["AUDIO_FORMAT", AUDIO_FORMAT]) + line(["FPS", str(fps)]) + b"\n"
    yield line(["Column"]) + line(COLUMNS + others) + b"\n" + line(["Data"])
    for row in takes.values_list(*FIELDS).iterator(chunk_size=CHUNK):
        yield data_line(row, fps, others)
