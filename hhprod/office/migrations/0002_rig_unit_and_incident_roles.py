"""The rig units' records and the wearers' health incidents in the office's roles: every role
views them; the rig technician keeps the units, the script supervisor and the AD log incidents."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NEW_MODELS = [
    ("rigs", "rigunit"),
    ("rigs", "mounting"),
    ("rigs", "fit"),
    ("rigs", "fault"),
    ("shooting", "healthincident"),
]
RIG_RECORDS = NEW_MODELS[:4]
INCIDENTS = [("shooting", "healthincident")]

# The new models each role adds, changes and deletes.
ROLES = {
    "Producer": NEW_MODELS,
    "Assistant director": INCIDENTS,
    "Script supervisor": INCIDENTS,
    "Rig technician": RIG_RECORDS,
    "Viewer": [],
}


def permissions(apps, actions, models):
    Permission = apps.get_model("auth", "Permission")
    codenames = {f"{action}_{model}" for action in actions for _, model in models}
    return Permission.objects.filter(codename__in=codenames, content_type__app_label__in={app for app, _ in models})


def add_permissions(apps, schema_editor):
    # Permissions are normally made after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    for name, own in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *permissions(apps, ["view"], NEW_MODELS), *permissions(apps, ["add", "change", "delete"], own)
        )


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    every = permissions(apps, ["view", "add", "change", "delete"], NEW_MODELS)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*every)


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0001_roles"),
        ("rigs", "0003_rig_units"),
        ("shooting", "0006_take_camera_report_and_incidents"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
