import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hhprod.settings")
application = get_wsgi_application()

# At start-up rather than on the first request: a server without its key must not come up.
try:
    settings.SECRET_KEY  # noqa: B018  Django refuses to read an empty key
except ImproperlyConfigured as empty:
    raise ImproperlyConfigured(
        "Set SECRET_KEY in the environment to serve with DEBUG off (or DEBUG=1 to develop)."
    ) from empty
