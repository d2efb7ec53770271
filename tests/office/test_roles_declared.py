"""The roles are declared once (hhprod/office/roles.py) and applied on every migrate: the groups then
hold the README's role table, every model of hhprod's apps is given to roles, and applying again
changes nothing but takes back what was given by hand."""

from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from hhprod.office.roles import DECLARED, Change, apply_roles

pytestmark = pytest.mark.django_db

# The README's role table, restated: the models each role adds, changes and deletes. Every role
# views all of them and the issued call sheets, which the producer and the AD issue (add) only.
RIG_RECORDS = ["rigs.rig", "rigs.camera", "rigs.rigunit", "rigs.mounting", "rigs.fit", "shooting.fault"]
THE_PLAN = [
    "planning.strip",
    "planning.calendarentry",
    "planning.schedulerevision",  # locking revisions, with their days and strips
    "planning.revisionday",
    "planning.revisionstrip",
]
PAPERWORK = ["planning.location", "paperwork.dayreport", "paperwork.delay"]
KEEPS = {
    "Producer": [
        "productions.production",
        "productions.person",
        "productions.credit",
        "productions.trip",
        *RIG_RECORDS,
        "planning.shootday",
        "planning.daycall",
        "shooting.healthincident",
        "planning.scene",
        "shooting.take",
        *THE_PLAN,
        *PAPERWORK,
    ],  # fmt: skip
    "Assistant director": [
        "planning.shootday",
        "planning.daycall",
        "productions.trip",
        "shooting.healthincident",
        *THE_PLAN,
        *PAPERWORK,
    ],  # fmt: skip
    "Script supervisor": ["planning.scene", "shooting.take", "shooting.healthincident"],
    "Rig technician": RIG_RECORDS,
    "Viewer": [],
}
ISSUERS = ["Producer", "Assistant director"]
EVERY_ROLE_VIEWS = [*KEEPS["Producer"], "paperwork.callsheetissue"]


def named(actions, models):
    return {f"{app}.{action}_{model}" for action in actions for app, model in (label.split(".") for label in models)}


def table_says(role):
    issued = named(["add"], ["paperwork.callsheetissue"]) if role in ISSUERS else set()
    return named(["view"], EVERY_ROLE_VIEWS) | named(["add", "change", "delete"], KEEPS[role]) | issued


def held(role):
    group = Group.objects.get(name=role)
    return {
        f"{app}.{codename}" for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_after_migrate_each_group_holds_the_readme_role_table():
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(KEEPS)
    for role in KEEPS:
        assert held(role) == table_says(role), role


def test_every_model_of_hhprod_is_given_to_roles():
    # A model added later fails here until hhprod/office/roles.py gives it a row. simple_history's
    # Historical* models need none while their History pages ask for the tracked model's permissions.
    assert not getattr(settings, "SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS", False)
    models = [model for model in apps.get_models() if model._meta.app_config.name.startswith("hhprod.")]
    historical = {model.history.model for model in models if hasattr(model, "history")}
    assert sorted(model._meta.label for model in models if model not in historical) == sorted(DECLARED)


def by_hand():
    """A superuser's edits in the admin's Groups page: a permission given, one taken, a group deleted."""
    Group.objects.get(name="Viewer").permissions.add(Permission.objects.get(codename="delete_user"))
    Group.objects.get(name="Rig technician").permissions.remove(Permission.objects.get(codename="view_take"))
    Group.objects.get(name="Script supervisor").delete()


def test_applying_puts_back_what_was_changed_by_hand_and_again_changes_nothing():
    by_hand()
    changes = apply_roles()
    assert changes["Script supervisor"] == Change(True, sorted(table_says("Script supervisor")), [])
    assert changes["Rig technician"] == Change(False, ["shooting.view_take"], [])
    assert changes["Viewer"] == Change(False, [], ["auth.delete_user"])
    assert changes["Producer"] == changes["Assistant director"] == Change(False, [], [])
    for role in KEEPS:
        assert held(role) == table_says(role), role
    assert list(apply_roles().values()) == [Change(False, [], [])] * len(KEEPS)


def test_migrate_applies_the_roles_and_says_what_it_changed():
    by_hand()
    out = StringIO()
    call_command("migrate", verbosity=1, stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.startswith("Roles: ")]
    assert lines[:2] == ["Roles: Script supervisor: group created", "Roles: Viewer: -auth.delete_user"]
    assert "Roles: Rig technician: +shooting.view_take" in lines
    for role in KEEPS:
        assert held(role) == table_says(role), role


def test_the_command_says_what_it_changed():
    Group.objects.get(name="Viewer").permissions.add(Permission.objects.get(codename="delete_user"))
    out = StringIO()
    call_command("apply_roles", stdout=out)
    call_command("apply_roles", stdout=out)
    assert out.getvalue() == ("Viewer: -auth.delete_user\nEvery role already holds exactly its declared permissions.\n")


def test_a_report_asks_for_what_every_role_views_the_plan_and_the_paperwork_included(henry, client, django_user_model):
    login = django_user_model.objects.create_user("partial", password="pw", is_staff=True)
    client.force_login(login)
    views = Permission.objects.filter(codename__startswith="view_")
    login.user_permissions.set(views.filter(content_type__app_label__in=["productions", "rigs", "shooting"]))
    assert client.get(reverse("reports:overview", args=[henry.pk])).status_code == 403
    login.user_permissions.add(*views.filter(content_type__app_label__in=["planning", "paperwork"]))
    assert client.get(reverse("reports:overview", args=[henry.pk])).status_code == 200
