"""Names of people and bodies as letters and bylines write them: honorifics, roles, shapes."""

from __future__ import annotations

import re
from functools import lru_cache

# Courtesy titles written before a name. Order matters: longest first.
HONORIFICS = [
    "the right honourable",
    "the honourable",
    "the honorable",
    "honorable",
    "right honourable",
    "rt. hon.",
    "rt hon.",
    "rt. hon",
    "rt hon",
    "hon.",
    "hon",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "miss",
    "dr.",
    "dr",
    "prof.",
    "prof",
    "professor",
    "madame",
    "madam",
    "mian",
    "sir",
    "cllr",
    "shri",
    "shree",
    "sri",
    "smt.",
    "smt",
    "kumari",
    "thiru",
    "cllr.",
    "dame",
    "lord",
    "lady",
    "sheikh",
    "shaikh",
    "syed",
    "sayyid",
    "maulana",
    "mufti",
    "hafiz",
    "haji",
    "janab",
    "begum",
    "chaudhry",
    "ch.",
    "justice",
    "engr.",
    "engr",
    "barrister",
    "advocate",
    "comrade",
    "brother",
    "sister",
    "signed",
    "sd/-",
    "sd/",
    "(sd)",
]
URDU_HONORIFICS = ["جناب", "محترم", "محترمہ", "عزت مآب", "ڈاکٹر", "بیگم", "مولانا", "سید", "حضرت"]

# Offices written before a name ("Prime Minister Yousaf Raza Gilani"): a role, not part of the name.
TITLES_BEFORE_NAME = [
    "us president",
    "u.s. president",
    "president",
    "vice president",
    "prime minister",
    "chief minister",
    "interior minister",
    "foreign minister",
    "finance minister",
    "law minister",
    "minister",
    "governor",
    "senator",
    "general",
    "gen.",
    "lt. general",
    "major general",
    "brigadier",
    "colonel",
    "col.",
    "major",
    "captain",
    "capt.",
    "admiral",
    "chief justice",
    "judge",
    "mayor",
    "ambassador",
    "chairman",
    "chairperson",
    "speaker",
    "deputy speaker",
    "secretary",
    "commissioner",
    "inspector general",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "imam",
    "leader",
    "founder",
    "mna",
    "mpa",
    "councillor",
    "councilor",
    "commodore",
    "air commodore",
    "air marshal",
    "vice admiral",
    "rear admiral",
    "wing commander",
    "squadron leader",
    "lieutenant",
    "lt.",
    "alderman",
    "deputy commissioner",
    "superintendent of police",
    "ssp",
    "sho",
    "dig",
    "dsp",
    "igp",
    "spokesman",
    "spokesperson",
    "advocate",
    "barrister",
    "justice",
]
# Letters after a name that are roles or honours, not part of it.
SUFFIXES = [
    "mp",
    "mna",
    "mpa",
    "mep",
    "qc",
    "kc",
    "obe",
    "mbe",
    "cbe",
    "esq.",
    "esq",
    "phd",
    "jr.",
    "sr.",
]

_HON = "|".join(re.escape(h) for h in sorted(HONORIFICS + TITLES_BEFORE_NAME, key=len, reverse=True))
HONORIFIC_PREFIX = re.compile(rf"^(?:(?:{_HON})(?=[\s.,]|$)\s*[.,]?\s*)+", re.IGNORECASE)
SUFFIX_RE = re.compile(r"(?:[\s,]+(?:" + "|".join(re.escape(s) for s in SUFFIXES) + r"))+\.?$", re.IGNORECASE)
URDU_HON_PREFIX = re.compile(r"^(?:(?:" + "|".join(URDU_HONORIFICS) + r")\s+)+")

NAME_WORD = r"(?:[A-Z][a-z'’\-]+|[A-Z]\.?|[A-Z][A-Z]?[a-z]+(?:-[A-Z][a-z]+)?)"
NAME_CONNECTORS = {
    "bin",
    "ibn",
    "ul",
    "al",
    "el",
    "ud",
    "din",
    "de",
    "van",
    "von",
    "da",
    "di",
    "le",
    "bint",
}
PERSON_NAME = re.compile(rf"^{NAME_WORD}(?:[\s\-]+(?:{NAME_WORD}|bin|ibn|ul|al|ud|de|van|von|da|el))*$")

# Words that make a capitalised phrase a body, not a person.
ORG_WORDS = {
    "movement",
    "party",
    "league",
    "association",
    "committee",
    "council",
    "ministry",
    "government",
    "organisation",
    "organization",
    "front",
    "union",
    "society",
    "foundation",
    "trust",
    "institute",
    "university",
    "college",
    "school",
    "assembly",
    "parliament",
    "senate",
    "commission",
    "agency",
    "bureau",
    "department",
    "office",
    "corporation",
    "company",
    "bank",
    "group",
    "forum",
    "federation",
    "alliance",
    "congress",
    "conference",
    "tehreek",
    "tehrik",
    "jamaat",
    "jamiat",
    "ittehad",
    "mahaz",
    "network",
    "centre",
    "center",
    "club",
    "chamber",
    "board",
    "authority",
    "court",
    "police",
    "army",
    "navy",
    "force",
    "forces",
    "rangers",
    "intelligence",
    "headquarters",
    "secretariat",
    "embassy",
    "consulate",
    "mission",
    "times",
    "news",
    "post",
    "herald",
    "tribune",
    "gazette",
    "press",
    "radio",
    "television",
    "tv",
    "channel",
    "media",
    "daily",
    "weekly",
    "monthly",
    "journal",
    "service",
    "services",
    "coalition",
    "brotherhood",
    # South Asian words for a party or a body
    "morcha",
    "manch",
    "sangathan",
    "dal",
    "sabha",
    "parishad",
    "samiti",
    "sangh",
    "panchayat",
    "sangat",
    "anjuman",
    # businesses
    "ltd",
    "limited",
    "plc",
    "pvt",
    "inc",
    "llc",
    "builders",
    "developers",
    "textiles",
    "packaging",
    "cement",
    "motors",
    "steel",
    "mills",
    "industries",
    "enterprises",
    "holdings",
    "pharma",
    "pharmaceuticals",
    "collective",
    "watch",
}


