"""The script supervisor's import in the admin: preview every row, confirm, and who did it is kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hhprod.productions.models import Production
from hhprod.shooting.models import Take

from .snapshots import database_snapshot

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:shooting_take_import")
HEADER = "Day,Date,Scene,Take,Length,Rig,Camera,Wearer,Status,Notes\n"
GOOD = HEADER + "1,,1,90,6:05,v1,GP3-0001,Ilya Naishuller,Circled,'=cut here\n1,,1,91,0:30,v1,,Ilya Naishuller,Good,\n"
BAD = HEADER + "1,,1,90,6:05,v1,,Ilya Naishuller,Circled,\n1,,1,91,9:30,v9,,Ilya Naishuller,Good,\n"


def upload(client, text, name="day1.csv"):
    henry = Production.objects.get(title="Hardcore Henry")
    file = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post(IMPORT, {"production": henry.pk, "import_file": file, "format": "0"})


def test_the_preview_shows_every_row_writes_nothing_and_confirming_imports(seed, login_as):
    client = login_as("Script supervisor")
    before = database_snapshot()
    preview = upload(client, GOOD)
    page = preview.content.decode()
    assert preview.status_code == 200 and page.count('class="new"') == 2
    assert "6:05" in page and "Ilya Naishuller" in page
    assert database_snapshot() == before

    confirm = preview.context["confirm_form"].initial
    response = client.post(reverse("admin:shooting_take_process_import"), confirm)
    assert response.status_code == 302
    take = Take.objects.get(scene__production__title="Hardcore Henry", scene__number="1", number=90)
    assert (take.length, take.camera.serial, take.notes) == (365, "GP3-0001", "=cut here")
    entry = take.history.get()
    assert (entry.history_user.username, entry.history_change_reason) == ("script_supervisor", "Imported from day1.csv")


def test_a_bad_file_shows_each_rows_fate_and_offers_no_confirm(seed, login_as):
    client = login_as("Script supervisor")
    before = database_snapshot()
    response = upload(client, BAD)
    page = response.content.decode()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert "Nothing will be imported" in page
    assert "Row 1: new take, scene 1 take 90 on day 1, 6:05" in page
    assert "Row 2, Length: A take of 9:30 (570 s) is longer than Hardcore Henry&#x27;s maximum" in page
    assert "Row 2, Rig: No rig named &#x27;v9&#x27;" in page
    assert "Traceback" not in page
    assert database_snapshot() == before


def test_a_file_with_wrong_columns_is_refused_without_a_traceback(seed, login_as):
    response = upload(login_as("Producer"), "Scene,Take,Lens\n1,1,35mm\n")
    page = response.content.decode()
    assert "File: Column 3 (&#x27;Lens&#x27;) is not a take-log column." in page
    assert "Traceback" not in page and "Row 1" not in page


def test_a_confirm_that_meets_a_take_logged_meanwhile_writes_nothing(seed, login_as):
    client = login_as("Script supervisor")
    preview = upload(client, GOOD)
    confirm = preview.context["confirm_form"].initial
    upload_again = upload(client, GOOD)
    client.post(reverse("admin:shooting_take_process_import"), upload_again.context["confirm_form"].initial)
    after_first = database_snapshot()
    response = client.post(reverse("admin:shooting_take_process_import"), confirm, follow=True)
    assert "Nothing imported: Row 1, Take: Scene 1 take 90 is already logged in Hardcore Henry." in (
        response.content.decode()
    )
    assert database_snapshot() == after_first


@pytest.mark.parametrize("role", ["Producer", "Script supervisor"])
def test_the_roles_that_log_takes_see_the_import_button(seed, login_as, role):
    client = login_as(role)
    assert f"href='{IMPORT}'" in client.get(reverse("admin:shooting_take_changelist")).content.decode()
    assert client.get(IMPORT).status_code == 200


@pytest.mark.parametrize("role", ["Assistant director", "Rig technician", "Viewer"])
def test_the_other_roles_are_refused_the_import(seed, login_as, role):
    client = login_as(role)
    assert f"href='{IMPORT}'" not in client.get(reverse("admin:shooting_take_changelist")).content.decode()
    assert client.get(IMPORT).status_code == 403
    before = database_snapshot()
    assert upload(client, GOOD).status_code == 403
    assert client.post(reverse("admin:shooting_take_process_import"), {}).status_code == 403
    assert database_snapshot() == before
