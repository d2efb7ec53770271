"""Every foreign key points down the layers that pyproject.toml declares for import-linter: a
relation names its model by a string as often as by an import, which import-linter does not see."""

import tomllib
from pathlib import Path

from django.apps import apps

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def layer_of():
    """App label -> its height: 0 for lib, the bottom; apps in one layer ("today | feeds") share one."""
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    layers = next(contract["layers"] for contract in contracts if contract["type"] == "layers")
    return {app.strip(): height for height, layer in enumerate(reversed(layers)) for app in layer.split("|")}


def relations():
    for model in apps.get_models():
        if model.__module__.startswith("hhprod."):
            for field in model._meta.get_fields(include_hidden=True):
                if field.is_relation and field.concrete or field.many_to_many and not field.auto_created:
                    yield model, field


def upward(height):
    return [
        f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
        for model, field in relations()
        if field.related_model._meta.app_label in height
        and height[field.related_model._meta.app_label] > height[model._meta.app_label]
    ]


def test_every_relation_points_down_or_within_its_app():
    assert upward(layer_of()) == []


def test_every_app_of_hhprod_has_a_layer():
    height = layer_of()
    assert {config.label for config in apps.get_app_configs() if config.name.startswith("hhprod.")} <= set(height)


def test_an_upward_relation_is_caught():
    """The check itself: with the rigs put above shooting, a fault's unit points up."""
    height = layer_of()
    height["rigs"] = height["shooting"] + 1
    assert "shooting.Fault.unit -> rigs.RigUnit" in upward(height)
