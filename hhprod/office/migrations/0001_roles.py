"""The office's five roles as groups: each may view everything and change its own part."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = {
    "productions": ["production", "person", "credit", "trip"],
    "rigs": ["rig", "camera"],
    "shooting": ["shootday", "daycall", "scene", "take"],
}
EVERY_MODEL = [(app, model) for app, models in MODELS.items() for model in models]

# The models each role adds, changes and deletes; every role views all of them.
ROLES = {
    "Producer": EVERY_MODEL,
    "Assistant director": [("shooting", "shootday"), ("shooting", "daycall"), ("productions", "trip")],
    "Script supervisor": [("shooting", "scene"), ("shooting", "take")],
    "Rig technician": [("rigs", "rig"), ("rigs", "camera")],
    "Viewer": [],
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(actions, models):
        codenames = {f"{action}_{model}" for action in actions for _, model in models}
        return Permission.objects.filter(
            codename__in=codenames, content_type__app_label__in={app for app, _ in models}
        )

    for name, own in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([*permissions(["view"], EVERY_MODEL), *permissions(["add", "change", "delete"], own)])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("productions", "0002_history"),
        ("rigs", "0002_history"),
        ("shooting", "0002_history"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
