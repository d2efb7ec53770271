"""The camera report's vocabulary for a take: setups, clip names, the GoPro Hero 3 Black's modes
and the marks a script supervisor types for a take's status.

The modes are the Hero 3 Black's video modes at its launch firmware (4K at most 15 fps,
2.7K at 30 fps, 1080p up to 60 fps...): the camera the article says the film was shot on.
"""

import re

from django.core.validators import RegexValidator
from django.db import models

# A GoPro Hero 3 names a clip GOPRnnnn.MP4; a clip longer than one file (about 4 GB) goes on in
# chapters GPccnnnn.MP4, cc the chapter (01, 02...) and nnnn the clip's number.
GOPRO_CLIP = re.compile(r"^(GOPR\d{4}|GP\d{2}\d{4})\.MP4$")

# A setup is named after its scene: 12 is the scene's first setup, 12A its second, 12B its third.
# A take stores only the letters after the scene number ("" for the first setup).
setup_letters = RegexValidator(r"^[A-Z]{0,2}$", 'A setup is the letters after the scene number: "", "A", "B"... "AA".')

# A slate's take box holds three digits: more takes than any setup has needed (Chaplin's
# famous 342 of one City Lights shot), and the seed's and generator's setups stop at 18 and 8.
LAST_TAKE = 999


class FieldOfView(models.TextChoices):
    WIDE = "wide", "Wide"
    MEDIUM = "medium", "Medium"
    NARROW = "narrow", "Narrow"


class Resolution(models.TextChoices):
    UHD_4K = "4K", "4K (3840×2160)"
    UHD_4K_CINEMA = "4K 17:9", "4K 17:9 (4096×2160)"
    QHD_27K = "2.7K", "2.7K (2704×1524)"
    QHD_27K_CINEMA = "2.7K 17:9", "2.7K 17:9 (2704×1440)"
    P1440 = "1440p", "1440p (1920×1440, 4:3)"
    P1080 = "1080p", "1080p (1920×1080)"
    P960 = "960p", "960p (1280×960, 4:3)"
    P720 = "720p", "720p (1280×720)"
    WVGA = "WVGA", "WVGA (848×480)"


class FrameRate(models.IntegerChoices):
    FPS_12 = 12, "12 fps"
    FPS_15 = 15, "15 fps"
    FPS_24 = 24, "24 fps"
    FPS_25 = 25, "25 fps"
    FPS_30 = 30, "30 fps"
    FPS_48 = 48, "48 fps"
    FPS_50 = 50, "50 fps"
    FPS_60 = 60, "60 fps"
    FPS_100 = 100, "100 fps"
    FPS_120 = 120, "120 fps"
    FPS_240 = 240, "240 fps"


# The frame rates the Hero 3 Black offers at each resolution (NTSC and PAL rates together).
HERO3_BLACK_MODES = {
    Resolution.UHD_4K: {15},
    Resolution.UHD_4K_CINEMA: {12},
    Resolution.QHD_27K: {25, 30},
    Resolution.QHD_27K_CINEMA: {24},
    Resolution.P1440: {24, 25, 30, 48},
    Resolution.P1080: {24, 25, 30, 48, 50, 60},
    Resolution.P960: {48, 50, 60, 100},
    Resolution.P720: {50, 60, 100, 120},
    Resolution.WVGA: {240},
}

# The marks people type in a take log's status column (upper-cased), beside each status's own
# label and value: a circled take is the one to print.
STATUS_MARKS = {
    "*": "circled",
    "P": "circled",
    "PRINT": "circled",
    "G": "good",
    "NG": "no_good",
    "N/G": "no_good",
    "FS": "false_start",
    "F/S": "false_start",
}


def is_gopro(camera):
    return camera is not None and camera.model.strip().lower().startswith("gopro")


def clip_name_problem(clip_name, camera):
    """Why `clip_name` cannot be a clip of `camera`, or None. Only a GoPro's names are checked:
    another camera (or a take with no camera) may name its clips any way it does."""
    if not clip_name or not is_gopro(camera) or GOPRO_CLIP.match(clip_name):
        return None
    return (
        f'"{clip_name}" is not a GoPro clip name: a GoPro writes GOPRnnnn.MP4 (GOPR0042.MP4) '
        f"and chapters GPccnnnn.MP4 (GP010042.MP4)."
    )


def mode_problem(resolution, frame_rate):
    """Why the Hero 3 Black could not record `resolution` at `frame_rate`, or None."""
    if not resolution or not frame_rate or frame_rate in HERO3_BLACK_MODES[resolution]:
        return None
    rates = ", ".join(str(rate) for rate in sorted(HERO3_BLACK_MODES[resolution]))
    return f"The GoPro Hero 3 Black records {resolution} at {rates} fps, not {frame_rate} fps."
