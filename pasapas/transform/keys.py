"""Keyboard keys named as they are printed on the learner's keyboard.

Lessons write keys once, for every language, with pymdownx.keys (`++enter++`), which
names them in English. On a French page, the learner's keyboard and the lesson say
"Entrée", "Maj", "Verr. Maj"; other languages keep the extension's names.
"""

from __future__ import annotations

import re

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
KEY = re.compile(r'<kbd class="key-(?P<key>[\w-]+)">(?P<name>[^<]*)</kbd>')


def localise(html: str, language: str) -> str:
    names = KEY_NAMES.get(language)
    if not names:
        return html
    return KEY.sub(lambda m: f'<kbd class="key-{m.group("key")}">{names.get(m.group("key"), m.group("name"))}</kbd>', html)
