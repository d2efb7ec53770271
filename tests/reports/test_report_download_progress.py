"""A long download says "Preparing…" on its link until the file starts: the response hands back the
link's ticket in a cookie (read by reports/download.js, a static script the CSP allows)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "md"])
def test_a_download_hands_back_its_ticket(fmt, henry, staff_client):
    url = reverse("reports:report", args=[henry.pk, "rigs"])
    response = staff_client.get(url, {"export": fmt, "download": "k3x9q"})
    assert response.cookies["download"].value == "k3x9q"
    assert response.cookies["download"]["max-age"] == 60


@pytest.mark.parametrize("ticket", ["", "<script>", "a;b", "x" * 21])
def test_anything_but_a_short_ticket_sets_no_cookie(ticket, henry, staff_client):
    url = reverse("reports:report", args=[henry.pk, "rigs"])
    response = staff_client.get(url, {"export": "csv", "download": ticket})
    assert "download" not in response.cookies


def test_the_page_loads_the_script_and_marks_its_download_links(henry, staff_client):
    page = staff_client.get(reverse("reports:report", args=[henry.pk, "take-log"])).content.decode()
    assert 'src="/static/reports/download.js"' in page
    assert page.count("data-download>") == 7  # CSV, XLSX, PDF, MD, ALE, EDL and OTIO selects
