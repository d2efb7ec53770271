"""The paperwork's models in the five roles: everyone reads them; the producer and the AD keep them.

Locations, day reports and their delays are edited in the admin; a call sheet issue is made by
issuing a sheet from the report page (the add permission) and never edited afterwards.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED = ["location", "dayreport", "delay"]
ISSUED = ["callsheetissue"]
KEEPERS = ["Producer", "Assistant director"]
EVERY_ROLE = ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"]


def permissions(apps, actions, models):
    codenames = {f"{action}_{model}" for action in actions for model in models}
    return apps.get_model("auth", "Permission").objects.filter(
        codename__in=codenames, content_type__app_label="paperwork"
    )


def add_paperwork_permissions(apps, schema_editor):
    # Permissions are normally made after the last migration; the groups need them now.
    app_config = apps.get_app_config("paperwork")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=EVERY_ROLE):
        group.permissions.add(*permissions(apps, ["view"], EDITED + ISSUED))
    for group in Group.objects.filter(name__in=KEEPERS):
        group.permissions.add(*permissions(apps, ["add", "change", "delete"], EDITED))
        group.permissions.add(*permissions(apps, ["add"], ISSUED))


def remove_paperwork_permissions(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EVERY_ROLE):
        group.permissions.remove(*permissions(apps, ["view", "add", "change", "delete"], EDITED + ISSUED))


class Migration(migrations.Migration):
    dependencies = [
        ("office", "0003_plan_roles"),
        ("paperwork", "0001_locations_call_sheets_day_reports"),
    ]

    operations = [migrations.RunPython(add_paperwork_permissions, remove_paperwork_permissions)]
