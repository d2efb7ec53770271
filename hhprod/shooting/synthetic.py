"""A synthetic production of any size, for load tests and the benchmark.

Everything written is named as synthetic: the title gives the seed and the take count,
and every record's source names the command that wrote it. The shoot is laid out like
the article's: a plan of fewer days than were shot, days added beyond the plan, a few
cancelled and a few still to shoot, three shooting blocks with the lead's trips around
them, and the rig refined from metal to plastic halfway through. One
`random.Random(seed)` draws everything in a fixed order, so the same arguments give
the same rows.
"""

import math
import random
import string
from collections import Counter
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.db import transaction
from django.db.models import Max

from hhprod.lib.names import keyed, name_key
from hhprod.productions.models import Credit, Person, Production, Trip
from hhprod.rigs.models import Camera, Mounting, Rig, RigUnit

from .models import DayCall, Scene, ShootDay, Take

FIRST_DAY = date(2013, 9, 2)  # a Monday, where the article's illustrative calendar starts
PLANNED_SHARE = 45 / 120  # "It was meant to be 45 days and it took 120 in the end."
MAX_TAKE_SECONDS = 7 * 60
DAILY_RIG_LIMIT_MINUTES = 20
BLOCKS = 3  # the star "went back to Russia three times"
CAST = 3
CAMERAS_PER_RIG = 2
TAKES_PER_SCENE = 40
TAKES_PER_SETUP = 8  # then the next setup: 12, 12A, 12B...
STATUSES = [Take.Status.CIRCLED, Take.Status.GOOD, Take.Status.NO_GOOD, Take.Status.FALSE_START]
STATUS_WEIGHTS = [2, 4, 3, 1]
LOCATIONS = ["Moscow", "Moscow region", "Studio"]
BATCH = 5000


@dataclass(frozen=True)
class Plan:
    """What to generate: the command's arguments."""

    days: int
    takes: int
    people: int
    seed: int

    @property
    def title(self):
        return f"Synthetic production (seed {self.seed}, {self.takes} takes)"

    @property
    def source(self):
        return (
            f"Synthetic: manage.py generate_production --days {self.days} --takes {self.takes} "
            f"--people {self.people} --seed {self.seed}"
        )

    def problems(self):
        """Why these arguments cannot make a production; empty when they can."""
        found = []
        if self.days < 1:
            found.append(f"--days must be at least 1 (got {self.days}).")
        if self.takes < 0:
            found.append(f"--takes cannot be negative (got {self.takes}).")
        if self.people < 1:
            found.append(f"--people must be at least 1: someone has to wear the rig (got {self.people}).")
        if self.seed < 0:
            found.append(f"--seed cannot be negative (got {self.seed}).")
        if not found and Production.objects.filter(title=self.title).exists():
            found.append(f'"{self.title}" already exists: delete it first, or pick another seed or take count.')
        return found


def generate(plan):
    """Write the production `plan` describes; returns the number of rows per kind of record."""
    rng = random.Random(plan.seed)
    with transaction.atomic():
        return _Shoot(plan, rng).write()


