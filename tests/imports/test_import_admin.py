"""The script supervisor's import in the admin: preview every row, confirm, and who did it is kept."""

import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hhprod.imports import tasks
from hhprod.imports.models import TakeImportUpload
from hhprod.productions.models import Production
from hhprod.shooting.models import Take

from ..queue import run_queued_jobs
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

IMPORT = reverse("admin:shooting_take_import")
CONFIRM = reverse("admin:shooting_take_process_import")
HEADER = "Day,Date,Scene,Take,Length,Rig,Camera,Wearer,Status,Notes\n"
GOOD = HEADER + "1,,1,90,6:05,v1,GP3-0001,Ilya Naishuller,Circled,'=cut here\n1,,1,91,0:30,v1,,Ilya Naishuller,Good,\n"
BAD = HEADER + "1,,1,90,6:05,v1,,Ilya Naishuller,Circled,\n1,,1,91,9:30,v9,,Ilya Naishuller,Good,\n"


def upload(client, text, name="day1.csv", fmt="0", **choices):
    """Upload the file, then check its mapping as guessed (`choices` change it): once the worker has
    checked it, the preview page."""
    henry = Production.objects.get(title="Hardcore Henry")
    file = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    response = client.post(IMPORT, {"production": henry.pk, "import_file": file, "format": fmt})
    if response.status_code != 302:
        return response
    guessed = client.get(response.url).context["form"].initial
    checked = client.post(response.url, {**guessed, **choices})
    if checked.status_code != 302:
        return checked
    run_queued_jobs()
    return client.get(checked.url)


def confirm(client, data):
    """Press the import button, let the worker import, and open the page it leads to: the import's
    own page, or the upload form with the reason nothing was imported."""
    response = client.post(CONFIRM, data)
    run_queued_jobs()
    return client.get(response.url, follow=True)


def outcome(page):
    return page.context["outcome"]["message"]


def without_held_previews(snapshot):
    return {label: rows for label, rows in snapshot.items() if label != "imports.TakeImportUpload"}


def test_the_preview_shows_every_row_holds_only_the_file_and_confirming_imports_it(seed, login_as):
    client = login_as("Script supervisor")
    before = database_snapshot()
    preview = upload(client, GOOD)
    page = preview.content.decode()
    assert preview.status_code == 200 and page.count('class="new"') == 2
    assert "6:05" in page and "Ilya Naishuller" in page
    held = TakeImportUpload.objects.get()
    assert (held.user.username, held.file_name, bytes(held.data)) == ("script_supervisor", "day1.csv", GOOD.encode())
    assert without_held_previews(database_snapshot()) == without_held_previews(before)

    pressed = preview.context["confirm_form"].initial
    assert pressed == {"upload": held.pk}
    assert f'name="upload" value="{held.pk}"' in page and "import_file_name" not in page
    imported = confirm(client, pressed)
    assert outcome(imported) == "Imported 2 takes into Hardcore Henry from day1.csv."
    assert f'href="{reverse("admin:shooting_take_changelist")}"' in imported.content.decode()
    assert not TakeImportUpload.objects.exists()
    take = Take.objects.get(scene__production__title="Hardcore Henry", scene__number="1", number=90)
    assert (take.length, take.camera.serial, take.notes) == (365, "GP3-0001", "=cut here")
    entry = take.history.get()
    assert (entry.history_user.username, entry.history_change_reason) == ("script_supervisor", "Imported from day1.csv")


def test_a_bad_file_shows_each_rows_fate_offers_no_confirm_and_writes_nothing(seed, login_as):
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
    # Held only so that its mapping can be changed and checked again; it expires like any preview.
    assert without_held_previews(database_snapshot()) == without_held_previews(before)


def test_a_big_files_preview_lists_the_first_refusals_and_the_first_other_rows_the_rest_counted(
    seed, login_as, monkeypatch
):
    monkeypatch.setattr(tasks, "SHOWN_FATES", 2)
    rows = [f"1,,1,{number},0:30,v1,,Ilya Naishuller,Good,\n" for number in range(100, 105)]
    client = login_as("Script supervisor")
    good = upload(client, HEADER + "".join(rows))
    listed = good.context["row_fates"]
    assert [line[:30] for line in listed] == [
        "Row 1: new take, scene 1 take ",
        "Row 2: new take, scene 1 take ",
        "… and 3 more rows that pass, n",
    ]
    assert listed[-1] == "… and 3 more rows that pass, not listed."
    assert good.context["confirm_form"] is not None

    rows[3] = rows[3].replace("0:30", "9:30")
    bad = upload(client, HEADER + "".join(rows), name="day2.csv")
    assert [line.split(":")[0] for line in bad.context["row_fates"]] == [
        "Row 1",
        "Row 2",
        "Row 4, Length",
        "… and 2 more rows that pass, not listed.",
    ]
    assert bad.context["confirm_form"] is None

    rows = [row.replace("0:30", "9:30") for row in rows]
    worse = upload(client, HEADER + "".join(rows), name="day3.csv")
    assert [line.split(":")[0] for line in worse.context["row_fates"]] == [
        "Row 1, Length",
        "Row 2, Length",
        "… and 3 more rows refused, not listed.",
    ]


