"""A login presses "Make my addresses" several times at once: one live address at the end, no error."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from hhprod.feeds.models import CalendarFeed

# Committed rows and real connections, one per thread; the flush after puts the roles back (office.roles).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one writer at a time, so there is no race to test: make test-postgres runs this.",
    ),
]
PRESSES = 4


@pytest.mark.parametrize("live_before", [False, True], ids=["first address", "renewal"])
def test_renewing_four_times_at_once_leaves_one_live_address(django_user_model, live_before):
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Viewer"))
    if live_before:
        CalendarFeed.issue(user)
    ready = threading.Barrier(PRESSES, timeout=30)
    statuses, errors = [], []

    def press_in_own_connection():
        browser = Client(raise_request_exception=False)
        browser.force_login(user)
        try:
            ready.wait()
            statuses.append(browser.post(reverse("feeds:mine"), {"action": "renew"}).status_code)
        except Exception as error:  # the test reports any failure of any thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press_in_own_connection) for _ in range(PRESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == [] and statuses == [200] * PRESSES
    assert CalendarFeed.objects.live().filter(user=user).count() == 1
    assert CalendarFeed.objects.filter(user=user).count() == PRESSES + live_before
