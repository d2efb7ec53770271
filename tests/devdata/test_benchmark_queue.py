"""`manage.py benchmark_queue` runs end to end: a file held, checked and imported by a worker process,
each figure printed. Run as its own process on throwaway SQLite files, as its README command does."""

import re
import subprocess
import sys

import pytest
from django.conf import settings

# Runs a worker process: left out by `make test-quick`, run by `make test`.
pytestmark = pytest.mark.system

LINE = re.compile(r"\s+300\s+[\d,]+\s+([\d.]+\s+){4}[\d.]+x\s+\d+/\d+\s+\d+/\d+\s+\d+/\d+$")


def test_the_queue_benchmark_prints_the_workers_times_the_floor_the_day_page_and_the_memory():
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "hhprod.settings", "DEBUG": "1"}
    command = [sys.executable, "manage.py", "benchmark_queue", "--sizes", "300"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "sqlite, csv: seconds; the floor is bulk_create of the same takes + history"
    assert LINE.match(lines[2]), done.stdout
