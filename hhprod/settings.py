"""hhprod settings: one module, configured by environment variables.

Safe defaults for a developer's machine (SQLite file, DEBUG off unless asked);
production sets SECRET_KEY, ALLOWED_HOSTS and, for PostgreSQL, DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default=False):
    return os.environ.get(name, str(default)).lower() in ("1", "true", "yes", "on")


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")

# Required to serve with DEBUG off: hhprod/wsgi.py refuses to start without it, and Django
# refuses to sign anything with an empty key. Commands that need no key (migrations,
# checks) still run, so a reviewer can check a checkout without inventing one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    # Development only: a per-process key, so no secret ever lives in the repo.
    from django.core.management.utils import get_random_secret_key

    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hhprod.office.site.OfficeAdminConfig",  # django.contrib.admin, landing on the day's page after login
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "import_export",
    "hhprod.productions",
    "hhprod.rigs",
    "hhprod.planning",
    "hhprod.shooting",
    "hhprod.imports",
    "hhprod.sequencing",
    "hhprod.paperwork",
    "hhprod.onset",
    "hhprod.reports",
    "hhprod.office",
    "hhprod.today",
    "hhprod.feeds",
    "hhprod.jobs",
    *(["hhprod.devdata"] if DEBUG or envbool("DEVDATA") else []),  # synthetic data and benchmarks: not served
    "django_tables2",
    "django_filters",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view says otherwise (only the admin's login does).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Records the logged-in user on every history entry.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A page about one production activates its time zone; this puts the site's back afterwards.
    "hhprod.productions.timezones.ProductionTimeZoneMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # SQLite's write lock not had in 20 s: a 503 saying "send it again", not a server error.
    "hhprod.office.busy.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): after 5 failed logins for one username from one address,
# that pair is locked out for 15 minutes (or until `manage.py axes_reset_username NAME`).
# The axes backend goes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Content-Security-Policy on every response (django-csp): scripts, styles, images and fonts
# from this site only, no plugins, no framing, forms posting only here. A page's own
# <style> carries the request's nonce (the Day Out of Days grid); the schedule's chart is
# SVG drawn in the page, which needs no exception.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

ROOT_URLCONF = "hhprod.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hhprod" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "hhprod.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{os.environ.get('SQLITE_PATH', BASE_DIR / 'db.sqlite3')}", conn_health_checks=True
    )
}
on_sqlite = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
# A server connection is kept for a minute and checked before reuse: opening one for each request
# cost the day's page 8 ms on PostgreSQL (28 against 20 ms). A SQLite file opens in microseconds.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "0" if on_sqlite else "60"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compiling: PostgreSQL compiles any statement whose estimated cost passes jit_above_cost,
    # and the per-scene subqueries of the scenes and production reports are estimated high: the
    # compiling took 0.5-0.8 s (EXPLAIN ANALYZE) for statements that then ran in under 0.1 s.
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}
if on_sqlite:
    # Django's backend, less a probe that waited for the write lock (hhprod/lib/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "hhprod.lib.sqlite"
    # Several gunicorn workers write one file: readers never wait for a writer (WAL), a
    # transaction takes the write lock when it starts rather than failing when it first
    # writes (IMMEDIATE), and a writer waits its turn for up to 20 s instead of answering
    # "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# The task queue (django-tasks: Django 6.0's Tasks API, with django-tasks-db's database backend).
# Long work (a take log's check and import, big PDFs and spreadsheets) runs in `manage.py db_worker`,
# not in a request. The queue, each job's progress and the files jobs build are kept in the "tasks"
# database. On SQLite that is a second file beside the site's: a worker polling the queue, or an
# import writing how far it has got, never waits for the import's own write lock on the first. On
# PostgreSQL the queue is in the site's database, and "tasks" is a second connection to it through
# which a job writes its progress, seen while the import's transaction is still open (in tests,
# the same connection).
TASKS_DATABASE_SEPARATE = on_sqlite
if on_sqlite:
    main_file = Path(DATABASES["default"]["NAME"])
    DATABASES["tasks"] = {
        **DATABASES["default"],
        "NAME": os.environ.get("SQLITE_TASKS_PATH", main_file.with_name(f"{main_file.stem}-tasks{main_file.suffix}")),
    }
else:
    DATABASES["tasks"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["hhprod.jobs.routers.TasksRouter"]
JOBS_PROGRESS_DATABASE = "tasks"  # the connection a job writes its progress through (jobs.models.Progress)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"
# Every role lands on the day's page: today's shoot day (or the next) and the production at a glance.
LOGIN_REDIRECT_URL = "today:day"

# Uploads are untrusted. A take log (the only upload) is refused above this size before it
# is read; Django keeps an upload up to 2.5 MB in memory and spools a bigger one to a
# temporary file; any other request body over 2.5 MB is refused.
# A day's take log is tens to hundreds of rows, the whole film's a few thousand, a series' up to
# 200,000 (32 MB of CSV). The request only holds the file: a worker checks and imports it
# (imports/tasks.py), with no request's time limit to fit in.
TAKE_IMPORT_MAX_BYTES = int(os.environ.get("TAKE_IMPORT_MAX_BYTES", 40 * 2**20))
TAKE_IMPORT_MAX_ROWS = int(os.environ.get("TAKE_IMPORT_MAX_ROWS", 200_000))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# An uploaded take log waits in the database for its check and import this long, then is removed.
TAKE_IMPORT_PREVIEW_HOURS = 2

# How set tools' files are read: a timecode's frames count at 25 fps (PAL, Russia's video standard)
# when the file does not give its rate. A file's date order is found from its dates, or asked.
IMPORT_TIMECODE_FPS = int(os.environ.get("IMPORT_TIMECODE_FPS", 25))

# How long the scene-order optimizer searches, in seconds, before it gives the best order found so far.
SEQUENCING_TIME_LIMIT = int(os.environ.get("SEQUENCING_TIME_LIMIT", 30))

# Any admin export django-import-export offers escapes spreadsheet formulas (the team's rule for exports).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# HTTPS hardening: on by default, off only where a developer asks (DEBUG or SECURE=0).
SECURE = envbool("SECURE", not DEBUG)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and envbool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if SECURE else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE

# Django's default logging prints errors only with DEBUG on (and mails them to ADMINS, none
# here): with DEBUG off a 500's traceback went nowhere. Everything at WARNING and above,
# a 500's traceback included, goes to standard error, which gunicorn and runserver show.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Replaces Django's own handlers (the console one for DEBUG and mail_admins), so each
        # message is written once, by the root's handler.
        "django": {"handlers": [], "level": "INFO"},
        # A 500 only: each 403 and 404 is in the server's access log already, without a traceback.
        "django.request": {"level": "ERROR"},
    },
}
