"""hhprod's SQLite backend knows SQLite has JSON without asking in a transaction. Django's own asks
on each new connection, in a transaction, and under settings' transaction_mode IMMEDIATE that
waited for the write lock: while a worker's import held it, the probe gave up after the busy
timeout (20 s) and the connection took it that there was no JSON (the day's page answered 500)."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings

# A process of its own on a SQLite file of its own: left out by `make test-quick`, run by `make test`.
pytestmark = pytest.mark.system

ASK = "from django.db import connection; print(connection.features.supports_json_field, connection.vendor)"


def test_a_new_connection_knows_json_at_once_while_an_import_holds_the_write_lock(tmp_path):
    path = tmp_path / "office.sqlite3"
    importer = sqlite3.connect(path, isolation_level=None)
    importer.execute("PRAGMA journal_mode=WAL")
    importer.execute("CREATE TABLE take (number INTEGER)")
    importer.execute("BEGIN IMMEDIATE")  # as a worker's import holds it
    importer.execute("INSERT INTO take VALUES (1)")
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    try:
        started = time.monotonic()
        answer = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", ASK], cwd=settings.BASE_DIR,
            env={**environment, "SQLITE_PATH": str(path), "DEBUG": "1"}, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        waited = time.monotonic() - started
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    assert answer.stdout.split() == ["True", "sqlite"], answer.stderr
    assert waited < 15  # Django's own probe waits the 20 s busy timeout, then answers False
