"""A link that would lead a role to a bare 403 is not shown to that role (issue 13, item 7):
every link on the admin's index, the day's page and the reports' pages, followed by each role."""

import re

import pytest
from django.urls import reverse

from hhprod.reports.catalogue import REPORTS

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])  # the header links to the background work

ROLES = ["Producer", "Assistant director", "Script supervisor", "Rig technician", "Viewer"]
# Leaving is not a page to read; a download is the report page's own data in another format.
SKIPPED = re.compile(r"/admin/logout/|[?&]export=|^javascript:")


def links(page):
    return {url.replace("&amp;", "&") for url in re.findall(r'href="(/[^"]*|javascript:[^"]*)"', page)}


@pytest.mark.parametrize("role", ROLES)
def test_no_link_on_the_front_pages_leads_a_role_to_a_403(seed, henry, login_as, role):
    client = login_as(role)
    pages = [reverse("admin:index"), reverse("today:day"), reverse("reports:overview", args=[henry.pk])]
    pages += [reverse("reports:report", args=[henry.pk, slug]) + "?day=1" for slug in REPORTS]
    followed, refused = set(), []
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        for url in links(response.content.decode()) - followed:
            followed.add(url)
            if not SKIPPED.search(url) and client.get(url).status_code == 403:
                refused.append(f"{page} -> {url}")
    assert followed and not refused, "\n".join(refused)
