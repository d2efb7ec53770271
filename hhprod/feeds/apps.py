from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "hhprod.feeds"
    verbose_name = "Calendar feeds"
