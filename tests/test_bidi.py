"""Latin text inside Arabic reads in the right order, without a translator placing
invisible characters: phone numbers, French screen labels, file extensions, code and
titles mixing CAF and Arabic. Read in chromium, in the built site and in the offline copy."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pasapas.transform.bidi import FSI, PDI, isolate_html, isolate_plain

# --- What the build writes ----------------------------------------------------------------------------


def test_latin_runs_in_arabic_text_are_isolated():
    html = isolate_html("<p>اتصل بالرقم 01 70 772 372 الآن، ثم افتح ملف .zip</p>", "ar")
    assert "<bdi>01 70 772 372</bdi>" in html and "<bdi>.zip</bdi>" in html


def test_elements_in_another_language_and_code_get_a_left_to_right_direction():
    html = isolate_html('<p>اضغط <strong lang="fr">Mot de passe oublié ?</strong> ثم <code>.zip</code></p>', "ar")
    assert '<strong lang="fr" dir="ltr">Mot de passe oublié ?</strong>' in html
    assert '<code dir="ltr">.zip</code>' in html


def test_a_bracket_of_the_arabic_sentence_stays_outside_the_run():
    assert isolate_html("<p>(CAF) نص</p>", "ar") == "<p>(<bdi>CAF</bdi>) نص</p>"
    assert isolate_html("<p>موقع CAF (1): الدخول</p>", "ar") == "<p>موقع <bdi>CAF (1)</bdi>: الدخول</p>"


def test_text_inside_code_links_to_french_and_drawings_is_left_alone():
    html = '<p><code>abc 12</code> <a lang="fr" href="x">Le site</a> <svg><title>QR 1</title></svg></p>'
    assert isolate_html(html, "ar").count("<bdi>") == 0


def test_plain_titles_get_isolate_characters():
    assert isolate_plain("موقع CAF (1): الدخول") == f"موقع {FSI}CAF (1){PDI}: الدخول"
    assert isolate_plain(isolate_plain("موقع CAF")) == isolate_plain("موقع CAF")


# --- What a reader sees ---------------------------------------------------------------------------------

PAGE = """---
title: "موقع CAF (1): الدخول"
description: صفحة لاختبار اتجاه النص.
---

# موقع CAF (1): الدخول

اتصل بالرقم 01 70 772 372 مجانًا.
{: #phone }

اضغط على **Mot de passe oublié ?**{lang=fr} في صفحة الدخول.
{: #label }

افتح الملف `.zip` بعد تنزيله.
{: #code }
"""
FRENCH = "---\ntitle: Essai de direction\ndescription: Une page d'essai.\n---\n\n# Essai de direction\n\nUn texte.\n"

#: Where in the element each piece starts, left to right on screen.
X_OF = """([id, first, second]) => {
  const root = id === "h1" ? document.querySelector("article h1") : document.getElementById(id);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const x = (needle) => {
    walker.currentNode = root;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().left;
      }
    }
    throw new Error(needle + " not found in " + id);
  };
  return [x(first), x(second)];
}"""
#: (element, what reads first, what reads after it): left to right, as in French.
CASES = [
    ("phone", "01", "372"),
    ("label", "Mot", "?"),
    ("code", ".", "zip"),
    ("h1", "CAF", ")"),
]


@pytest.fixture(scope="module")
def bidi_sites(project_copy, tmp_path_factory):
    project = project_copy("bidi")
    (project / "docs/fr/essai-direction.md").write_text(FRENCH, encoding="utf-8")
    (project / "docs/ar/essai-direction.md").write_text(PAGE, encoding="utf-8")
    sites = {}
    for name, extra in (("web", {}), ("offline", {"OFFLINE": "true"})):
        out = tmp_path_factory.mktemp(f"bidi-{name}")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        sites[name] = out
    return sites


@pytest.mark.browser
@pytest.mark.parametrize("copy", ["web", "offline"])
@pytest.mark.parametrize("element,first,second", CASES, ids=[case[0] for case in CASES])
def test_latin_text_in_an_arabic_page_reads_left_to_right(browser, bidi_sites, copy, element, first, second):
    page = browser.new_page()
    path = "ar/essai-direction/index.html" if copy == "web" else "ar/essai-direction.html"
    page.goto((bidi_sites[copy] / path).as_uri())
    assert page.evaluate("document.documentElement.dir") == "rtl"
    left_of_first, left_of_second = page.evaluate(X_OF, [element, first, second])
    assert left_of_first < left_of_second, f"{second!r} shows left of {first!r} in #{element}"
    page.close()
