"""The plan's models in the five roles: everyone views the plan; the producer and the AD make it.

Scene breakdowns are fields of the scene, which the script supervisor (and the producer) already change.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PLAN_MODELS = ["strip", "calendarentry", "schedulerevision", "revisionday", "revisionstrip"]
PLANNERS = ["Producer", "Assistant director"]
EVERY_ROLE = ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"]


def permissions(apps, actions):
    codenames = {f"{action}_{model}" for action in actions for model in PLAN_MODELS}
    return apps.get_model("auth", "Permission").objects.filter(
        codename__in=codenames, content_type__app_label="planning"
    )


def add_plan_permissions(apps, schema_editor):
    # Permissions are normally made after the last migration; the groups need them now.
    app_config = apps.get_app_config("planning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=EVERY_ROLE):
        group.permissions.add(*permissions(apps, ["view"]))
    for group in Group.objects.filter(name__in=PLANNERS):
        group.permissions.add(*permissions(apps, ["add", "change", "delete"]))


def remove_plan_permissions(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EVERY_ROLE):
        group.permissions.remove(*permissions(apps, ["view", "add", "change", "delete"]))


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0001_roles"),
        ("planning", "0001_plan"),
    ]

    operations = [migrations.RunPython(add_plan_permissions, remove_plan_permissions)]
