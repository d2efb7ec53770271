"""A database an office has used under the layout before the apps were regrouped migrates to this
one with nothing lost: every row of every table, the user's edits, the permissions given to a
login and the admin's log and history that point at the moved models.

The move changes Django's state only (the tables keep their names), so the test goes back to the
last migrations of the previous layout, writes a user's work there through that layout's models,
and migrates forward again as an upgrade would.
"""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from hhprod.imports.models import ImportColumnMapping, TakeImportUpload
from hhprod.paperwork.models import CallSheetIssue
from hhprod.planning.models import DayCall, Location, ScheduleRevision, ShootDay, Strip
from hhprod.shooting.models import Fault, Take

pytestmark = [pytest.mark.django_db(transaction=True)]

# The last migration of each app before the move: the first step of the move (rigs 0009) follows them all.
PREVIOUS_LAYOUT = [
    ("feeds", "0001_calendar_feeds"),
    ("office", "0004_paperwork_roles"),
    ("onset", "0001_logged_take"),
    ("paperwork", "0005_stored_text_without_controls"),
    ("planning", "0006_stored_text_without_controls"),
    ("productions", "0009_stored_text_without_controls"),
    ("rigs", "0008_stored_text_without_controls"),
    ("shooting", "0015_stored_text_without_controls"),
]
MOVED = {
    "shooting": ["shootday", "historicalshootday", "scene", "daycall", "historicaldaycall", "takeimportupload",
                 "importcolumnmapping"],
    "paperwork": ["location"],
    "rigs": ["fault", "historicalfault"],
}  # fmt: skip


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # what was applied has changed
    return executor


@pytest.fixture
def previous_layout():
    """The models of the layout before the move, on a database of the seed migrated back to it;
    forward again after. The seed goes in first, through today's models: its fixture names them."""
    call_command("seed", verbosity=0)
    executor = migrate(PREVIOUS_LAYOUT)
    yield executor.loader.project_state(PREVIOUS_LAYOUT).apps
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate(latest)


def row_counts():
    """Rows per table, the migrations' own record left out: the upgrade adds to it."""
    with connection.cursor() as cursor:
        counts = {}
        for table in set(connection.introspection.table_names(cursor)) - {"django_migrations"}:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


def a_users_work(old):
    """What an office does with the seed over a few weeks, written through the previous layout's models."""
    day_model, take_model = old.get_model("shooting", "ShootDay"), old.get_model("shooting", "Take")
    user = old.get_model("auth", "User").objects.create(username="ad", is_staff=True)
    shoot_day_type = old.get_model("contenttypes", "ContentType").objects.get(app_label="shooting", model="shootday")
    user.user_permissions.add(
        old.get_model("auth", "Permission").objects.get(content_type=shoot_day_type, codename="change_shootday")
    )

    take = take_model.objects.order_by("pk").first()
    take.notes, take.length, take.version = "Strap slipped; refitted", 95, take.version + 1
    take.save()

    day = day_model.objects.get(production__title="Hardcore Henry", number=5)
    day.weather, day.version = "Snow after noon", day.version + 1
    day.save()
    history = old.get_model("shooting", "HistoricalShootDay")
    copied = {f.attname: getattr(day, f.attname) for f in day_model._meta.concrete_fields if f.name != "version"}
    history.objects.create(**copied, history_date=timezone.now(), history_type="~", history_user_id=user.pk)
    LogEntry.objects.create(  # the admin's own model: its app is not part of the move
        user_id=user.pk, content_type_id=shoot_day_type.pk, object_id=str(day.pk), object_repr=str(day.number),
        action_flag=CHANGE, change_message="Weather",
    )  # fmt: skip

    strip = old.get_model("planning", "Strip").objects.filter(shoot_day=day).order_by("pk").first()
    to_day = day_model.objects.get(production=day.production, number=6)
    old.get_model("planning", "StripMove").objects.create(
        production=day.production, moved_by=user, scene=strip.scene, from_day=day, to_day=to_day,
    )  # fmt: skip
    last_on_to_day = old.get_model("planning", "Strip").objects.filter(shoot_day=to_day).order_by("-order").first()
    strip.shoot_day, strip.order, strip.version = to_day, last_on_to_day.order + 1, strip.version + 1
    strip.save()

    revisions = old.get_model("planning", "ScheduleRevision")
    last = revisions.objects.filter(production=day.production).order_by("-number").first()
    revisions.objects.create(
        production=day.production, number=last.number + 1, name="After the snow", dated=datetime.date(2013, 10, 1),
        locked_by=user,
    )  # fmt: skip
    old.get_model("paperwork", "CallSheetIssue").objects.create(
        shoot_day=day, revision=last, revision_name="Blue", issued_by=user, content={"subtitle": "Day 5 of 45"}
    )
    site = old.get_model("paperwork", "Location").objects.create(
        name="Moscow rooftop", name_key="moscow rooftop", address="Tverskaya 1", nearest_hospital="Sklifosovsky",
        latitude="55.75580", longitude="37.61730",
    )  # fmt: skip
    day_model.objects.filter(pk=day.pk).update(site=site)
    unit = old.get_model("rigs", "RigUnit").objects.order_by("pk").first()
    old.get_model("rigs", "Fault").objects.create(unit=unit, kind="battery", shoot_day=day, minutes_lost=25)
    old.get_model("shooting", "ImportColumnMapping").objects.create(
        production=day.production, header="wearer name", column="wearer"
    )
    old.get_model("shooting", "TakeImportUpload").objects.create(
        user=user, production=day.production, file_name="day5.csv", kind="csv", data=b"scene,take\n"
    )
    return take.pk, day.pk


def test_a_database_of_the_previous_layout_keeps_everything(previous_layout):
    take_pk, day_pk = a_users_work(previous_layout)
    before = row_counts()

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    call_command("migrate", verbosity=0)  # an upgrade's migrate: its post_migrate makes what is missing

    assert row_counts() == before
    assert Take.objects.get(pk=take_pk).notes == "Strap slipped; refitted"
    day = ShootDay.objects.select_related("site").get(pk=day_pk)
    assert (day.weather, day.site.name) == ("Snow after noon", "Moscow rooftop")
    assert day.history.latest().weather == "Snow after noon"
    assert Strip.objects.filter(shoot_day__number=6, shoot_day__production=day.production).exists()
    assert ScheduleRevision.objects.get(name="After the snow").locked_by.username == "ad"
    assert CallSheetIssue.objects.get(shoot_day=day).content == {"subtitle": "Day 5 of 45"}
    assert Fault.objects.get(shoot_day=day).minutes_lost == 25
    assert Location.objects.get(name="Moscow rooftop").shoot_days.get() == day
    assert DayCall.objects.filter(shoot_day__production=day.production).exists()
    assert ImportColumnMapping.objects.get().column == "wearer"
    assert TakeImportUpload.objects.get().file_name == "day5.csv"

    # The login keeps what it was given, under the model's new app; the admin's log still finds the day.
    assert get_user_model().objects.get(username="ad").has_perm("planning.change_shootday")
    assert LogEntry.objects.get(change_message="Weather").get_edited_object() == day
    for old_app, models in MOVED.items():
        assert not ContentType.objects.filter(app_label=old_app, model__in=models).exists()