class _Shoot:
    """The generator's working state: each step writes one kind of record, in a fixed order."""

    def __init__(self, plan, rng):
        self.plan = plan
        self.rng = rng
        self.written = Counter()

    def write(self):
        self.production = Production.objects.create(
            title=self.plan.title,
            kind=Production.Kind.FEATURE,
            planned_days=self.planned_days(),
            max_take_seconds=MAX_TAKE_SECONDS,
            daily_rig_limit_minutes=DAILY_RIG_LIMIT_MINUTES,
            source=self.plan.source,
            notes="Synthetic data for load tests and benchmarks: no real production.",
        )
        self.written["productions"] += 1
        self.people()
        self.days()
        self.rigs()
        self.trips()
        self.takes()
        self.calls()
        return dict(self.written)

    def save(self, model, rows):
        saved = model.objects.bulk_create(rows, batch_size=BATCH)
        self.written[str(model._meta.verbose_name_plural)] += len(saved)
        return saved

    def planned_days(self):
        return max(1, round(self.plan.days * PLANNED_SHARE))

    def people(self):
        """The director wears the rig too (as in the article); the other wearers are stunt
        performers and cinematographers, two to one; the cast do not wear it."""
        operators = self.plan.people - 1
        stunts = math.ceil(operators * 2 / 3)
        wearers = [("Synthetic director", "director", Credit.Role.DIRECTOR)]
        wearers += [
            (f"Synthetic stunt performer {n}", "stunt performer", Credit.Role.STUNT_PERFORMER)
            for n in range(1, stunts + 1)
        ]
        wearers += [
            (f"Synthetic cinematographer {n}", "cinematographer", Credit.Role.CINEMATOGRAPHER)
            for n in range(1, operators - stunts + 1)
        ]
        cast = [(f"Synthetic cast member {n}", "actor", Credit.Role.CAST) for n in range(1, CAST + 1)]
        # One person per name (in any case): another synthetic production's people are the same people.
        keys = [name_key(name) for name, _, _ in wearers + cast]
        known = Person.objects.in_bulk(keys, field_name="name_key")
        self.save(
            Person,
            keyed(
                *(
                    Person(name=name, trade=trade, source=self.plan.source)
                    for (name, trade, _), key in zip(wearers + cast, keys, strict=True)
                    if key not in known
                )
            ),
        )
        known = Person.objects.in_bulk(keys, field_name="name_key")
        people = [known[key] for key in keys]
        self.save(
            Credit,
            [
                Credit(
                    production=self.production,
                    person=person,
                    role=role,
                    character=f"Character {n}" if role == Credit.Role.CAST else "",
                    wears_rig=role != Credit.Role.CAST,
                    source=self.plan.source,
                )
                for n, (person, (_, _, role)) in enumerate(zip(people, wearers + cast, strict=True), start=1)
            ],
        )
        self.wearers = people[: len(wearers)]
        self.cast = people[len(wearers) :]

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

    def rigs(self):
        """v1 (metal) from a week before the first shot day until a week into the second
        block; v2 (3D-printed plastic) from the second block on: both in service that week."""
        first = self.blocks[0][0] if self.blocks else FIRST_DAY
        refined = self.blocks[1][0] if len(self.blocks) > 1 else first
        version = (Rig.objects.aggregate(top=Max("version"))["top"] or 0) + 1
        label = f"synthetic, seed {self.plan.seed}, {self.plan.takes} takes"
        self.rig_list = self.save(
            Rig,
            keyed(
                Rig(
                    name=f"v1 ({label})",
                    version=version,
                    material=Rig.Material.METAL,
                    in_service_from=first - timedelta(days=7),
                    in_service_to=refined + timedelta(days=6),
                    source=self.plan.source,
                ),
                Rig(
                    name=f"v2 ({label})",
                    version=version + 1,
                    material=Rig.Material.PLASTIC,
                    in_service_from=refined,
                    source=self.plan.source,
                ),
            ),
        )
        cameras = self.save(
            Camera,
            [
                Camera(
                    model="GoPro Hero 3",
                    serial=f"SYN-{self.plan.seed}-{self.plan.takes}-{rig.version}-{n}",
                    rig=rig,
                    source=self.plan.source,
                )
                for rig in self.rig_list
                for n in range(1, CAMERAS_PER_RIG + 1)
            ],
        )
        self.cameras = {rig.pk: [c for c in cameras if c.rig_id == rig.pk] for rig in self.rig_list}
        self.rig_units(cameras)

    def rig_units(self, cameras):
        """A unit of its rig for each camera (v1 #1, v1 #2...), the camera on it while the rig is in service."""
        rigs = {rig.pk: rig for rig in self.rig_list}
        units = self.save(
            RigUnit,
            [
                RigUnit(
                    rig_id=camera.rig_id, number=self.cameras[camera.rig_id].index(camera) + 1, source=self.plan.source
                )
                for camera in cameras
            ],
        )
        self.save(
            Mounting,
            [
                Mounting(
                    camera=camera,
                    unit=unit,
                    mounted_from=rigs[camera.rig_id].in_service_from,
                    mounted_to=rigs[camera.rig_id].in_service_to,
                    source=self.plan.source,
                )
                for camera, unit in zip(cameras, units, strict=True)
            ],
        )
        self.unit_of_camera = {camera.pk: unit.pk for camera, unit in zip(cameras, units, strict=True)}

    def trips(self):
        """The lead travels in for every block, each other cast member for one block."""
        windows = [(block[0] - timedelta(days=2), block[-1] + timedelta(days=2)) for block in self.blocks]
        self.cast_windows = {self.cast[0].pk: windows}
        for member in self.cast[1:]:
            self.cast_windows[member.pk] = [self.rng.choice(windows)] if windows else []
        self.save(
            Trip,
            [
                Trip(
                    person_id=person_id,
                    production=self.production,
                    destination="Moscow, Russia",
                    starts=starts,
                    ends=ends,
                    source=self.plan.source,
                )
                for person_id, person_windows in self.cast_windows.items()
                for starts, ends in person_windows
            ],
        )

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
