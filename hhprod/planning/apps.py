from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "hhprod.planning"
    verbose_name = "Plan"
