"""The whole database's content, to show that a refused import changed nothing."""

from django.apps import apps


def database_snapshot(app_labels=("productions", "rigs", "planning", "shooting", "imports", "office")):
    """Every row of every model of the apps, history included, in primary-key order."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label in app_labels
    }
