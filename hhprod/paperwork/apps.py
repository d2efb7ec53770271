from django.apps import AppConfig


class PaperworkConfig(AppConfig):
    name = "hhprod.paperwork"
    verbose_name = "Paperwork"
