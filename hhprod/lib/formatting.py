"""How the office writes numbers and dates: on pages, in exports, in messages."""

from django.utils.dateformat import format as format_date


def minutes(seconds):
    """Seconds as minutes to one decimal: 365 -> 6.1."""
    return round((seconds or 0) / 60, 1)


def minutes_seconds(seconds):
    """420 -> "7:00": how a camera report writes a take length."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def signed(number, unit=""):
    """+75 days, -3, or a dash when there is no number."""
    return "—" if number is None else f"{number:+d}{unit}"


def signed_number(number):
    """A difference as a spreadsheet's `+0;-0;0` shows it: +3, -2, 0."""
    return f"{number:+d}" if number else "0"


def short_date(day, missing="no date yet"):
    return format_date(day, "j M Y") if day else missing


def long_date(day):
    return format_date(day, "D j M Y") if day else "—"


def listed(names):
    """The database's comma-joined names, spaced for reading: "v1,v2" -> "v1, v2"."""
    return names.replace(",", ", ") if names else names


def counted(number, noun):
    """1 drop, 2 drops: as a person writes it."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
