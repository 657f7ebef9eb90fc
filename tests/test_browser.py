"""What a learner's browser actually does with the built site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "a-propos/", "ar/", "ar/a-propos/", "en/", "en/a-propos/", "404.html", "ar/404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_nothing_from_another_host_and_breaks_no_policy(browser, base_url, path):
    context = browser.new_context()
    page = context.new_page()
    requests, console = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(message.text))
    page.goto(base_url + path, wait_until="networkidle")

    own_host = urlsplit(base_url).netloc
    elsewhere = [url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own_host]
    assert elsewhere == []
    assert [text for text in console if "Content Security Policy" in text] == []
    assert context.cookies() == []
    context.close()


def test_arabic_page_is_laid_out_right_to_left(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url + "ar/", wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    navigation = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert navigation["x"] > content["x"], "the navigation should be on the right of the text"
    page.close()


def test_french_page_is_laid_out_left_to_right(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url, wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    navigation = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert navigation["x"] < content["x"]
    page.close()


def test_language_menu_leads_from_the_arabic_page_to_the_same_page_in_english(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url + "ar/a-propos/", wait_until="networkidle")
    page.locator(".md-select button").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + "en/a-propos/"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.close()
