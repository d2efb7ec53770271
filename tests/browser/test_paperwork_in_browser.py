"""The call sheet and the production report in Chromium: issued from the page, on a phone, on A4 portrait."""

import base64

from django.urls import reverse
from pypdf import PdfReader

from hhprod.paperwork.models import CallSheetIssue
from hhprod.productions.models import Production

from .page import SCREENSHOTS, wait_for

PHONE, LAPTOP = (390, 844), (1440, 900)


def page_scrolls_sideways(browser):
    return browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


def look(browser, url, name):
    """The page at a laptop's and a phone's width: never scrolling sideways, each saved as a screenshot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in (("1440", LAPTOP), ("390", PHONE)):
        browser.set_window_size(width, height)
        browser.get(url)
        wait_for(browser, "h2")
        assert not page_scrolls_sideways(browser), f"{name} scrolls sideways at {width} px"
        browser.save_screenshot(str(SCREENSHOTS / f"{name}-{label}.png"))
    browser.set_window_size(*LAPTOP)


def printed(browser, name):
    data = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
    pdf = SCREENSHOTS / f"print-{name}.pdf"
    pdf.write_bytes(base64.b64decode(data))
    return PdfReader(pdf).pages


def test_the_producer_issues_a_call_sheet_that_fits_a_phone_and_prints_on_a4_portrait(logged_in_browser, live_server):
    hh = Production.objects.get(title="Hardcore Henry")
    browser, url = logged_in_browser, live_server.url + reverse("reports:report", args=[hh.pk, "call-sheet"])
    look(browser, url + "?day=3", "call-sheet")
    browser.find_element("xpath", "//button[text()='Issue this call sheet']").click()
    wait_for(browser, ".issued-note")
    issued = CallSheetIssue.objects.get()
    assert browser.current_url.endswith(f"?issue={issued.pk}") and issued.shoot_day.number == 3
    look(browser, browser.current_url, "call-sheet-issued")
    pages = printed(browser, "call-sheet")
    assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (595, 842)
    text = "".join(page.extract_text() for page in pages)
    assert "Day 3 of 120 (45 planned; Yellow revision)" in text and "Issue this call sheet" not in text


def test_the_production_report_fits_a_phone_and_prints_on_a4_portrait(logged_in_browser, live_server):
    hh = Production.objects.get(title="Hardcore Henry")
    browser = logged_in_browser
    look(
        browser,
        live_server.url + reverse("reports:report", args=[hh.pk, "production-report"]) + "?day=60",
        "production-report",
    )
    pages = printed(browser, "production-report")
    assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (595, 842)
    assert "Minutes on the rig per wearer" in "".join(page.extract_text() for page in pages)
