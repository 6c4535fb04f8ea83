"""Which language a text is in: script first, then common words."""

from __future__ import annotations

import re

URDU_ONLY = set("ٹڈڑںےھہۓۃ")  # letters Urdu writes and Arabic does not
PERSIAN_HINT = set("پچژگک")
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
    arabic = sum(1 for ch in sample if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    if arabic > latin:
        if any(ch in URDU_ONLY for ch in sample):
            return "ur"
        return "fa" if any(ch in PERSIAN_HINT for ch in sample) else "ar"
    words = re.findall(r"[a-z]+", sample.lower())
    if words and sum(w in ENGLISH_WORDS for w in words) / len(words) > 0.04:
        return "en"
    return "en" if latin and len(words) < 30 else "und"
