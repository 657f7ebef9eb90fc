"""`make a11y` (pasapas a11y) fails on each planted defect and trusts pa11y-ci's JSON,
never its exit code."""

from __future__ import annotations

import time

import pytest
import yaml

from pasapas.checks.a11y import A11yError, Finding, findings, pages_of, read_ignore_list, run_pa11y, summary
from pasapas.testing.local_server import QuietHandler, serve

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""

PLANTED = {
    "good.html": "<p>Une page correcte.</p>",
    "image-without-alt.html": '<p><img src="dessin.svg"></p>',
    "low-contrast.html": '<p style="color:#c8c8c8;background:#ffffff">Texte trop pâle.</p>',
    "button-without-name.html": '<p><button><svg width="10" height="10" aria-hidden="true"></svg></button></p>',
}
NEVER_ANSWERS = "never-answers.html"


class SlowHandler(QuietHandler):
    def do_GET(self):
        if self.path.endswith(NEVER_ANSWERS):
            time.sleep(12)  # longer than the pa11y timeout below; bounded so the test ends
            return
        super().do_GET()


@pytest.fixture(scope="module")
def planted_report(tmp_path_factory):
    site = tmp_path_factory.mktemp("planted")
    for name, body in PLANTED.items():
        (site / name).write_text(PAGE.format(title=name, body=body), encoding="utf-8")
    (site / "dessin.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    (site / NEVER_ANSWERS).write_text("never served", encoding="utf-8")
    with serve(site, SlowHandler) as base_url:
        urls = [base_url + page for page in pages_of(site)]
        results = run_pa11y(urls, workers=2, ignore=[], timeout_ms=5000, progress=lambda line: None)
        return findings(results, urls, base_url)


def rules_on(found, page):
    return {f.rule for f in found if f.page == page}


def test_a_correct_page_passes(planted_report):
    assert rules_on(planted_report, "good.html") == set()


def test_an_image_without_alt_text_fails(planted_report):
    assert "image-alt" in rules_on(planted_report, "image-without-alt.html")


def test_a_low_contrast_colour_fails(planted_report):
    assert "color-contrast" in rules_on(planted_report, "low-contrast.html")


def test_a_button_without_a_name_fails(planted_report):
    assert "button-name" in rules_on(planted_report, "button-without-name.html")


def test_a_page_that_does_not_load_fails(planted_report):
    assert rules_on(planted_report, NEVER_ANSWERS) == {"page-not-loaded"}


def test_a_page_missing_from_the_report_fails():
    base = "http://127.0.0.1:1/"
    found = findings({base + "a/": []}, [base + "a/", base + "b/"], base)
    assert found == [Finding("b/", "page-missing", "pa11y-ci returned no result for this page")]


def test_summary_groups_errors_by_rule_with_pages_and_a_hint():
    found = [
        Finding("ar/", "color-contrast", "Elements must meet minimum color contrast", "p.x"),
        Finding("en/", "color-contrast", "Elements must meet minimum color contrast", "p.y"),
        Finding("fr/", "image-alt", "Images must have alternate text", "img"),
    ]
    assert summary(found, 10) == (
        "Accessibility: 3 error(s) on 3 of 10 pages.\n"
        "\ncolor-contrast (2)\n  hint: Elements must meet minimum color contrast\n  - /ar/ at p.x\n  - /en/ at p.y\n"
        "\nimage-alt (1)\n  hint: Images must have alternate text\n  - /fr/ at img"
    )
    assert summary([], 10) == "Accessibility: 0 errors on 10 pages (axe + HTML_CodeSniffer, WCAG 2 AA)."


def test_the_ignore_list_starts_empty():
    assert read_ignore_list() == []


def test_an_ignored_rule_needs_a_written_reason(tmp_path):
    ignore = tmp_path / "a11y_ignore.yml"
    ignore.write_text(yaml.safe_dump({"ignore": [{"rule": "color-contrast"}]}), encoding="utf-8")
    with pytest.raises(A11yError, match="every ignored rule needs 'rule' and a written 'reason'"):
        read_ignore_list(ignore)
