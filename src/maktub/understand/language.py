"""Which language a text is in: script first, then common words."""

from __future__ import annotations

import re

URDU_ONLY = set("ٹڈڑںےھہۓۃ")  # letters Urdu writes and Arabic does not
PERSIAN_HINT = set("پچژگک")
ARABIC_LETTER = re.compile("[\u0600-\u06ff\ufb50-\ufeff]")
LATIN_LETTER = re.compile("[A-Za-z]")
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isascii() or not chr(b).isalpha())
URDU_ONLY_RE = re.compile("[" + "".join(sorted(URDU_ONLY)) + "]")
PERSIAN_RE = re.compile("[" + "".join(sorted(PERSIAN_HINT)) + "]")
ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "to",
    "in",
    "is",
    "that",
    "for",
    "with",
    "was",
    "on",
    "by",
    "are",
    "this",
}


def detect_language(text: str) -> str:
    """A BCP 47 tag for the main language of `text`: 'ur', 'ar', 'fa', 'en' or 'und'."""
    sample = text[:20000]
    arabic = len(ARABIC_LETTER.findall(sample))
    latin = len(
        sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS)
    )  # [A-Za-z], counted in C
    if arabic > latin:
        if URDU_ONLY_RE.search(sample):
            return "ur"
        return "fa" if PERSIAN_RE.search(sample) else "ar"
    words = re.findall(r"[a-z]+", sample.lower())
    if words and sum(w in ENGLISH_WORDS for w in words) / len(words) > 0.04:
        return "en"
    return "en" if latin and len(words) < 30 else "und"
