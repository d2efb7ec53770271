"""Two script supervisors import the same take at the same moment: one wins, the other is told why."""

import threading
from datetime import date

import pytest
import tablib
from django.db import connection, connections

from hhprod.shooting.imports import COLUMNS, TakeResource, row_fates
from hhprod.shooting.models import Take

from . import factories as make

# Committed rows and real connections, one per thread; serialized_rollback restores the roles after.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
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
    check = TakeResource.before_save_instance

    def save_when_both_have_checked(self, instance, row, **kwargs):
        check(self, instance, row, **kwargs)
        both_checked.wait()  # each import has found no take 7 yet; now both insert it

    monkeypatch.setattr(TakeResource, "before_save_instance", save_when_both_have_checked)
    results = []

    def import_in_own_connection():
        try:
            results.append(TakeResource(prod).import_data(tablib.Dataset(row, headers=COLUMNS)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_in_own_connection) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(results) == 2
    winner, loser = sorted(results, key=lambda result: result.has_validation_errors())
    assert not winner.has_errors() and not winner.has_validation_errors()
    assert not loser.row_errors()
    assert row_fates(loser) == ["Row 1, Take: Scene 1 take 7 was logged by someone else just now."]
    assert Take.objects.filter(scene__production=prod, number=7).count() == 1
