"""How far a take import's check or import has got, for the page waiting on it.

The page that sent the file stays up until its response comes, and its script asks every second.
The answer is kept in the "progress" cache, files that all the app server's processes share
(the request doing the import holds one process; another answers the question), under the
login and the held file's id, so one login never reads another's.
"""

from django.core.cache import caches

EVERY = 500  # rows between two reports: a few a second on a 2-core machine
KEPT = 3600  # seconds: long after any import has ended


def key(user_id, upload_id):
    return f"take-import:{user_id}:{upload_id}"


class Progress:
    """progress(done, total): `done` of `total` rows `verb` ("checked", "imported") so far."""

    def __init__(self, user_id, upload_id, verb):
        self.key = key(user_id, upload_id)
        self.verb = verb

    def __call__(self, done, total):
        caches["progress"].set(self.key, {"done": done, "total": total, "verb": self.verb}, KEPT)


def progress_of(user_id, upload_id):
    """The last report for that login's held file, or None before the first."""
    return caches["progress"].get(key(user_id, upload_id))
