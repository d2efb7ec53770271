"""Two app machines and two worker machines on one PostgreSQL: two gunicorns and two
`manage.py db_worker`s, each in a working directory of its own (no file shared between them, the
static files collected for each), against one throwaway database. Four logins ask at once for
four imports and four Day Out of Days PDFs, each through one machine, and watch their jobs
through the other: every job is done once by one worker, no take is written twice, and every
progress page says what its job did, to its own login only.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack

import pytest
from django.core.management.utils import get_random_secret_key
from django.db import connection

from .test_load import Browser, manage
from .test_serving import ROOT, VENV, database_url, environment, free_loopback_port  # noqa: F401

pytestmark = [
    pytest.mark.system,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Several machines share a PostgreSQL database, not a SQLite file: make test-postgres runs this.",
    ),
]

ROWS = 1200  # progress reported at rows 500 and 1,000, then when all are done
LOGINS = ["supervisor_a", "supervisor_b", "producer_a", "producer_b"]

SETUP = """
from django.contrib.auth.models import Group, User
for name in {logins}:
    user = User.objects.create_user(name, password="{password}", is_staff=True)
    user.groups.add(Group.objects.get(name="Script supervisor" if name.startswith("supervisor") else "Producer"))
"""

DONE = """
import json
from django_tasks_db.models import DBTaskResult
from hhprod.shooting.models import Take
print(json.dumps({{
    "takes": {{scene: sorted(Take.objects.filter(scene__number=scene).values_list("number", flat=True))
               for scene in {scenes}}},
    "tasks": sorted([task.status, task.task_path.rsplit(".", 1)[1], len(task.worker_ids)]
                    for task in DBTaskResult.objects.all()),
    "workers": sorted({{worker for task in DBTaskResult.objects.all() for worker in task.worker_ids}}),
}}))
"""


def scenes_of(login):
    """Each import's own two scenes, 600 takes each: a slate's take numbers stop at 999."""
    first = 900 + 2 * LOGINS.index(login)
    return [str(first), str(first + 1)]


def take_log(login):
    lines = ["Day,Scene,Take,Length,Rig,Wearer,Status"]
    lines += [f"1,{scenes_of(login)[row // 600]},{row % 600 + 1},1:00,v1,Ilya Naishuller,Good" for row in range(ROWS)]
    return "\n".join(lines).encode()


def started(stack, command, folder, settings, name):
    """A process of one machine: its own working directory, its output in a file there."""
    output = stack.enter_context((folder / f"{name}.log").open("w"))
    process = subprocess.Popen(
        command, cwd=folder, env=environment(**settings, PYTHONPATH=str(ROOT)), stdout=output,
        stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip

    def stop():
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    stack.callback(stop)
    return process


def answering(port, process, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer on port {port}:\n{log.read_text()}")


@pytest.fixture(scope="module")
def machines(tmp_path_factory, database_url):  # noqa: F811
    """Two app servers' addresses and the settings they share, two workers running."""
    settings = {
        "SECRET_KEY": get_random_secret_key(), "DATABASE_URL": database_url, "SECURE": "0", "DEBUG": "0",
    }  # fmt: skip
    manage(settings, "migrate", "--noinput")
    manage(settings, "loaddata", "hardcore_henry")
    folders = [tmp_path_factory.mktemp(f"machine{n}") for n in (1, 2)]
    manage({**settings, "STATIC_ROOT": str(folders[0] / "static")}, "collectstatic", "--noinput", "-v0")
    shutil.copytree(folders[0] / "static", folders[1] / "static")  # a copy: nothing is shared
    with ExitStack() as stack:
        addresses = []
        for number, folder in enumerate(folders, 1):
            own = {**settings, "STATIC_ROOT": str(folder / "static")}
            port = free_loopback_port()
            gunicorn = [f"{VENV}/bin/gunicorn", "hhprod.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                        "--no-control-socket"]  # fmt: skip
            server = started(stack, gunicorn, folder, own, "gunicorn")
            worker = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--no-reload", "--interval", "0.2",
                      "--worker-id", f"machine-{number}"]  # fmt: skip
            started(stack, worker, folder, own, "worker")
            answering(port, server, folder / "gunicorn.log")
            addresses.append(f"127.0.0.1:{port}")
        yield addresses, settings, folders


def job_of(response):
    return response.getheader("Location").rstrip("/").rsplit("/", 1)[1]


