"""`make run` never loses a user's work: the seed goes only into an empty database, demo logins are made once."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from hhprod.office.management.commands.demo_login import DEMO_LOGINS
from hhprod.shooting.models import Take

# A real server or `make` in a subprocess: left out by `make test-quick`, run by `make test`.
pytestmark = pytest.mark.system

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)
LOGIN_LINE = re.compile(r"^Demo login: (\S+) / (\S+)  \((.+)\)$", re.MULTILINE)


def make_run_setup(database):
    """The steps of make run before runserver, exactly as make run runs them, on a SQLite file of the test's own."""
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DATABASE_URL", "SECRET_KEY")}
    result = subprocess.run(
        ["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", "run-setup"],
        cwd=ROOT, env={**environ, "SQLITE_PATH": str(database)}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_running_make_run_again_keeps_a_users_edit_and_the_demo_passwords(tmp_path):
    database = tmp_path / "office.sqlite3"
    first = make_run_setup(database)
    assert {login for login, _, _ in LOGIN_LINE.findall(first)} == set(DEMO_LOGINS)
    with sqlite3.connect(database) as db:
        db.execute(
            "UPDATE shooting_take SET notes = 'reshoot: lens fogged' WHERE id = (SELECT MIN(id) FROM shooting_take)"
        )
        passwords = dict(db.execute("SELECT username, password FROM auth_user"))

    second = make_run_setup(database)

    assert "the seed is not loaded" in second
    assert not LOGIN_LINE.search(second), "no password is printed for a login that exists"
    assert second.count("exists, password unchanged") == len(DEMO_LOGINS)
    with sqlite3.connect(database) as db:
        notes = db.execute("SELECT notes FROM shooting_take WHERE id = (SELECT MIN(id) FROM shooting_take)").fetchone()
        assert notes == ("reshoot: lens fogged",)
        assert dict(db.execute("SELECT username, password FROM auth_user")) == passwords


@pytest.mark.django_db
def test_seed_loads_the_article_into_an_empty_database(capsys):
    call_command("seed")
    assert Take.objects.exists()
    assert "Loaded the article's data" in capsys.readouterr().out


@pytest.mark.django_db
def test_seed_names_what_it_would_overwrite_and_leaves_it(seed, capsys):
    take = Take.objects.order_by("pk").first()
    take.notes = "edited"
    take.save()
    call_command("seed")
    out = capsys.readouterr().out
    assert re.search(r"already holds \d+ productions, .*\d+ takes: the seed is not loaded", out), out
    assert Take.objects.get(pk=take.pk).notes == "edited"


@pytest.mark.django_db
def test_demo_login_prints_one_working_login_per_role(client, capsys, django_user_model):
    call_command("demo_login")
    logins = LOGIN_LINE.findall(capsys.readouterr().out)
    assert [(login, role) for login, _, role in logins] == list(DEMO_LOGINS.items())
    for username, password, role in logins:
        user = django_user_model.objects.get(username=username)
        assert [group.name for group in user.groups.all()] == [role] and not user.is_superuser
        assert client.login(username=username, password=password)
        assert client.get(reverse("admin:index")).status_code == 200
        client.logout()


@pytest.mark.django_db
def test_demo_login_reset_gives_one_login_a_new_password(client, capsys):
    call_command("demo_login")
    before = dict((login, password) for login, password, _ in LOGIN_LINE.findall(capsys.readouterr().out))
    call_command("demo_login", reset="viewer")
    [(login, password, role)] = LOGIN_LINE.findall(capsys.readouterr().out)
    assert (login, role) == ("viewer", "Viewer") and password != before["viewer"]
    assert not client.login(username="viewer", password=before["viewer"])
    assert client.login(username="viewer", password=password)
    assert client.login(username="producer", password=before["producer"])


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["nobody", "viewer"])
def test_demo_login_reset_refuses_a_login_it_cannot_reset(username):
    # "viewer" is a demo login, but not made yet.
    with pytest.raises(CommandError, match=username):
        call_command("demo_login", reset=username)
