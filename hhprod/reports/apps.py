from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hhprod.reports"
    verbose_name = "Reports"
