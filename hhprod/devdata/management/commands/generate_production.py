import time

from django.core.management.base import BaseCommand, CommandError

from hhprod.devdata.synthetic import Plan, generate


class Command(BaseCommand):
    help = (
        "Write a synthetic production (named as such) of the given size, for load tests and the benchmark. "
        "The same arguments give the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=120, help="Shoot days in all (default 120).")
        parser.add_argument("--takes", type=int, default=10_000, help="Takes across the shot days (default 10000).")
        parser.add_argument("--people", type=int, default=13, help="People credited to wear the rig (default 13).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args, days, takes, people, seed, **options):
        plan = Plan(days=days, takes=takes, people=people, seed=seed)
        if problems := plan.problems():
            raise CommandError(" ".join(problems))
        started = time.perf_counter()
        written = generate(plan)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{plan.title}: written in {elapsed:.1f} s")
        for kind, count in written.items():
            self.stdout.write(f"  {count:>8} {kind}")
