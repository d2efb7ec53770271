"""On the seed with a day 121 dated tomorrow, twelve years after the shoot, every report still
shows its grid and its figures, on the page and in its downloads."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hhprod.planning.models import ShootDay
from hhprod.productions.models import Production
from hhprod.reports.call_sheet import day_cast
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.day_out_of_days import codes_on

PER_DAY = {"call-sheet", "production-report"}


def add_day_121_for_tomorrow(production):
    ShootDay.objects.create(
        production=production,
        number=121,
        scheduled_date=timezone.localdate() + timedelta(days=1),
        change_cause="reshoot",
        change_note="Pick-ups",
    )


@pytest.fixture
def henry(seed):
    production = Production.objects.get(title="Hardcore Henry")
    add_day_121_for_tomorrow(production)
    return production


def page(client, production, slug, **params):
    if slug in PER_DAY:
        params.setdefault("day", 60)
    return client.get(reverse("reports:report", args=[production.pk, slug]), params)


@pytest.mark.parametrize("slug", list(REPORTS))
def test_every_report_and_its_csv_keep_their_content(slug, henry, staff_client):
    response = page(staff_client, henry, slug)
    assert response.status_code == 200
    text = response.content.decode()
    assert "at most" not in text and "No rows" not in text
    download = page(staff_client, henry, slug, export="csv")
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert len(rows) >= 2 and any(rows[1])  # its header and at least one row


def test_the_day_out_of_days_pays_the_star(henry, staff_client):
    download = page(staff_client, henry, "day-out-of-days", export="csv")
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    header = next(row for row in rows if "Worked" in row)
    star = next(row for row in rows if "Sharlto Copley" in row)
    assert int(star[header.index("Worked")]) > 0


def test_the_call_sheets_codes_do_not_change_with_the_calendars_length(seed):
    production = Production.objects.get(title="Hardcore Henry")
    day = ShootDay.objects.with_working_date().get(production=production, number=60)
    cast = {credit.person_id for credit in day_cast(day)}
    before = codes_on(production, day.on, cast)
    add_day_121_for_tomorrow(production)
    assert codes_on(production, day.on, cast) == before
    assert before and "—" not in before.values()
