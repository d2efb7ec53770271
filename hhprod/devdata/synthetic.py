"""A synthetic production of any size, for load tests and the benchmark.

Everything written is named as synthetic: the title gives the seed and the take count,
and every record's source names the command that wrote it. The shoot is laid out like
the article's: a plan of fewer days than were shot, days added beyond the plan, a few
cancelled and a few still to shoot, three shooting blocks with the lead's trips around
them, and the rig refined from metal to plastic halfway through. One
`random.Random(seed)` draws everything in a fixed order, so the same arguments give
the same rows.
"""

import random
from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from hhprod.productions.models import Production

from .synthetic_crew import CrewAndRigsMixin
from .synthetic_days import BATCH, MAX_TAKE_SECONDS, DaysAndTakesMixin

DAILY_RIG_LIMIT_MINUTES = 20


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


class _Shoot(CrewAndRigsMixin, DaysAndTakesMixin):
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
