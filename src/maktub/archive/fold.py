"""Letter forms folded before text is indexed or searched, so one word has one spelling.

Arabic and Urdu letter forms (ي/ی, ك/ک, ه/ہ) and the three sets of digits become one each.
The mapping is one character for one character, so offsets in the folded text are offsets in
the stored text, and FTS5 snippets of the stored text line up with the index.
"""

from __future__ import annotations

import re

_PAIRS = {
    "\u064a": "\u06cc",  # Arabic yeh -> Farsi yeh (Urdu choti ye)
    "\u0649": "\u06cc",  # alef maksura -> Farsi yeh
    "\u0643": "\u06a9",  # Arabic kaf -> keheh (Urdu kaf)
    "\u0647": "\u06c1",  # heh -> heh goal (Urdu gol he)
    "\u06be": "\u06be",
    "\u0629": "\u06c3",  # teh marbuta -> teh marbuta goal
}
_DIGITS = {chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)}
_TABLE = str.maketrans(_PAIRS | _DIGITS)


def fold(text: str | None) -> str:
    """`text` with Urdu and Arabic letter forms and digits folded; same length as `text`."""
    if not text or text.isascii():  # nothing to fold, found at C speed (translate looks up each letter)
        return text or ""
    return text.translate(_TABLE)


_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]")


def fold_for_index(text: str | None) -> str:
    """`fold`, then without Arabic-script vowel marks and joiners (for PostgreSQL, which keeps them)."""
    return _MARKS.sub("", fold(text))
