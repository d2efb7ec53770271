"""A take log uploaded in Chromium: while a worker checks and imports it, the pages show how far it has got."""

import time

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from hhprod.jobs.models import Progress
from hhprod.productions.models import Production
from hhprod.shooting.models import Take

from ..queue import run_queued_jobs
from .page import wait_for

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "tasks"])

ROWS = 1200  # reported at rows 500 and 1,000, then when all are read
HEADER = "Day,Date,Scene,Take,Length,Rig,Camera,Wearer,Status,Notes\n"


@pytest.fixture
def slow_reports(monkeypatch):
    """Each report held a while: the worker runs in this test's thread, so it pauses after every
    report long enough for the page's once-a-second question (job.js) to see it."""
    report = Progress.__call__

    def held(self, done, total=None):
        report(self, done, total)
        time.sleep(1.5)

    monkeypatch.setattr(Progress, "__call__", held)


# What the job's progress box says, each change once, kept in sessionStorage: the page reloads
# itself when the work ends.
WATCH = """
const box = document.querySelector(".job-progress");
new MutationObserver(() => {
  const seen = JSON.parse(sessionStorage.getItem("seen") || "[]");
  const said = box.innerText.trim();
  if (said !== seen.at(-1)) seen.push(said);
  sessionStorage.setItem("seen", JSON.stringify(seen));
}).observe(box, {subtree: true, childList: true, characterData: true});
"""


def worked_and_watched(browser, answered):
    """The worker run while the page waiting on it watches; the answer's page (`answered`, a CSS
    selector) once the page has reloaded itself; what the waiting page said meanwhile."""
    assert "Waiting for a worker." in wait_for(browser, ".job-progress").text
    browser.execute_script("sessionStorage.removeItem('seen');" + WATCH)
    run_queued_jobs()
    answer = wait_for(browser, answered)
    return browser.execute_script("return JSON.parse(sessionStorage.getItem('seen'))"), answer


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
    wait_for(browser, "input[value='Check the mapping and preview every row']").click()

    seen, button = worked_and_watched(browser, "input[value='Import 1,200 rows']")
    # The check counts the rows as it goes.
    assert seen == ["500 rows checked so far.", "1,000 rows checked so far.", "1,200 of 1,200 rows checked."]

    button.click()
    WebDriverWait(browser, 15).until(staleness_of(button), "the import's page never came")
    seen, message = worked_and_watched(browser, ".job-message")
    assert seen == ["500 of 1,200 rows imported.", "1,000 of 1,200 rows imported.", "1,200 of 1,200 rows imported."]
    assert message.text == "Imported 1,200 takes into Hardcore Henry from day1-big.csv; new scenes 77, 78."
    assert Take.objects.filter(scene__number__in=["77", "78"]).count() == ROWS
