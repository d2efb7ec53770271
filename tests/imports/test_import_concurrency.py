"""Two script supervisors import the same take at the same moment: one wins, the other is told why."""

import threading
from datetime import date

import pytest
import tablib
from django.db import connection, connections

from hhprod.imports.imports import TakeImport
from hhprod.imports.mapping import COLUMNS
from hhprod.shooting.models import Take

from .. import factories as make

# Committed rows and real connections, one per thread; the flush after puts the roles back (office.roles).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one writer at a time, so there is no race to test: make test-postgres runs this.",
    ),
]


def test_the_same_take_imported_twice_at_once_is_logged_once_and_the_loser_gets_a_clear_error(monkeypatch):
    prod = make.production()
    make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    make.rig("v1", 1, in_service_from=date(2013, 8, 1))
    make.wearer(prod, "Unnamed stunt performer 1")
    make.scene(prod, "1")
    row = [1, None, "1", 7, "2:00", "v1", None, "Unnamed stunt performer 1", "Good", ""]

    both_checked = threading.Barrier(2, timeout=30)
    write = TakeImport.write

    def write_when_both_have_checked(self, takes):
        both_checked.wait()  # each import has found no take 7 yet; now both insert it
        return write(self, takes)

    monkeypatch.setattr(TakeImport, "write", write_when_both_have_checked)
    results = []

    def import_in_own_connection():
        try:
            results.append(TakeImport(prod).run(tablib.Dataset(row, headers=COLUMNS)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_in_own_connection) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(results) == 2
    loser, winner = sorted(results, key=lambda result: result.passed)
    assert winner.passed and winner.new == 1
    assert not loser.passed and loser.new == 0
    assert loser.lines() == ["Row 1, Take: Scene 1 take 7 was logged by someone else just now."]
    assert Take.objects.filter(scene__production=prod, number=7).count() == 1