# Words that make a line a role: 'Chief of ...', 'Founder & Leader ...' (English and Urdu).
ROLE_WORDS = {
    "chief",
    "founder",
    "leader",
    "chairman",
    "chairperson",
    "president",
    "secretary",
    "minister",
    "member",
    "convener",
    "convenor",
    "organizer",
    "organiser",
    "head",
    "director",
    "editor",
    "spokesman",
    "spokesperson",
    "governor",
    "mayor",
    "ambassador",
    "senator",
    "coordinator",
    "advisor",
    "adviser",
    "general",
    "deputy",
    "vice",
    "officer",
    "manager",
    "executive",
    "ceo",
    "representative",
    "commissioner",
    "chancellor",
    "principal",
    "professor",
    "correspondent",
    "reporter",
    "columnist",
    "writer",
    "activist",
    "mna",
    "mpa",
    "mp",
    "treasurer",
    "patron",
}

# Words that make an Urdu phrase a body.
URDU_ORG_WORDS = (
    "ایسوسی ایشن",
    "پارٹی",
    "فرنٹ",
    "تحریک",
    "موومنٹ",
    "لیگ",
    "جماعت",
    "کمیٹی",
    "کونسل",
    "اتھارٹی",
    "حکومت",
    "وزارت",
    "یونین",
    "فورم",
    "سوسائٹی",
    "ٹرسٹ",
    "فاؤنڈیشن",
    "یونیورسٹی",
    "کمیشن",
    "اسمبلی",
)


# Words of addresses and buildings: 'Chief Minister House' is a place, not a person.
PLACE_WORDS = {
    "house",
    "street",
    "road",
    "lane",
    "avenue",
    "building",
    "block",
    "sector",
    "colony",
    "town",
    "city",
    "plaza",
    "tower",
    "square",
    "chowk",
    "bazaar",
    "market",
    "hall",
    "hospital",
    "station",
    "district",
    "province",
    "village",
    "floor",
    "complex",
    "estate",
    "park",
    "nagar",
    "abad",
}


@lru_cache(maxsize=50_000)
def strip_honorifics(name: str) -> str:
    """'Rt. Hon. Tony Blair MP,' -> 'Tony Blair'; 'Signed Altaf Hussain' -> 'Altaf Hussain'."""
    name = name.strip(" \t,;:-–—")
    name = re.sub(r"\s*\((?:r|retd\.?|retired|rtd\.?)\)\s*", " ", name, flags=re.IGNORECASE)
    name = HONORIFIC_PREFIX.sub("", name)
    name = URDU_HON_PREFIX.sub("", name)
    name = re.sub(r"\s+(صاحب|صاحبہ)$", "", name)
    name = SUFFIX_RE.sub("", name)
    name = re.sub(r"\s*\((?:[A-Z]{2,6})\)$", "", name)  # 'Waseem Akhtar (MNA)'
    return name.strip(" \t,;:-–—")


def has_honorific(text: str) -> bool:
    """True when the text starts with a courtesy title or an office."""
    return bool(HONORIFIC_PREFIX.match(text.strip()) or URDU_HON_PREFIX.match(text.strip()))


_ORG_OR_PLACE = frozenset(ORG_WORDS | PLACE_WORDS)  # made once, not per word


@lru_cache(maxsize=50_000)
def looks_like_person(text: str) -> bool:
    """True for a line that is a person's name (with or without titles), nothing more."""
    t = text.strip(" \t,;:.")
    if not t or len(t) > 60 or re.search(r"\d|@", t):
        return False
    if _is_urdu(t):
        core = URDU_HON_PREFIX.sub("", t).strip()
        if any(w in ROLE_WORDS for w in core.split()) or any(w in core for w in URDU_ORG_WORDS):
            return False
        return 1 <= len(core.split()) <= 4 and bool(URDU_HON_PREFIX.match(t) or 2 <= len(core.split()) <= 3)
    core = strip_honorifics(t)
    parts = core.split()
    if not 1 <= len(parts) <= 5:
        return False
    if len(parts) == 1 and not has_honorific(t):
        return False
    if any(p.lower().strip(",.") in _ORG_OR_PLACE for p in parts):
        return False
    return bool(PERSON_NAME.match(core))


def is_org_name(text: str) -> bool:
    """True when a capitalised phrase names a body ('Muttahida Qaumi Movement')."""
    return any(w.lower().strip(",.()") in ORG_WORDS for w in text.split())


def _is_urdu(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)
