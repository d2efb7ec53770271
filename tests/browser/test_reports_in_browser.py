"""The reports in a real browser, on the article's data: every report opens, the take log
filters and pages, the exports download, the schedule chart shows, and print hides the controls."""

import base64
import csv
import subprocess
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from hhprod.productions.models import Person, Production
from hhprod.reports.catalogue import REPORTS
from hhprod.shooting.models import Take

from .page import SCREENSHOTS, save_screenshot, show, wait_for

TAKE_LOG_HEADER = [
    *["Day", "Date", "Scene", "Setup", "Take", "Length", "Rig", "Unit", "Camera", "Roll", "Clip", "Time of day"],
    *["FOV", "Resolution", "FPS", "MOS", "VFX", "Wearer", "Status", "Notes"],
]
# A fact from the article's data each report must show; reports not listed are held to a
# table with data rows only (the per-day reports are tested against the seed in their own modules).
SEED_FACTS = {
    "schedule": "+75 days (+167%)",
    "wearers": "Ilya Naishuller",
    "rigs": "3D-printed plastic",
    "take-log": "Unnamed stunt performer",
}
# What print leaves out: the admin's header and breadcrumbs, the production picker and
# report links and the Download links; the take log's filters too.
SCREEN_ONLY = ["#header", ".breadcrumbs", ".report-nav", ".production-picker", ".downloads"]


@pytest.fixture
def henry(seed):
    return Production.objects.get(title="Hardcore Henry")


def report_url(live_server, production, slug):
    return live_server.url + reverse("reports:report", args=[production.pk, slug])


