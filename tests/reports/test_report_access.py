"""Report pages need a login; the admin index links to them."""

import pytest
from django.urls import reverse

from hhprod.productions.models import Production
from hhprod.reports.catalogue import REPORTS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", list(REPORTS))
def test_anonymous_visitor_is_sent_to_login(slug, seed, client):
    henry = Production.objects.get(title="Hardcore Henry")
    for params in ({}, {"export": "csv"}):
        response = client.get(reverse("reports:report", args=[henry.pk, slug]), params)
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_calendar_and_index_need_a_login(seed, client):
    henry = Production.objects.get(title="Hardcore Henry")
    for url in (reverse("reports:index"), reverse("reports:overview", args=[henry.pk]),
                reverse("reports:schedule-ics", args=[henry.pk])):  # fmt: skip
        assert client.get(url).url.startswith(reverse("admin:login"))


def test_admin_index_lists_every_report_of_the_catalogue(staff_client):
    page = staff_client.get(reverse("admin:index")).content.decode()
    for report in REPORTS.values():
        assert f'href="{reverse("reports:index")}?report={report.slug}"' in page and report.title in page


def test_index_opens_the_feature_even_when_another_kind_sorts_before_it(seed, staff_client):
    henry = Production.objects.get(title="Hardcore Henry")
    Production.objects.create(title="A commercial", kind="commercial")  # a kind the office may add one day
    assert staff_client.get(reverse("reports:index")).url == reverse("reports:overview", args=[henry.pk])


def test_index_goes_to_the_feature_and_the_picker_switches_production(seed, staff_client):
    henry = Production.objects.get(title="Hardcore Henry")
    stampede = Production.objects.get(title="The Stampede")
    assert staff_client.get(reverse("reports:index")).url == reverse("reports:overview", args=[henry.pk])
    picked = staff_client.get(reverse("reports:index"), {"production": stampede.pk, "report": "rigs"})
    assert picked.url == reverse("reports:report", args=[stampede.pk, "rigs"])
    assert staff_client.get(reverse("reports:index"), {"production": "x"}).url == reverse(
        "reports:overview", args=[henry.pk]
    )


def test_unknown_report_and_production_are_404(seed, staff_client):
    henry = Production.objects.get(title="Hardcore Henry")
    assert staff_client.get(reverse("reports:report", args=[henry.pk, "budget"])).status_code == 404
    assert staff_client.get(reverse("reports:report", args=[999, "schedule"])).status_code == 404


def test_overview_lists_every_report_with_downloads(seed, staff_client, django_assert_num_queries):
    henry = Production.objects.get(title="Hardcore Henry")
    with django_assert_num_queries(4):
        page = staff_client.get(reverse("reports:overview", args=[henry.pk])).content.decode()
    for slug in REPORTS:
        assert reverse("reports:report", args=[henry.pk, slug]) + "?export=pdf" in page
