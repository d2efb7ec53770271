"""The synthetic production's people and kit (synthetic.py): the director and the rig's other
wearers with the cast, their credits and the cast's trips around the shooting blocks; the two
rigs, metal then plastic, each with its cameras and a unit per camera."""

import math
from datetime import timedelta

from django.db.models import Max

from hhprod.lib.names import keyed, name_key
from hhprod.productions.models import Credit, Person, Trip
from hhprod.rigs.models import Camera, Mounting, Rig, RigUnit

from .synthetic_days import FIRST_DAY

CAST = 3
CAMERAS_PER_RIG = 2


class CrewAndRigsMixin:
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
