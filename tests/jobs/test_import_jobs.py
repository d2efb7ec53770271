"""A take log's check and import are a worker's jobs: their pages show how far they have got from
the job's stored state, only to the login that asked, and a worker stopped mid-import writes nothing."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hhprod.imports import imports
from hhprod.imports.models import TakeImportUpload
from hhprod.jobs.models import Job, Progress
from hhprod.shooting.models import Take

from ..imports.test_import_admin import CONFIRM, HEADER, upload
from ..queue import run_queued_jobs
from ..snapshots import database_snapshot

pytestmark = pytest.mark.django_db(databases=["default", "tasks"])

ROWS = 1200  # reported at rows 500 and 1,000; in scenes 77 and 78, as a slate's take numbers stop at 999
LOG = HEADER + "".join(f"1,,{77 + row // 600},{row % 600 + 1},0:30,v1,,Ilya Naishuller,Good,\n" for row in range(ROWS))


@pytest.fixture
def reports(monkeypatch):
    """Every report of progress a job writes, in order, as (done, total, step)."""
    written = []
    report = Progress.__call__

    def recorded(self, done, total=None):
        written.append((done, total, self.step))
        return report(self, done, total)

    monkeypatch.setattr(Progress, "__call__", recorded)
    return written


def progress_of(client, job):
    return client.get(reverse("jobs:progress", args=[job.pk])).json()


def test_the_check_and_the_import_report_every_500_rows_and_their_pages_read_them(seed, login_as, reports):
    client = login_as("Script supervisor")
    preview = upload(client, LOG)
    assert preview.context["passed"]
    held = TakeImportUpload.objects.get()
    check = Job.objects.get(pk=held.check_job)
    assert (check.title, check.user_id) == ("Checking day1.csv", held.user_id)
    # The size is not known until every row is read.
    assert reports == [(500, None, "rows checked"), (1000, None, "rows checked"), (ROWS, ROWS, "rows checked")]
    assert progress_of(client, check) == {
        "state": "done", "done": ROWS, "total": ROWS, "step": "rows checked", "message": "",
    }  # fmt: skip

    pressed = client.post(CONFIRM, {"upload": held.pk})
    job = Job.objects.get(pk=TakeImportUpload.objects.get().import_job)
    assert pressed.url == reverse("jobs:job", args=[job.pk])
    waiting = client.get(pressed.url).content.decode()
    assert "Waiting for a worker." in waiting
    assert f'data-progress="{reverse("jobs:progress", args=[job.pk])}"' in waiting
    run_queued_jobs()
    assert Take.objects.filter(scene__number__in=["77", "78"]).count() == ROWS
    assert reports[3:] == [(500, ROWS, "rows imported"), (1000, ROWS, "rows imported"), (ROWS, ROWS, "rows imported")]
    message = "Imported 1,200 takes into Hardcore Henry from day1.csv; new scenes 77, 78."
    assert progress_of(client, job) == {
        "state": "done", "done": ROWS, "total": ROWS, "step": "rows imported", "message": message,
    }  # fmt: skip
    assert message in client.get(pressed.url).content.decode()


def test_a_running_jobs_page_shows_its_progress_and_a_silent_one_says_it_stopped(seed, login_as):
    client = login_as("Script supervisor")
    upload(client, LOG)
    job = Job.objects.get()
    DBTaskResult.objects.filter(pk=job.pk).update(status="RUNNING")
    Progress(job.pk, "rows checked")(600, ROWS)
    page = client.get(reverse("jobs:job", args=[job.pk])).content.decode()
    assert '<progress value="600" max="1200"></progress>' in page and "600 of 1,200 rows checked." in page
    Job.objects.update(reported=timezone.now() - timedelta(minutes=3))
    assert progress_of(client, job)["state"] == "stopped"
    assert "its worker went away" in client.get(reverse("jobs:job", args=[job.pk])).content.decode()


def test_a_login_sees_only_its_own_jobs(seed, login_as):
    supervisor = login_as("Script supervisor")
    upload(supervisor, LOG)
    job = Job.objects.get()
    assert (
        f'<a href="{reverse("jobs:list")}">Background work</a>'
        in supervisor.get(reverse("admin:index")).content.decode()
    )
    assert "Checking day1.csv" in supervisor.get(reverse("jobs:list")).content.decode()
    producer = login_as("Producer")
    for name in ("jobs:job", "jobs:progress", "jobs:file"):
        assert producer.get(reverse(name, args=[job.pk])).status_code == 404
    assert "Checking day1.csv" not in producer.get(reverse("jobs:list")).content.decode()
    assert supervisor.post(reverse("jobs:progress", args=[job.pk])).status_code == 405


def test_a_job_and_its_task_are_kept_a_day(seed, login_as):
    client = login_as("Script supervisor")
    upload(client, LOG)
    old = Job.objects.get()
    Job.objects.update(created=timezone.now() - timedelta(days=1, seconds=1))
    assert client.get(reverse("jobs:job", args=[old.pk])).status_code == 404
    upload(client, LOG, name="day2.csv")  # asking for new work removes the expired
    assert list(Job.objects.values_list("title", flat=True)) == ["Checking day2.csv"]


def first_job_id(response):
    return uuid.UUID(response.url.split("/")[-2])


def test_an_import_stopped_part_way_writes_nothing_keeps_the_file_and_runs_again(seed, login_as, monkeypatch):
    client = login_as("Script supervisor")
    upload(client, LOG)
    before = database_snapshot()
    before["imports.TakeImportUpload"][0].pop("import_job")
    flush = imports.TakeImport.flush
    written = []

    def stopped_after_the_first_batch(self, batch, dry_run):
        if written:
            raise SystemExit("the worker was stopped")  # as a stop signal ends db_worker mid-task
        written.append(len(batch))
        return flush(self, batch, dry_run)

    monkeypatch.setattr(imports.TakeImport, "flush", stopped_after_the_first_batch)
    first = client.post(CONFIRM, {"upload": TakeImportUpload.objects.get().pk})
    run_queued_jobs()
    assert written == [imports.BATCH]
    after = database_snapshot()
    held = after["imports.TakeImportUpload"][0]
    assert held.pop("import_job") == first_job_id(first)
    assert after == before  # the held file too, but for its import's job: it can be imported again
    assert progress_of(client, Job.objects.get(pk=first_job_id(first)))["state"] == "failed"

    monkeypatch.setattr(imports.TakeImport, "flush", flush)
    again = client.post(CONFIRM, {"upload": TakeImportUpload.objects.get().pk})
    assert again.url != first.url
    run_queued_jobs()
    assert Take.objects.filter(scene__number__in=["77", "78"]).count() == ROWS
    assert not TakeImportUpload.objects.exists()
