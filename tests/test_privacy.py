"""The built site loads nothing from another host and sets no cookie.

Three layers: no absolute resource URL in any built file; a Content-Security-Policy on
every page that would block one anyway; and (tests/test_browser.py) a real browser that
records every request.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

ABSOLUTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
JS_STRING_URL = re.compile(r"""["'`](https?://[^"'`\s]+)""")

#: URLs written in the theme's JavaScript that never fire on this site, and why.
#: Any other URL in a built script fails the test until someone reviews it here.
REVIEWED_SCRIPT_URLS = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for Mermaid diagrams; the site has none",
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver; the CSP blocks it",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": "GitLab repository facts; no repo_url is set",
    "https://api.github.com/repos/${e}/${t}": "GitHub repository facts; no repo_url is set",
    "https://api.github.com/users/${e}": "GitHub repository facts; no repo_url is set",
}

#: HTML attributes through which a browser downloads something by itself.
RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "input": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
#: <link rel> values that are only references, never downloads.
REFERENCE_ONLY_LINKS = {"alternate", "canonical", "prev", "next"}


def external_resources_in_html(page) -> list[str]:
    found = []
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in page.soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute) or ""
                if any(ABSOLUTE.match(part) for part in value.split(",")):
                    found.append(f"<{tag} {attribute}={value}>")
    for link in page.soup.find_all("link", href=True):
        if not REFERENCE_ONLY_LINKS & set(link.get("rel", [])) and ABSOLUTE.match(link["href"]):
            found.append(f"<link rel={link.get('rel')} href={link['href']}>")
    styles = [element.get("style", "") for element in page.soup.find_all(style=True)]
    styles += [element.get_text() for element in page.soup.find_all("style")]
    found += [url for css in styles for url in external_urls_in_css(css)]
    return found


def external_urls_in_css(css: str) -> list[str]:
    return [url for match in CSS_URL.finditer(css) for url in match.groups() if url and ABSOLUTE.match(url)]


def test_no_page_loads_anything_from_another_host(site):
    problems = {str(page.path): found for page in site.pages() if (found := external_resources_in_html(page))}
    assert problems == {}


def test_no_stylesheet_loads_anything_from_another_host(site):
    problems = {
        str(path.relative_to(site.dir)): found
        for path in site.text_files(".css")
        if (found := external_urls_in_css(path.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_scripts_hold_no_unreviewed_address_of_another_host(site):
    found = {url for path in site.text_files(".js") for url in JS_STRING_URL.findall(path.read_text(encoding="utf-8"))}
    assert found - set(REVIEWED_SCRIPT_URLS) == set()


def test_no_web_fonts_anywhere(site):
    for path in site.text_files(".html", ".css", ".js"):
        text = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com"):
            assert host not in text, f"{path.relative_to(site.dir)} mentions {host}"


def test_no_script_of_ours_or_the_theme_touches_cookies(site):
    for path in site.text_files(".html", ".js"):
        assert "document.cookie" not in path.read_text(encoding="utf-8"), path.relative_to(site.dir)


def csp_of(page) -> dict[str, list[str]]:
    meta = page.soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, f"{page.path}: no Content-Security-Policy"
    assert page.soup.head.find(True) is meta, f"{page.path}: the CSP must come first in <head>"
    directives = [part.split() for part in meta["content"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


def test_every_page_allows_only_its_own_site_to_load_anything(site):
    for page in site.pages():
        csp = csp_of(page)
        assert csp["default-src"] == ["'self'"], page.path
        assert csp["object-src"] == ["'none'"], page.path
        for directive, sources in csp.items():
            hosts = [s for s in sources if s not in ("'self'", "'none'", "data:") and not s.startswith("'sha256-")]
            assert hosts == [], f"{page.path}: {directive} allows {hosts}"


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else(site):
    for page in site.pages():
        allowed = set(csp_of(page)["script-src"])
        assert "'unsafe-inline'" not in allowed
        for script in page.soup.find_all("script", src=False):
            if script.get("type") == "application/json":
                continue
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in allowed, f"{page.path}: inline script not allowed by the CSP"


@pytest.mark.parametrize("url", sorted(REVIEWED_SCRIPT_URLS))
def test_reviewed_script_addresses_are_still_there(site, url):
    """A reviewed address the theme no longer contains is removed from the list."""
    assert any(url in path.read_text(encoding="utf-8") for path in site.text_files(".js"))
