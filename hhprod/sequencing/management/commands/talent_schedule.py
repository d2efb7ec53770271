"""manage.py talent_schedule FILE.json [--time-limit S]: the textbook talent scheduling problem on its own.

FILE.json names each actor's cost a day and each scene's days and actors:

    {"actors": [{"name": "a1", "cost": 1}, {"name": "a2", "cost": 3}],
     "scenes": [{"name": "s1", "duration": 2, "actors": ["a1"]}, {"name": "s2", "duration": 1, "actors": ["a1", "a2"]}]}

It prints the order that pays least for waiting, one scene a line, and last `cost N optimal`, or
`cost N not proven` when the time limit (SEQUENCING_TIME_LIMIT, 30 s unless set) ran out first: N sums,
over actors, cost x the days between their first and last scenes that they are in no scene.
"""

import argparse
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hhprod.lib.controls import CONTROLS
from hhprod.sequencing.talent import Actor, InstanceRefused, Scene, propose_order


def seconds(text):
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"give a number of seconds above 0, not {text!r}")
    return value


def read_instance(path):
    """The scenes and actors in the file at `path`, refused with the reason unless it has the shape above."""
    try:
        data = json.loads(path.read_bytes())
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
    except (ValueError, RecursionError) as error:
        raise CommandError(f"{path} is not valid JSON: {error}.") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(key), list) for key in ("actors", "scenes")):
        raise CommandError(f'{path} must hold an object with a list of "actors" and a list of "scenes".')
    actors = [
        Actor(*fields(entry, "actor", number, ("name", "cost"))) for number, entry in enumerate(data["actors"], 1)
    ]
    scenes = []
    for number, entry in enumerate(data["scenes"], 1):
        name, duration, cast = fields(entry, "scene", number, ("name", "duration", "actors"))
        if not isinstance(cast, list) or not all(isinstance(actor, str) for actor in cast):
            raise CommandError(f'Scene {name!r}: "actors" must be a list of actors\' names.')
        if len(set(cast)) < len(cast):
            raise CommandError(f"Scene {name!r} lists an actor twice.")
        scenes.append(Scene(name, duration, frozenset(cast)))
    return scenes, actors


def fields(entry, kind, number, keys):
    """An actor's or a scene's values for `keys`, the first its name."""
    if not isinstance(entry, dict) or not set(keys) <= entry.keys():
        raise CommandError(f"{kind.capitalize()} {number} must be an object with {', '.join(map(repr, keys))}.")
    name = entry["name"]
    if not isinstance(name, str) or not name.strip() or CONTROLS.search(name):
        raise CommandError(f"{kind.capitalize()} {number}'s name must be text, not blank, without control characters.")
    return [entry[key] for key in keys]


class Command(BaseCommand):
    help = (
        "Order scenes to pay the cast least for waiting (talent scheduling). FILE.json: "
        '{"actors": [{"name": "a1", "cost": 1}], "scenes": [{"name": "s1", "duration": 2, "actors": ["a1"]}]}, '
        "each actor's cost a day, each scene's days and actors. Prints the order, one scene a line, then "
        '"cost N optimal", or "cost N not proven" when the time limit ran out first: N sums, over actors, '
        "cost x the days between their first and last scenes that they are in no scene."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE.json")
        parser.add_argument(
            "--time-limit",
            type=seconds,
            default=settings.SEQUENCING_TIME_LIMIT,
            metavar="S",
            help="Seconds to search; the best order found by then is printed (default SEQUENCING_TIME_LIMIT).",
        )

    def handle(self, *args, file, time_limit, **options):
        scenes, actors = read_instance(file)
        try:
            proposal = propose_order(scenes, actors, time_limit)
        except InstanceRefused as refusal:
            raise CommandError(f"{file}: {refusal}") from None
        for scene in proposal.order:
            self.stdout.write(scene.name)
        self.stdout.write(f"cost {proposal.cost} {'optimal' if proposal.optimal else 'not proven'}")
