from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OfficeConfig(AppConfig):
    name = "hhprod.office"
    verbose_name = "Office: roles, logins and history"

    def ready(self):
        from hhprod.office.roles import apply_after_migrate

        # Every app's post_migrate, each after auth's receiver (connected first) has made the app's permissions.
        post_migrate.connect(apply_after_migrate)
