"""Two ADs lock the schedule at the same moment: both revisions are kept, numbered one after the other."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from hhprod.planning.models import ScheduleRevision
from hhprod.planning.revisions import lock_schedule

from .. import factories

# Committed rows and real connections, one per thread; the flush after puts the roles back (office.roles).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one writer at a time, so there is no race to test: make test-postgres runs this.",
    ),
]


def test_two_locks_at_once_make_white_and_blue_not_two_whites():
    prod = factories.production()
    factories.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=None)
    ready = threading.Barrier(2, timeout=30)
    errors = []

    def lock_in_own_connection(name):
        try:
            ready.wait()
            lock_schedule(prod, name=name, reason="Both at once")
        except Exception as error:  # the test reports any failure of either thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=lock_in_own_connection, args=(name,)) for name in ("First", "Second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    revisions = ScheduleRevision.objects.filter(production=prod)
    assert sorted(revisions.values_list("number", flat=True)) == [1, 2]
    assert [revision.days.count() for revision in revisions] == [1, 1]
