"""While a big file is checked or imported, the waiting page asks how far it has got (import_progress.py)."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from hhprod.imports.models import TakeImportUpload
from hhprod.shooting.models import Take

from .test_import_admin import CONFIRM, HEADER, upload

pytestmark = pytest.mark.django_db

ROWS = 1200  # reported at rows 500 and 1,000; in scenes 77 and 78, as a slate's take numbers stop at 999
LOG = HEADER + "".join(f"1,,{77 + row // 600},{row % 600 + 1},0:30,v1,,Ilya Naishuller,Good,\n" for row in range(ROWS))


def progress_url(held):
    return reverse("admin:shooting_take_import_progress", args=[held.pk])


@pytest.fixture
def reports(monkeypatch):
    """Every report the import writes to the progress cache, in order."""
    written = []
    cache = caches["progress"]
    original = cache.set

    def recorded(key, value, *args, **kwargs):
        written.append(value)
        return original(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recorded)
    return written


def test_the_check_and_the_import_report_every_500_rows_and_the_page_reads_them(seed, login_as, reports):
    client = login_as("Script supervisor")
    preview = upload(client, LOG)
    assert preview.context["passed"]
    held = TakeImportUpload.objects.get()
    page = preview.content.decode()
    assert page.count(f'data-progress="{progress_url(held)}"') == 2  # the check's form and the confirm's
    assert 'data-importing="Importing 1,200 rows…' in page
    assert reports == [{"done": done, "total": ROWS, "verb": "checked"} for done in (500, 1000)]
    assert client.get(progress_url(held)).json() == {"done": 1000, "total": ROWS, "verb": "checked"}

    assert client.post(CONFIRM, {"upload": held.pk}).status_code == 302
    assert Take.objects.filter(scene__number__in=["77", "78"]).count() == ROWS
    assert reports[2:] == [{"done": done, "total": ROWS, "verb": "imported"} for done in (500, 1000)]
    assert client.get(progress_url(held)).json() == {"done": 1000, "total": ROWS, "verb": "imported"}


def test_a_login_reads_only_its_own_progress(seed, login_as, django_user_model):
    supervisor = login_as("Script supervisor")
    upload(supervisor, LOG)
    held = TakeImportUpload.objects.get()
    producer = login_as("Producer")
    assert producer.get(progress_url(held)).json() == {}
    assert login_as("Viewer").get(progress_url(held)).status_code == 403
    assert supervisor.post(progress_url(held)).status_code == 405
