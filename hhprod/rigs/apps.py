from django.apps import AppConfig


class RigsConfig(AppConfig):
    name = "hhprod.rigs"
    verbose_name = "Rigs and cameras"
