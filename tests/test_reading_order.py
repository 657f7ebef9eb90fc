"""What a learner reads on a right-to-left page, measured in chromium on a phone (360 px),
on every page of every right-to-left language: each character's place on screen, from
Range.getClientRects (pasapas/transform/bidi.py, keys.py and line_breaks.py).

Acceptance criteria, each checked on every page by one measurement:
- every Latin run that holds punctuation ("FranceConnect+", «وWi-Fi», "https://",
  "Yahoo! Mail", "(Se connecter)", "1,99 €", an address) reads left to right, as it is
  written, on each line it takes;
- every keyboard shortcut reads left to right (Ctrl + T, never T + Ctrl), on one line;
- an address, e-mail address or file name in inline code (or a practice screen's link)
  that fits on a line is never broken; a longer one breaks only after a "/" (a piece
  wider than the screen aside); and nothing scrolls sideways.

The site is the real one, built with one more page that plants each case (the test also
checks that those were measured, so that it cannot pass by measuring nothing): in each
right-to-left language, every kind of run, shortcuts and an address; in the other
languages, the address alone (their runs read left to right anyway). The old isolation,
which left "+" and "://" outside and could not start a run after «و», the shortcuts
without dir="ltr" and the addresses broken at a hyphen fail it.
"""

from __future__ import annotations

import pytest
from conftest import LANGUAGES, build_or_fail, prefix

from pasapas.testing.local_server import serve
from pasapas.transform.bidi import is_rtl

pytestmark = pytest.mark.browser

RIGHT_TO_LEFT = [language for language in LANGUAGES if is_rtl(language)]
PHONE = {"width": 360, "height": 740}

#: Each address after texts of several lengths, so that the end of a line falls just after
#: one of its hyphens in one of them at least.
ADDRESSES = "".join(f"\n{{read}} {'{word} ' * words}`https://caf-aides.info/compte`.\n" for words in range(10))
#: The same page in the languages written left to right: addresses only.
LEFT_TO_RIGHT_PAGE = """---
title: Essai de lecture
description: Une page d'essai.
---

# Essai de lecture
"""

#: One case of each kind; the bracketed gloss, too, after texts of several lengths, so that
#: the end of a line falls inside it in one of them at least.
PLANTED = (
    """---
title: "صفحة لاختبار ترتيب القراءة"
description: صفحة لاختبار ترتيب القراءة.
---

# صفحة لاختبار ترتيب القراءة

اضغط على زر FranceConnect+ في صفحة الدخول.

### الإعدادات وWi-Fi وبيانات الجوّال

العنوان يبدأ غالبًا بـ https:// ثم اسم الموقع.

عندك حساب وYahoo! Mail، واقرأ أيضًا وCybermalveillance.gouv.fr.

ادفع 1,99 € فقط بـFranceConnect+.

على الحاسوب، اضغط على ++ctrl+t++ ثم ++ctrl+shift+n++ ثم ++alt-graph+0++ ثم ++enter++.
"""
    + "".join(f"\nاضغط {'هنا ' * words}على الزر (Se connecter) ثم انتظر.\n" for words in range(10))
    + ADDRESSES.replace("{read}", "اقرأ").replace("{word}", "هنا")
)
#: What the measurement must have found on the planted page.
PLANTED_RUNS = ["FranceConnect+", "Wi-Fi", "https://", "Yahoo! Mail", "Cybermalveillance.gouv.fr", "(Se connecter)", "1,99 €"]
PLANTED_ADDRESS = "https://caf-aides.info/compte"

