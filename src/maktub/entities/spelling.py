"""A name's consonant skeleton: one key for its romanised spellings and its Urdu script.

South Asian names reach the press in many romanisations: Zardari and Zaradri, Rizvi and Rizwi,
Baig and Beg, Muttahida and Mutahida, Khawaja and Khwaja. Urdu writes them without short vowels.
The skeleton keeps what the spellings agree on, in the way Urdu writes a name: consonants in
order, a vowel only at the start and end of a word (where Urdu writes one: ا ی ے و ہ), with
doubled letters and the h of aspirates and of 'kh', 'sh', 'gh' dropped. 'Altaf Hussain' and
'الطاف حسین' both give 'altf hsn'; 'Imran Qadri' ('amrn kdry') and 'Imran Qadir' ('amrn kdr')
stay apart, as قادری and قادر do.

A shared skeleton proposes a match; it does not prove one. The resolver adds a spelling score
for two Latin names, and merges nothing on a skeleton alone but Latin against Urdu script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import urdunorm

VOWELS = set("aeiouy")
# Latin letter groups first, then single letters, to the skeleton's letters.
LATIN_GROUPS = [("ph", "f"), ("qu", "k"), ("ck", "k"), ("ch", "c"), ("x", "ks")]
LATIN_LETTERS = str.maketrans({"w": "v", "q": "k"})
# Urdu letters to the skeleton's letters; '' drops the letter, '~' marks a vowel letter.
URDU_LETTERS = {
    "ا": "~",
    "آ": "~",
    "أ": "~",
    "إ": "~",
    "ع": "~",
    "ء": "",
    "ئ": "",
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ٹ": "t",
    "ط": "t",
    "ث": "s",
    "س": "s",
    "ص": "s",
    "ش": "s",
    "ج": "j",
    "چ": "c",
    "ح": "h",
    "ہ": "h",
    "ه": "h",
    "ۃ": "h",
    "ھ": "",
    "خ": "k",
    "ک": "k",
    "ك": "k",
    "ق": "k",
    "د": "d",
    "ڈ": "d",
    "ذ": "z",
    "ز": "z",
    "ژ": "z",
    "ض": "z",
    "ظ": "z",
    "ر": "r",
    "ڑ": "r",
    "غ": "g",
    "گ": "g",
    "ف": "f",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ں": "n",
    "و": "v",
    "ی": "y",
    "ي": "y",
    "ے": "y",
    "ى": "y",
}
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def is_urdu(text: str) -> bool:
    """True when `text` is written in Arabic script (Urdu, here)."""
    return bool(ARABIC_SCRIPT.search(text))


@lru_cache(maxsize=50_000)
def skeleton(name: str) -> str:
    """The consonant skeleton of a name, word by word ('Farhat Rizwi' -> 'frt rzvy')."""
    if is_urdu(name):
        words = [_urdu_word(w) for w in urdunorm.normalize_chars(name, remove_diacritics=True).split()]
    else:
        words = [_latin_word(w) for w in _ascii(name).split()]
    return " ".join(w for w in words if w)


def joined(skel: str) -> str:
    """A skeleton with word breaks removed ('aslm abd' and 'aslmbd' -> 'aslmbd').

    Urdu splits some names the Latin spelling writes as one word (اسلام آباد, Islamabad);
    a word's opening vowel inside the name is dropped with the break.
    """
    words = skel.split()
    return "".join([words[0], *(w[1:] if w[:1] == "a" else w for w in words[1:])]) if words else ""


def _ascii(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z\s]+", " ", re.sub(r"[.'’`-]", "", text))


def _latin_word(word: str) -> str:
    for group, letter in LATIN_GROUPS:
        word = word.replace(group, letter)
    word = word.translate(LATIN_LETTERS)
    if not word:
        return ""
    out = ["a" if word[0] in VOWELS and word[0] != "y" else word[0]]
    body, last = word[1:], ""
    # The closing vowel is written in Urdu: -i, -ee, -y as ی/ے; -a, -ah as ا/ہ; -o, -u as و.
    # A lone closing -e is the silent e of English spelling (Lahore, Whitcombe).
    tail = re.search(r"(ah|[aeiouy]+)$", body)
    if tail:
        vowel = tail.group(1)
        last = (
            "" if vowel == "e" else "a" if vowel in {"a", "ah", "aa"} else "v" if vowel[-1] in "ou" else "y"
        )
        body = body[: tail.start()]
    for ch in body:
        if ch in VOWELS or ch == "h":
            continue
        out.append(ch)
    return _squeeze("".join(out) + last)


def _urdu_word(word: str) -> str:
    letters = [ch for ch in word if ch in URDU_LETTERS]
    if not letters:
        return ""
    out: list[str] = []
    for i, ch in enumerate(letters):
        sound = URDU_LETTERS[ch]
        first, last = i == 0, i == len(letters) - 1
        following = URDU_LETTERS.get(letters[i + 1]) if not last else None
        if first:
            out.append("a" if sound in {"~", "y"} and ch != "ی" else sound or "")
        elif last:
            if sound in {"~", "h"}:
                out.append("a")
            elif sound == "y":
                out.append("y")
            elif sound == "v":
                out.append("v")
            elif sound not in {"", "~"}:
                out.append(sound)
        elif sound == "v":
            if following in {"~", "y"}:
                out.append("v")  # و before a vowel letter is a consonant (Rizvi, Awami); else a vowel
        elif sound not in {"~", "y", "h", ""}:
            out.append(sound)
    return _squeeze("".join(out))


def _squeeze(skel: str) -> str:
    """Doubled letters once: 'Muttahida' and 'Mutahida' spell the same skeleton."""
    return DOUBLED.sub(r"\1", skel)


DOUBLED = re.compile(r"(.)\1+")
