"""The task queue's worker, run inside a test: every queued job done, as `manage.py db_worker --batch` does."""

import signal
from unittest import mock

from django.core.management import call_command
from django_tasks_db.management.commands import db_worker

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def run_queued_jobs():
    # The worker takes over Ctrl-C and the stop signals for a graceful stop: the test run's are put back.
    handlers = {each: signal.getsignal(each) for each in SIGNALS}
    try:
        # Its check for dropped connections closes one not in autocommit, which on PostgreSQL is the
        # test's own, holding the test's transaction: not checked here.
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)
    finally:
        for each, handler in handlers.items():
            signal.signal(each, handler)