#: One evaluate per page. Text is read in "flows": the text of one element, as its author
#: wrote it (a paragraph, a link, a bold word, a code); the <bdi> that the build adds do not
#: cut a flow, so that a run scrambled across them ("<bdi>FranceConnect</bdi>+") is seen
#: whole. Two runs an author set apart (**Google Play Store** (Android)) follow the Arabic
#: sentence, each reading left to right.
MEASURE = r"""() => {
  const problems = [], runs = [], wrapped = [], addresses = [];
  const LATIN = /[A-Za-z\u00C0-\u024F0-9]/;
  const RUN = /[A-Za-z\u00C0-\u024F0-9\s!-\/:-@\[-`{-~\u00A0-\u00BF\u2010-\u2027\u2030-\u205E\u20A0-\u20BF]+/g;
  const OPEN = {"(": ")", "[": "]", "«": "»", "“": "”", '"': '"'};
  const CLOSE = {")": "(", "]": "[", "»": "«", "”": "“", '"': '"'};
  const SENTENCE = ".,;:…–—-";
  const space = (c) => /\s/.test(c);
  const count = (s, a, b, c) => { let n = 0; for (let i = a; i < b; i++) if (s[i] === c) n++; return n; };
  const closes = (s, a, b) => { const c = s[b - 1], o = CLOSE[c];
    return o === c ? count(s, a, b, c) % 2 === 0 : count(s, a, b, o) >= count(s, a, b, c); };
  const opens = (s, a, b) => { const o = s[a], c = OPEN[o];
    return o === c ? count(s, a, b, o) % 2 === 0 : count(s, a, b, c) >= count(s, a, b, o); };
  const alnum = (c) => LATIN.test(c);
  // The run as a reader takes it: without the punctuation of the sentence around it (a
  // full stop, a colon, a dash or a bracket it does not close, a sign set apart by a
  // space), with the signs written against it ("FranceConnect+", ".zip") and its brackets.
  const trim = (s, a, b) => {
    for (;;) {
      while (a < b && space(s[a])) a++;
      while (b > a && space(s[b - 1])) b--;
      if (a >= b) return null;
      const first = s[a], last = s[b - 1];
      if (!alnum(last)) {
        const keep = last in CLOSE ? closes(s, a, b) : !(last in OPEN) && !SENTENCE.includes(last) && (!space(s[b - 2] || " ") || "?!%€$£".includes(last));
        if (!keep || b - 1 === a) { b--; continue; }
      }
      if (!alnum(first)) {
        const keep = first in OPEN ? opens(s, a, b) : !(first in CLOSE) && !",;:".includes(first) && !space(s[a + 1] || " ");
        if (!keep) { a++; continue; }
      }
      return [a, b];
    }
  };
  const inline = new Map();
  const isInline = (el) => {
    if (!inline.has(el)) inline.set(el, getComputedStyle(el).display === "inline");
    return inline.get(el);
  };
  const container = (node) => {
    for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
      if (el.localName !== "bdi") return el;
    }
    return document.body;
  };
  const rectOf = (node, offset) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rects = range.getClientRects();
    return rects.length ? rects[0] : null;
  };
  const sameLine = (a, b) => Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < Math.min(a.height, b.height) / 2;
  // Each visible character of a flow, with its box; lines: consecutive characters on one line.
  const boxes = (flow, a, b) => {
    const found = [];
    for (let i = a; i < b; i++) {
      if (space(flow.text[i])) continue;
      const [node, offset] = flow.at[i];
      const box = rectOf(node, offset);
      if (box && box.width > 0) found.push({char: flow.text[i], box});
    }
    return found;
  };
  const where = (el) => {
    const step = el.closest("[id]");
    return step ? "#" + step.id : el.tagName.toLowerCase();
  };

  // 1. Latin runs with punctuation read left to right.
  const flows = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest("script, style, noscript, template, svg, textarea") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let flow = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const home = container(node);
    if (!flow || flow.home !== home) flows.push(flow = {home, text: "", at: []});
    for (let i = 0; i < node.data.length; i++) flow.at.push([node, i]);
    flow.text += node.data;
  }
  for (const flow of flows) {
    if (!LATIN.test(flow.text)) continue;
    for (const match of flow.text.matchAll(RUN)) {
      if (!LATIN.test(match[0])) continue;
      const found = trim(flow.text, match.index, match.index + match[0].length);
      if (!found) continue;
      const run = flow.text.slice(found[0], found[1]);
      if (!LATIN.test(run) || !/[^A-Za-z\u00C0-\u024F0-9\s]/.test(run)) continue;
      const chars = boxes(flow, found[0], found[1]);
      if (!chars.length) continue;
      runs.push(run);
      let line = [chars[0]], wrong = false;
      const lines = [line];
      for (let i = 1; i < chars.length; i++) {
        const before = chars[i - 1].box, box = chars[i].box;
        if (sameLine(before, box)) {
          if (box.left + box.width / 2 <= before.left + before.width / 2) wrong = true;
          line.push(chars[i]);
        } else {
          if (box.top < before.top) wrong = true;
          lines.push(line = [chars[i]]);
        }
      }
      // On one line, brackets or quotation marks left outside the isolate are drawn
      // mirrored where an Arabic reader expects them: «(CAF)» looks right. Not when the
      // run wraps: "(Se" then "connecter)" shows as "Se)" then "(connecter".
      if (lines.length > 1) wrapped.push(run);
      if (wrong && lines.length === 1 && run[0] in OPEN && OPEN[run[0]] === run[run.length - 1] && chars.length > 3) {
        const inner = chars.slice(1, -1);
        wrong = inner.some((c, i) => i > 0 && c.box.left + c.box.width / 2 <= inner[i - 1].box.left + inner[i - 1].box.width / 2);
      }
      if (wrong) {
        const shown = lines.map((l) => [...l].sort((x, y) => x.box.left - y.box.left).map((c) => c.char).join("")).join(" ⏎ ");
        problems.push(`${where(flow.home)}: "${run.replace(/\s+/g, " ")}" shows as "${shown}"`);
      }
    }
  }

  // 2. Shortcuts: left to right, on one line.
  for (const keys of document.querySelectorAll(".keys")) {
    const kbds = [...keys.querySelectorAll("kbd")].map((k) => ({text: k.textContent, box: k.getBoundingClientRect()}));
    if (kbds.length < 2 || !kbds[0].box.width) continue;
    const written = kbds.map((k) => k.text).join(" + ");
    const shown = [...kbds].sort((x, y) => x.box.left - y.box.left).map((k) => k.text).join(" + ");
    if (kbds.some((k) => Math.abs(k.box.top - kbds[0].box.top) > 2)) problems.push(`${where(keys)}: the shortcut ${written} is broken over two lines`);
    else if (shown !== written) problems.push(`${where(keys)}: the shortcut ${written} shows as ${shown}`);
  }

  // 3. Addresses, e-mail addresses, file names: whole when they fit, else cut after "/".
  const candidates = [...document.querySelectorAll("code, .pap-practice-link")].filter((el) =>
    !el.closest("pre") && !/\s/.test(el.textContent) && /[.\/@]/.test(el.textContent) && LATIN.test(el.textContent));
  for (const el of candidates) {
    const at = [];
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) for (let i = 0; i < node.data.length; i++) at.push([node, i]);
    const text = el.textContent;
    const chars = boxes({text, at}, 0, text.length);
    if (chars.length !== text.length) continue;  // not shown
    addresses.push(text);
    let block = el.parentElement;
    while (block && isInline(block)) block = block.parentElement;
    const style = getComputedStyle(block);
    const room = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const padding = parseFloat(getComputedStyle(el).paddingLeft) + parseFloat(getComputedStyle(el).paddingRight);
    const width = (from, to) => chars.slice(from, to).reduce((sum, c) => sum + c.box.width, 0) + padding;
    const breaks = [];
    let backwards = false;
    for (let i = 1; i < chars.length; i++) {
      const before = chars[i - 1].box, box = chars[i].box;
      if (!sameLine(before, box)) breaks.push(i);
      if (sameLine(before, box) ? box.left < before.left : box.top < before.top) backwards = true;
    }
    if (backwards) problems.push(`${where(el)}: "${text}" does not read left to right`);
    if (!breaks.length) continue;
    const shown = [0, ...breaks].map((b, n) => text.slice(b, breaks[n] ?? text.length)).join(" ⏎ ");
    if (width(0, text.length) + 2 <= room) {
      problems.push(`${where(el)}: "${text}" fits on a line (${Math.round(width(0, text.length))} of ${Math.round(room)} px) but is broken: ${shown}`);
      continue;
    }
    for (const b of breaks) {
      if (text[b - 1] === "/") continue;
      const start = text.lastIndexOf("/", b - 1) + 1, end = text.indexOf("/", b);
      if (width(start, end < 0 ? text.length : end + 1) + 2 <= room) {
        problems.push(`${where(el)}: "${text}" is broken inside a name: ${shown}`);
        break;
      }
    }
  }

  const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (sideways > 1) problems.push(`the page scrolls ${sideways} px sideways`);
  return {problems, runs, wrapped, addresses};
}"""


