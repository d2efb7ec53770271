"""`make serve`: production settings under gunicorn, static files by WhiteNoise, on a loopback port.

The site is served from a database of its own: a temporary SQLite file, or in the
PostgreSQL pass (DATABASE_URL set) a throwaway database on that server.
"""

import gzip
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit

import dj_database_url
import psycopg
import pytest
from django.core.management.utils import get_random_secret_key
from psycopg import sql

# A real server or `make` in a subprocess: left out by `make test-quick`, run by `make test`.
pytestmark = pytest.mark.system

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)


def free_loopback_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site(NamedTuple):
    address: str  # host:port
    static_root: Path  # where make serve collected the static files
    settings: dict  # its environment settings, for manage.py commands on the same database


def environment(**settings):
    """This process's environment with the test's own settings, none inherited from the test run."""
    chosen_here = ("DEBUG", "SECRET_KEY", "SECURE", "DATABASE_URL", "ALLOWED_HOSTS", "STATIC_ROOT")
    return {**{k: v for k, v in os.environ.items() if k not in chosen_here}, **settings}


def make_serve(settings, *variables, output=subprocess.PIPE):
    """make serve, in a process group of its own so that stopping it stops gunicorn too."""
    return subprocess.Popen(
        # The test run's own virtualenv, taken as installed (make test has just set it up).
        ["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed", "serve", *variables],
        cwd=ROOT,
        env=environment(**settings),
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        yield f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'served.sqlite3'}"
        return
    name = f"hhprod_served_{os.getpid()}"
    params = dj_database_url.parse(server)
    with psycopg.connect(
        host=params["HOST"], port=params["PORT"], user=params["USER"], password=params["PASSWORD"],
        dbname="postgres", autocommit=True,
    ) as maintenance:  # fmt: skip
        maintenance.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        yield urlsplit(server)._replace(path=f"/{name}").geturl()
        maintenance.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def served(tmp_path_factory, database_url):
    port = free_loopback_port()
    folder = tmp_path_factory.mktemp("served")
    static_root, log = folder / "static", folder / "serve.log"
    settings = {"SECRET_KEY": get_random_secret_key(), "DATABASE_URL": database_url, "STATIC_ROOT": str(static_root)}
    with log.open("w") as output:
        server = make_serve(settings, f"PORT={port}", "WORKERS=1", output=output)
    try:
        deadline = time.monotonic() + 90  # migrate, collectstatic (compressing every file), boot
        while time.monotonic() < deadline and server.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"make serve did not answer on port {port}:\n{log.read_text()}")
        yield Site(f"127.0.0.1:{port}", static_root, settings)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def get(address, path, **headers):
    return request(address, "GET", path, headers)


def request(address, method, path, headers, body=None):
    connection = http.client.HTTPConnection(address, timeout=10)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


# What an HTTPS proxy in front of gunicorn adds; settings trust it (SECURE_PROXY_SSL_HEADER).
HTTPS = {"X-Forwarded-Proto": "https"}


def test_serve_answers_the_login_page_and_a_static_file(served):
    response, body = get(served.address, "/admin/login/", **HTTPS)
    page = body.decode()
    assert response.status == 200
    assert "Hardcore Henry production office" in page
    assert "Secure" in response.getheader("Set-Cookie")

    stylesheet = re.search(r'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', page).group(1)
    response, body = get(served.address, stylesheet, **HTTPS, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/css")
    assert response.getheader("Cache-Control") == "max-age=315360000, public, immutable"
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (served.static_root / stylesheet.removeprefix("/static/")).read_bytes()


def test_serve_runs_production_settings(served):
    response, _ = get(served.address, "/admin/login/")
    assert response.status == 301
    assert response.getheader("Location") == f"https://{served.address}/admin/login/"

    response, body = get(served.address, "/no-such-page/", **HTTPS)
    assert response.status == 404
    assert b"DEBUG = True" not in body


def cookies(response):
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie"):
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def test_producer_logs_in_to_the_served_site(served):
    login = subprocess.run(
        [sys.executable, "manage.py", "demo_login"], cwd=ROOT, env=environment(**served.settings),
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    password = re.search(r"^Demo login: producer / (\S+)  \(Producer\)$", login.stdout, re.MULTILINE).group(1)

    response, body = get(served.address, "/admin/login/", **HTTPS)
    csrf = cookies(response)["csrftoken"]
    form = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    response, _ = request(
        served.address, "POST", "/admin/login/?next=/admin/",
        {**HTTPS, "Cookie": f"csrftoken={csrf}", "Origin": f"https://{served.address}",
         "Content-Type": "application/x-www-form-urlencoded"},
        urlencode({"csrfmiddlewaretoken": form, "username": "producer", "password": password, "next": "/admin/"}),
    )  # fmt: skip
    assert (response.status, response.getheader("Location")) == (302, "/admin/")

    response, body = get(served.address, "/admin/", **HTTPS, Cookie=f"sessionid={cookies(response)['sessionid']}")
    assert response.status == 200
    assert "Schedule, rigs and takes" in body.decode()


def test_serve_without_a_secret_key_says_so_and_stops():
    server = make_serve({})
    output, _ = server.communicate(timeout=60)
    assert server.returncode != 0
    assert "make serve uses production settings: set SECRET_KEY in the environment" in output
    assert "gunicorn" not in output
