"""Latin text inside Arabic reads in the right order, without a translator placing
invisible characters: phone numbers, French screen labels, file extensions, code and
titles mixing CAF and Arabic. Read in chromium, in the built site and in the offline copy."""

from __future__ import annotations

import re

import pytest

from pasapas.project import run_build
from pasapas.transform.bidi import FSI, PDI, isolate_heading, isolate_html, isolate_plain
from pasapas.transform.html_tokens import pieces

# --- What the build writes ----------------------------------------------------------------------------


def test_latin_runs_in_arabic_text_are_isolated():
    html = isolate_html("<p>اتصل بالرقم 01 70 772 372 الآن، ثم افتح ملف .zip</p>", "ar")
    assert "<bdi>01 70 772 372</bdi>" in html and "<bdi>.zip</bdi>" in html


def test_elements_in_another_language_and_code_get_a_left_to_right_direction():
    html = isolate_html('<p>اضغط <strong lang="fr">Mot de passe oublié ?</strong> ثم <code>.zip</code></p>', "ar")
    assert '<strong lang="fr" dir="ltr">Mot de passe oublié ?</strong>' in html
    assert '<code dir="ltr">.zip</code>' in html


def test_a_bracket_of_the_arabic_sentence_stays_outside_the_run():
    assert isolate_html("<p>(انظر CAF) نص</p>", "ar") == "<p>(انظر <bdi>CAF</bdi>) نص</p>"
    assert isolate_html("<p>CAF (الصندوق) نص</p>", "ar") == "<p><bdi>CAF</bdi> (الصندوق) نص</p>"
    assert isolate_html("<p>موقع CAF (1): الدخول</p>", "ar") == "<p>موقع <bdi>CAF (1)</bdi>: الدخول</p>"


# --- The kinds of Latin runs (review of December 2026, §3.3) -------------------------------------------


def bdi(html: str) -> list[str]:
    """What each <bdi> of the isolated paragraph holds."""
    return re.findall(r"<bdi>(.*?)</bdi>", isolate_html(f"<p>{html}</p>", "ar"))


def test_a_sign_written_against_the_end_of_a_run_belongs_to_it():
    assert bdi("اضغط على زر FranceConnect+ في الصفحة") == ["FranceConnect+"]
    assert bdi("يبدأ غالبًا بـ https:// ثم") == ["https://"]
    assert bdi("لغة C# أو C++ أو Canal+ هنا") == ["C#", "C++", "Canal+"]
    assert bdi("العنوان caf.fr/ هنا") == ["caf.fr/"]


def test_the_full_stop_colon_comma_and_dash_after_a_run_belong_to_the_arabic_sentence():
    assert isolate_html("<p>اضغط FranceConnect+.</p>", "ar") == "<p>اضغط <bdi>FranceConnect+</bdi>.</p>"
    assert isolate_html("<h3>FranceConnect+: عندما يطلبه الموقع</h3>", "ar") == (
        "<h3><bdi>FranceConnect+</bdi>: عندما يطلبه الموقع</h3>"
    )
    assert bdi("مثل CAF, ثم Ameli; ثم MSA… ثم Vitale – هنا") == ["CAF", "Ameli", "MSA", "Vitale"]
    assert bdi("ثم + CAF هنا") == ["CAF"]  # a sign set apart by a space is the sentence's


def test_a_run_starts_right_after_a_one_letter_arabic_prefix():
    assert isolate_html("<h3>الإعدادات وWi-Fi وبيانات الجوّال</h3>", "ar") == (
        "<h3>الإعدادات و<bdi>Wi-Fi</bdi> وبيانات الجوّال</h3>"
    )
    assert bdi("وYahoo! Mail، وCybermalveillance.gouv.fr.") == ["Yahoo! Mail", "Cybermalveillance.gouv.fr"]
    assert bdi("فFranceConnect+ أو بCAF أو كAmeli أو لMSA") == ["FranceConnect+", "CAF", "Ameli", "MSA"]
    assert bdi("الدخول بـFranceConnect+ ولـCAF والـ13 رقمًا") == ["FranceConnect+", "CAF", "13"]


def test_a_sign_written_against_the_start_of_a_run_belongs_to_it():
    assert bdi("افتح ملف .zip ثم") == [".zip"]
    assert bdi("اتصل بالرقم +33 1 23 45 67 89 الآن") == ["+33 1 23 45 67 89"]
    assert bdi("أرسل الرابط …/lecons/antivirus/#etape-3 إليه") == ["…/lecons/antivirus/#etape-3"]
    assert bdi("ثم - CAF و— Ameli") == ["CAF", "Ameli"]


