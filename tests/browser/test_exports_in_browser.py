"""The take log's typed XLSX and ALE through their Download links, the link saying "Preparing…"
meanwhile, and the calendar feeds page, at a laptop's width and a phone's."""

import io

import openpyxl
from django.urls import reverse
from selenium.webdriver.common.by import By

from hhprod.productions.models import Production

from .page import save_screenshot, wait_for


def take_log_url(live_server):
    production = Production.objects.get(title="Hardcore Henry")
    return live_server.url + reverse("reports:report", args=[production.pk, "take-log"])


def test_a_download_link_says_preparing_until_the_file_starts(logged_in_browser, live_server, downloads):
    logged_in_browser.get(take_log_url(live_server))
    link = wait_for(logged_in_browser, "a[data-download][href$='export=xlsx']")
    label = logged_in_browser.execute_script("arguments[0].click(); return arguments[0].textContent;", link)
    assert label == "Preparing XLSX…"
    takes = openpyxl.load_workbook(io.BytesIO(downloads.wait_for(".xlsx").read_bytes()))["Takes"]
    length = [cell.value for cell in takes[1]].index("Length") + 1
    assert takes.cell(row=2, column=length).number_format == "[m]:ss"
    wait_for(logged_in_browser, "a[data-download][href*='export=xlsx']:not([aria-busy])")
    assert link.text == "XLSX"
    blocked = [entry for entry in logged_in_browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert blocked == []


def test_the_ale_downloads_from_the_take_log(logged_in_browser, live_server, downloads):
    logged_in_browser.get(take_log_url(live_server))
    wait_for(logged_in_browser, "a[href$='export=ale']").click()
    assert downloads.wait_for(".ale").read_text().startswith("Heading\nFIELD_DELIM\tTABS\n")


def test_the_calendar_feeds_page_makes_addresses(logged_in_browser, live_server):
    for width, name in ((1440, "calendar_feeds_1440"), (390, "calendar_feeds_390")):
        logged_in_browser.set_window_size(width, 900)
        logged_in_browser.get(live_server.url + reverse("feeds:mine"))
        wait_for(logged_in_browser, "button[value=renew]").click()
        wait_for(logged_in_browser, "#content-main code")
        addresses = [code.text for code in logged_in_browser.find_elements(By.CSS_SELECTOR, "#content-main code")]
        assert addresses and all("/calendars/" in address for address in addresses)
        save_screenshot(logged_in_browser, name)
