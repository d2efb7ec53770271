"""Control characters are removed where text enters (the admin, the take-logging page, an import),
so none reaches a calendar feed, a CSV, an ALE or an XLSX; a text area keeps its line breaks."""

import csv
import io
import re
import uuid
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from hhprod.feeds.models import CalendarFeed
from hhprod.lib.controls import clean_stored_text, without_controls
from hhprod.planning.models import ScheduleRevision
from hhprod.productions.models import Person
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data
from ..imports.test_import import empty_copy_of, exported_take_log, import_takes, take_log
from ..reports.test_report_ale import export as ale_export
from ..reports.test_report_ale import read_ale

pytestmark = pytest.mark.django_db
TYPED_NAME = "Unnamed\x07 stunt\x1b performer\x7f\x85 1\t"
NAME = "Unnamed stunt performer 1"
TYPED_NOTES = "Neck strain\x07\x1b[31m\r\nrig refitted\rafter take\t3\x9b\x7f"
NOTES = "Neck strain[31m\nrig refitted\nafter take3"
# What no file may carry: every control character but the line breaks and tabs a format uses itself.
STRAY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.fixture
def producer(django_user_model):
    browser = Client()
    browser.force_login(django_user_model.objects.create_superuser("producer", "p@example.com", "pw"))
    browser.user = django_user_model.objects.get(username="producer")
    return browser


def add_in_admin(browser, model, **typed):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    response = browser.post(url, {**form_data(browser.get(url)), **typed})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return model.objects.order_by("pk").last()


def change_in_admin(browser, obj, **typed):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    response = browser.post(url, {**form_data(browser.get(url)), **typed})
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("typed", "multiline", "kept"),
    [
        ("a\x00b\x1fc\x7fd\x80e\x9ff\u00a0g", False, "abcdef\u00a0g"),
        ("one\r\ntwo\rthree\nfour\x0b\x0c\tfive", True, "one\ntwo\nthree\nfourfive"),
        ("one\r\ntwo\tthree", False, "onetwothree"),
    ],
)
def test_control_characters_are_removed_and_line_breaks_kept_only_where_asked(typed, multiline, kept):
    assert without_controls(typed, multiline=multiline) == kept


def test_a_person_typed_into_the_admin_is_stored_without_control_characters(producer):
    person = add_in_admin(producer, Person, name=TYPED_NAME, notes=TYPED_NOTES)
    assert (person.name, person.notes) == (NAME, NOTES)


def test_a_nul_typed_into_the_admin_is_still_refused(producer):
    url = reverse("admin:productions_person_add")
    response = producer.post(url, {**form_data(producer.get(url)), "name": "Un\x00named"})
    assert response.context["adminform"].form.errors["name"] == ["Null characters are not allowed."]
    assert not Person.objects.exists()


@pytest.fixture
def logged(producer):
    """A take logged on the set page with notes full of control characters, by a wearer typed so in the admin."""
    prod = make.production("Hardcore Henry")
    day = make.shoot_day(prod, 1, scheduled=timezone.localdate(), actual=None)
    make.scene(prod, "4")
    rig = make.rig(in_service_from=date(2000, 1, 1))
    unit = make.unit(rig)
    wearer = make.wearer(prod, "placeholder")
    change_in_admin(producer, wearer, name=TYPED_NAME)
    row = {"key": str(uuid.uuid4()), "scene": "4", "setup": "", "number": "1", "length": "2:05", "status": "G",
           "unit": f"unit-{unit.pk}", "camera": "", "wearer": wearer.pk, "notes": TYPED_NOTES}  # fmt: skip
    response = producer.post(reverse("onset:save-take", args=[day.pk]), row)
    assert response.status_code == 201, response.content
    return prod


def test_notes_logged_on_set_are_stored_without_control_characters(logged):
    assert Take.objects.values_list("wearer__name", "notes").get() == (NAME, NOTES)


def test_the_calendar_feed_carries_no_control_character(producer, logged):
    change_in_admin(producer, logged, title="Hardcore\x07 Henry\x1b")
    _, token = CalendarFeed.issue(producer.user)
    response = Client().get(reverse("feeds:schedule", args=[token, logged.pk]))
    assert not STRAY_CONTROL.search(response.content.decode())
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Hardcore Henry day 1: Shot"


def test_the_csv_and_ale_carry_the_clean_notes(producer, logged):
    url = reverse("reports:report", args=[logged.pk, "take-log"])
    csv_text = b"".join(producer.get(url, {"export": "csv"}).streaming_content).decode()
    ((row),) = list(csv.DictReader(io.StringIO(csv_text)))
    assert (row["Wearer"], row["Notes"]) == (NAME, NOTES)
    ale_text = ale_export(producer, logged)
    assert not STRAY_CONTROL.search(ale_text)
    _, (clip,) = read_ale(ale_text)
    assert clip["Comments"] == "Neck strain[31m rig refitted after take3"


def test_a_name_typed_with_del_comes_back_from_an_xlsx_export(producer, logged, tmp_path):
    copy = empty_copy_of(logged)
    lines, refusal = import_takes(exported_take_log(logged, "xlsx", tmp_path), production=copy.title)
    assert refusal is None, lines[:5]
    assert take_log(copy) == take_log(logged)


def test_an_imported_take_is_stored_without_control_characters(tmp_path):
    prod = make.production()
    make.shoot_day(prod, 1)
    make.rig("v1")
    make.wearer(prod, NAME)
    log = tmp_path / "takes.csv"
    with log.open("w", newline="") as file:
        csv.writer(file).writerows(
            [["Day", "Scene", "Take", "Length", "Rig", "Wearer", "Clip", "Notes"],
             [1, "5\x1b", 1, 60, "v1", TYPED_NAME, "GOPR\x7f0042.MP4", TYPED_NOTES]]
        )  # fmt: skip
    lines, refusal = import_takes(log, production=prod.title)
    assert refusal is None, lines[:5]
    take = Take.objects.select_related("scene", "wearer").get()
    assert (take.scene.number, take.wearer.name, take.clip_name, take.notes) == ("5", NAME, "GOPR0042.MP4", NOTES)


def test_a_revision_locked_from_the_stripboard_is_named_without_control_characters(producer):
    prod = make.production()
    make.shoot_day(prod, 1, scheduled=date(2013, 9, 2), actual=None)
    typed = {"name": "Approved\x07", "dated": "2013-08-01", "reason": "Studio\x1b approval\r\nblock 2\x85"}
    assert producer.post(reverse("stripboard_lock", args=[prod.pk]), typed).status_code == 302
    assert ScheduleRevision.objects.values_list("name", "reason").get() == ("Approved", "Studio approval\nblock 2")


def test_text_stored_before_the_upgrade_is_cleaned_once_by_its_migration(logged):
    """An office's old notes: typed in a browser (\r\n) or pasted with controls, before they were removed."""
    take = Take.objects.get()
    Take.objects.filter(pk=take.pk).update(notes=TYPED_NOTES, source="seed\x1b")
    untouched = make.take(take.shoot_day, take.scene, take.rig, take.wearer, number=2, notes="two\nlines")

    clean_stored_text("shooting")(django_apps, None)

    assert list(Take.objects.order_by("number").values_list("notes", "source")) == [
        (NOTES, "seed"),
        ("two\nlines", untouched.source),
    ]
