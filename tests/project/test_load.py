"""A busy office against a real server: `make serve` with four gunicorn workers, on loopback.

Eight script supervisors log takes through the admin, eight people read reports and two
take logs are imported at once (checked and imported by the worker make serve starts), a fixed
number of requests each. Not one request may be
answered 5xx ("database is locked" was 27% of the saves on SQLite), and every write the
server accepted must be in the database afterwards. It runs on the served database of
tests/project/test_serving.py: a SQLite file, or in the PostgreSQL pass a throwaway database.
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.core.management.utils import get_random_secret_key

from .test_serving import ROOT, database_url, environment, free_loopback_port, make_serve  # noqa: F401

# A real server or `make` in a subprocess: left out by `make test-quick`, run by `make test`.
pytestmark = pytest.mark.system

WRITERS, TAKES_EACH = 8, 6
READERS, PAGES_EACH = 8, 6
IMPORTS, IMPORT_ROWS = 2, 999  # takes 1 to 999 of one scene: a slate's take numbers stop at 999
REPORTS = ["schedule/", "wearers/", "rigs/", "take-log/", "day-out-of-days/", "call-sheet/?day=1"]

SETUP = """
import json
from django.contrib.auth.models import Group, User
from hhprod.productions.models import Person, Production
from hhprod.rigs.models import Rig
from hhprod.planning.models import Scene, ShootDay
henry = Production.objects.get(title="Hardcore Henry")
user = User.objects.create_user("load", password="{password}", is_staff=True)
user.groups.add(Group.objects.get(name="Producer"))
scenes = {{name: Scene.objects.create(production=henry, number=name).pk for name in {scenes}}}
print(json.dumps({{
    "production": henry.pk, "scenes": scenes,
    "day": ShootDay.objects.get(production=henry, number=1).pk,
    "rig": Rig.objects.get(version=1).pk, "rig_name": Rig.objects.get(version=1).name,
    "wearer": Person.objects.get(name="Ilya Naishuller").pk,
}}))
"""

LOGGED = """
import json
from hhprod.shooting.models import Take
print(json.dumps({{name: sorted(Take.objects.filter(scene__number=name).values_list("number", flat=True))
                  for name in {scenes}}}))
"""


def manage(settings, *args):
    run = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment(**settings),
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return run.stdout


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory, database_url):  # noqa: F811
    """make serve with 4 workers on a free port, over plain HTTP on loopback, the seed loaded."""
    port = free_loopback_port()
    folder = tmp_path_factory.mktemp("load")
    settings = {
        "SECRET_KEY": get_random_secret_key(), "DATABASE_URL": database_url, "SECURE": "0",
        "STATIC_ROOT": str(folder / "static"),
    }  # fmt: skip
    log = folder / "serve.log"
    with log.open("w") as output:
        server = make_serve(settings, f"PORT={port}", "WORKERS=4", output=output)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"make serve did not answer on port {port}:\n{log.read_text()}")
        manage(settings, "loaddata", "hardcore_henry")
        yield f"127.0.0.1:{port}", settings, log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


class Browser:
    """One logged-in session's cookies, shared by the threads; every answer is kept."""

    def __init__(self, address):
        self.address = address
        self.cookies = {}
        self.answers = []  # (method, path, status)
        self.lock = threading.Lock()

    def request(self, method, path, body=None, content_type="application/x-www-form-urlencoded", kept=True):
        connection = http.client.HTTPConnection(self.address, timeout=120)
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        page = response.read().decode(errors="replace")
        connection.close()
        if kept or response.status >= 500:
            with self.lock:
                self.answers.append((method, path, response.status))
        return response, page

    def waited(self, path, ended, seconds=180):
        """A page asked for every half second (as its script asks) until `ended(page)`; a 5xx is kept."""
        deadline = time.monotonic() + seconds
        while True:
            _, page = self.request("GET", path, kept=False)
            if ended(page) or time.monotonic() > deadline:
                return page
            time.sleep(0.5)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, urlencode({**fields, "csrfmiddlewaretoken": self.token}))

    def post_file(self, path, fields, name, data):
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
            for key, value in {**fields, "csrfmiddlewaretoken": self.token}.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="import_file"; filename="{name}"\r\n'
            f"Content-Type: text/csv\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, f"multipart/form-data; boundary={boundary}")

    def log_in(self, username, password):
        response, page = self.get("/admin/login/")
        self.keep_cookies(response)
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        response, _ = self.post("/admin/login/?next=/admin/", {"username": username, "password": password})
        assert response.status == 302, "the load test's login was refused"
        self.keep_cookies(response)
        self.token = self.cookies["csrftoken"]  # a login changes the CSRF secret; Django takes it unmasked

    def keep_cookies(self, response):
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        self.cookies.update({name: morsel.value for name, morsel in jar.items() if name != "messages"})


