from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "hhprod.office"
    verbose_name = "Office: roles, logins and history"
