"""Moving a model to another app without touching its rows.

The model keeps its table (Meta.db_table, and HistoricalRecords' table_name for its history), so
the move is a change of Django's state only: each operation the autodetector writes is wrapped in
SeparateDatabaseAndState with no database operation. Its content type moves with it, which keeps
the permissions granted on it, the admin's log entries and any generic relation pointing at it.
"""

from django.db import migrations


def state_only(*operations):
    return migrations.SeparateDatabaseAndState(state_operations=list(operations))


def content_types_moved(old_app, new_app, models):
    """The content types of `models` (lower-case model names) relabelled from `old_app` to `new_app`."""

    def relabel(apps, schema_editor, source, target):
        content_types = apps.get_model("contenttypes", "ContentType").objects.db_manager(schema_editor.connection.alias)
        content_types.filter(app_label=source, model__in=models).update(app_label=target)

    return migrations.RunPython(
        lambda apps, schema_editor: relabel(apps, schema_editor, old_app, new_app),
        lambda apps, schema_editor: relabel(apps, schema_editor, new_app, old_app),
    )