def take_log(scene, rig_name, rows):
    lines = ["Day,Scene,Take,Length,Rig,Wearer,Status"]
    lines += [f"1,{scene},{number},1:00,{rig_name},Ilya Naishuller,Good" for number in range(1, rows + 1)]
    return "\n".join(lines).encode()


def test_writers_readers_and_two_imports_at_once_get_no_5xx_and_every_accepted_write_is_kept(busy_site):
    address, settings, log = busy_site
    password = secrets.token_urlsafe(16)
    scenes = ["LOAD", *(f"IMPORT{n}" for n in range(1, IMPORTS + 1))]
    ids = json.loads(manage(settings, "shell", "--no-imports", "-c", SETUP.format(password=password, scenes=scenes)))
    site = Browser(address)
    site.log_in("load", password)
    saved, imported, refused = [], [], []

    def writer(number):
        for take in range(number * 100 + 1, number * 100 + TAKES_EACH + 1):
            site.get(f"/admin/shooting/take/add/?shoot_day={ids['day']}")
            response, _ = site.post("/admin/shooting/take/add/", {
                "scene": ids["scenes"]["LOAD"], "number": take, "shoot_day": ids["day"], "length": 60,
                "rig": ids["rig"], "wearer": ids["wearer"], "status": "good",
            })  # fmt: skip
            if response.status == 302:
                saved.append(take)

    def reader(number):
        for page in range(PAGES_EACH):
            site.get(f"/reports/{ids['production']}/{REPORTS[(number + page) % len(REPORTS)]}")

    def importer(scene):
        uploaded, _ = site.post_file(
            "/admin/shooting/take/import/", {"production": ids["production"], "format": "0", "resource": "0"},
            f"{scene}.csv", take_log(scene, ids["rig_name"], IMPORT_ROWS),
        )  # fmt: skip
        # The mapping step: each column's guess, as the page offers it, sent back unchanged.
        mapping_page = uploaded.getheader("Location", "")
        _, mapping = site.get(mapping_page)
        guessed = dict(re.findall(r'<select name="(column_\d+)".*?<option value="([^"]*)" selected>', mapping, re.S))
        site.post(mapping_page, guessed)
        # The worker checks it (make serve starts one): the page shows the fates once it has.
        preview = site.waited(mapping_page, lambda page: not re.search(r'data-job-state="(waiting|running)"', page))
        held = re.search(r'name="upload" value="([0-9a-f-]{36})"', preview)
        if not held:
            refused.append(re.findall(r"<li[^>]*>([^<]*)</li>", preview)[-5:])
            return
        response, _ = site.post("/admin/shooting/take/process_import/", {"upload": held.group(1)})
        if response.status == 302:
            done = site.waited(
                response.getheader("Location"), lambda page: "job-message" in page or "errornote" in page
            )
            if f"Imported {IMPORT_ROWS:,} takes into Hardcore Henry from {scene}.csv" in done:
                imported.append(scene)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads += [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    threads += [threading.Thread(target=importer, args=(scene,)) for scene in scenes[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    failed = [answer for answer in site.answers if answer[2] >= 500]
    assert not failed, f"{len(failed)} of {len(site.answers)} answered 5xx: {failed[:5]}\n{log.read_text()[-3000:]}"
    # Each import: upload, mapping page, mapping sent, import pressed; the pages waited on are not counted.
    expected = WRITERS * TAKES_EACH * 2 + READERS * PAGES_EACH + IMPORTS * 4 + 2
    assert not refused, f"a preview offered no confirm: {refused}"
    assert len(site.answers) == expected
    assert len(saved) == WRITERS * TAKES_EACH and sorted(imported) == scenes[1:]
    logged = json.loads(manage(settings, "shell", "--no-imports", "-c", LOGGED.format(scenes=scenes)))
    assert logged["LOAD"] == sorted(saved)
    for scene in scenes[1:]:
        assert logged[scene] == list(range(1, IMPORT_ROWS + 1))
