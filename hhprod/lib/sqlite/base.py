"""Django's SQLite backend less one probe: whether SQLite has its JSON functions.

Django asks it on each new connection wrapper with a query inside a transaction, and under
settings' transaction_mode IMMEDIATE a transaction first waits for the write lock. While a worker's
import held that lock, the probe gave up after the busy timeout (20 s) and the wrapper took it that
SQLite has no JSON: the day's page answered 500 (JSONObject not supported), and a gunicorn process
would have kept the answer for its life. The functions are built into SQLite from 3.38 on (Python
3.11's is 3.40), so the answer comes from the library's version, with no query. Subclassing the
backend is Django's documented way to change it ("Subclassing the built-in database backends").
"""

from sqlite3 import sqlite_version_info

from django.db.backends.sqlite3 import base, features


class DatabaseFeatures(features.DatabaseFeatures):
    supports_json_field = sqlite_version_info >= (3, 38)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
