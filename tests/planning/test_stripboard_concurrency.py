"""Many planners move strips on one day at the same moment: every move is kept, the day numbered 1..n."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from hhprod.planning.board import move_strip
from hhprod.planning.models import Strip, StripMove

from .. import factories

# Committed rows and real connections, one per thread; the flush after puts the roles back (office.roles).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one writer at a time, so there is no race to test: make test-postgres runs this.",
    ),
]


def test_eight_moves_at_once_onto_one_day_are_all_kept():
    prod = factories.production()
    source = factories.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=None)
    target = factories.shoot_day(prod, 2, scheduled=date(2013, 9, 3), actual=None)
    scenes = [factories.scene(prod, str(n)) for n in range(1, 9)]
    for order, scene in enumerate(scenes, start=1):
        factories.strip(source, scene, order=order)
    factories.strip(target, factories.scene(prod, "T"), order=1)
    ready = threading.Barrier(len(scenes), timeout=30)
    errors = []

    def move_in_own_connection(scene):
        try:
            ready.wait()
            move_strip(prod, scene.pk, 1, target.pk, 1)
        except Exception as error:  # the test reports any failure of any thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=move_in_own_connection, args=(scene,)) for scene in scenes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert not Strip.objects.filter(shoot_day=source).exists()
    orders = list(Strip.objects.filter(shoot_day=target).order_by("order").values_list("order", flat=True))
    assert orders == list(range(1, 10))
    assert StripMove.objects.filter(production=prod).count() == 8
