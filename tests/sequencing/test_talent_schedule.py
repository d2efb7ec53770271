"""manage.py talent_schedule and the solver under it: the problem's published instances reached and proven
optimal, small random ones against every order, the time limit, and bad files refused.

The published instances, in data/:
- rehearsal.json: the rehearsal problem (Smith 2003; CSPLib prob039 and its rehearsal_smith.dzn): 9 pieces,
  5 players each costing 1; the optimal order keeps the players waiting 17 (CSPLib's specification).
- mob_story.json: Mob Story (Cheng, Diamond and Lin 1993), CSPLib prob039's "Film1" table: 20 scenes,
  8 actors, costs in hundreds. Its published optimum, 871 (Garcia de la Banda, Stuckey and Chu 2011,
  INFORMS Journal on Computing), pays every day an actor is on location: 725 for the days in their
  scenes, which no order changes, and 146 for waiting.
"""

import io
import itertools
import json
import random
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hhprod.sequencing.management.commands.talent_schedule import Command
from hhprod.sequencing.talent import Actor, Scene, propose_order

DATA = Path(__file__).parent / "data"
PUBLISHED = [("rehearsal", 17), ("mob_story", 146)]
LAST_LINE = re.compile(r"cost (\d+) (optimal|not proven)")


def instance(name):
    return json.loads((DATA / f"{name}.json").read_text())


def waiting(order, data):
    """The cost of `order` (scene names), counted day by day: each actor's days from their first to their last,
    less the days they work, times their cost."""
    scenes = {scene["name"]: scene for scene in data["scenes"]}
    days = [set(scenes[name]["actors"]) for name in order for _ in range(scenes[name]["duration"])]
    total = 0
    for actor in data["actors"]:
        worked = [day for day, cast in enumerate(days) if actor["name"] in cast]
        if worked:
            total += actor["cost"] * (worked[-1] - worked[0] + 1 - len(worked))
    return total


def scheduled(path, *options):
    """The order printed and the last line's cost and verdict."""
    out = io.StringIO()
    call_command("talent_schedule", str(path), *options, stdout=out)
    *order, last = out.getvalue().splitlines()
    cost, verdict = LAST_LINE.fullmatch(last).groups()
    return order, int(cost), verdict


def proposed(data, time_limit=30):
    actors = [Actor(actor["name"], actor["cost"]) for actor in data["actors"]]
    scenes = [Scene(scene["name"], scene["duration"], frozenset(scene["actors"])) for scene in data["scenes"]]
    return propose_order(scenes, actors, time_limit)


def random_instance(seed, scenes, actors):
    rng = random.Random(seed)
    cast = [{"name": f"a{number}", "cost": rng.randint(0, 9)} for number in range(actors)]
    return {
        "actors": cast,
        "scenes": [
            {
                "name": f"s{number}",
                "duration": rng.randint(1, 3),
                "actors": [actor["name"] for actor in cast if rng.random() < 0.5],
            }
            for number in range(scenes)
        ],
    }


@pytest.mark.parametrize("name, optimum", PUBLISHED)
def test_the_command_prints_the_published_optimum_proven(name, optimum):
    order, cost, verdict = scheduled(DATA / f"{name}.json")
    data = instance(name)
    assert (cost, verdict) == (optimum, "optimal")
    assert sorted(order) == sorted(scene["name"] for scene in data["scenes"])
    assert waiting(order, data) == optimum


@pytest.mark.parametrize("name, optimum", PUBLISHED)
def test_the_solver_reaches_the_published_optimum_and_proves_it(name, optimum):
    data = instance(name)
    proposal = proposed(data)
    order = [scene.name for scene in proposal.order]
    assert (proposal.cost, proposal.optimal) == (optimum, True)
    assert sorted(order) == sorted(scene["name"] for scene in data["scenes"])
    assert waiting(order, data) == optimum


def test_mob_story_costs_871_in_all_as_published():
    data = instance("mob_story")
    costs = {actor["name"]: actor["cost"] for actor in data["actors"]}
    working = sum(costs[actor] * scene["duration"] for scene in data["scenes"] for actor in scene["actors"])
    assert working + proposed(data).cost == 725 + 146 == 871


