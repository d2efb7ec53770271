from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "hhprod.jobs"
    verbose_name = "Background work"
