"""`manage.py benchmark_import` runs end to end: it writes a file, imports it as the admin does, and
prints each figure beside its floor. Run as its own process on a throwaway SQLite file, as its
README command does, so its test database never meets the one these tests run in."""

import re
import subprocess
import sys

from django.conf import settings

LINE = re.compile(r"\s+40 (csv|xlsx)\s+[\d,]+\s+([\d.]+\s+){4}[\d.]+x\s+[\d.]+$")


def test_the_import_benchmark_prints_each_format_beside_its_floor():
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "hhprod.settings", "DEBUG": "1"}
    command = [
        sys.executable,
        "manage.py",
        "benchmark_import",
        "--sizes",
        "40",
        "--formats",
        "csv,xlsx",
        "--memory",
        "--runs",
        "2",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "sqlite: seconds; the floor is bulk_create of the same takes + history"
    assert [LINE.match(line)[1] for line in lines[2:]] == ["csv", "xlsx"], done.stdout
