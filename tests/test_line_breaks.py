"""Addresses, e-mail addresses, file names and codes in inline code break only after "/",
or not at all, in every language (pasapas/transform/line_breaks.py and the stylesheet);
tests/test_reading_order.py measures it in a browser at 360 px."""

from __future__ import annotations

from html.parser import HTMLParser

from pasapas.transform.line_breaks import keep_whole


def shown_text(html: str) -> str:
    """What a reader copies: the text, without the tags."""
    parts: list[str] = []
    parser = HTMLParser()
    parser.handle_data = parts.append
    parser.feed(html)
    parser.close()
    return "".join(parts)


def test_an_address_in_inline_code_is_cut_only_after_each_slash():
    assert keep_whole("<p>Lisez <code>https://caf-aides.info/compte</code>.</p>") == (
        '<p>Lisez <code class="pap-nobreak"><span>https://</span><span>caf-aides.info/</span><span>compte</span></code>.</p>'
    )
    assert keep_whole("<code>https://aide-caf.fr/</code>") == (
        '<code class="pap-nobreak"><span>https://</span><span>aide-caf.fr/</span></code>'
    )


def test_an_e_mail_address_a_file_name_or_a_code_without_slash_is_kept_whole():
    for text in ("prenom.nom@exemple.fr", "Diallo-Aminata-CV.pdf", "service-public.fr", "736201", "docs/"):
        assert keep_whole(f"<p><code>{text}</code></p>") == f'<p><code class="pap-nobreak">{text}</code></p>'


def test_what_the_learner_copies_is_the_same_text():
    html = "<p><code>https://www.caf.fr/allocataires</code> <code>docs/&lt;langue&gt;/_interface.yml</code></p>"
    assert shown_text(keep_whole(html)) == shown_text(html)


def test_code_blocks_and_code_with_spaces_are_left_alone():
    html = (
        '<pre><code>https://caf-aides.info/compte</code></pre><p><code>make lint</code> <code class="x">a-b/c</code>'
        "<code>a<em>b</em></code></p>"
    )
    assert keep_whole(html) == html.replace(
        '<code class="x">a-b/c</code>', '<code class="x pap-nobreak"><span>a-b/</span><span>c</span></code>'
    )


def test_the_link_of_a_pretend_message_in_a_practice_screen_is_cut_the_same_way():
    html = '<p class="pap-practice-link" dir="ltr">https://colis-livraison-suivi.info/paiement</p>'
    assert keep_whole(html) == (
        '<p class="pap-practice-link" dir="ltr"><span>https://</span><span>colis-livraison-suivi.info/</span>'
        "<span>paiement</span></p>"
    )


def test_a_page_without_inline_code_is_returned_unchanged():
    html = "<p>Un texte avec https://caf.fr et <strong>rien</strong> à couper.</p>"
    assert keep_whole(html) is html
