"""Settings come from the environment; production settings pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**environ, **env}, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=get_random_secret_key(),
                    ALLOWED_HOSTS="hhprod.example.com")  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_required_to_serve_when_debug_is_off():
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", "import hhprod.wsgi"], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment to serve with DEBUG off" in result.stderr, result.stderr


def test_deploy_check_fails_without_a_secret_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", ALLOWED_HOSTS="hhprod.example.com")
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_commands_that_need_no_key_run_without_one():
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_debug_is_off_unless_asked():
    result = manage("diffsettings", "--all", SECRET_KEY=get_random_secret_key())
    assert "DEBUG = False" in result.stdout


def test_database_url_selects_postgresql():
    result = manage("diffsettings", "--all", SECRET_KEY=get_random_secret_key(),
                    DATABASE_URL="postgres://office@db.example.com:5432/hhprod")  # fmt: skip
    assert "'ENGINE': 'django.db.backends.postgresql'" in result.stdout
    assert "'NAME': 'hhprod'" in result.stdout


def database_setting(name, **env):
    script = f"from django.conf import settings; print(settings.DATABASES['default'][{name!r}])"
    return manage("shell", "--no-imports", "-c", script, SECRET_KEY=get_random_secret_key(), **env).stdout.strip()


POSTGRESQL = "postgres://office@db.example.com:5432/hhprod"


def test_postgresql_connections_are_kept_and_checked_before_reuse():
    assert database_setting("CONN_MAX_AGE", DATABASE_URL=POSTGRESQL) == "60"
    assert database_setting("CONN_HEALTH_CHECKS", DATABASE_URL=POSTGRESQL) == "True"
    assert database_setting("CONN_MAX_AGE", DATABASE_URL=POSTGRESQL, CONN_MAX_AGE="5") == "5"
    assert database_setting("CONN_MAX_AGE") == "0"  # SQLite: a local file, opened per request


def test_postgresql_statements_are_not_jit_compiled():
    assert database_setting("OPTIONS", DATABASE_URL=POSTGRESQL) == "{'options': '-c jit=off'}"


def test_a_server_error_with_debug_off_writes_its_traceback_to_standard_error(tmp_path):
    # A real 500: a login posted to a database with no tables, served with production settings.
    request = (
        "import django; django.setup(); from django.test import Client; "
        "login = {'username': 'a', 'password': 'b'}; "
        "print(Client(raise_request_exception=False).post('/admin/login/', login).status_code)"
    )
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    environ |= {"DJANGO_SETTINGS_MODULE": "hhprod.settings", "SECRET_KEY": get_random_secret_key(), "SECURE": "0",
                "ALLOWED_HOSTS": "testserver", "SQLITE_PATH": str(tmp_path / "empty.sqlite3")}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", request], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert result.stdout.strip() == "500", result.stderr
    assert "Internal Server Error: /admin/login/" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr and "no such table" in result.stderr
