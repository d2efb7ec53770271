"""The admin's mapping step: each column of a set tool's file beside the take-log column it fills,
changeable, remembered for the production's next file; then the preview and the confirm."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hhprod.imports.models import ImportColumnMapping, TakeImportUpload
from hhprod.shooting.models import Take

from ..queue import run_queued_jobs
from ..snapshots import database_snapshot
from .test_import_formats import DATA, FIRST, plan_a_shoot

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

IMPORT = reverse("admin:shooting_take_import")
CONFIRM = reverse("admin:shooting_take_process_import")
ALE = 2  # the upload form's format: CSV, XLSX, ALE


@pytest.fixture
def shoot():
    return plan_a_shoot()


@pytest.fixture
def office(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("office", password="pw"))
    return client


def upload(client, production, path, fmt):
    file = SimpleUploadedFile(path.name, path.read_bytes())
    response = client.post(IMPORT, {"production": production.pk, "import_file": file, "format": str(fmt)})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return response.url


def checked(client, url, mapping):
    """The mapping sent, the worker's check done: the page with every row's fate."""
    response = client.post(url, {"date_order": "day", **mapping})  # the fixtures' dates read both ways
    assert (response.status_code, response.url) == (302, f"{url}#check"), response.content.decode()[-2000:]
    run_queued_jobs()
    return client.get(url).content.decode()


def imported(client):
    """The held file's import button pressed and the worker's import done: the import's page."""
    response = client.post(CONFIRM, {"upload": TakeImportUpload.objects.get().pk})
    run_queued_jobs()
    return client.get(response.url).content.decode()


def mapping_shown(page):
    """(the file's column, its first values, the take-log column selected) per row of the mapping table."""
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>.*?<option value=\"([^\"]*)\" selected>", page, re.S)
    return rows


def test_an_ale_is_mapped_column_by_column_previewed_and_imported(shoot, office):
    url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    page = office.get(url).content.decode()
    assert mapping_shown(page) == [
        ("Name", "GOPR0101.MP4, GOPR0102.MP4", "Clip"),
        ("Tracks", "V, V", ""),
        ("Start", "10:15:00:00, 10:20:00:00", "TC In"),
        ("End", "10:16:05:13, 10:20:44:12", "TC Out"),
        ("Tape", "A001, A001", "Roll"),
        ("Scene", "12, 12A", "Scene"),
        ("Take", "1, 1", "Take"),
        ("Shoot Date", "02/09/2013, 02/09/2013", "Date"),
        ("Camera", "A, A", "Camera"),
        ("Comments", "Stairwell run", "Notes"),
    ]
    guessed = office.get(url).context["form"].initial
    before = database_snapshot()
    preview = checked(office, url, {**guessed, "column_9": ""})  # Comments changed to left out
    assert "Kept aside with each take (mapped to nothing): Tracks, Comments" in preview
    assert f"worn by {FIRST} (from the plan)" in preview
    held_only = {**before, "imports.TakeImportUpload": database_snapshot()["imports.TakeImportUpload"]}
    assert database_snapshot() == held_only  # the preview wrote nothing but the held file

    assert "Imported 2 takes into" in imported(office)
    assert list(Take.objects.order_by("setup").values_list("setup", "length", "clip_name", "notes")) == [
        ("", 66, "GOPR0101.MP4", ""), ("A", 44, "GOPR0102.MP4", ""),
    ]  # fmt: skip
    assert ImportColumnMapping.objects.get(production=shoot, header="comments").column == ""

    # The next file from the same tool: the production's last choice is the guess.
    again = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    assert office.get(again).context["form"].initial["column_9"] == ""


def test_the_import_button_says_how_many_rows_it_imports_and_the_check_shows_progress_from_a_static_script(
    shoot, office
):
    url = upload(office, shoot, DATA / "movieslate_shot_log.csv", 0)
    office.post(url, {**office.get(url).context["form"].initial, "date_order": "day"})
    waiting = office.get(url).content.decode()
    assert "Waiting for a worker." in waiting and 'data-job-state="waiting"' in waiting
    assert '<script src="/static/jobs/job.js" defer></script>' in waiting
    assert "<script>" not in waiting  # the site's CSP runs no inline script
    run_queued_jobs()
    page = office.get(url).content.decode()
    assert 'value="Import 3 rows"' in page and "3 rows under the header" in page


def test_a_file_imported_again_is_refused_with_the_hint_to_add_only_the_new_takes(shoot, office):
    url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    checked(office, url, office.get(url).context["form"].initial)
    imported(office)
    url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    page = checked(office, url, office.get(url).context["form"].initial)
    assert "Nothing will be imported" in page
    assert "2 of the rows are takes already logged: tick “Add only the takes not yet logged” above" in page
    assert Take.objects.count() == 2


def test_a_file_imported_again_with_only_new_takes_adds_nothing_and_says_so(shoot, office):
    for _ in range(2):
        url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
        guessed = office.get(url).context["form"].initial
        preview = checked(office, url, {**guessed, "skip_logged": "on"})
        done = imported(office)
    assert "(2 takes already logged, skipped)" in preview
    assert "2 takes already logged, skipped." in done
    assert Take.objects.count() == 2


def test_two_columns_mapped_to_one_take_column_are_named_and_nothing_is_previewed(shoot, office):
    url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    page = office.post(url, {**office.get(url).context["form"].initial, "column_1": "Clip"}).content.decode()
    assert "Two columns (&#x27;Name&#x27; and &#x27;Tracks&#x27;) go to Clip: map one to nothing." in page
    assert "row-fates" not in page


def test_a_file_held_for_another_login_is_not_shown(shoot, office, client, django_user_model):
    url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    client.force_login(django_user_model.objects.create_superuser("other", password="pw"))
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_the_rows_are_counted_by_the_check_and_shown_from_then_on(shoot, office):
    url = upload(office, shoot, DATA / "avid_day1.ale", ALE)
    assert TakeImportUpload.objects.get().rows is None  # the upload reads only the header
    assert "rows under the header" not in office.get(url).content.decode()
    assert "2 rows under the header" in checked(office, url, office.get(url).context["form"].initial)
    assert TakeImportUpload.objects.get().rows == 2
