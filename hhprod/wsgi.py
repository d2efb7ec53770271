import os

from django.conf import settings
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hhprod.settings")
application = get_wsgi_application()

# At start-up rather than on the first request: a server without its key must not come up.
try:
    key = settings.SECRET_KEY  # Django refuses to read an empty key
except ImproperlyConfigured as empty:
    raise ImproperlyConfigured(
        "Set SECRET_KEY in the environment to serve with DEBUG off (or DEBUG=1 to develop)."
    ) from empty

# A guessable key lets anyone forge a session cookie, so it is refused by the rule of
# Django's own deploy check (security.W009), which otherwise only warns.
if not settings.DEBUG and (
    len(key) < SECRET_KEY_MIN_LENGTH
    or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or key.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak to serve with: it needs at least {SECRET_KEY_MIN_LENGTH} characters, "
        f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} of them different, and no '{SECRET_KEY_INSECURE_PREFIX}' prefix. "
        "Make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
