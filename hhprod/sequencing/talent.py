"""Talent scheduling: the order of scenes that pays the cast least for waiting.

An actor is on location, and paid, from the first day of their first scene to the last day of their last;
the days between that they are in no scene are waiting. propose_order() takes scenes (name, days, the actors
in it) and actors (name, cost a day) and looks for the order whose waiting costs least, the sum over actors
of cost x days waiting (Cheng, Diamond and Lin 1993; CSPLib prob039, the rehearsal problem), with Google
OR-Tools' CP-SAT for at most a time limit: the best order found, and whether it is proven optimal. It takes
and gives plain data, so that any plan's scenes can be handed to it.

Before the search, three changes that keep an optimal order within reach:
- an actor in one scene only, in every scene, or paid nothing never costs anything to wait: left out;
- scenes with the same actors (those left) are shot together, as one block: given any order, moving the
  one of two such scenes whose days cost more on location next to the other stretches no actor's stay
  and costs no more. Leaving actors out can make blocks alike, and merging can leave an actor in one block:
  both are repeated until nothing changes;
- an order waits as long as its reverse: the first block comes before the second.

The model: each block's place, all different, and for each pair of blocks a literal for which is first,
tied to their places. For an actor and a block they are not in, the block comes before all the actor's
blocks, after all of them, or the actor waits through it, at their cost x the block's days. The objective
is the sum of those: a weighted sum of literals, which CP-SAT's core-based search bounds from below well.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import chain, combinations

from ortools.sat.python import cp_model

# Costs a day and days a scene stay under this: then the waiting CP-SAT sums fits its 64-bit integers
# for up to 9 million actors x scenes.
MAX_NUMBER = 1_000_000
# The machine has two cores. With two workers CP-SAT runs one full search beside its neighbourhood
# searches, and of its full searches the core-based one proves these optima fastest: Mob Story in about
# 0.5 s, against 2 to 4 s for its default search.
WORKERS = 2
FULL_SEARCH = "core"


class InstanceRefused(ValueError):
    """Scenes and actors that cannot be ordered, and why."""


@dataclass(frozen=True)
class Actor:
    name: str
    cost: int  # a day on location


@dataclass(frozen=True)
class Scene:
    name: str
    duration: int  # days
    actors: frozenset[str]


@dataclass(frozen=True)
class Proposal:
    order: tuple[Scene, ...]
    cost: int  # what the order pays for waiting: see waiting_cost()
    optimal: bool  # proven: no order waits for less


def waiting_cost(order, costs):
    """What `order` (scenes) pays the actors ({name: cost a day}) for days on location in no scene of theirs."""
    total = 0
    for actor, cost in costs.items():
        places = [place for place, scene in enumerate(order) if actor in scene.actors]
        if places:
            between = order[places[0] : places[-1] + 1]
            total += cost * sum(scene.duration for scene in between if actor not in scene.actors)
    return total


def propose_order(scenes, actors, time_limit):
    """The order of `scenes` that waits least, found within `time_limit` seconds; never worse than the given one."""
    check(scenes, actors)
    costs = {actor.name: actor.cost for actor in actors}
    given = Proposal(tuple(scenes), waiting_cost(scenes, costs), optimal=False)
    blocks, in_blocks = shot_together(scenes, costs)
    places, optimal = solve(blocks, in_blocks, costs, time_limit)
    if places is None:
        return given
    order = tuple(chain.from_iterable(blocks[block] for block in places))
    cost = waiting_cost(order, costs)
    # Out of time, the best order found may still wait longer than the given one.
    return Proposal(order, cost, optimal) if optimal or cost < given.cost else given


def check(scenes, actors):
    if not scenes:
        raise InstanceRefused("There are no scenes to order.")
    for kind, items in (("actors", actors), ("scenes", scenes)):
        twice = [name for name, count in Counter(item.name for item in items).items() if count > 1]
        if twice:
            raise InstanceRefused(f"Two {kind} are named {twice[0]!r}.")
    for actor in actors:
        whole_number(actor.cost, f"Actor {actor.name!r}: the cost a day", least=0)
    known = {actor.name for actor in actors}
    for scene in scenes:
        # At least a day: whether a scene of none keeps its actors on location is a convention, not a plan.
        whole_number(scene.duration, f"Scene {scene.name!r}: the duration in days", least=1)
        unknown = sorted(scene.actors - known)
        if unknown:
            raise InstanceRefused(f"Scene {scene.name!r} needs {', '.join(map(repr, unknown))}: not among the actors.")


def whole_number(value, what, least):
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= MAX_NUMBER:
        raise InstanceRefused(f"{what} must be a whole number from {least} to {MAX_NUMBER:,}, not {value!r}.")


def shot_together(scenes, costs):
    """Blocks of scenes to shoot together, in the order of their first scenes, and the blocks of each actor
    whose waiting can cost: {name: [block's index]}."""
    blocks = [(scene,) for scene in scenes]
    waiters = [actor for actor, cost in costs.items() if cost]
    while True:
        casts = [frozenset().union(*(scene.actors for scene in block)) for block in blocks]
        in_blocks = {actor: [index for index, cast in enumerate(casts) if actor in cast] for actor in waiters}
        left = [actor for actor in waiters if 1 < len(in_blocks[actor]) < len(blocks)]
        alike = {}
        for block, cast in zip(blocks, casts, strict=True):
            alike.setdefault(cast.intersection(left), []).extend(block)
        if left == waiters and len(alike) == len(blocks):
            return blocks, in_blocks
        waiters, blocks = left, [tuple(block) for block in alike.values()]


def solve(blocks, in_blocks, costs, time_limit):
    """The blocks' order (their indexes) and whether it is proven optimal; None if none was found in time."""
    model = cp_model.CpModel()
    count = len(blocks)
    place = [model.new_int_var(0, count - 1, f"place {block}") for block in range(count)]
    model.add_all_different(place)
    first = {}
    for block, other in combinations(range(count), 2):
        first[block, other] = model.new_bool_var(f"{block} before {other}")
        first[other, block] = ~first[block, other]
        model.add(place[block] < place[other]).only_enforce_if(first[block, other])
        model.add(place[block] > place[other]).only_enforce_if(first[other, block])
        model.add_hint(first[block, other], True)  # the search starts from the given order
    if count > 1:
        model.add(place[0] < place[1])

    days = [sum(scene.duration for scene in block) for block in blocks]
    waiting = []
    for actor, own in in_blocks.items():
        for block in range(count):
            if block in own:
                continue
            before_all, after_all, waits = (
                model.new_bool_var(f"{actor} {how} {block}") for how in ("before", "after", "waits")
            )
            model.add_bool_or([before_all, after_all, waits])
            for theirs in own:
                model.add_implication(before_all, first[block, theirs])
                model.add_implication(after_all, first[theirs, block])
            waiting.append(costs[actor] * days[block] * waits)
    model.minimize(sum(waiting))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = WORKERS
    solver.parameters.subsolvers.append(FULL_SEARCH)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    return sorted(range(count), key=lambda block: solver.value(place[block])), status == cp_model.OPTIMAL
