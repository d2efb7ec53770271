"""One limit on text a person types (2,000 characters), the same at every entry point, and a note at
the limit survives every export and import: CSV and XLSX out and back in, the take log's PDF."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, models, transaction
from django.http import QueryDict
from django.urls import reverse
from pypdf import PdfReader

from hhprod.lib.freetext import TEXT_LIMIT
from hhprod.reports.catalogue import REPORTS
from hhprod.reports.exports import render_file
from hhprod.shooting.models import Take

from .. import factories as make
from ..admin_forms import form_data
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db

# Words, a line break, quotes and letters beyond ASCII, exactly at the limit.
NOTE_AT_THE_LIMIT = ('Strap "slipped" on the stairs;\nÜnïcödé, ёлкин, 主演 🎥. ' * 60)[: TEXT_LIMIT - 1] + "."


@pytest.fixture
def take():
    prod = make.production()
    day = make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    rig = make.rig("v1", 1, in_service_from=date(2013, 8, 1))
    return make.take(day, make.scene(prod, "12"), rig, make.wearer(prod, "Unnamed stunt performer 1"))


def typed_text_fields():
    return [
        pytest.param(field, id=f"{model._meta.label}.{field.name}")
        for model in apps.get_models()
        if model.__module__.startswith("hhprod.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField)
    ]


@pytest.mark.parametrize("field", typed_text_fields())
def test_every_text_field_refuses_more_than_the_limit_naming_itself(field):
    field.clean("x" * TEXT_LIMIT, None)
    with pytest.raises(ValidationError) as refused:
        field.clean("x" * 2_600_000, None)
    label = field.verbose_name[0].upper() + field.verbose_name[1:]
    assert refused.value.messages == [f"{label} may be at most 2,000 characters; this has 2,600,000."]
    assert field.formfield().widget.attrs["maxlength"] == "2000"


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_a_take_note_past_the_limit_is_a_form_error_and_saves_nothing(take, staff_client):
    page = staff_client.get(change_url(take))
    assert 'maxlength="2000"' in page.content.decode()
    before = database_snapshot()
    response = staff_client.post(change_url(take), {**form_data(page), "notes": "x" * 2001})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["notes"] == [
        "Notes may be at most 2,000 characters; this has 2,001."
    ]
    assert database_snapshot() == before


def test_a_long_note_on_the_shoot_days_page_is_a_form_error(take, staff_client):
    day = take.shoot_day
    data = form_data(staff_client.get(change_url(day)))
    before = database_snapshot()
    response = staff_client.post(change_url(day), {**data, "notes": "x" * 2_000_001})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["notes"] == [
        "Notes may be at most 2,000 characters; this has 2,000,001."
    ]
    assert database_snapshot() == before


def test_the_database_refuses_a_take_note_past_the_limit(take):
    Take.objects.filter(pk=take.pk).update(notes="x" * TEXT_LIMIT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Take.objects.filter(pk=take.pk).update(notes="x" * (TEXT_LIMIT + 1))


def exported_take_log(production, fmt):
    report = REPORTS["take-log"]
    return render_file(report, production, report.build(production, QueryDict()), fmt)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("note", [NOTE_AT_THE_LIMIT, "=" + NOTE_AT_THE_LIMIT[1:]], ids=["plain", "formula-like"])
def test_a_note_at_the_limit_is_exported_and_imported_back_whole(take, tmp_path, fmt, note):
    """A note that a spreadsheet would read as a formula is written behind a quote: one character more."""
    Take.objects.filter(pk=take.pk).update(notes=note)
    path = tmp_path / f"take-log.{fmt}"
    path.write_bytes(exported_take_log(take.scene.production, fmt))
    Take.objects.all().delete()
    out = io.StringIO()
    try:
        call_command("import_takes", str(path), "--production", "Test feature", stdout=out)
    except CommandError as refusal:
        pytest.fail(f"{refusal}: {out.getvalue()[:500]}")
    assert Take.objects.get().notes == note


def test_the_take_log_pdf_prints_a_note_at_the_limit(take, staff_client):
    Take.objects.filter(pk=take.pk).update(notes="x" * TEXT_LIMIT)
    response = staff_client.get(
        reverse("reports:report", args=[take.scene.production.pk, "take-log"]), {"export": "pdf"}
    )
    assert response.status_code == 200
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    assert "x" * 40 in "".join(page.extract_text() for page in pdf.pages)
