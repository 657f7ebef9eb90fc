"""Nothing moves once a page is shown (cumulative layout shift 0): on every kind of page,
in French and in Arabic, on a computer and on a phone, until after the theme's script has
started at the reader's first gesture. A slow phone is measured in `make bench`."""

from __future__ import annotations

import contextlib
import time

import pytest
from conftest import SOURCE_LANGUAGE, TRANSLATIONS, prefix

from pasapas.checks.page_speed import layout_shift
from pasapas.testing.local_server import QuietHandler, serve

PAGE_KINDS = ["", "lecons/e-mail-piece-jointe/", "glossaire/", "aide/", "je-sais-deja/", "404.html"]
RIGHT_TO_LEFT = [language for language in TRANSLATIONS if language == "ar"]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", [SOURCE_LANGUAGE, *RIGHT_TO_LEFT])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_nothing_moves_once_the_page_is_shown(browser, base_url, kind, language, width):
    shift = layout_shift(browser, base_url + prefix(language) + kind, width)
    assert shift.total == 0, shift.shifts


#: Where a page may stop arriving for a while: before each part of the header.
HEADER_PARTS = [
    '<div class="md-header__title"',
    '<div class="md-search"',
    '<div class="md-header__option">',
    "</header>",
]


@contextlib.contextmanager
def serve_with_a_pause(site_dir, page: str, before: str, seconds: float = 0.3):
    """The site, with one page sent in two parts: up to `before`, then, after a pause, the rest.
    A browser draws what it has read meanwhile, as on a slow line (the pause is what makes the
    test fail when something drawn is then pushed by what arrives after it)."""

    class Pausing(QuietHandler):
        protocol_version = "HTTP/1.0"  # the end of the page is the end of the connection

        def do_GET(self):
            if self.path.split("?")[0] != "/" + page:
                return super().do_GET()
            body = (site_dir / page / "index.html").read_bytes()
            cut = body.index(before.encode())
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body[:cut])
            self.wfile.flush()
            time.sleep(seconds)
            self.wfile.write(body[cut:])

    with serve(site_dir, Pausing) as url:
        yield url + page


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", [SOURCE_LANGUAGE, *RIGHT_TO_LEFT])
def test_nothing_moves_when_the_page_arrives_in_parts(browser, site, language, width):
    """The search box was drawn, then pushed aside by the language menu read after it."""
    shifts = {}
    for before in HEADER_PARTS:
        with serve_with_a_pause(site.dir, prefix(language) + "aide/", before) as url:
            shift = layout_shift(browser, url, width)
        if shift.total:
            shifts[before] = shift.shifts
    assert shifts == {}


def test_every_illustration_has_its_size_before_it_arrives():
    from pasapas.transform.image_sizes import size_images, svg_size

    assert svg_size('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 150">') == ("240", "150")
    assert svg_size('<svg width="120" height="80" viewBox="0 0 240 160">') == ("120", "80")
    html = '<p><img alt="a" src="images/a.svg"><img alt="b" src="https://x.org/b.svg"><img alt="c" src="c.svg" width="9"></p>'
    files = {"images/a.svg": '<svg viewBox="0 0 24 16"/>'}

    class Drawing:
        def __init__(self, text):
            self.text = text

        def is_file(self):
            return True

        def read_text(self, **_):
            return self.text

    sized = size_images(html, lambda src: Drawing(files[src]) if src in files else None)
    assert sized == (
        '<p><img alt="a" src="images/a.svg" width="24" height="16"><img alt="b" src="https://x.org/b.svg">'
        '<img alt="c" src="c.svg" width="9"></p>'
    )
