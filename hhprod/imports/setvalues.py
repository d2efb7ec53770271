"""A take log's cells as a take's values, written the ways set tools write them: numbers,
lengths (seconds, m:ss, h:mm:ss, timecode with frames), dates (ISO or the office's day/month
order), marks.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fractions import Fraction

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


TIMECODE = re.compile(r"\s*(\d{1,2})[:.](\d{2})[:.](\d{2})([:;.,])(\d{2,3})\s*")
DROP_FRAME = ";,"  # the separators before the frames that say a timecode is drop-frame


@dataclass(frozen=True)
class TimecodeRate:
    """The rate a file's timecodes count at: `frames` a timecode second (30 at 29.97), `per_second`
    real frames a second (30000/1001 at 29.97), and the frame numbers a drop-frame timecode skips at
    each minute but every tenth (`drops`: 2 at 29.97, 4 at 59.94; 0 where there is no drop-frame)."""

    text: str
    frames: int
    per_second: Fraction
    drops: int = 0

    def __str__(self):
        return self.text


# NTSC's rates run 1000/1001 of their whole number; 29.97 and 59.94 may also be written drop-frame.
NTSC_DROPS = {24: 0, 30: 2, 48: 0, 60: 4}


def timecode_rate(value):
    """A frame rate as files write it (25, "23.976", "29.97", "59.94", 30.0) as a TimecodeRate."""
    text = cell_text(value, "FPS")
    try:
        number = float(text)
    except ValueError:
        number = 0.0
    if not 1 <= number <= 240:  # also "inf", "nan"
        raise ValueError(f"{text!r} is not a frame rate (25, 23.976, 29.97...).")
    frames = round(number)
    if frames in NTSC_DROPS and abs(number - frames * 1000 / 1001) < 0.01:
        return TimecodeRate(text, frames, Fraction(frames * 1000, 1001), NTSC_DROPS[frames])
    if abs(number - frames) > 0.01:
        raise ValueError(f"{text!r} is not a frame rate (25, 23.976, 29.97...).")
    return TimecodeRate(text, frames, Fraction(frames))


def timecode_frames(text, rate, column):
    """HH:MM:SS:FF as frames counted at `rate` (a TimecodeRate); HH:MM:SS;FF is drop-frame: at
    29.97 the frame numbers 00 and 01 (at 59.94, 00 to 03) are skipped at each minute but every tenth."""
    match = TIMECODE.fullmatch(text)
    if not match:
        raise ValueError(f"{column} {text!r} is not a timecode: write HH:MM:SS:FF (10:02:13:05).")
    hours, minutes, seconds, frames = (int(match[group]) for group in (1, 2, 3, 5))
    fps = rate.frames
    if minutes > 59 or seconds > 59 or frames >= fps:
        raise ValueError(f"{column} {text!r} is not a timecode at {rate} fps (frames 00 to {fps - 1:02d}).")
    counted = ((hours * 60 + minutes) * 60 + seconds) * fps + frames
    if match[4] not in DROP_FRAME:
        return counted
    if not rate.drops:
        raise ValueError(f"{column} {text!r} is drop-frame (;), which only 29.97 and 59.94 fps count; this is {rate}.")
    if seconds == 0 and frames < rate.drops and minutes % 10:
        raise ValueError(
            f"{column} {text!r} is not in drop-frame timecode: at {rate} fps, frames 00 to {rate.drops - 1:02d} "
            "are skipped at each minute but every tenth."
        )
    all_minutes = hours * 60 + minutes
    return counted - rate.drops * (all_minutes - all_minutes // 10)


def time_of_day(text, rate):
    """A time-of-day timecode as the time it reads: 10:15:30:12 at 25 fps is 10:15:30.48."""
    timecode_frames(text, rate, "TC In")  # refused as the length would refuse it
    hours, minutes, seconds, frames = (int(part) for part in TIMECODE.fullmatch(text).group(1, 2, 3, 5))
    if hours > 23:
        raise ValueError(f"TC In {text!r} is not a time of day (hours 00 to 23).")
    return time(hours, minutes, seconds, frames * 1_000_000 // rate.frames)


def whole_seconds(frames, rate):
    """Frames as real seconds at `rate`, to the nearest second (half a second up)."""
    numerator, denominator = rate.per_second.numerator, rate.per_second.denominator
    return (2 * frames * denominator + numerator) // (2 * numerator)


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
        rate = frame_rate(fps)
        seconds = whole_seconds(timecode_frames(value, rate, "Length"), rate)
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
    rate = frame_rate(fps)
    start = timecode_frames(cell_text(tc_in, "TC In"), rate, "TC In")
    end = timecode_frames(cell_text(tc_out, "TC Out"), rate, "TC Out")
    if end < start:
        end += timecode_frames("24:00:00;00" if rate.drops else "24:00:00:00", rate, "TC Out")
    return checked_length(whole_seconds(end - start, rate), f"{tc_in} to {tc_out}")


def frame_rate(fps):
    """The file's frame rate (a TimecodeRate, or a whole number of frames a second), or the office's
    (IMPORT_TIMECODE_FPS) when the file does not say."""
    if isinstance(fps, TimecodeRate):
        return fps
    return timecode_rate(fps or settings.IMPORT_TIMECODE_FPS)


DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*")


# The two orders a date written with day and month numbers (10/09/13) may be in.
DAY_FIRST, MONTH_FIRST = "day", "month"
ORDERS = {DAY_FIRST: "day/month/year", MONTH_FIRST: "month/day/year"}
ASK = "choose the file's date order (the mapping page's Date order, or --date-order day or month)"


def day_and_month(text):
    """The two numbers of a date written 10/09/13 (or 10.09.2013), and its year; None for another."""
    if match := DAY_MONTH_YEAR.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        return first, second, year + 2000 if year < 100 else year
    return None


def spoken(first, second, year):
    """10/09/13 read both ways, as words: "10 September or 9 October 2013"."""
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(f"{day} {date(year, month, day):%B}")
        except ValueError:
            pass
    return f"{' or '.join(readings)} {year}"


def date_order(dates):
    """The order a file writes its dates in, from the first of `dates` ((row, value) pairs) that
    decides it: DAY_FIRST for 13/09/13, MONTH_FIRST for 09/13/13, None when it writes them as ISO or
    as a spreadsheet's dates (a day-and-month date further down is then refused, asking the order).
    ValueError when every date reads both ways (10/09/13)."""
    both = None
    for number, value in dates:
        text = cell_text(value, "Date") if not isinstance(value, date) else ""
        if not (numbers := day_and_month(text)):
            if text or isinstance(value, date):
                return None
            continue
        first, second, _ = numbers
        if first > 12 >= second:
            return DAY_FIRST
        if second > 12 >= first:
            return MONTH_FIRST
        both = both or (number, text, numbers)
    if both:
        number, text, numbers = both
        raise ValueError(f"Every date in the file reads both ways (row {number}: {text} is {spoken(*numbers)}): {ASK}.")
    return None


def parse_date(value, order=None):
    """A date as ISO (2013-09-02), a spreadsheet's date, or day and month numbers in `order` (DAY_FIRST:
    02.09.2013, 02/09/2013, 2/9/13; MONTH_FIRST: 09/02/2013); a two-digit year is this century's."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value, "Date")
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if numbers := day_and_month(text):
        if order is None:
            raise ValueError(f"Date {text!r} could be {spoken(*numbers)}: {ASK}.")
        first, second, year = numbers
        day, month = (first, second) if order == DAY_FIRST else (second, first)
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(f"Date {text!r} is not a date read as {ORDERS[order]}.") from None
    raise ValueError(f"Date {text!r} is not a date: write it as 2013-09-02, or day and month numbers (02/09/2013).")


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
