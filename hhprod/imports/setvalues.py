"""A take log's cells as a take's values, written the ways set tools write them: numbers,
lengths (seconds, m:ss, h:mm:ss, timecode with frames), dates (ISO or the office's day/month
order), marks.
"""

import re
from datetime import date, datetime, time, timedelta

from django.conf import settings

from hhprod.lib.controls import without_controls
from hhprod.lib.formulas import unquote

# The database's integer columns (PostgreSQL integer); a bigger number is refused before any query.
LARGEST_NUMBER = 2**31 - 1


def cell_text(value, column, strip=True):
    """A cell as text: empty for a blank cell, the export's formula quote removed, no control character.

    A cell kept as typed (strip=False: the notes) is free text, so it keeps its line breaks."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unquote(str(value).strip() if strip else str(value))
    if "\x00" in text:
        raise ValueError(f"{column} contains a NUL character, which cannot be stored.")
    text = without_controls(text, multiline=not strip)
    return text.strip() if strip else text


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


TIMECODE = re.compile(r"\s*(\d{1,2})[:.](\d{2})[:.](\d{2})[:;.](\d{2,3})\s*")


def timecode_frames(text, fps, column):
    """HH:MM:SS:FF (";" before the frames for drop-frame) as frames counted at `fps`."""
    match = TIMECODE.fullmatch(text)
    if not match:
        raise ValueError(f"{column} {text!r} is not a timecode: write HH:MM:SS:FF (10:02:13:05).")
    hours, minutes, seconds, frames = (int(part) for part in match.groups())
    if minutes > 59 or seconds > 59 or frames >= fps:
        raise ValueError(f"{column} {text!r} is not a timecode at {fps} fps (frames 00 to {fps - 1:02d}).")
    return ((hours * 60 + minutes) * 60 + seconds) * fps + frames


def whole_seconds(frames, fps):
    """Frames as seconds, to the nearest second (half a second up)."""
    return (2 * frames + fps) // (2 * fps)


def parse_length(value, fps=None):
    """Seconds from a camera report's length: 125, "125", "2:05", "0:02:05", a spreadsheet time, or a
    timecode with frames ("00:02:05:12", to the nearest second at `fps`, the file's frame rate)."""
    how = "write seconds (125), minutes:seconds (2:05) or a timecode (00:02:05:00)."
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"Length is empty: {how}")
    if isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, timedelta):
        seconds = int(value.total_seconds())
    elif isinstance(value, str) and (match := re.fullmatch(r"\s*(?:(\d+):)?(\d+):([0-5]\d)\s*", value)):
        hours, minutes, secs = (int(part or 0) for part in match.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    elif isinstance(value, str) and TIMECODE.fullmatch(value):
        seconds = whole_seconds(timecode_frames(value, frame_rate(fps), "Length"), frame_rate(fps))
    elif (seconds := as_whole_number(value)) is None:
        raise ValueError(f"Length {cell_text(value, 'Length')!r} is not a length: {how}")
    return checked_length(seconds, value)


def checked_length(seconds, value):
    if seconds < 1:
        raise ValueError("A take must last at least one second.")
    if seconds > LARGEST_NUMBER:
        raise ValueError(f"Length {value} is far longer than any take.")
    return seconds


def length_between(tc_in, tc_out, fps=None):
    """A take's seconds from its timecode in and out (out is the first frame after the take, as
    Avid's End); a take that runs past midnight on a time-of-day timecode counts on into the next day."""
    fps = frame_rate(fps)
    start = timecode_frames(cell_text(tc_in, "TC In"), fps, "TC In")
    end = timecode_frames(cell_text(tc_out, "TC Out"), fps, "TC Out")
    if end < start:
        end += 24 * 3600 * fps
    return checked_length(whole_seconds(end - start, fps), f"{tc_in} to {tc_out}")


def frame_rate(fps):
    """The file's frame rate, or the office's (IMPORT_TIMECODE_FPS) when the file does not say."""
    return fps or settings.IMPORT_TIMECODE_FPS


DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*")


def parse_date(value, day_first=None):
    """A date as ISO (2013-09-02) or in the office's order (IMPORT_DAY_FIRST: 02.09.2013 or
    02/09/2013 day first; 09/02/2013 month first); a two-digit year is this century's."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value, "Date")
    day_first = settings.IMPORT_DAY_FIRST if day_first is None else day_first
    order = "day/month/year" if day_first else "month/day/year"
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if match := DAY_MONTH_YEAR.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        day, month = (first, second) if day_first else (second, first)
        try:
            return date(year + 2000 if year < 100 else year, month, day)
        except ValueError:
            raise ValueError(f"Date {text!r} is not a date read as {order}.") from None
    raise ValueError(f"Date {text!r} is not a date: write it as 2013-09-02 or {order}.")


YES = {"Y", "YES", "TRUE", "1", "X", "*", "✓", "✔", "CIRCLED", "CIRCLE", "PRINT", "P"}
NO = {"", "N", "NO", "FALSE", "0", "-"}


def parse_yes(value, column):
    """A yes/no column as set tools write it: "Yes", "Y", "*", "X", a tick; "No", "N" or blank."""
    if isinstance(value, bool):
        return value
    mark = cell_text(value, column).upper()
    if mark in YES:
        return True
    if mark in NO:
        return False
    raise ValueError(f"{column} {mark!r} is neither yes (Yes, Y, *, X) nor no (No, N, blank).")
