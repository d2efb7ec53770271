"""Print in Chromium with the site's Content-Security-Policy on: the Print button of every report page
and of the breakdown sheet prints, and the call sheet on A4 portrait carries every column with no word cut."""

import base64
import io
import re
from collections import Counter
from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from hhprod.planning.models import Scene
from hhprod.productions.models import Credit
from hhprod.reports.catalogue import REPORTS
from tests import factories as f
from tests.reporting import report_file, report_url

from .page import SCREENSHOTS, wait_for
from .test_content_security_policy import blocked

CAMERA = "GP3-0007"
SCENE_HEADERS = ["Scene", "Set", "INT/EXT", "D/N", "Pages", "Synopsis", "Cast ID", "Cast", "Rig", "Camera"]
CAST_HEADERS = ["ID", "Name", "Character", "Role", "Status", "Pickup", "Make-up", "Call", "On set"]


@pytest.fixture
def day_with_a_big_cast(db):
    """One planned day whose one scene needs twelve performers: its cast is a long list to wrap."""
    prod = f.production("Print test", planned_days=1)
    rig = f.rig("v2", 2, material="plastic")
    f.mounting(f.camera(rig, CAMERA), f.unit(rig), date(2013, 9, 1))
    day = f.shoot_day(prod, 1, scheduled=date(2013, 9, 3), actual=None, site=f.location())
    scene = Scene.objects.create(
        production=prod, number="12", setting="ext", time_of_day="night", page_eighths=11, rig=rig, head_rig=True,
        synopsis="Henry jumps from the van",
    )  # fmt: skip
    performers = [
        Credit.objects.create(production=prod, person=f.person(f"Unnamed stunt performer {n}"), role="stunt_performer")
        for n in range(1, 13)
    ]
    scene.cast.set(performers)
    f.strip(day, scene)
    return prod


@pytest.fixture
def signed_in(browser, live_server, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("producer", "p@example.com", "rig-wearer-13"))
    browser.get(live_server.url + "/static/admin/css/base.css")
    browser.add_cookie(
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    )
    return browser


def test_print_on_every_report_page_opens_the_print_dialogue_under_the_policy(
    signed_in, live_server, day_with_a_big_cast
):
    browser = signed_in
    breakdown_sheet = reverse("breakdown_sheet", args=[day_with_a_big_cast.scenes.get().pk])
    pages = [report_url(day_with_a_big_cast, slug, day=1 if REPORTS[slug].per_day else None) for slug in REPORTS]
    for slug in [*pages, breakdown_sheet]:
        browser.get(live_server.url + slug)
        button = wait_for(browser, "button[data-print]")
        # The dialogue would block a headless browser: count the calls instead.
        browser.execute_script("window.printed = 0; window.print = function () { window.printed += 1; };")
        button.click()
        assert browser.execute_script("return window.printed") == 1, slug
        assert blocked(browser) == [], slug


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def test_the_call_sheet_prints_every_column_on_a4_with_no_word_cut(signed_in, live_server, day_with_a_big_cast):
    browser = signed_in
    browser.get(live_server.url + report_url(day_with_a_big_cast, "call-sheet", day=1))
    wait_for(browser, "h2")
    data = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "print-call-sheet-every-column.pdf").write_bytes(base64.b64decode(data))
    pages = PdfReader(io.BytesIO(base64.b64decode(data))).pages
    assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (595, 842)
    printed = " ".join(page.extract_text() for page in pages)
    scenes = re.search(r"Scenes(.*?)Cast and stunt performers", printed, re.S).group(1).split()
    # Every column's header (in capitals: the admin's table style) and its cell: a cut-off column
    # prints neither.
    assert all(word.upper() in scenes for header in SCENE_HEADERS for word in header.split()), scenes
    assert "v2" in scenes and CAMERA in scenes
    # The twelve names whole, in the scene's cast and the cast list: a line may end between words,
    # never inside one (a word cut in two, or cut off at the page's edge, leaves fewer whole words).
    named = Counter(re.findall(r"Unnamed stunt performer (\d+)\b", words(printed)))
    assert named == {str(n): 2 for n in range(1, 13)}, printed


def test_the_servers_pdf_carries_every_column_too(day_with_a_big_cast):
    pdf = PdfReader(io.BytesIO(report_file(day_with_a_big_cast, "call-sheet", "pdf", day=1)))
    printed = words(" ".join(page.extract_text() for page in pdf.pages))
    assert all(header in printed for header in SCENE_HEADERS + CAST_HEADERS)
    assert CAMERA in printed
    assert Counter(re.findall(r"Unnamed stunt performer (\d+)\b", printed)) == {str(n): 2 for n in range(1, 13)}