@pytest.mark.parametrize("seed", range(6))
def test_small_instances_get_the_least_waiting_of_all_orders(seed):
    data = random_instance(seed, scenes=7, actors=5)
    names = [scene["name"] for scene in data["scenes"]]
    least = min(waiting(order, data) for order in itertools.permutations(names))
    proposal = proposed(data)
    order = [scene.name for scene in proposal.order]
    assert (proposal.cost, proposal.optimal) == (least, True)
    assert sorted(order) == sorted(names)
    assert waiting(order, data) == least


def test_out_of_time_the_best_order_found_is_printed_with_its_true_cost(tmp_path):
    data = random_instance(2026, scenes=40, actors=10)
    path = tmp_path / "forty.json"
    path.write_text(json.dumps(data))
    order, cost, verdict = scheduled(path, "--time-limit", "1")
    names = [scene["name"] for scene in data["scenes"]]
    assert sorted(order) == sorted(names)
    assert waiting(order, data) == cost
    assert cost <= waiting(names, data)  # never worse than the order given
    assert verdict in ("optimal", "not proven")


def test_the_time_limit_is_the_setting_unless_given(settings):
    settings.SEQUENCING_TIME_LIMIT = 7
    parser = Command().create_parser("manage.py", "talent_schedule")
    assert parser.parse_args(["plan.json"]).time_limit == 7
    assert parser.parse_args(["plan.json", "--time-limit", "2.5"]).time_limit == 2.5


GOOD_ACTORS = [{"name": "a1", "cost": 1}, {"name": "a2", "cost": 2}]


def scene(name="s1", duration=1, actors=("a1",)):
    return {"name": name, "duration": duration, "actors": list(actors)}


@pytest.mark.parametrize(
    "content, options, reason",
    [
        (None, [], "Cannot read {path}: No such file or directory."),
        (
            "{",
            [],
            "{path} is not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1).",
        ),
        ([], [], '{path} must hold an object with a list of "actors" and a list of "scenes".'),
        ({"actors": GOOD_ACTORS, "scenes": []}, [], "{path}: There are no scenes to order."),
        ({"actors": [{"name": "a1"}], "scenes": [scene()]}, [], "Actor 1 must be an object with 'name', 'cost'."),
        (
            {"actors": GOOD_ACTORS, "scenes": [scene(actors=["a1", "a9"])]},
            [],
            "{path}: Scene 's1' needs 'a9': not among the actors.",
        ),
        (
            {"actors": GOOD_ACTORS, "scenes": [scene(duration=-1)]},
            [],
            "{path}: Scene 's1': the duration in days must be a whole number from 1 to 1,000,000, not -1.",
        ),
        (
            {"actors": [{"name": "a1", "cost": 2.5}], "scenes": [scene()]},
            [],
            "{path}: Actor 'a1': the cost a day must be a whole number from 0 to 1,000,000, not 2.5.",
        ),
        (
            {"actors": [*GOOD_ACTORS, {"name": "a1", "cost": 3}], "scenes": [scene()]},
            [],
            "{path}: Two actors are named 'a1'.",
        ),
        ({"actors": GOOD_ACTORS, "scenes": [scene(), scene()]}, [], "{path}: Two scenes are named 's1'."),
        ({"actors": GOOD_ACTORS, "scenes": [scene(actors=["a1", "a1"])]}, [], "Scene 's1' lists an actor twice."),
        (
            {"actors": [{"name": "a\n1", "cost": 1}], "scenes": [scene()]},
            [],
            "Actor 1's name must be text, not blank, without control characters.",
        ),
        (
            {"actors": GOOD_ACTORS, "scenes": [scene()]},
            ["--time-limit", "0"],
            "Error: argument --time-limit: give a number of seconds above 0, not '0'",
        ),
    ],
)
def test_a_bad_file_is_refused_with_the_reason_and_nothing_printed(tmp_path, content, options, reason):
    path = tmp_path / "plan.json"
    if content is not None:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    out = io.StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("talent_schedule", str(path), *options, stdout=out)
    assert str(refusal.value) == reason.format(path=path)
    assert out.getvalue() == ""
