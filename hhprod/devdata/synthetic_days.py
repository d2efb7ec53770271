"""The synthetic production's calendar (synthetic.py): its shoot days, planned and shot in
three blocks, the takes spread over the days shot, and each day's calls."""

import math
import string
from collections import Counter
from datetime import date, time, timedelta

from hhprod.planning.models import DayCall, Scene, ShootDay
from hhprod.shooting.models import Take

FIRST_DAY = date(2013, 9, 2)  # a Monday, where the article's illustrative calendar starts
PLANNED_SHARE = 45 / 120  # "It was meant to be 45 days and it took 120 in the end."
MAX_TAKE_SECONDS = 7 * 60
BLOCKS = 3  # the star "went back to Russia three times"
TAKES_PER_SCENE = 40
TAKES_PER_SETUP = 8  # then the next setup: 12, 12A, 12B...
STATUSES = [Take.Status.CIRCLED, Take.Status.GOOD, Take.Status.NO_GOOD, Take.Status.FALSE_START]
STATUS_WEIGHTS = [2, 4, 3, 1]
LOCATIONS = ["Moscow", "Moscow region", "Studio"]
BATCH = 5000


class DaysAndTakesMixin:
    def planned_days(self):
        return max(1, round(self.plan.days * PLANNED_SHARE))

    def days(self):
        """Planned days on six-day weeks; the shoot on five-day weeks in three blocks with
        weeks off between them, and now and then a day lost, so the slip grows."""
        planned = self.planned_days()
        numbers = range(1, self.plan.days + 1)
        to_shoot = self.plan.days // 60  # the last few days, not shot yet
        cancelled = set(self.rng.sample(range(1, planned + 1), min(self.plan.days // 40, planned - 1)))
        shot = [n for n in numbers[: len(numbers) - to_shoot] if n not in cancelled]
        scheduled = dict(zip(range(1, planned + 1), _weekdays(FIRST_DAY, planned, 6), strict=True))

        block_size = math.ceil(len(shot) / BLOCKS) if shot else 1
        actual, self.blocks, on = {}, [], FIRST_DAY
        for i, number in enumerate(shot):
            if i and i % block_size == 0:
                on += timedelta(weeks=self.rng.randint(4, 10))
            elif i and self.rng.random() < 0.05:
                on = _next_weekday(on)
            if i % block_size == 0:
                self.blocks.append([])
            actual[number] = on
            self.blocks[-1].append(on)
            on = _next_weekday(on)

        def status(number):
            if number in actual:
                return ShootDay.Status.SHOT
            return ShootDay.Status.CANCELLED if number in cancelled else ShootDay.Status.SCHEDULED

        saved = self.save(
            ShootDay,
            [
                ShootDay(
                    production=self.production,
                    number=number,
                    scheduled_date=scheduled.get(number),
                    actual_date=actual.get(number),
                    status=status(number),
                    location=self.rng.choice(LOCATIONS),
                    source=self.plan.source,
                )
                for number in numbers
            ],
        )
        self.shot_days = [day for day in saved if day.status == ShootDay.Status.SHOT]
        self.days_to_shoot = [day for day in saved if day.status == ShootDay.Status.SCHEDULED]

    def takes(self):
        """Takes spread over the shot days (a heavy day has up to four times a light one's),
        scenes shot in order, a few setups each, a day's takes worn by that day's two to five
        wearers on one rig."""
        scene_count = max(1, math.ceil(self.plan.takes / TAKES_PER_SCENE))
        scenes = self.save(
            Scene,
            [
                Scene(
                    production=self.production,
                    number=str(n),
                    description=f"Synthetic scene {n}",
                    source=self.plan.source,
                )
                for n in range(1, scene_count + 1)
            ],
        )
        weights = [self.rng.uniform(0.4, 1.6) for _ in self.shot_days]
        per_day = Counter(self.rng.choices(range(len(self.shot_days)), weights, k=self.plan.takes))
        self.crews = {}
        batch, done, take_number = [], 0, Counter()
        for i, day in enumerate(self.shot_days):
            crew = self.rng.sample(self.wearers, min(len(self.wearers), self.rng.randint(2, 5)))
            rig = self.rng.choice([rig for rig in self.rig_list if rig.in_service_on(day.actual_date)])
            self.crews[day.pk] = crew
            for _ in range(per_day[i]):
                scene = scenes[done * scene_count // self.plan.takes]
                in_scene = take_number[scene.pk]
                take_number[scene.pk] += 1
                status = self.rng.choices(STATUSES, STATUS_WEIGHTS)[0]
                if status == Take.Status.FALSE_START:
                    length = self.rng.randint(5, 30)
                else:
                    length = round(self.rng.triangular(30, MAX_TAKE_SECONDS, 90))
                camera = self.rng.choice(self.cameras[rig.pk])  # after the length, as ever: same seed, same takes
                batch.append(
                    Take(
                        scene_id=scene.pk,
                        setup=_setup_letters(in_scene // TAKES_PER_SETUP),
                        number=in_scene % TAKES_PER_SETUP + 1,
                        shoot_day_id=day.pk,
                        length=length,
                        rig_id=rig.pk,
                        camera_id=camera.pk,
                        rig_unit_id=self.unit_of_camera[camera.pk],
                        wearer_id=self.rng.choice(crew).pk,
                        status=status,
                        source=self.plan.source,
                    )
                )
                done += 1
                if len(batch) == BATCH:
                    self.save(Take, batch)
                    batch = []
        self.save(Take, batch)

    def calls(self):
        """The day's wearers at seven; cast on location at eight on most of their days.
        Days still to shoot have calls but no wrap yet."""
        rows = []
        for day in self.shot_days + self.days_to_shoot:
            crew = self.crews.get(day.pk) or self.wearers[:1]
            wrap = time(19, 0) if day.actual_date else None
            rows += [DayCall(shoot_day=day, person=p, call_time=time(7, 0), wrap_time=wrap) for p in crew]
            for member in self.cast:
                if self.on_location(member, day) and self.rng.random() < 0.6:
                    rows.append(DayCall(shoot_day=day, person=member, call_time=time(8, 0), wrap_time=wrap))
        for call in rows:
            call.source = self.plan.source
        self.save(DayCall, rows)

    def on_location(self, member, day):
        """On a trip that covers the day; for a day not shot yet, only the lead is expected."""
        if day.actual_date is None:
            return member == self.cast[0]
        return any(starts <= day.actual_date <= ends for starts, ends in self.cast_windows[member.pk])


def _next_weekday(day):
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _weekdays(start, count, days_a_week):
    """The first `count` dates from `start` on the first `days_a_week` days of each week."""
    found, day = [], start
    while len(found) < count:
        if day.weekday() < days_a_week:
            found.append(day)
        day += timedelta(days=1)
    return found


def _setup_letters(index):
    """A scene's setups in order: 0 -> "" (12), 1 -> "A" (12A), 26 -> "Z", 27 -> "AA"."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters
