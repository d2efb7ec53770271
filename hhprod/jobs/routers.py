"""Where the task queue's tables live: the "tasks" database (settings.py says why it has its own)."""

from django.conf import settings

QUEUE_APPS = {"django_tasks_database", "jobs"}  # app labels: django-tasks-db keeps its older label


class TasksRouter:
    def db_for_read(self, model, **hints):
        return "tasks" if model._meta.app_label in QUEUE_APPS else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, **hints):
        if not settings.TASKS_DATABASE_SEPARATE:
            # One PostgreSQL database reached through two connections: its tables are made once, through "default".
            return db == "default"
        return db == ("tasks" if app_label in QUEUE_APPS else "default")
