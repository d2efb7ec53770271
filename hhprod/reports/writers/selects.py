"""Selects for the cutting room: the circled takes of the filtered take log (a day, a scene, the whole
production) as a timeline, one event per take in the log's order, each at its source timecode (the
time of day the camera rolled, at the production's rate, as the ALE writes it) and named by its
slate and take.

Two files: a CMX 3600 EDL, the plain list every editing system reads (under each event a
`* FROM CLIP NAME:` comment and, as Avid writes it, a `* FROM CLIP:` naming the media file), and an
OpenTimelineIO timeline (`.otio`, its JSON schema: Timeline, Stack, Track, Clip, each clip's
ExternalReference naming its file). Both are
written here as text: OpenTimelineIO, a compiled library, reads them back in the tests.
"""

import json
import re

from hhprod.shooting.models import Take

from ..tables2_export import sorted_records
from .ale import frame_rate, timecode

FIELDS = ["scene__number", "setup", "number", "time_of_day", "length", "roll", "clip_name"]
RECORD_START_SECONDS = 3600  # the timeline starts at 01:00:00:00, as editorial's sequences do
REEL = re.compile(r"[^A-Za-z0-9_]")
REEL_LENGTH = 8  # CMX 3600's reel names are eight characters
UNNAMED_REEL = "AX"  # CMX 3600's name for a source with no reel


def circled(content):
    """The filtered log's circled takes, in its order: (name, roll, clip file, start seconds, length)."""
    takes = sorted_records(content.tables[0][1]).filter(status=Take.Status.CIRCLED)
    for scene, setup, number, rolled, length, roll, clip in takes.values_list(*FIELDS):
        start = rolled.hour * 3600 + rolled.minute * 60 + rolled.second + rolled.microsecond / 1e6 if rolled else 0
        yield f"{scene}{setup}-{number}", roll, clip, start, length


def reel(roll):
    return REEL.sub("", roll)[:REEL_LENGTH] or UNNAMED_REEL


def write_edl(report, production, content):
    fps = frame_rate(production)
    yield f"TITLE: {' '.join(f'{production.title} selects'.split())}\nFCM: NON-DROP FRAME\n\n".encode()
    record = RECORD_START_SECONDS
    for event, (name, roll, clip, start, length) in enumerate(circled(content), 1):
        source = f"{timecode(start, fps)} {timecode(start + length, fps)}"
        recorded = f"{timecode(record, fps)} {timecode(record + length, fps)}"
        lines = [f"{event:03d}  {reel(roll):<8} V     C        {source} {recorded}", f"* FROM CLIP NAME: {name}"]
        if clip:
            lines.append(f"* FROM CLIP: {clip}")
        yield ("\n".join(lines) + "\n\n").encode()
        record += length


def rational(seconds, fps):
    return {"OTIO_SCHEMA": "RationalTime.1", "rate": float(fps), "value": float(round(seconds * fps))}


def item(schema, name, **fields):
    return {
        "OTIO_SCHEMA": schema,
        "name": name,
        "metadata": {},
        "effects": [],
        "markers": [],
        "enabled": True,
        **fields,
    }


def clip(name, roll, file, start, length, fps):
    reference = {"OTIO_SCHEMA": "ExternalReference.1", "name": "", "metadata": {}, "available_range": None}
    reference = {**reference, "target_url": file} if file else {**reference, "OTIO_SCHEMA": "MissingReference.1"}
    source = {"OTIO_SCHEMA": "TimeRange.1", "start_time": rational(start, fps), "duration": rational(length, fps)}
    return item(
        "Clip.2",
        name,
        source_range=source,
        media_references={"DEFAULT_MEDIA": reference},
        active_media_reference_key="DEFAULT_MEDIA",
        metadata={"hhprod": {"roll": roll, "clip_name": file}},
    )


def write_otio(report, production, content):
    fps = frame_rate(production)
    clips = [clip(*take, fps) for take in circled(content)]
    track = item("Track.1", "V1", kind="Video", source_range=None, children=clips)
    timeline = {
        "OTIO_SCHEMA": "Timeline.1",
        "name": f"{production.title} selects",
        "metadata": {},
        "global_start_time": rational(RECORD_START_SECONDS, fps),
        "tracks": item("Stack.1", "tracks", source_range=None, children=[track]),
    }
    yield json.dumps(timeline, indent=1).encode()
