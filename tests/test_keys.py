"""Keys named as printed on the learner's French keyboard, in every language, explained in
the reader's language (pasapas/transform/keys.py); on right-to-left pages a shortcut reads
left to right (tests/test_reading_order.py measures it in a browser)."""

from __future__ import annotations

from pasapas.transform.bidi import isolate_html
from pasapas.transform.keys import KEY_MEANINGS, KEY_NAMES, localise


def keys(*names: str) -> str:
    """A key or shortcut as pymdownx.keys writes it (`++ctrl+shift+n++`)."""
    kbd = [f'<kbd class="key-{key}">{label}</kbd>' for key, label in (name.split(":") for name in names)]
    return '<span class="keys">' + "<span>+</span>".join(kbd) + "</span>"


SHIFT = keys("shift:Shift")
NEW_PRIVATE_WINDOW = keys("control:Ctrl", "shift:Shift", "n:N")


def test_french_pages_show_the_names_printed_on_a_french_keyboard():
    assert localise(f"<p>Appuyez sur {SHIFT}.</p>", "fr") == (
        '<p>Appuyez sur <span class="keys"><kbd class="key-shift">Maj</kbd></span>.</p>'
    )
    assert localise(keys("caps-lock:Caps Lock"), "fr") == '<span class="keys"><kbd class="key-caps-lock">Verr. Maj</kbd></span>'


def test_other_languages_show_the_french_name_marked_french_then_its_meaning_in_their_own():
    assert localise(f"<p>Press {SHIFT}.</p>", "en") == (
        '<p>Press <span class="keys"><kbd class="key-shift" lang="fr">Maj</kbd></span>'
        ' <span class="pap-key-meaning">(Shift)</span>.</p>'
    )
    assert localise(keys("enter:Enter"), "ar") == (
        '<span class="keys"><kbd class="key-enter" lang="fr">Entrée</kbd></span> <span class="pap-key-meaning">(الإدخال)</span>'
    )
    assert ">Retour arrière</kbd>" in localise(keys("backspace:Backspace"), "ar")


def test_a_shortcut_stays_one_piece_and_the_meanings_follow_it():
    assert localise(NEW_PRIVATE_WINDOW, "en") == (
        '<span class="keys"><kbd class="key-control" lang="fr">Ctrl</kbd><span>+</span>'
        '<kbd class="key-shift" lang="fr">Maj</kbd><span>+</span><kbd class="key-n">N</kbd></span>'
        ' <span class="pap-key-meaning">(<span lang="fr">Maj</span>: Shift)</span>'
    )
    assert localise(keys("control:Ctrl", "alt:Alt", "delete:Delete", "shift:Shift"), "ar").endswith(
        '(<span lang="fr">Suppr</span>: الحذف، <span lang="fr">Maj</span>: الحرف الكبير)</span>'
    )


def test_keys_named_alike_in_every_language_and_letters_need_no_meaning():
    assert localise(keys("control:Ctrl", "t:T"), "en") == (
        '<span class="keys"><kbd class="key-control" lang="fr">Ctrl</kbd><span>+</span><kbd class="key-t">T</kbd></span>'
    )
    assert localise(keys("alt-graph:AltGr", "0:0"), "ar") == (
        '<span class="keys"><kbd class="key-alt-graph" lang="fr">Alt Gr</kbd><span>+</span><kbd class="key-0">0</kbd></span>'
    )


def test_a_language_without_meanings_shows_the_french_names_alone():
    assert localise(f"<p>{SHIFT}</p>", "es") == '<p><span class="keys"><kbd class="key-shift" lang="fr">Maj</kbd></span></p>'


def test_every_meaning_explains_a_key_that_has_a_french_name():
    for language, meanings in KEY_MEANINGS.items():
        assert set(meanings) <= set(KEY_NAMES["fr"]), language
        assert all(meaning.strip() for meaning in meanings.values()), language


def test_on_a_right_to_left_page_the_shortcut_reads_left_to_right_and_its_meaning_follows_the_sentence():
    html = isolate_html(localise(f"<p>اضغط {NEW_PRIVATE_WINDOW}.</p>", "ar"), "ar")
    assert html == (
        '<p>اضغط <span class="keys" dir="ltr"><kbd class="key-control" lang="fr" dir="ltr">Ctrl</kbd><span>+</span>'
        '<kbd class="key-shift" lang="fr" dir="ltr">Maj</kbd><span>+</span><kbd class="key-n" dir="ltr">N</kbd></span>'
        ' <span class="pap-key-meaning">(<span lang="fr" dir="ltr">Maj</span>: الحرف الكبير)</span>.</p>'
    )