def test_a_file_without_a_day_is_refused_without_a_traceback_its_unmapped_column_named(seed, login_as):
    response = upload(login_as("Producer"), "Scene,Take,Lens\n1,1,35mm\n")
    page = response.content.decode()
    assert "File: The file has no Day or Date column, no Length (or TC In and TC Out) column." in page
    assert "Kept aside with each take (mapped to nothing): Lens" in page
    assert "Traceback" not in page and "Row 1" not in page


def test_a_confirm_that_meets_a_take_logged_meanwhile_writes_nothing_and_drops_the_preview(seed, login_as):
    client = login_as("Script supervisor")
    preview = upload(client, GOOD)
    first = preview.context["confirm_form"].initial
    upload_again = upload(client, GOOD)
    confirm(client, upload_again.context["confirm_form"].initial)
    after_first = database_snapshot()
    page = confirm(client, first)
    assert outcome(page) == (
        "Nothing imported: Row 1, Take: Scene 1 take 90 is already logged in Hardcore Henry. "
        "Row 2, Take: Scene 1 take 91 is already logged in Hardcore Henry."
    )
    assert database_snapshot() == {**after_first, "imports.TakeImportUpload": []}


def test_a_confirm_refused_names_only_the_refused_rows_and_at_most_twenty(seed, login_as):
    client = login_as("Script supervisor")
    rows = "".join(f"1,,1,{number},0:30,v1,,Ilya Naishuller,Good,\n" for number in range(300, 330))
    preview = upload(client, HEADER + rows)
    later = preview.context["confirm_form"].initial
    # Meanwhile the first 25 of its 30 takes are logged from another file.
    logged = "".join(rows.splitlines(keepends=True)[:25])
    confirm(client, upload(client, HEADER + logged).context["confirm_form"].initial)
    message = outcome(confirm(client, later))
    assert message.startswith("Nothing imported: Row 1, Take: Scene 1 take 300 is already logged in Hardcore Henry.")
    assert (
        "Row 20, Take" in message
        and "Row 21" not in message
        and message.endswith("… and 5 more rows refused, not listed.")
    )
    assert "new take" not in message


NOT_HELD = "Nothing imported: that file is not held for you with a check that passed"


def test_a_preview_is_imported_once_pressed_twice_before_the_worker_runs_it_or_after(seed, login_as):
    client = login_as("Script supervisor")
    pressed = upload(client, GOOD).context["confirm_form"].initial
    first, again = client.post(CONFIRM, pressed), client.post(CONFIRM, pressed)
    assert again.url == first.url  # the queued import's page, not a second import
    run_queued_jobs()
    after_first = database_snapshot()
    assert Take.objects.filter(number__in=[90, 91], scene__production__title="Hardcore Henry").count() == 2
    assert NOT_HELD in confirm(client, pressed).content.decode()
    assert database_snapshot() == after_first


def test_a_forged_confirm_id_imports_nothing(seed, login_as):
    client = login_as("Script supervisor")
    upload(client, GOOD)
    before = database_snapshot()
    for forged in [{"upload": uuid.uuid4()}, {"upload": "../../etc/passwd"}, {}]:
        assert NOT_HELD in confirm(client, forged).content.decode()
    assert database_snapshot() == before


def test_the_confirm_step_ignores_a_file_name_sent_by_the_browser(seed, login_as, tmp_path):
    client = login_as("Script supervisor")
    planted = tmp_path / "planted.csv"
    planted.write_text(GOOD)
    before = database_snapshot()
    forged = {"import_file_name": str(planted), "original_file_name": "day1.csv", "format": "0", "resource": "0"}
    assert NOT_HELD in confirm(client, forged).content.decode()
    assert planted.read_text() == GOOD
    assert database_snapshot() == before


def test_another_logins_preview_cannot_be_confirmed(seed, login_as, client, django_user_model):
    pressed = upload(login_as("Script supervisor"), GOOD).context["confirm_form"].initial
    producer = django_user_model.objects.create_superuser("producer2", password="pw")
    client.force_login(producer)
    before = database_snapshot()
    assert NOT_HELD in confirm(client, pressed).content.decode()
    assert database_snapshot() == before


def test_an_abandoned_preview_expires(seed, login_as, settings):
    client = login_as("Script supervisor")
    pressed = upload(client, GOOD).context["confirm_form"].initial
    TakeImportUpload.objects.update(
        created=TakeImportUpload.objects.get().created - timedelta(hours=settings.TAKE_IMPORT_PREVIEW_HOURS, seconds=1)
    )
    assert NOT_HELD in confirm(client, pressed).content.decode()
    assert not TakeImportUpload.objects.exists()
    assert not Take.objects.filter(number__in=[90, 91], scene__production__title="Hardcore Henry").exists()


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
    assert client.post(CONFIRM, {}).status_code == 403
    assert database_snapshot() == before
