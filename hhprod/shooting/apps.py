from django.apps import AppConfig


class ShootingConfig(AppConfig):
    name = "hhprod.shooting"
    verbose_name = "Shooting"
