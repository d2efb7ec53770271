from django.apps import AppConfig


class DevdataConfig(AppConfig):
    name = "hhprod.devdata"
    verbose_name = "Development data and benchmarks"
