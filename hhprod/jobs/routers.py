"""Where the task queue's tables live (settings.py says why the queue has a "tasks" database)."""

from django.conf import settings

QUEUE_APPS = {"django_tasks_database", "jobs"}  # app labels: django-tasks-db keeps its older label


class TasksRouter:
    """On SQLite the queue's tables are in the "tasks" database file; on PostgreSQL they are the
    site's own (the "tasks" connection there serves only jobs.models.Progress)."""

    def db_for_read(self, model, **hints):
        if settings.TASKS_DATABASE_SEPARATE and model._meta.app_label in QUEUE_APPS:
            return "tasks"
        return None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        if not settings.TASKS_DATABASE_SEPARATE:
            # One PostgreSQL database reached through two connections: its tables are made once, through "default".
            return db == "default"
        return db == ("tasks" if app_label in QUEUE_APPS else "default")
