from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "hhprod.imports"
    verbose_name = "Take-log imports"
