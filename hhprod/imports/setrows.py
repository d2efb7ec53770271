"""How each take-log column of a row becomes a take's field, within one production: the
production's records are read once per file (read_production, read_plan), then each clean_<field>
finds a row's value among them. Rig, unit and wearer fall back on the day's plan."""

import re

from hhprod.lib.names import name_key
from hhprod.planning.models import Scene, Strip
from hhprod.rigs.models import Mounting, RigUnit
from hhprod.shooting.camera_report import FrameRate, Resolution, setup_letters
from hhprod.shooting.models import Take

from .setvalues import (
    cell_text,
    frame_rate,
    length_between,
    parse_date,
    parse_length,
    parse_whole_number,
    parse_yes,
    time_of_day,
    timecode_rate,
)

SCENE_AND_SETUP = re.compile(r"(.*\d)([A-Za-z]{1,2})")


class SetRowsMixin:
    def read_plan(self):
        """The day's plan, read once: strips by (day, scene), the cameras' mountings, units by name."""
        self.strips = {}
        strips = Strip.objects.filter(shoot_day__production=self.production).select_related("wearer", "rig_unit__rig")
        for strip in strips:
            self.strips.setdefault((strip.shoot_day_id, strip.scene_id), strip)
        self.mountings = {}
        for mounting in Mounting.objects.select_related("unit__rig"):
            self.mountings.setdefault(mounting.camera_id, []).append(mounting)
        self.units = {name_key(str(unit)): unit for unit in RigUnit.objects.select_related("rig")}
        self.camera_letters = {}
        for camera in self.cameras.values():
            if camera.letter:
                self.camera_letters.setdefault(camera.letter.upper(), []).append(camera)

    def clean_shoot_day(self, value, row, take):
        take.sources = []  # where a value the file did not give came from, for the preview
        day_number = None if value in (None, "") else parse_whole_number(value, "Day")
        actual = None if row["Date"] in (None, "") else parse_date(row["Date"], self.date_order)
        if day_number is None and actual is None:
            raise ValueError("Give the shoot day: a Day number or a Date.")
        if day_number is not None:
            day = self.days.get(day_number)
            if day is None:
                raise ValueError(f"{self.production} has no day {day_number}.")
            if actual is not None and day.actual_date != actual:
                raise ValueError(f"Day {day_number} was shot on {day.actual_date or 'no date yet'}, not on {actual}.")
            return day
        day = self.days_by_date.get(actual)
        if day is None:
            raise ValueError(f"{self.production} shot no day on {actual}.")
        return day

    def scene_and_setup(self, row):
        """The scene's number and the setup's letters. A Setup column gives the letters ("A", or
        "12A" in full); without one, a scene "12A" is scene 12 setup A when the production has a
        scene 12 and no scene 12A, else scene 12A."""
        number = cell_text(row["Scene"], "Scene")
        letters = cell_text(row["Setup"], "Setup").upper()
        if letters:
            if number and letters.startswith(number.upper()):
                letters = letters[len(number) :]
            return number, letters
        split = SCENE_AND_SETUP.fullmatch(number)
        if number not in self.scenes and split and split[1] in self.scenes:
            return split[1], split[2].upper()
        return number, ""

    def clean_scene(self, value, row, take):
        # The setup's letters are read with the scene's number ("12A"), here, and checked by clean_setup.
        number, take.setup = self.scene_and_setup(row)
        if not number:
            raise ValueError("Scene is empty.")
        limit = Scene._meta.get_field("number").max_length
        if len(number) > limit:
            raise ValueError(f"Scene {number[:30]!r}... is longer than {limit} characters.")
        if number not in self.scenes:
            self.scenes[number] = Scene.objects.create(production=self.production, number=number)
            self.new_scenes.append(number)
        return self.scenes[number]

    def clean_setup(self, value, row, take):
        setup_letters(take.setup)
        return take.setup

    def clean_number(self, value, row, take):
        return parse_whole_number(value, "Take")

    def timecode_rate(self, row):
        """Timecodes count at the row's frame rate when it has one, else at the file's, else the office's."""
        if row["FPS"] in (None, ""):
            return frame_rate(self.fps)
        try:
            return timecode_rate(row["FPS"])
        except ValueError:
            return frame_rate(self.fps)  # refused by clean_frame_rate

    def clean_length(self, value, row, take):
        if cell_text(value, "Length") or not (row["TC In"] or row["TC Out"]):
            return parse_length(value, self.timecode_rate(row))
        return length_between(row["TC In"], row["TC Out"], self.timecode_rate(row))

    def clean_time_of_day(self, value, row, take):
        """When the camera rolled: the TC In, which a GoPro (and hhprod's ALE) writes as the time of day."""
        text = cell_text(value, "TC In")
        if not text or (take.length is None and not cell_text(row["Length"], "Length")):
            return None  # a TC In the length could not read is named under Length
        return time_of_day(text, self.timecode_rate(row))

    def clean_camera(self, value, row, take):
        """A camera by its serial, or by its letter on set (A, B)."""
        name = cell_text(value, "Camera")
        if not name:
            return None
        if camera := self.cameras.get(name):
            return camera
        cameras = self.camera_letters.get(name.upper(), [])
        if len(cameras) > 1:
            serials = ", ".join(camera.serial for camera in cameras)
            raise ValueError(f"Cameras {serials} all have the letter {name!r}: give the serial.")
        if not cameras:
            raise ValueError(f"No camera with serial or letter {name!r}.")
        return cameras[0]

    def planned(self, take):
        """The strip placing the take's scene on its day, or None."""
        if not (take.shoot_day_id and take.scene_id):
            return None
        return self.strips.get((take.shoot_day_id, take.scene_id))

    def clean_rig_unit(self, value, row, take):
        name = cell_text(value, "Unit")
        if name:
            unit = self.units.get(name_key(name))
            if unit is None:
                raise ValueError(f'No rig unit {name!r}: name it as its version and number ("v2 #1").')
            return unit
        day = take.shoot_day.actual_date if take.shoot_day_id else None
        if take.camera_id and day:
            for mounting in self.mountings.get(take.camera_id, []):
                if mounting.mounted_from <= day and (mounting.mounted_to is None or day <= mounting.mounted_to):
                    take.sources.append(f"unit {mounting.unit} (camera {take.camera.serial} was on it that day)")
                    return mounting.unit
        if (strip := self.planned(take)) and strip.rig_unit:
            take.sources.append(f"unit {strip.rig_unit} (from the plan)")
            return strip.rig_unit
        return None

    def clean_rig(self, value, row, take):
        name = cell_text(value, "Rig")
        if name:
            rig = self.rigs.get(name_key(name))
            if rig is None:
                known = ", ".join(sorted(rig.name for rig in self.rigs.values()))
                raise ValueError(f"No rig named {name!r}; the rigs are {known or 'not entered yet'}.")
            return rig
        if take.rig_unit:
            return take.rig_unit.rig
        if take.scene_id and take.scene.rig_id:
            take.sources.append(f"rig {take.scene.rig.name} (from scene {take.scene.number}'s breakdown)")
            return take.scene.rig
        raise ValueError("Rig is empty, and no unit (mounted or planned) nor the scene's breakdown names one.")

    def clean_wearer(self, value, row, take):
        name = cell_text(value, "Wearer")
        if not name:
            if (strip := self.planned(take)) and strip.wearer:
                take.sources.append(f"worn by {strip.wearer.name} (from the plan)")
                return strip.wearer
            raise ValueError("Wearer is empty, and the day's plan names no wearer for this scene: who wore the rig?")
        person = self.people.get(name_key(name))
        if person is None:
            raise ValueError(f"No person named {name!r}.")
        return person

    def clean_status(self, value, row, take):
        """A status as set tools write it (Circled, "*", "NG", "FS"...); a Circled or Print column's yes circles it."""
        if parse_yes(row["Circled"], "Circled"):
            return Take.Status.CIRCLED
        text = cell_text(value, "Status")
        if not text:
            return Take._meta.get_field("status").default
        if status := Take.Status.from_mark(text):
            return status
        labels = ", ".join(status.label for status in Take.Status)
        raise ValueError(f"Status {text!r} is not one of {labels} (or *, P, G, NG, FS).")

    def clean_roll(self, value, row, take):
        return cell_text(value, "Roll")

    def clean_clip_name(self, value, row, take):
        return cell_text(value, "Clip")

    def clean_resolution(self, value, row, take):
        """A resolution by its name ("1080p", "2.7K") or its size ("1920x1080")."""
        text = cell_text(value, "Resolution")
        if not text:
            return ""
        size = text.lower().replace("×", "x").replace(" ", "")
        for resolution in Resolution:
            if text.lower() == resolution.value.lower() or f"({size}" in resolution.label.replace("×", "x"):
                return resolution.value
        raise ValueError(f"Resolution {text!r} is not one the GoPro Hero 3 records ({', '.join(Resolution.values)}).")

    def clean_frame_rate(self, value, row, take):
        """A frame rate as a clip list writes it: 25, "25.00", "29.97" (counted as 30)."""
        text = cell_text(value, "FPS")
        if not text:
            return None
        try:
            rate = round(float(text))
        except ValueError:
            raise ValueError(f"FPS {text!r} is not a frame rate.") from None
        if rate not in FrameRate.values:
            raise ValueError(f"FPS {text!r} is not a frame rate the GoPro Hero 3 records.")
        return rate

    def clean_notes(self, value, row, take):
        return cell_text(value, "Notes", strip=False)

    def clean_other_columns(self, value, row, take):
        """The columns mapped to nothing, kept aside as text (a date as ISO): {header: value}."""
        return {header: cell_text(cell, header) for header, cell in (value or {}).items()}
