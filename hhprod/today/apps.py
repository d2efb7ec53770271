from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "hhprod.today"
    verbose_name = "The day's page"
