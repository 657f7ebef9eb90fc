"""Alphabetical order in each language, for lists a learner looks a word up in (the
glossary): a rule, not an order kept by hand.

- Latin-script languages (French, English…): letter case and accents do not count
  (« Écran » sorts with « ecran »), nor do hyphens, apostrophes and other signs
  (« E-mail » is « email »); words are compared one by one (« E-mail » before
  « E-mail address » before « Emailing »).
- Arabic: the short vowels and the shadda do not count; the article «ال» at the start of a
  word is ignored («الرسائل» sorts under ر); أ إ آ ٱ are ا, ى is ي, ؤ is و, ئ is ي and
  ة is ه. Letters then follow the usual alphabet (ا ب ت ث … ن ه و ي). A headword in Latin
  letters (PDF, Wi-Fi) comes after every Arabic one, in the Latin order.
"""

from __future__ import annotations

import re
import unicodedata

#: Short vowels, tanwin, shadda, sukun, dagger alif, and the tatweel that stretches words.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",
        "ک": "ك",  # the Persian kaf and yeh some keyboards type
        "ی": "ي",
    }
)
ARTICLE = "ال"
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
#: What is kept for comparing: letters, digits and the space between words.
NOT_A_LETTER = re.compile(r"[^\w ]|_")
SPACES = re.compile(r"\s+")


def _latin(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return SPACES.sub(" ", NOT_A_LETTER.sub("", without_accents.casefold().replace("-", ""))).strip()


def _arabic_word(word: str) -> str:
    # The article first, while «أ» is still «أ»: «ألم» must not read as «ال» + «م».
    if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1:
        word = word[len(ARTICLE) :]
    return word.translate(ARABIC_LETTERS)


def _arabic(text: str) -> str:
    text = ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text))
    return _latin(" ".join(_arabic_word(word) for word in text.split()))


def sort_key(term: str, language: str) -> tuple[int, str]:
    """What `term` is compared by, in `language` (a code such as 'ar' or 'en-GB')."""
    if language.split("-")[0].split("_")[0] == "ar":
        key = _arabic(term)
        first = next((c for c in key if c.isalpha()), "")
        # Arabic headwords first, then those in Latin letters (PDF, Wi-Fi…).
        return (0 if ARABIC_SCRIPT.match(first) else 1, key)
    return (0, _latin(term))
