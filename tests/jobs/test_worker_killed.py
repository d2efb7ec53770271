"""A worker killed (SIGKILL) mid-import: no take of the file is written, the job's page says it
stopped, and the import runs again to the end. Real processes on a served database of the test's
own (SQLite files, or in the PostgreSQL pass a throwaway database), as `make serve` runs them."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.management.utils import get_random_secret_key

from ..project.test_load import manage
from ..project.test_serving import ROOT, database_url, environment  # noqa: F401

# Real worker processes: left out by `make test-quick`, run by `make test`.
pytestmark = pytest.mark.system

ROWS = 20_000

SETUP = """
import json
from django.contrib.auth.models import User
from hhprod.imports.mapping import guess
from hhprod.imports.models import TakeImportUpload
from hhprod.imports.takefiles import read_take_log
from hhprod.imports.tasks import import_take_log
from hhprod.jobs.models import Job
from hhprod.productions.models import Production
henry = Production.objects.get(title="Hardcore Henry")
user = User.objects.create_user("importer", is_staff=True)
lines = ["Day,Scene,Take,Length,Rig,Wearer,Status"]
lines += [f"1,K{{row // 900}},{{row % 900 + 1}},1:00,v1,Ilya Naishuller,Good" for row in range({rows})]
data = "\\n".join(lines).encode()
held = TakeImportUpload.objects.create(
    user=user, production=henry, file_name="killed.csv", kind="csv", data=data, rows={rows},
    mapping={{"columns": guess(read_take_log(data, "csv", checked=False).headers, henry), "day": None,
              "skip_logged": False}},
)
job = Job.objects.start(import_take_log, user, "Importing killed.csv", upload=str(held.pk))
print(json.dumps({{"job": str(job.pk), "upload": str(held.pk), "user": user.pk}}))
"""

STATE = """
import json
from hhprod.imports.models import TakeImportUpload
from hhprod.jobs.models import Job
from hhprod.shooting.models import Take
job = Job.objects.get(pk="{job}")
print(json.dumps({{
    "takes": Take.objects.filter(scene__number__startswith="K").count(),
    "held": TakeImportUpload.objects.filter(pk="{upload}").exists(),
    "done": job.done,
    "state": job.state(job.task_result()),
}}))
"""

# The job's page two minutes later: a running job silent that long lost its worker.
SILENT = """
from django.utils import timezone
from hhprod.jobs.models import SILENT, Job
Job.objects.filter(pk="{job}").update(reported=timezone.now() - SILENT)
"""

AGAIN = """
import json
from django.contrib.auth.models import User
from hhprod.imports.tasks import import_take_log
from hhprod.jobs.models import Job
job = Job.objects.start(import_take_log, User.objects.get(username="importer"), "Again", upload="{upload}")
print(json.dumps(str(job.pk)))
"""


def state_of(settings, ids):
    return json.loads(manage(settings, "shell", "--no-imports", "-c", STATE.format(**ids)).splitlines()[-1])


def test_a_worker_killed_mid_import_writes_nothing_and_the_import_runs_again(tmp_path, database_url):  # noqa: F811
    settings = {"SECRET_KEY": get_random_secret_key(), "DATABASE_URL": database_url, "DEBUG": "0"}
    manage(settings, "migrate", "--noinput")
    manage(settings, "migrate", "--database", "tasks", "--noinput")
    manage(settings, "loaddata", "hardcore_henry")
    ids = json.loads(manage(settings, "shell", "--no-imports", "-c", SETUP.format(rows=ROWS)).splitlines()[-1])
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1", "-v0"],
        cwd=ROOT, env=environment(**settings), start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until the import has written some batches of takes
            if state_of(settings, ids)["done"] >= 5000:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the import reported no progress in 2 minutes")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

    state = state_of(settings, ids)
    assert (state["takes"], state["held"], state["state"]) == (0, True, "running")
    manage(settings, "shell", "--no-imports", "-c", SILENT.format(**ids))
    assert state_of(settings, ids)["state"] == "stopped"

    again = json.loads(manage(settings, "shell", "--no-imports", "-c", AGAIN.format(**ids)).splitlines()[-1])
    manage(settings, "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v0")
    state = state_of(settings, {**ids, "job": again})
    assert (state["takes"], state["held"], state["state"]) == (ROWS, False, "done")