@pytest.fixture(scope="module")
def site_with_planted_page(project_copy, tmp_path_factory):
    project = project_copy("reading-order")
    for language in LANGUAGES:
        text = PLANTED if is_rtl(language) else LEFT_TO_RIGHT_PAGE + ADDRESSES.replace("{read}", "Read").replace("{word}", "it")
        (project / f"docs/{language}/essai-lecture.md").write_text(text, encoding="utf-8")
    return build_or_fail(project, tmp_path_factory.mktemp("reading-order-site"))


def planted_url(language: str) -> str:
    return f"{prefix(language)}essai-lecture/"


@pytest.mark.skipif(not RIGHT_TO_LEFT, reason="no right-to-left language")
def test_on_a_phone_latin_runs_and_shortcuts_read_left_to_right_and_addresses_break_only_after_a_slash(
    browser, site_with_planted_page
):
    site = site_with_planted_page.dir
    urls = [planted_url(language) for language in LANGUAGES if not is_rtl(language)]
    for language in RIGHT_TO_LEFT:
        urls += sorted(path.relative_to(site).as_posix().removesuffix("index.html") for path in (site / language).rglob("*.html"))
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    problems, measured = [], {}
    with serve(site) as base_url:
        for url in urls:
            page.goto(base_url + url)
            measured[url] = found = page.evaluate(MEASURE)
            problems += [f"{url}: {problem}" for problem in found["problems"]]
    context.close()
    planted_first = sorted(problems, key=lambda problem: "essai-lecture/:" not in problem)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(planted_first)
    for language in LANGUAGES:
        planted = measured[planted_url(language)]
        assert planted["addresses"].count(PLANTED_ADDRESS) == 10
        if is_rtl(language):
            assert [run for run in PLANTED_RUNS if run not in planted["runs"]] == []
            assert "(Se connecter)" in planted["wrapped"]
