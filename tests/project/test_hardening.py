"""Login throttling, a Content-Security-Policy on every page, and no serving with a weak SECRET_KEY."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key
from django.urls import reverse

from hhprod.productions.models import Production

ROOT = Path(__file__).resolve().parents[2]
LOGIN = reverse("admin:login")


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def producer(django_user_model):
    return django_user_model.objects.create_user("producer", password="the-right-one", is_staff=True)


def log_in(client, password):
    return client.post(LOGIN, {"username": "producer", "password": password, "next": "/admin/"})


@pytest.mark.django_db
def test_five_failed_logins_lock_the_login_even_with_the_right_password(client, throttled, producer):
    for _ in range(4):
        assert log_in(client, "guess").status_code == 200  # the login page again, with its error
    locked = log_in(client, "guess")
    assert locked.status_code == 429
    assert "Too many failed logins for “producer”" in locked.content.decode()
    refused = log_in(client, "the-right-one")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_good_login_clears_the_failures(client, throttled, producer):
    for _ in range(4):
        log_in(client, "guess")
    assert log_in(client, "the-right-one").status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "guess").status_code == 200
    assert log_in(client, "the-right-one").status_code == 302


@pytest.mark.django_db
def test_the_test_clients_logins_work_with_throttling_off(client, producer):
    assert client.login(username="producer", password="the-right-one")
    client.force_login(producer)
    assert client.get(reverse("admin:index")).status_code == 200


def directives(response):
    return {name: values for name, *values in (part.split() for part in response["Content-Security-Policy"].split(";"))}


def test_every_page_has_a_content_security_policy(seed, staff_client):
    henry = Production.objects.get(title="Hardcore Henry")
    pages = [
        reverse("admin:index"),
        reverse("admin:shooting_take_changelist"),
        reverse("reports:report", args=[henry.pk, "schedule"]),
        reverse("reports:report", args=[henry.pk, "day-out-of-days"]),
        "/no-such-page/",
    ]
    for page in pages:
        policy = directives(staff_client.get(page))
        assert policy["default-src"] == policy["script-src"] == ["'self'"], page
        assert policy["frame-ancestors"] == policy["object-src"] == ["'none'"], page
        assert policy["style-src"][0] == "'self'" and "'unsafe-inline'" not in policy["style-src"], page
    staff_client.logout()
    assert directives(staff_client.get(LOGIN))["script-src"] == ["'self'"]


def test_a_pages_own_style_carries_the_policys_nonce(seed, staff_client):
    henry = Production.objects.get(title="Hardcore Henry")
    response = staff_client.get(reverse("reports:report", args=[henry.pk, "day-out-of-days"]))
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in response.content.decode()


def serve(secret_key):
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    return subprocess.run([sys.executable, "-c", "import hhprod.wsgi"], cwd=ROOT,
                          env={**environ, "SECRET_KEY": secret_key}, capture_output=True, text=True)  # fmt: skip


@pytest.mark.parametrize(
    "weak",
    ["hhprod", "a" * 60, "abcd" * 20, "django-insecure-" + get_random_secret_key()],
    ids=["short", "one character", "four characters", "insecure prefix"],
)
def test_a_weak_secret_key_is_refused_when_serving(weak):
    result = serve(weak)
    assert result.returncode != 0
    assert "SECRET_KEY is too weak to serve with" in result.stderr, result.stderr


def test_a_strong_secret_key_serves():
    result = serve(get_random_secret_key())
    assert result.returncode == 0, result.stderr
