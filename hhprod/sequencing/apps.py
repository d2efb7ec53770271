from django.apps import AppConfig


class SequencingConfig(AppConfig):
    name = "hhprod.sequencing"
    verbose_name = "Sequencing"
