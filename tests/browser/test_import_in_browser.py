"""A take log uploaded in Chromium: while the check and the import run, the waiting page shows how far they have got."""

import time

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from hhprod.imports import import_progress
from hhprod.productions.models import Production
from hhprod.shooting.models import Take

from .page import wait_for

ROWS = 1200  # reported at rows 500 and 1,000
HEADER = "Day,Date,Scene,Take,Length,Rig,Camera,Wearer,Status,Notes\n"


@pytest.fixture
def slow_reports(monkeypatch):
    """Each report held on screen a while: the live server runs in this process, so the import
    pauses after every report long enough for the page's once-a-second question to see it."""
    report = import_progress.Progress.__call__

    def held(self, done, total):
        report(self, done, total)
        time.sleep(1.5)

    monkeypatch.setattr(import_progress.Progress, "__call__", held)


# What the waiting page says (each change once), and whether its button can be pressed again, kept in sessionStorage as
# it changes: Selenium's click returns only once the answer's page has loaded.
WATCH = """
const seen = [];
new MutationObserver(() => {
  for (const note of document.querySelectorAll(".import-progress:not([hidden])")) {
    const pressable = !note.closest("form").querySelector("[type=submit]").disabled;
    if (note.innerText !== seen.at(-1)?.said) seen.push({said: note.innerText, pressable});
  }
  sessionStorage.setItem("seen", JSON.stringify(seen));
}).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def pressed_and_watched(browser, button, answered):
    """Press the button, wait for the answer's page (`answered`, a CSS selector), say what was seen meanwhile."""
    browser.execute_script(WATCH)
    button.click()
    WebDriverWait(browser, 15).until(staleness_of(button), "the answer's page never came")
    wait_for(browser, answered)
    return browser.execute_script("return JSON.parse(sessionStorage.getItem('seen'))")


def test_the_check_and_the_import_show_how_far_they_have_got(logged_in_browser, live_server, tmp_path, slow_reports):
    browser = logged_in_browser
    log = tmp_path / "day1-big.csv"
    # Takes 1 to 600 of scenes 77 and 78: a slate's take number has three digits.
    takes = [(77 + row // 600, row % 600 + 1) for row in range(ROWS)]
    log.write_text(HEADER + "".join(f"1,,{scene},{n},0:30,v1,,Ilya Naishuller,Good,\n" for scene, n in takes))
    browser.get(live_server.url + reverse("admin:shooting_take_import"))
    Select(wait_for(browser, "#id_production")).select_by_visible_text(
        str(Production.objects.get(title="Hardcore Henry"))
    )
    Select(browser.find_element(By.ID, "id_format")).select_by_visible_text("csv")
    browser.find_element(By.ID, "id_import_file").send_keys(str(log))
    browser.find_element(By.CSS_SELECTOR, "#content form [type=submit]").click()

    confirm = "input[value='Confirm import of 1,200 rows']"
    seen = pressed_and_watched(browser, wait_for(browser, "form[data-importing] [type=submit]"), confirm)
    assert [note["said"] for note in seen] == [
        "Checking 1,200 rows…",
        "Checking 1,200 rows…\n500 of 1,200 rows checked.",
        "Checking 1,200 rows…\n1,000 of 1,200 rows checked.",
    ]
    assert not any(note["pressable"] for note in seen)  # the file cannot be sent twice while it is checked

    seen = pressed_and_watched(browser, wait_for(browser, confirm), ".messagelist .success")
    waiting = "Importing 1,200 rows… this page will change when they are in."
    assert [note["said"] for note in seen] == [
        waiting,
        f"{waiting}\n500 of 1,200 rows imported.",
        f"{waiting}\n1,000 of 1,200 rows imported.",
    ]
    assert not any(note["pressable"] for note in seen)
    assert "1,200 takes" in wait_for(browser, ".messagelist .success").text
    assert Take.objects.filter(scene__number__in=["77", "78"]).count() == ROWS
