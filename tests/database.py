"""What tests that build data outside their own transaction use to leave the database as they found it."""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, router, transaction


def wipe_office_records():
    """Every row of hhprod's own apps, history included: what a module-scoped fixture wrote outside
    the tests' rolled-back transactions must not outlive its module. Groups, logins and the
    permissions the migrations made stay."""
    models = [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("hhprod.")
        for model in config.get_models(include_auto_created=True)
        if router.allow_migrate_model(connection.alias, model)  # not the task queue's, in its own file on SQLite
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), [model._meta.db_table for model in models]):
            cursor.execute(sql)
