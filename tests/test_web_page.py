"""The copy-desk page in a real headless browser: Debian's chromium, driven by selenium.

Nothing is downloaded: selenium is given Debian's chromedriver and chromium, and chromium runs with
its background networking off and a fresh profile. `.ci/run` installs both packages.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import pytest
from test_server import SEED, running

from newslint.config import Config

pytestmark = pytest.mark.e2e

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
WAIT_SECONDS = 30
T = TypeVar("T")


def wait_until(condition: Callable[[], T], what: str) -> T:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def page_url() -> Iterator[str]:
    from newslint.server.app import create_app

    with running(create_app(Config())) as url:
        yield url + "/"


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="newslint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(browser, url: str):
    from selenium.webdriver.common.by import By

    browser.get(url)
    wait_until(lambda: browser.find_element(By.ID, "checks").get_attribute("data-ready"), "the list of checks")
    return browser.find_element(By.ID, "story")


def paste(browser, element, text: str) -> None:
    """What pasting does: the text inserted at the caret as one edit, firing an input event."""
    browser.execute_script("arguments[0].focus(); document.execCommand('insertText', false, arguments[1]);",
                           element, text)


def marks(browser):
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, "#marked mark[tabindex='0']")


def test_pasting_the_reference_article_highlights_its_six_findings(browser, page_url):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    text = SEED.read_text(encoding="utf-8")
    paste(browser, open_page(browser, page_url), text)
    found = wait_until(lambda: len(marks(browser)) == 6 and marks(browser), "six highlights")
    assert [mark.text for mark in found][0] == "Discuss as:"
    assert [mark.text for mark in found][4:] == ["13 officials", "Menger"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#findings li")) == 6
    assert browser.find_element(By.ID, "status").text == "6 findings."

    tip = browser.find_element(By.ID, "tip")
    ActionChains(browser).move_to_element(found[5]).perform()  # hover
    wait_until(tip.is_displayed, "the note on hover")
    assert '"Menger" may be a misspelling of "Manger" (line 26)' in tip.text and "Suggestion: Manger" in tip.text
    assert found[5].get_attribute("aria-describedby") == "tip"

    # The side list: choosing a finding moves the focus to its highlight, which shows its note.
    browser.find_elements(By.CSS_SELECTOR, "#findings button")[4].click()
    wait_until(lambda: browser.switch_to.active_element == found[4], "the focus on the highlight")
    wait_until(lambda: 'count to verify: "13 officials"' in tip.text, "the count-claim note")


def test_the_page_works_from_the_keyboard_and_counts_emoji_right(browser, page_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    story = open_page(browser, page_url)
    paste(browser, story, "Party organiser 🎉🎉 Renée Lefèvre opened the harvest fair on Saturday.\n\n"
                          "“We waited all year for this,” said")
    story.send_keys(" Lefevre.")  # typed
    story.send_keys(Keys.CONTROL, Keys.ENTER)  # check now
    (mark,) = wait_until(lambda: len(marks(browser)) == 1 and marks(browser), "one highlight")
    assert mark.text == "Lefevre"  # the emoji before it count twice in JavaScript, once in a column

    tip = browser.find_element(By.ID, "tip")
    for _ in range(20):  # Tab through the controls to the highlight (bounded)
        if browser.switch_to.active_element == mark:
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == mark
    wait_until(tip.is_displayed, "the note on focus")
    assert "Suggestion: Lefèvre" in tip.text
    mark.send_keys(Keys.ESCAPE)
    wait_until(lambda: not tip.is_displayed(), "the note to close")


def test_unticking_a_check_removes_its_highlights(browser, page_url):
    from selenium.webdriver.common.by import By

    paste(browser, open_page(browser, page_url), SEED.read_text(encoding="utf-8"))
    wait_until(lambda: len(marks(browser)) == 6, "six highlights")
    browser.find_element(By.CSS_SELECTOR, "#checks input[value='promo-text']").click()
    wait_until(lambda: len(marks(browser)) == 4, "four highlights")
    assert "Discuss as:" not in [mark.text for mark in marks(browser)]
