"""The take log for editorial: an Avid Log Exchange (ALE) file, which Media Composer and Resolve import as a bin.

Three sections, tab-separated: `Heading` (the file's field delimiter, video and audio format,
frame rate), `Column` (the names), `Data` (a line per take). Start and End are the clip's
timecode, from the time of day the camera rolled and the take's length, at the frame rate
the heading declares; End is the first frame after the clip, as Avid writes it.
"""

from django.db.models import Count

from hhprod.shooting.models import Take

from ..tables2_export import sorted_records

COLUMNS = [
    "Name",
    "Tracks",
    "Start",
    "End",
    "Tape",
    "Source File",
    "Scene",
    "Take",
    "Setup",
    "Camroll",
    "Circled",
    "Comments",
    "Wearer",
    "Rig",
]
FIELDS = [
    "clip_name",
    "mos",
    "time_of_day",
    "length",
    "scene__number",
    "setup",
    "number",
    "roll",
    "status",
    "notes",
    "wearer__name",
    "rig__name",
]
# The GoPro Hero 3 records 1080p by default; the file names it, as Avid's HD projects expect.
VIDEO_FORMAT = "1080"
AUDIO_FORMAT = "48khz"
DEFAULT_FPS = 30
DAY_SECONDS = 24 * 60 * 60
CHUNK = 2000


def clean(value):
    """A value as one field: the tabs and line breaks that would split the line become spaces."""
    return " ".join(str(value).split()) if value else ""


def timecode(seconds, fps):
    """Seconds since midnight as HH:MM:SS:FF at `fps`, round the clock past midnight."""
    frames = round(seconds * fps) % (DAY_SECONDS * fps)
    whole, frame = divmod(frames, fps)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}:{frame:02d}"


def frame_rate(takes):
    """The rate most takes were shot at (the heading holds one); 30 when none says."""
    rates = takes.exclude(frame_rate=None).order_by().values("frame_rate").annotate(n=Count("pk"))
    commonest = rates.order_by("-n", "frame_rate").values_list("frame_rate", flat=True).first()
    return commonest or DEFAULT_FPS


def line(cells):
    return ("\t".join(cells) + "\n").encode()


def data_line(row, fps):
    clip, mos, rolled, length, scene, setup, take, roll, status, notes, wearer, rig = row
    start = rolled.hour * 3600 + rolled.minute * 60 + rolled.second + rolled.microsecond / 1e6 if rolled else 0
    slate = f"{scene}{setup}"
    return line(
        [
            clean(f"{slate}-{take}"),
            "V" if mos else "VA1A2",
            timecode(start, fps),
            timecode(start + length, fps),
            clean(clip),
            clean(clip),
            clean(scene),
            str(take),
            clean(slate),
            clean(roll),
            "Y" if status == Take.Status.CIRCLED else "",
            clean(notes),
            clean(wearer),
            clean(rig),
        ]
    )


def write(report, production, content):
    """The take log's filtered, sorted takes: one query for the heading's rate, one for the rows."""
    takes = sorted_records(content.tables[0][1])
    fps = frame_rate(takes)
    yield line(["Heading"]) + line(["FIELD_DELIM", "TABS"]) + line(["VIDEO_FORMAT", VIDEO_FORMAT])
    yield line(["AUDIO_FORMAT", AUDIO_FORMAT]) + line(["FPS", str(fps)]) + b"\n"
    yield line(["Column"]) + line(COLUMNS) + b"\n" + line(["Data"])
    for row in takes.values_list(*FIELDS).iterator(chunk_size=CHUNK):
        yield data_line(row, fps)
