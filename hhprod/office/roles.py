"""The office's roles, declared once: what each group may do with each model of hhprod's apps.

`apply_roles()` gives the groups exactly this: after every migrate and flush (each app's part on
its post_migrate, connected in OfficeConfig.ready) and on `manage.py apply_roles`. A model added
later gets a row here (tests/office/test_roles_declared.py fails until it has one); no data migration.

simple_history's Historical* models have no row: the History pages ask for the tracked model's
own permissions (SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is off).
"""

import sys
from typing import NamedTuple

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, router, transaction

ROLES = ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"]

NONE = ()
VIEW = ("view",)
ISSUE = ("view", "add")  # issued from its report page, never edited afterwards
KEEP = ("view", "add", "change", "delete")
NOBODY = (NONE,) * len(ROLES)

# fmt: off
TABLE = {
    # model                          Producer  AD     Script  Rig    Viewer  (the ROLES, in order)
    "productions.Production":       (KEEP,     VIEW,  VIEW,   VIEW,  VIEW),
    "productions.Person":           (KEEP,     VIEW,  VIEW,   VIEW,  VIEW),
    "productions.Credit":           (KEEP,     VIEW,  VIEW,   VIEW,  VIEW),
    "productions.Trip":             (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "rigs.Rig":                     (KEEP,     VIEW,  VIEW,   KEEP,  VIEW),
    "rigs.Camera":                  (KEEP,     VIEW,  VIEW,   KEEP,  VIEW),
    "rigs.RigUnit":                 (KEEP,     VIEW,  VIEW,   KEEP,  VIEW),
    "rigs.Mounting":                (KEEP,     VIEW,  VIEW,   KEEP,  VIEW),
    "rigs.Fit":                     (KEEP,     VIEW,  VIEW,   KEEP,  VIEW),
    "shooting.Fault":                   (KEEP,     VIEW,  VIEW,   KEEP,  VIEW),
    "planning.ShootDay":            (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "planning.DayCall":             (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "shooting.HealthIncident":      (KEEP,     KEEP,  KEEP,   VIEW,  VIEW),
    "planning.Scene":               (KEEP,     VIEW,  KEEP,   VIEW,  VIEW),  # its breakdown too
    "shooting.Take":                (KEEP,     VIEW,  KEEP,   VIEW,  VIEW),
    "planning.Strip":               (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "planning.CalendarEntry":       (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "planning.ScheduleRevision":    (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),  # the admin itself refuses a change
    "planning.RevisionDay":         (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "planning.RevisionStrip":       (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "planning.Location":           (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "paperwork.DayReport":          (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "paperwork.Delay":              (KEEP,     KEEP,  VIEW,   VIEW,  VIEW),
    "paperwork.CallSheetIssue":     (ISSUE,    ISSUE, VIEW,   VIEW,  VIEW),
    # Kept by the page that makes them, which asks for the permissions of what it serves: the
    # take import (shooting.add_take and add_scene), the stripboard (planning.change_strip), the
    # take-logging page (shooting.add_take).
    "imports.TakeImportUpload":    NOBODY,
    "imports.ImportColumnMapping": NOBODY,
    "planning.StripMove":           NOBODY,
    "onset.LoggedTake":             NOBODY,
    "jobs.Job":                     NOBODY,  # each login's own, shown by the jobs pages to it alone
    # A superuser's, like the logins they belong to.
    "feeds.CalendarFeed":           NOBODY,
    "feeds.PersonLogin":            NOBODY,
}
# fmt: on

# label -> {role: actions}; a row without one entry per role fails here, at import.
DECLARED = {label: dict(zip(ROLES, row, strict=True)) for label, row in TABLE.items()}


def permissions(role):
    """The role's permissions, named as user.has_perm() names them: {"shooting.add_take", ...}."""
    named = set()
    for label, row in DECLARED.items():
        opts = apps.get_model(label)._meta
        named |= {f"{opts.app_label}.{get_permission_codename(action, opts)}" for action in row[role]}
    return named


def shared_by_every_role():
    """What every role may do: what a login needs to count as having a role."""
    return set.intersection(*(permissions(role) for role in ROLES))


class Change(NamedTuple):
    created: bool  # the group was missing
    added: list  # permission names, sorted
    removed: list


def apply_roles(using=DEFAULT_DB_ALIAS, app_label=None):
    """Make each role's group (created if missing) hold exactly its declared permissions, of one
    app (its turn in post_migrate) or of every app: {role: Change}."""

    def name(permission):
        return f"{permission.content_type.app_label}.{permission.codename}"

    in_scope = Permission.objects.using(using).select_related("content_type")
    if app_label is not None:
        in_scope = in_scope.filter(content_type__app_label=app_label)
    existing = {name(permission): permission for permission in in_scope}
    changes = {}
    with transaction.atomic(using=using):
        for role in ROLES:
            declared = {each for each in permissions(role) if app_label in (None, each.split(".")[0])}
            if missing := sorted(declared - existing.keys()):
                raise LookupError(f"{role}'s permissions {', '.join(missing)} are not in the database: run migrate.")
            group, created = Group.objects.using(using).get_or_create(name=role)
            held = {
                name(permission): permission
                for permission in group.permissions.filter(pk__in=in_scope).select_related("content_type")
            }
            added, removed = sorted(declared - held.keys()), sorted(held.keys() - declared)
            group.permissions.add(*(existing[each] for each in added))
            group.permissions.remove(*(held[each] for each in removed))
            changes[role] = Change(created, added, removed)
    return changes


def describe(changes):
    """One line per role whose group changed, for a person running migrate or apply_roles."""
    lines = []
    for role, change in changes.items():
        said = [*(["group created"] if change.created else []), *(f"+{each}" for each in change.added)]
        said += [f"-{each}" for each in change.removed]
        if said:
            lines.append(f"{role}: {', '.join(said)}")
    return lines


def apply_after_migrate(app_config, using, verbosity, **kwargs):
    """post_migrate's receiver, for each app in turn after Django has made the app's permissions:
    the app's part of the roles applied (a permission given by hand goes), and what changed said.
    Not in a database without the auth tables (the task queue's own, on SQLite), as Django's own
    permissions are not."""
    if not router.allow_migrate_model(using, Permission):
        return
    lines = describe(apply_roles(using, app_config.label))
    if verbosity >= 1 and lines:
        kwargs.get("stdout", sys.stdout).write("\n".join(f"Roles: {line}" for line in lines) + "\n")