def test_addresses_e_mail_addresses_file_names_and_codes_are_one_run_each():
    text = "افتح https://www.caf.fr/allocataires أو اكتب إلى prenom.nom@exemple.fr، ثم IMG_2041.jpg والرمز 736201."
    assert bdi(text) == ["https://www.caf.fr/allocataires", "prenom.nom@exemple.fr", "IMG_2041.jpg", "736201"]
    assert bdi("موقع 17cyber.gouv.fr أو 33700.fr.") == ["17cyber.gouv.fr", "33700.fr"]


def test_an_amount_keeps_its_currency_or_percent_sign():
    assert bdi("ادفع 1,99 € فقط") == ["1,99 €"]
    assert bdi("ادفع 1,99&nbsp;€.") == ["1,99&nbsp;€"]
    assert bdi("ادفع €5 أو 5$ أو 50 % منها") == ["€5", "5$", "50 %"]


def test_brackets_and_quotation_marks_around_a_latin_run_belong_to_it():
    assert isolate_html("<p>اضغط دخول (Se connecter).</p>", "ar") == "<p>اضغط دخول <bdi>(Se connecter)</bdi>.</p>"
    assert bdi("(CAF) نص") == ["(CAF)"]
    assert bdi("اكتب «Mot de passe oublié ?» ثم") == ["«Mot de passe oublié ?»"]
    assert bdi("«Votre colis est bloqué, payez 1,99 € ici» رسالة") == ["«Votre colis est bloqué, payez 1,99 € ici»"]
    assert bdi('الاسم "Paris" هنا') == ['"Paris"']


def test_question_and_exclamation_marks_stay_with_their_label():
    assert bdi("حساب Yahoo! Mail هنا") == ["Yahoo! Mail"]
    assert bdi("الرابط Mot de passe oublié\u00a0? تحت") == ["Mot de passe oublié\u00a0?"]


def test_entities_are_read_as_the_characters_they_show_and_written_back_as_they_were():
    assert bdi("مع L&#x27;Identité Numérique La Poste.") == ["L&#x27;Identité Numérique La Poste"]
    assert bdi("شركة AT&amp;T، وكلمة &laquo;CAF&raquo; هنا") == ["AT&amp;T", "&laquo;CAF&raquo;"]


def test_a_placeholder_of_a_practice_message_keeps_its_braces_outside():
    assert isolate_plain("لديك {count} رقمًا") == f"لديك {{{FSI}count{PDI}}} رقمًا"
    assert isolate_plain("المرفق (Pièce jointe): {file}") == f"المرفق {FSI}(Pièce jointe){PDI}: {{{FSI}file{PDI}}}"


def test_keyboard_shortcuts_read_left_to_right():
    shortcut = '<span class="keys"><kbd class="key-control">Ctrl</kbd><span>+</span><kbd class="key-t">T</kbd></span>'
    assert isolate_html(f"<p>اضغط {shortcut}.</p>", "ar") == (
        '<p>اضغط <span class="keys" dir="ltr"><kbd class="key-control" dir="ltr">Ctrl</kbd>'
        '<span>+</span><kbd class="key-t" dir="ltr">T</kbd></span>.</p>'
    )


def test_headings_in_the_table_of_contents_get_isolate_characters():
    assert isolate_heading("FranceConnect+: عندما يطلبه الموقع") == f"{FSI}FranceConnect+{PDI}: عندما يطلبه الموقع"
    assert isolate_heading("حساب L&#x27;Identité") == f"حساب {FSI}L&#x27;Identité{PDI}"
    assert isolate_heading(isolate_heading("خدمة CAF")) == isolate_heading("خدمة CAF")


def test_the_page_is_read_by_an_html_parser_and_changed_only_where_a_run_is_isolated():
    html = (
        '<p title="a > b" data-x=\'CAF+\'>الإعدادات وWi-Fi</p><!-- CAF+ --><script>if (a<b) x = "CAF+";</script>'
        "<p>نص<br/>عربي فقط &amp; &#x27;</p><textarea>CAF+</textarea>"
    )
    assert isolate_html(html, "ar") == html.replace("وWi-Fi", "و<bdi>Wi-Fi</bdi>")
    assert "".join(piece.raw for piece in pieces(html)) == html


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
        result = run_build(out, project, env=extra, capture=True)
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
