"""Fixtures shared by the whole suite: the article's data, the feature, logged-in clients."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection

from hhprod.lib.names import keep_name_key

ARTICLE_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "hardcore_henry.json"


@pytest.fixture(autouse=True)
def cold_content_type_cache():
    """Each test starts with Django's content-type cache empty, so query counts do not depend on test order."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """Logins in tests need no protection against brute force; the default hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def progress_in_the_tests_transaction(settings):
    """On PostgreSQL a job writes its progress through a second connection, which cannot see the job's
    row while the test's transaction holds it uncommitted: in a test, the test's own connection. (The
    system tests run real workers, which use the second one.)"""
    if connection.vendor == "postgresql":
        settings.JOBS_PROGRESS_DATABASE = "default"


@pytest.fixture(autouse=True)
def no_login_throttling(settings):
    """django-axes needs the request at every login, which the test client's login() does not pass.

    Its own tests (tests/project/test_hardening.py) turn it back on.
    """
    settings.AXES_ENABLED = False


@pytest.fixture(scope="session")
def article_records():
    """The committed fixture's records, read and deserialised once per session, grouped by model in file order.

    Reading the JSON and building the objects was most of `loaddata`'s time, paid again by
    every test that used the seed; inserting the built objects is a few bulk statements.
    """
    groups = {}
    with ARTICLE_FIXTURE.open() as fixture:
        for record in serializers.deserialize("json", fixture):
            keep_name_key(type(record.object), record.object)  # as loaddata's save sends pre_save
            groups.setdefault(type(record.object), []).append(record.object)
            for name, targets in record.m2m_data.items():
                field = record.object._meta.get_field(name)
                source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
                links = groups.setdefault(field.remote_field.through, [])
                links += [field.remote_field.through(**{source: record.object.pk, target: pk}) for pk in targets]
    # Links between records go in after both ends: an M2M table's rows last.
    return sorted(groups.items(), key=lambda group: group[0]._meta.auto_created is not False)


@pytest.fixture
def seed(db, article_records):
    """The article's data, as `loaddata hardcore_henry` writes it, inside the test's own transaction.

    Saved raw like `loaddata` (no history rows); tests that flush (transactional_db,
    live_server) get it afresh too, since it is inserted per test.
    """
    for model, objects in article_records:
        model.objects.bulk_create(objects)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in article_records]):
            cursor.execute(sql)


@pytest.fixture
def henry(seed):
    """The feature the article is about."""
    from hhprod.productions.models import Production

    return Production.objects.get(title="Hardcore Henry")


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("office", "office@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def login_as(client, django_user_model):
    """A client logged in as a staff user in one role's group ("Producer", "Viewer"...), or in none."""

    def login(role):
        username = role.lower().replace(" ", "_") if role else "no_role"
        user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
        if role:
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return login
