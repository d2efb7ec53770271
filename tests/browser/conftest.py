"""Headless Chromium against pytest-django's live server.

Fixtures: `browser` (a fresh Chromium per test, a screenshot of the last screen saved
to artifacts/screenshots/<test>.png whether the test passed or failed), `downloads`
(the folder Chromium saves files to, and a wait for a finished file) and
`logged_in_browser` (the article's data loaded, a producer logged in).

Chromium and its driver are the Debian packages (tests/bin/system-packages.sh installs
them). Without them these tests skip, saying why; in CI (CI=true) they fail instead.
"""

import os
import re
import time

import pytest
from django.conf import settings
from django.test import Client
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from .page import save_screenshot

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# A laptop screen. The rest keep Chromium off the network: with no network but the
# loopback, its background fetches (updates, sync, safe browsing) stall it.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1366,900",
]


@pytest.fixture(scope="session")
def chromium():
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        reason = (
            f"Browser tests need Chromium and its driver; not found: {', '.join(missing)} "
            "(bash tests/bin/system-packages.sh installs them)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests. {reason}", pytrace=False)
        pytest.skip(reason)
    return CHROMIUM


class Downloads:
    """The folder the browser saves downloads to."""

    def __init__(self, folder):
        self.folder = folder
        folder.mkdir()

    def wait_for(self, suffix, timeout=15):
        """The one finished download whose name ends with suffix (".csv", ".pdf")."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # Chromium writes to "<name>.crdownload" and renames it when the file is complete.
            finished = [path for path in self.folder.iterdir() if path.name.endswith(suffix)]
            if finished:
                assert len(finished) == 1, f"several {suffix} downloads: {finished}"
                return finished[0]
            time.sleep(0.1)
        raise AssertionError(f"no {suffix} download within {timeout} s; the folder holds {list(self.folder.iterdir())}")


@pytest.fixture
def downloads(tmp_path):
    return Downloads(tmp_path / "downloads")


@pytest.fixture
def browser(request, chromium, downloads, tmp_path):
    options = webdriver.ChromeOptions()
    # Set both paths, so Selenium never runs Selenium Manager (which would download a browser).
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads.folder),
            "download.prompt_for_download": False,
            # Save PDF reports like any other export, rather than open them in the viewer.
            "plugins.always_open_pdf_externally": True,
            "safebrowsing.enabled": False,
        },
    )
    # Keep the console, so a test can find what the Content-Security-Policy blocked.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    try:
        save_screenshot(driver, re.sub(r"[^\w.-]+", "_", request.node.name))
    finally:
        driver.quit()


@pytest.fixture
def producer(django_user_model):
    return django_user_model.objects.create_superuser("producer", "producer@example.com", "rig-wearer-13")


@pytest.fixture
def logged_in_browser(browser, live_server, seed, producer):
    """A producer's browser on the article's data: a session made on the server, set as its cookie.

    The login form itself is tested once (test_admin_in_browser.py); every other test
    starts logged in, which is quicker than typing a password each time.
    """
    client = Client()
    client.force_login(producer)
    # A cookie can only be set on the site the browser is on.
    browser.get(live_server.url + "/static/admin/css/base.css")
    browser.add_cookie(
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    )
    return browser
