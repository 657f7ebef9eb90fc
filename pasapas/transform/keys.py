"""Keyboard keys named as they are printed on the learner's keyboard.

Lessons write keys once, for every language, with pymdownx.keys (`++enter++`), which
names them in English. Learners in France have a French keyboard: in every language, a
key keeps the name printed on it ("Entrée", "Maj", "Verr. Maj", "Retour arrière"). On a
page in another language, that name is marked French (lang="fr", so that a screen reader
says it in French) and followed by its meaning in the reader's language, in brackets:
"Maj (Shift)", «Maj (الحرف الكبير)». In a shortcut, the meanings follow the whole
shortcut, which stays one piece: "Ctrl + Maj + N (Maj: Shift)". A language without
meanings below shows the French names alone. Letters and digits are left as they are.

On right-to-left pages, pasapas/transform/bidi.py makes each shortcut read left to right
(dir="ltr"); the stylesheet keeps it on one line.
"""

from __future__ import annotations

import re
from html import escape

KEY_NAMES = {
    "fr": {
        "enter": "Entrée",
        "shift": "Maj",
        "caps-lock": "Verr. Maj",
        "alt-graph": "Alt Gr",
        "backspace": "Retour arrière",
        "delete": "Suppr",
        "control": "Ctrl",
        "escape": "Échap",
        "tab": "Tab",
        "space": "Espace",
        "windows": "Windows",
        "alt": "Alt",
        "home": "Origine",
        "end": "Fin",
        "page-up": "Page préc.",
        "page-down": "Page suiv.",
        "insert": "Inser",
        "print-screen": "Impr. écran",
        "arrow-up": "Flèche haut",
        "arrow-down": "Flèche bas",
        "arrow-left": "Flèche gauche",
        "arrow-right": "Flèche droite",
    },
}
#: The language of the keyboard every page names.
KEYBOARD_LANGUAGE = "fr"
#: What a French key name means, in the reader's language, for the keys whose name a
#: reader of that language would not recognise (Ctrl, Tab, Alt Gr… need none).
KEY_MEANINGS = {
    "en": {
        "enter": "Enter",
        "shift": "Shift",
        "caps-lock": "Caps Lock",
        "backspace": "Backspace",
        "delete": "Delete",
        "escape": "Esc",
        "space": "Space bar",
        "home": "Home",
        "end": "End",
        "page-up": "Page Up",
        "page-down": "Page Down",
        "insert": "Insert",
        "print-screen": "Print Screen",
        "arrow-up": "Up arrow",
        "arrow-down": "Down arrow",
        "arrow-left": "Left arrow",
        "arrow-right": "Right arrow",
    },
    "ar": {
        "enter": "الإدخال",
        "shift": "الحرف الكبير",
        "caps-lock": "تثبيت الحروف الكبيرة",
        "backspace": "المسح إلى الخلف",
        "delete": "الحذف",
        "escape": "الخروج",
        "space": "المسافة",
        "home": "بداية السطر",
        "end": "نهاية السطر",
        "page-up": "الصفحة السابقة",
        "page-down": "الصفحة التالية",
        "insert": "الإدراج",
        "print-screen": "تصوير الشاشة",
        "arrow-up": "السهم إلى الأعلى",
        "arrow-down": "السهم إلى الأسفل",
        "arrow-left": "السهم إلى اليسار",
        "arrow-right": "السهم إلى اليمين",
    },
}
#: Between two meanings of one shortcut.
MEANING_SEPARATOR = {"ar": "، "}

KEY = re.compile(r'<kbd class="key-(?P<key>[\w-]+)">(?P<name>[^<]*)</kbd>')
#: A key or shortcut as pymdownx.keys writes it: keys, and "+" between them.
SHORTCUT = re.compile(r'<span class="keys">(?P<inside>(?:<kbd[^>]*>[^<]*</kbd>|<span>[^<]*</span>)+)</span>')


def _named(match: re.Match, language: str) -> str:
    key = match.group("key")
    name = KEY_NAMES[KEYBOARD_LANGUAGE].get(key)
    if name is None:  # a letter, a digit, a key without a French name
        return match.group(0)
    lang = "" if language == KEYBOARD_LANGUAGE else f' lang="{KEYBOARD_LANGUAGE}"'
    return f'<kbd class="key-{key}"{lang}>{escape(name)}</kbd>'


def _shortcut(match: re.Match, language: str) -> str:
    inside = match.group("inside")
    keys = [found.group("key") for found in KEY.finditer(inside)]
    named = KEY.sub(lambda found: _named(found, language), inside)
    meanings = KEY_MEANINGS.get(language, {})
    explained = [key for key in dict.fromkeys(keys) if key in meanings]
    shortcut = f'<span class="keys">{named}</span>'
    if not explained:
        return shortcut
    if len(keys) == 1:
        meaning = escape(meanings[keys[0]])
    else:
        french = KEY_NAMES[KEYBOARD_LANGUAGE]
        meaning = MEANING_SEPARATOR.get(language, ", ").join(
            f'<span lang="{KEYBOARD_LANGUAGE}">{escape(french[key])}</span>: {escape(meanings[key])}' for key in explained
        )
    return f'{shortcut} <span class="pap-key-meaning">({meaning})</span>'


def localise(html: str, language: str) -> str:
    """Every key of a page's HTML named as on a French keyboard, explained in `language`."""
    if "<kbd" not in html:
        return html
    if language == KEYBOARD_LANGUAGE:
        return KEY.sub(lambda match: _named(match, language), html)
    html = SHORTCUT.sub(lambda match: _shortcut(match, language), html)
    # A key outside a shortcut wrapper (never written by pymdownx.keys today).
    return KEY.sub(lambda match: _named(match, language), html)
