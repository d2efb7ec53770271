"""What a person does on a page, for every browser test: wait for something to show, type."""

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def wait_for(browser, css, timeout=10):
    """The first visible element matching css, once the page shows it."""
    return WebDriverWait(browser, timeout).until(
        lambda b: next((e for e in b.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()), False),
        f"nothing visible matches {css!r} on {browser.current_url}",
    )


def fill(browser, field_id, text):
    field = browser.find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)


def show(browser, element):
    """Scroll element to the middle of the screen, so the test's screenshot shows it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    return element


def save_screenshot(browser, name):
    """What the screen shows now, as artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(SCREENSHOTS / f"{name}.png")
