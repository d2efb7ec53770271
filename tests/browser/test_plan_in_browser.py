"""The breakdown sheet as Chromium prints it: one A4 portrait page, without the screen's links."""

import base64

from django.urls import reverse
from pypdf import PdfReader

from hhprod.planning.models import Scene

from .page import SCREENSHOTS, wait_for


def test_a_full_breakdown_sheet_prints_on_one_a4_portrait_page(logged_in_browser, live_server):
    scene = Scene.objects.get(production__title="Hardcore Henry", number="1")
    # As much as a busy scene's sheet carries: every box filled, notes of several lines.
    Scene.objects.filter(pk=scene.pk).update(
        set_name="Lab — corridor and lift shaft",
        synopsis="Henry wakes in the lab, breaks out and fights his way down the lift shaft.",
        stunt_notes="\n".join(f"Stunt {n}: fall and roll onto crash mats, wearer on the rig." for n in range(1, 7)),
        safety_notes="\n".join(f"Safety {n}: medic on set, rig wearer on a safety line." for n in range(1, 7)),
    )
    browser = logged_in_browser
    browser.get(live_server.url + reverse("breakdown_sheet", args=[scene.pk]))
    wait_for(browser, "h1")
    assert "Breakdown sheet — scene 1" in browser.find_element("css selector", "h1").text
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "print-breakdown-sheet.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    pages = PdfReader(pdf).pages
    assert len(pages) == 1
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    text = pages[0].extract_text()
    assert "Stunt 6: fall and roll" in text and "Safety 6: medic on set" in text
    assert "Back to the scene" not in text
