from django.apps import AppConfig


class OnsetConfig(AppConfig):
    name = "hhprod.onset"
    verbose_name = "On set"
