import time

from django.core.management.base import BaseCommand, CommandError

from hhprod.devdata.upload_shapes import SHAPES, unpacked_size
from hhprod.imports.takefiles import FileRefused, read_take_log


class Command(BaseCommand):
    help = (
        "Read the costliest take-log files for their size (hhprod/devdata/upload_shapes.py), each at three "
        "scales, as an upload is read (every row checked against the limits), and print the time per "
        "megabyte of what the file unpacks to: a figure that stays level as the file grows is a cost in "
        "proportion to its size. No database is used."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=3, help="Reads of each file; the fastest is shown.")

    def handle(self, *args, runs, **options):
        if runs < 1:
            raise CommandError(f"--runs takes a whole number from 1 (got {runs}).")
        self.stdout.write(
            f"{'shape':<40} {'scale':>9} {'file KB':>9} {'unpacked KB':>12} {'read s':>8} {'s/MB':>6}  outcome"
        )
        for name, (kind, build, scales) in SHAPES.items():
            for scale in scales:
                data = build(scale)
                seconds, outcome = fastest(data, kind, runs)
                unpacked = unpacked_size(data, kind)
                self.stdout.write(
                    f"{name:<40} {scale:>9,} {len(data) / 1024:>9,.0f} {unpacked / 1024:>12,.0f} "
                    f"{seconds:>8.3f} {seconds / (unpacked / 2**20):>6.2f}  {outcome}"
                )


def fastest(data, kind, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            outcome = f"{len(read_take_log(data, kind)):,} rows of takes"
        except FileRefused as refusal:
            outcome = f"refused: {str(refusal)[:60]}"
        times.append(time.perf_counter() - start)
    return min(times), outcome