def visible(browser, css):
    return [e for e in browser.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def column(browser, header):
    """The visible cells of the take log's column with this header, top to bottom."""
    # textContent: the admin's style shows headers in capitals, which .text would return.
    headers = [
        th.get_attribute("textContent").strip()
        for th in browser.find_elements(By.CSS_SELECTOR, ".report-table thead th")
    ]
    index = headers.index(header) + 1
    return [td.text for td in browser.find_elements(By.CSS_SELECTOR, f".report-table tbody td:nth-child({index})")]


def query(browser):
    return parse_qs(urlsplit(browser.current_url).query)


def page_overflow(browser):
    """How far the page is wider than the window: more than 0 and the whole page scrolls sideways."""
    return browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def filter_take_log(browser, status, wearer):
    # Waits for a new address: the one before may already carry status= (page 2 of a filtered log).
    before = browser.current_url
    Select(browser.find_element(By.ID, "id_status")).select_by_visible_text(status)
    if wearer:
        Select(browser.find_element(By.ID, "id_wearer")).select_by_visible_text(wearer)
    browser.find_element(By.CSS_SELECTOR, ".report-filters [type=submit]").click()
    WebDriverWait(browser, 10).until(
        lambda b: b.current_url != before and "status=" in b.current_url, "the filter did not reload the page"
    )


def assert_accessible_markup(browser):
    """Labels for every filter field, a header row on every table, a text alternative for a chart."""
    fields = browser.find_elements(By.CSS_SELECTOR, "#content form select, #content form input:not([type=hidden])")
    for field in fields:
        name = field.get_attribute("name")
        assert field.get_attribute("id"), f"the {name} field has no id for a label"
        labels = browser.find_elements(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
        assert labels and labels[0].text.strip(), f"the {name} field has no <label for=...>"
    tables = browser.find_elements(By.CSS_SELECTOR, "#content table")
    assert tables
    for table in tables:
        assert table.find_elements(By.CSS_SELECTOR, "thead th"), "a table without <thead> header cells"
    for chart in browser.find_elements(By.CSS_SELECTOR, "svg.schedule-chart"):
        assert chart.get_attribute("role") == "img"
        ids = chart.get_attribute("aria-labelledby").split()
        tags = [browser.execute_script("return document.getElementById(arguments[0])?.tagName", i) for i in ids]
        assert sorted(tags) == ["desc", "title"], f"aria-labelledby={ids} names {tags}"
        assert all(chart.find_element(By.ID, i).get_attribute("textContent").strip() for i in ids)


@pytest.mark.parametrize("slug", REPORTS)
def test_every_report_opens_from_the_overview_with_the_seed_data(slug, logged_in_browser, live_server, henry):
    browser = logged_in_browser
    report = REPORTS[slug]
    browser.get(live_server.url + reverse("reports:overview", args=[henry.pk]))
    wait_for(browser, "#content .report-table").find_element(By.LINK_TEXT, report.title).click()

    assert wait_for(browser, "#content h2").text.startswith(report.title)
    assert browser.current_url.startswith(report_url(live_server, henry, slug))
    table = wait_for(browser, "#content .report-table")
    header_cells = len(table.find_elements(By.CSS_SELECTOR, "thead th"))
    rows = [
        row
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
        if len(row.find_elements(By.CSS_SELECTOR, "th, td")) == header_cells
    ]
    assert rows and all(row.is_displayed() for row in rows), f"no data rows in the {slug} table"
    if slug in SEED_FACTS:
        assert SEED_FACTS[slug] in browser.find_element(By.ID, "content").text
    assert page_overflow(browser) <= 0, "the page scrolls sideways on a laptop screen"
    assert_accessible_markup(browser)
    save_screenshot(browser, f"report-{slug}")


def test_schedule_chart_shows_with_its_text_alternative(logged_in_browser, live_server, henry):
    browser = logged_in_browser
    browser.get(report_url(live_server, henry, "schedule"))

    variance = browser.find_element(By.XPATH, "//dl[@class='report-summary']//dt[.='Variance']/following-sibling::dd")
    assert variance.text == "+75 days (+167%)"
    chart = show(browser, wait_for(browser, "svg.schedule-chart"))
    assert chart.size["width"] > 300 and chart.size["height"] > 100
    assert chart.find_element(By.TAG_NAME, "title").get_attribute("textContent") == (
        "Shoot days, scheduled against planned and shot"
    )
    desc = chart.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    assert "45 days on the schedule, 120 days planned now, 120 days shot" in desc
    assert len(chart.find_element(By.CSS_SELECTOR, "polyline.shot").get_attribute("points").split()) == 120


def test_take_log_filters_by_status_and_wearer_and_keeps_the_filter_on_page_two(logged_in_browser, live_server, henry):
    browser = logged_in_browser
    browser.get(report_url(live_server, henry, "take-log"))
    wait_for(browser, "label[for=id_status]")

    filter_take_log(browser, "Circled", None)
    circled = Take.objects.filter(shoot_day__production=henry, status="circled").count()
    assert circled > 50, "the seed should give circled takes two pages"
    assert query(browser)["status"] == ["circled"]
    assert set(column(browser, "Status")) == {"Circled"} and len(column(browser, "Status")) == 50
    show(browser, wait_for(browser, ".pagination")).find_element(By.LINK_TEXT, "2").click()
    WebDriverWait(browser, 10).until(lambda b: query(b).get("page") == ["2"], "page 2 did not open")
    assert query(browser)["status"] == ["circled"]
    assert set(column(browser, "Status")) == {"Circled"} and len(column(browser, "Status")) == circled - 50
    assert browser.find_element(By.CSS_SELECTOR, ".table-rows").text.startswith(f"Rows 51–{circled} of {circled};")
    show(browser, wait_for(browser, ".pagination"))
    save_screenshot(browser, "take-log-circled-page-2")
    assert Select(browser.find_element(By.ID, "id_status")).first_selected_option.text == "Circled"

    wearer = Person.objects.get(name="Unnamed stunt performer 8")
    filter_take_log(browser, "Circled", wearer.name)
    assert query(browser)["wearer"] == [str(wearer.pk)] and "page" not in query(browser)
    expected = Take.objects.filter(shoot_day__production=henry, status="circled", wearer=wearer).count()
    assert set(column(browser, "Status")) == {"Circled"} and len(column(browser, "Status")) == expected
    assert set(column(browser, "Wearer")) == {wearer.name}
    show(browser, browser.find_element(By.CSS_SELECTOR, ".report-table"))


def test_take_log_downloads_follow_the_filter(logged_in_browser, live_server, henry, downloads):
    browser = logged_in_browser
    wearer = Person.objects.get(name="Unnamed stunt performer 8")
    browser.get(report_url(live_server, henry, "take-log"))
    filter_take_log(browser, "Circled", wearer.name)
    takes = Take.objects.filter(shoot_day__production=henry, status="circled", wearer=wearer).count()

    links = browser.find_element(By.CSS_SELECTOR, ".downloads")
    links.find_element(By.LINK_TEXT, "CSV").click()
    with downloads.wait_for(".csv").open(newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == TAKE_LOG_HEADER
    assert len(rows) - 1 == takes
    wearer_at, status_at = TAKE_LOG_HEADER.index("Wearer"), TAKE_LOG_HEADER.index("Status")
    assert {(row[wearer_at], row[status_at]) for row in rows[1:]} == {(wearer.name, "Circled")}

    links.find_element(By.LINK_TEXT, "XLSX").click()
    sheet = openpyxl.load_workbook(downloads.wait_for(".xlsx"), read_only=True)["Takes"]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == TAKE_LOG_HEADER and len(values) - 1 == takes

    links.find_element(By.LINK_TEXT, "PDF").click()
    text = "\n".join(page.extract_text() for page in PdfReader(downloads.wait_for(".pdf", timeout=30)).pages)
    assert "Hardcore Henry" in text and "Page 1 of" in text
    assert wearer.name in text


def test_a_table_wider_than_the_window_scrolls_inside_its_section(logged_in_browser, live_server, henry):
    browser = logged_in_browser
    browser.set_window_size(760, 900)
    browser.get(report_url(live_server, henry, "take-log"))

    section = wait_for(browser, ".report-section")
    scroller = section.find_element(By.CSS_SELECTOR, ".table-container")
    assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", scroller)
    assert page_overflow(browser) <= 0, "the whole page scrolls sideways, not just the table"
    browser.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", scroller)
    heading = show(browser, section.find_element(By.TAG_NAME, "h3"))
    assert heading.rect["x"] == section.rect["x"], "the section's heading scrolled away with the table"
    assert "NOTES" in section.find_element(By.TAG_NAME, "thead").text.upper()


def test_production_picker_switches_production_and_back(logged_in_browser, live_server, henry):
    browser = logged_in_browser
    stampede = Production.objects.get(title="The Stampede")
    browser.get(report_url(live_server, henry, "rigs"))

    def pick(title):
        Select(browser.find_element(By.ID, "production-picker")).select_by_visible_text(title)
        browser.find_element(By.CSS_SELECTOR, ".production-picker [type=submit]").click()

    pick("The Stampede")
    WebDriverWait(browser, 10).until(lambda b: b.current_url == report_url(live_server, stampede, "rigs"))
    assert "The Stampede" in browser.find_element(By.CSS_SELECTOR, ".breadcrumbs").text
    assert wait_for(browser, "#content h2").text == "Rigs"
    pick("Hardcore Henry")
    WebDriverWait(browser, 10).until(lambda b: b.current_url == report_url(live_server, henry, "rigs"))
    assert Select(browser.find_element(By.ID, "production-picker")).first_selected_option.text == "Hardcore Henry"
    assert "3D-printed plastic" in browser.find_element(By.ID, "content").text


def print_to_png(browser, name):
    """The page as Chromium prints it on A4, saved as PDF and its first page as PNG; returns the PDF's text."""
    printed = browser.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True}
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / f"{name}.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", pdf, SCREENSHOTS / name], check=True)
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.mark.parametrize(
    "slug, kept, controls",
    [("schedule", "svg.schedule-chart", SCREEN_ONLY), ("take-log", ".report-table", [*SCREEN_ONLY, ".report-filters"])],
    ids=["schedule", "take-log"],
)
def test_print_shows_the_report_without_the_controls(slug, kept, controls, logged_in_browser, live_server, henry):
    browser = logged_in_browser
    browser.get(report_url(live_server, henry, slug))
    for css in [*controls, kept]:
        assert visible(browser, css), f"{css} should show on screen"
    screen_text = {css: visible(browser, css)[0].text for css in ["#site-name", ".downloads", ".report-nav"]}

    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    for css in controls:
        assert not visible(browser, css), f"{css} should not print"
    assert visible(browser, kept) and visible(browser, ".report-table")
    # An A4 page's width in CSS pixels: every table fits it rather than running off the paper.
    browser.set_window_size(794, 1123)
    for table in visible(browser, ".report-table"):
        overflow = browser.execute_script(
            "return arguments[0].getBoundingClientRect().right - document.documentElement.clientWidth", table
        )
        assert overflow <= 0, f"a table runs {overflow} px off the printed page"

    text = print_to_png(browser, f"print-{slug}")
    assert f"Hardcore Henry: {REPORTS[slug].title}" in text
    for css, shown in screen_text.items():
        assert shown.splitlines()[0] not in text, f"{css} ({shown.splitlines()[0]!r}) is printed"
