"""A built site served on 127.0.0.1, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import contextlib

from system_check import CHROMIUM, CHROMIUM_ARGS

@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
