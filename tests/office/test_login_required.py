"""Every page but the login asks an anonymous visitor to log in, including pages added later."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

pytestmark = pytest.mark.django_db


def argument_free_paths(patterns, prefix=""):
    """Every URL the project serves that takes no arguments, as a path."""
    for entry in patterns:
        text = prefix + re.sub(r"^\^|\$$", "", str(entry.pattern))
        if isinstance(entry, URLResolver):
            yield from argument_free_paths(entry.url_patterns, text)
        elif isinstance(entry, URLPattern) and not re.search(r"[<(\[\\]", text):
            yield "/" + text


PATHS = sorted(set(argument_free_paths(get_resolver().url_patterns)))
LOGIN = reverse("admin:login")


def test_the_crawl_finds_the_pages_that_matter():
    assert {"/", "/admin/", LOGIN, "/admin/shooting/take/", "/admin/shooting/take/add/"} <= set(PATHS)


@pytest.mark.parametrize("path", [path for path in PATHS if path != LOGIN])
def test_anonymous_visitor_is_sent_to_login(client, path):
    resolve(path)  # the crawl built a real path
    response = client.get(path)
    assert response.status_code == 302, path
    assert response.url.startswith(LOGIN + "?next="), response.url


def test_the_login_page_itself_is_open(client):
    assert client.get(LOGIN).status_code == 200