def test_two_app_servers_and_two_workers_do_eight_jobs_at_once_each_once(machines):
    (first, second), settings, folders = machines
    password = secrets.token_urlsafe(16)
    manage(settings, "shell", "--no-imports", "-c", SETUP.format(logins=LOGINS, password=password))
    production = json.loads(
        manage(settings, "shell", "--no-imports", "-c",
               "import json; from hhprod.productions.models import Production;"
               "print(json.dumps(Production.objects.get(title='Hardcore Henry').pk))")
    )  # fmt: skip
    # Each login asks through one machine and watches through the other.
    asking = {name: Browser(first if n % 2 == 0 else second) for n, name in enumerate(LOGINS)}
    watching = {name: Browser(second if n % 2 == 0 else first) for n, name in enumerate(LOGINS)}
    for name in LOGINS:
        asking[name].log_in(name, password)
        watching[name].cookies = asking[name].cookies
    outcomes, pdfs, jobs = {}, {}, {}

    def importer(name):
        site, other = asking[name], watching[name]
        uploaded, _ = site.post_file(
            "/admin/shooting/take/import/", {"production": production, "format": "0", "resource": "0"},
            f"{name}.csv", take_log(name),
        )  # fmt: skip
        mapping_page = uploaded.getheader("Location")
        _, mapping = site.get(mapping_page)
        guessed = dict(re.findall(r'<select name="(column_\d+)".*?<option value="([^"]*)" selected>', mapping, re.S))
        site.post(mapping_page, guessed)
        preview = other.waited(mapping_page, lambda page: not re.search(r'data-job-state="(waiting|running)"', page))
        held = re.search(r'name="upload" value="([0-9a-f-]{36})"', preview).group(1)
        pressed, _ = site.post("/admin/shooting/take/process_import/", {"upload": held})
        job = jobs[name] = job_of(pressed)
        other.waited(f"/jobs/{job}/", lambda page: "job-message" in page or "errornote" in page)
        outcomes[name] = json.loads(other.get(f"/jobs/{job}/progress/")[1])

    def exporter(name):
        site, other = asking[name], watching[name]
        asked, _ = site.get(f"/reports/{production}/day-out-of-days/?export=pdf")
        job = jobs[f"PDF {name}"] = job_of(asked)
        other.waited(f"/jobs/{job}/", lambda page: "Download " in page or "errornote" in page)
        response, body = other.request("GET", f"/jobs/{job}/file/")
        pdfs[name] = (response.status, response.getheader("Content-Disposition"), body[:5])

    threads = [threading.Thread(target=work, args=(name,)) for work in (importer, exporter) for name in LOGINS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    answers = [answer for name in LOGINS for site in (asking[name], watching[name]) for answer in site.answers]
    logs = "\n".join(log.read_text()[-2000:] for folder in folders for log in folder.glob("*.log"))
    assert not [answer for answer in answers if answer[2] >= 500], logs
    for name in LOGINS:
        assert outcomes[name] == {
            "state": "done", "done": ROWS, "total": ROWS, "step": "rows imported",
            "message": f"Imported {ROWS:,} takes into Hardcore Henry from {name}.csv; new scenes "
                       f"{', '.join(scenes_of(name))}.",
        }  # fmt: skip
    for name in LOGINS:
        name_in_file = 'attachment; filename="hardcore-henry-day-out-of-days.pdf"'
        assert pdfs[name] == (200, name_in_file, "%PDF-")
    scenes = [scene for name in LOGINS for scene in scenes_of(name)]
    done = json.loads(manage(settings, "shell", "--no-imports", "-c", DONE.format(scenes=scenes)))
    assert done["takes"] == {scene: list(range(1, 601)) for scene in scenes}  # each take once
    # Twelve tasks (four checks, four imports, four PDFs), each run once by one worker.
    assert done["tasks"] == sorted(
        [["SUCCESSFUL", task, 1] for task in ("check_take_log", "import_take_log", "write_report_file") for _ in LOGINS]
    )
    assert set(done["workers"]) <= {"machine-1", "machine-2"}
    # A job's pages are its login's alone, on either machine.
    stranger = watching[LOGINS[1]]
    for path in (f"/jobs/{jobs[LOGINS[0]]}/", f"/jobs/{jobs['PDF ' + LOGINS[0]]}/file/"):
        assert stranger.request("GET", path)[0].status == 404
