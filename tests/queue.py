"""The task queue's worker, run inside a test: every queued job done, as `manage.py db_worker --batch` does."""

import signal

from django.core.management import call_command

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def run_queued_jobs():
    # The worker takes over Ctrl-C and the stop signals for a graceful stop: the test run's are put back.
    handlers = {each: signal.getsignal(each) for each in SIGNALS}
    try:
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)
    finally:
        for each, handler in handlers.items():
            signal.signal(each, handler)
