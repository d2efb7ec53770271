"""SQLite's write lock not had in time: a 503 that says what to do, not a server error."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.db import OperationalError
from django.urls import include, path

pytestmark = pytest.mark.django_db


@login_not_required
def locked(request):
    raise OperationalError("database is locked")


@login_not_required
def broken(request):
    raise OperationalError("no such table: shooting_take")


urlpatterns = [path("locked/", locked), path("broken/", broken), path("", include("hhprod.urls"))]


@pytest.fixture
def urls(settings):
    settings.ROOT_URLCONF = __name__


def test_a_request_that_did_not_get_the_lock_is_told_to_send_it_again(urls, client):
    response = client.get("/locked/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    page = response.content.decode()
    assert "The database is busy" in page and "send it again" in page and 'href="/admin/"' in page


def test_any_other_database_error_stays_a_server_error(urls, client):
    client.raise_request_exception = False
    assert client.get("/broken/").status_code == 500
