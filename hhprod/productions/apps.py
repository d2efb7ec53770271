from django.apps import AppConfig


class ProductionsConfig(AppConfig):
    name = "hhprod.productions"
    verbose_name = "People and productions"
