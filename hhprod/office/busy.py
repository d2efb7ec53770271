"""A request that waited its 20 s for SQLite's write lock (behind a big import, say) and did not
get it is answered 503 with what to do, rather than a server error. The lock is taken when a
transaction begins, so an atomic view (every admin form, an import) wrote nothing."""

from django.db import OperationalError
from django.shortcuts import render

RETRY_AFTER_SECONDS = 30


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and "database is locked" in str(exception):
            response = render(request, "database_busy.html", status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return None
