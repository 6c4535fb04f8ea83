"""Recognise people, organisations and places in a document, and resolve short forms within it.

The cues are the ones a reader uses: courtesy titles and offices ("Mr.", "Prime Minister"),
words that name bodies ("Movement", "Association"), acronyms defined in the text
("Muttahida Qaumi Movement (MQM)"), the parties of a letter, and offline gazetteers of
places and of well-known people and bodies. A capitalised phrase with none of these is left
out: precision over recall, since every entity shown to a reader should be real.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from maktub.entities import model
from maktub.entities.gazetteer import find_known, find_known_fuzzy, find_place, given_names, key
from maktub.entities.resolve import Resolver, group_mentions
from maktub.entities.spelling import is_urdu, joined, skeleton
from maktub.entities.urdu import is_word, urdu_names
from maktub.entities.urdu import tokens as urdu_tokens
from maktub.model import Document, Entity
from maktub.understand.article import STAFF_LEAD
from maktub.understand.names import (
    HONORIFICS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
    SUFFIXES,
    TITLES_BEFORE_NAME,
    strip_honorifics,
)

CONNECTORS = {
    "bin",
    "ibn",
    "ul",
    "al",
    "ud",
    "of",
    "the",
    "and",
    "for",
    "de",
    "e",
    "i",
    "&",
    "van",
    "von",
    "da",
}
NAME_CONNECTORS = {"bin", "ibn", "ul", "al", "ud", "de", "van", "von", "da"}
_HON_WORDS = {h.rstrip(".").lower() for h in HONORIFICS if " " not in h}
_TITLE_PHRASES = sorted(
    {t.rstrip(".").lower() for t in TITLES_BEFORE_NAME + HONORIFICS}, key=len, reverse=True
)
TITLE_PREFIX = re.compile(r"^(" + "|".join(re.escape(t) for t in _TITLE_PHRASES) + r")(?: |$)")
NATIONALITY = {
    "us",
    "u.s",
    "american",
    "british",
    "indian",
    "pakistani",
    "afghan",
    "former",
    "late",
    "then",
    "ex",
    "federal",
    "provincial",
}
SLOGANS = {"zindabad", "murdabad", "zindabaad"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Languages and peoples: 'in Urdu' is no place.
LANGUAGES = {
    "urdu",
    "punjabi",
    "hindi",
    "sindhi",
    "pashto",
    "pushto",
    "balochi",
    "saraiki",
    "english",
    "arabic",
    "persian",
    "farsi",
    "bengali",
    "bangla",
    "gujarati",
    "marathi",
    "tamil",
    "telugu",
    "kashmiri",
    "hindko",
}
# Words that make a name a newspaper's: 'Daily Paigham', 'Weekly Nigah', 'Evening Courier'.
PAPER_FIRST = {"daily", "weekly", "evening", "morning", "sunday"}
PAPER_LAST = {
    "times",
    "post",
    "herald",
    "tribune",
    "gazette",
    "chronicle",
    "express",
    "observer",
    "courier",
    "ledger",
    "mail",
    "telegraph",
    "journal",
    "guardian",
    "mirror",
    "standard",
    "news",
    "lantern",
}
ROLE_ACRONYMS = {
    "gmt",
    "utc",
    "pst",
    "ist",
    "mpp",
    "mla",
    "mlc",
    "ips",
    "ias",
    "gdp",
    "fir",
    "gp",
    "gst",
    "vat",
    "ngo",
    "ngos",
    "sms",
    "atm",
    "ppe",
    "covid",
    "hiv",
    "aids",
    "ac",
    "dc",
    "vip",
    "vvip",
    "lpg",
    "cng",
    "faqs",
    "jpeg",
    "html",
    "ict",
    "it",
    "ai",
    "uk-based",
    "ends",
    "agm",
    "egm",
    "asap",
    "faq",
    "ok",
    "urgent",
    "mna",
    "mpa",
    "mp",
    "mep",
    "ceo",
    "cfo",
    "pm",
    "cm",
    "ig",
    "dig",
    "sp",
    "ssp",
    "dg",
    "md",
    "qc",
    "obe",
    "mbe",
    "phd",
    "pdf",
    "am",
    "tv",
    "id",
    "no",
    "nb",
    "ps",
    "cc",
    "bcc",
    "re",
    "fyi",
    "rss",
    "url",
    "usd",
    "pkr",
    "gbp",
    "ad",
    "bc",
    "ii",
    "iii",
    "iv",
    "vi",
    "vii",
    "viii",
    "ix",
    "xi",
    "xii",
}
# Capitalised words that start sentences or headings and name nothing.
STOP = set(
    """both neither either a an the in on at for from to of by with and or but if when while after before since until as
this that these those there here it its he she they we i you his her their our my your all any some each
every no not one two three few many most more much other such only also even just yet still already however
moreover meanwhile according although though because so then thus therefore hence recently earlier later
today yesterday tomorrow now please dear yours sincerely regards thanks thank good best kind warm may might
must shall should will would can could do does did is are was were be been being have has had what who whom
which where why how mr mrs ms dr sir madam madame hon rt signed amen inshallah assalamo alaikum salaam""".split()
)


# Unions of the word sets above, made once: `a | b` in a test builds a new set on every call.
_PLAIN_WORDS = frozenset(STOP | ROLE_WORDS | ORG_WORDS)
_ROLE_OR_HONORIFIC = frozenset(ROLE_WORDS | _HON_WORDS)
_NOT_IN_NAME_BEFORE_ROLE = frozenset(ROLE_WORDS | ORG_WORDS | PLACE_WORDS | STOP)
_ROLE_OR_ORG = frozenset(ROLE_WORDS | ORG_WORDS)
_PERIOD_KEEPERS = frozenset(_HON_WORDS | {"md", "mohd", "muhd"})
_ORG_OR_OF = frozenset(ORG_WORDS | {"of", "for"})
_ORG_OR_HONORIFIC = frozenset(ORG_WORDS | _HON_WORDS)
_NATIONALITY_WORDS = frozenset(NATIONALITY | {"british", "american"})


@dataclass
class Mention:
    """One capitalised phrase judged to name something."""

    surface: str
    core: str
    type: str | None
    evidence: set[str] = field(default_factory=set)
    canonical: str | None = None


def recognise_entities(
    doc: Document, resolver: Resolver | None = None, context: list[Entity] | None = None
) -> Document:
    """Fill doc.entities, and put canonical names into its references and claims.

    `context` holds the entities of the page a document was found in: 'Mr Rizvi' in a listing
    item is the Farhat Rizvi the listing names elsewhere.
    """
    text = doc.text
    mentions = [
        Mention(surface, core, None, set(evidence))
        for line in text.splitlines()
        for surface, core, evidence in _line_mentions(line)
    ]
    mentions += _urdu_mentions(text, resolver) + _titled_by_role(text)
    mentions += _party_mentions(doc)
    acronyms = _defined_acronyms(text)
    lowercase_words = LowercaseWords(text)
    classified = [_classify(m, acronyms) for m in mentions]
    kept = [m for m in classified if m.type]
    kept += _ask_model(text, [m for m in classified if not m.type], kept, lowercase_words)
    known_people = [e.name for e in context or [] if e.type == "person" and len(e.name.split()) >= 2]
    doc.entities = group_mentions(kept, acronyms, resolver, known_people)
    _canonical_names_in(doc)
    return doc


LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


class LowercaseWords:
    """The words a text writes in lower case ('general' is a word there, not a name), found on
    the first question: a scan of the whole text that most documents never need."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(LOWERCASE_WORD.findall(self.text))
        return word in self.words


def _prose(line: str) -> set[str]:
    """{'prose'} for a line of running text (eight words or more, most in lower case): the model
    reads names well there, and poorly in headers, signatures and menus ('Notice No')."""
    words = line.split()
    if len(words) < 8:
        return set()
    return {"prose"} if sum(1 for w in words if w[:1].islower()) * 2 >= len(words) else set()


def _title_case(line: str) -> set[str]:
    """{'heading'} for a line in Title Case ('Budget Debate Continues'): its capitals say nothing."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 3 or len(words) > 16:
        return set()
    capitals = sum(
        1 for w in words if w[0].isupper() or w.lower() in {"of", "the", "and", "in", "on", "for", "to"}
    )
    return {"heading"} if capitals == len(words) else set()


def _ask_model(
    text: str, unexplained: list[Mention], kept: list[Mention], lowercase: LowercaseWords
) -> list[Mention]:
    """Type what the cues left open: the model for names of two words or more (and for one word
    after 'in', 'at', 'from'), then a lone surname of a person named in full on the page."""
    out: list[Mention] = []
    questions: list[tuple[str, str, int]] = []
    waiting: dict[str, list[Mention]] = {}
    later: list[Mention] = []
    for m in unexplained:
        if not _worth_asking(m, lowercase):
            continue
        if len(m.core.split()) == 1 and "locative" not in m.evidence:
            later.append(m)
            continue
        if not model.enabled():
            continue
        asked, answer = model.remembered(m.core)
        if asked:
            out.extend(_answered(m, answer))
            continue
        if m.core not in waiting:
            offset = text.find(m.surface)
            if offset < 0:
                continue
            start = offset + m.surface.find(m.core) if m.core in m.surface else offset
            questions.append((text, m.core if m.core in m.surface else m.surface, start))
            waiting[m.core] = []
        waiting[m.core].append(m)
    if questions:
        for (_, phrase, _), answer in zip(questions, model.ask(questions), strict=True):
            for m in waiting.get(phrase, []):
                out.extend(_answered(m, answer))
    surnames = {m.core.split()[-1] for m in kept + out if m.type == "person" and len(m.core.split()) >= 2}
    for m in later:
        if m.core in surnames:
            m.type = "person"  # 'Siddiqui said', after 'Haroon Siddiqui'
            out.append(m)
    return out


def _worth_asking(m: Mention, lowercase: LowercaseWords) -> bool:
    """A phrase that could be a name: not a heading, a role, a month, or a word used in lower case."""
    words = m.core.split()
    if not words or not m.core[:1].isupper() or len(m.core) < 3 or "prose" not in m.evidence:
        return False
    if len(words) > 6 or m.core.isupper() and len(words) > 1:
        return False
    if words[0].lower() in NOT_NAMES or all(w.lower() in _PLAIN_WORDS for w in words):
        return False
    if m.core.lower() in LANGUAGES:
        return False
    return not (len(words) == 1 and (m.core.lower() in lowercase or m.core.lower() in ROLE_ACRONYMS))


def _answered(m: Mention, answer: model.Answer) -> list[Mention]:
    if answer is None:
        return []
    name, type_ = answer
    words = name.split()
    while words and words[0].lower() in _NO_NAME_LEAD:
        words = words[1:]  # 'When Charlotte Bennett', 'Both Nadia Abbasi'
    name = " ".join(words)
    # One word alone is where the model errs most on a short window ('Tel', 'Schools', 'Grace'),
    # unless it is where something happens ('in Latifabad'). Postcodes, offices are no names.
    if not words or any(ch.isdigit() for ch in name):
        return []
    if len(words) == 1 and not ("locative" in m.evidence and type_ == "place"):
        return []
    if any(w.lower().strip(".,") in _ROLE_OR_HONORIFIC for w in words):
        return []
    if type_ != "person" and _given_name_first(words) and not any(w.lower() in ORG_WORDS for w in words):
        type_ = "person"  # the model's short window calls 'Pooja Kapoor' a body now and then
    m.core, m.type = name, type_
    m.evidence.add("model")
    if type_ == "place":
        place = find_place(name, lone=False)
        m.canonical = place.name if place else None
    return [m]


def _party_mentions(doc: Document) -> list[Mention]:
    out = []
    for p in ([doc.sender] if doc.sender else []) + doc.recipients + doc.cc:
        if _personal(p.name):  # 'The Registrar' or 'Chief Executive' is an office, not a person
            out.append(Mention(p.name, p.name, None, {"party"}))
        if p.organization:
            out.append(Mention(p.organization, p.organization, None, {"org-field"}))
    for a in doc.authors:
        if _personal(a):  # 'Staff Reporter', 'Our Correspondent' name no one
            out.append(Mention(a, a, None, {"party"}))
    return out


def _name_before_role(words: list[str]) -> bool:
    """'Waseem Akthar' before 'Member' is a name; 'District Returning' before 'Officer' is not."""
    return not any(
        w.isupper() or w.lower().endswith("ing") or w.lower() in _NOT_IN_NAME_BEFORE_ROLE
        for w in words
        if w not in {"__role__"}
    )


def _personal(name: str) -> bool:
    words = name.split()
    if not words or STAFF_LEAD.match(name) or words[0].lower() in {"the", "our", "a", "an"}:
        return False
    return not any(w.lower().strip(",.") in _ROLE_OR_ORG for w in words)


# Caches keyed by whole lines are kept small: a listing repeats its lines, prose seldom does,
# and a large cache of paragraphs is most of the entity stage's memory on a big batch.
@lru_cache(maxsize=20_000)
def _line_mentions(line: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """The capitalised phrases of one line, with what the line's shape says of them (a heading,
    prose), cached: a listing's items repeat its lines, and its documents repeat the page's."""
    # 'A wise decision-The News', 'Voice of America-15/10/2001': a hyphen glued to a name.
    found = _english_mentions(GLUED_HYPHEN.sub(_unglue, line))
    if not found:
        return ()
    shape = _title_case(line) | _prose(line)
    return tuple((surface, core, evidence | shape) for surface, core, evidence in found)


GLUED_HYPHEN = re.compile(r"\b([a-z][\w'’]*)-(?=[A-Z])|(?<=[A-Za-z])-(?=\d)")


def _unglue(m: re.Match[str]) -> str:
    """Split 'decision-The News' but keep 'Gilgit-Baltistan' and 'Gulshan-e-Iqbal' whole."""
    word = m.group(1)
    if word is not None and word in CONNECTORS:
        return m.group(0)
    return (word or "") + " - "


WORD = re.compile(r"\S+")
LEAD_PUNCT = "(“\"‘'[«"
TRAIL_BREAK = ',;:)”"’]!?»'


def _english_mentions(text: str) -> list[FoundName]:
    """Capitalised phrases, split where punctuation or a sentence end breaks them."""
    out: list[FoundName] = []
    span: list[str] = []
    prev_after: str | None = None
    before_span: str | None = None

    def flush() -> None:
        while span and span[-1].lower() in CONNECTORS:
            span.pop()
        if span:
            out.extend(
                _span_mentions(tuple(span), before_span is not None and before_span.lower() in LOCATIVE)
            )
        span.clear()

    strip_chars = LEAD_PUNCT + TRAIL_BREAK
    for raw in text.split():
        if not span and raw[0].islower() and raw[-1] not in TRAIL_BREAK and raw[-1] != ".":
            prev_after = raw  # the common case: a lowercase word outside any name
            continue
        lead = raw[0] in LEAD_PUNCT
        word = raw.strip(strip_chars)
        if raw[-1] not in ",;:)" and word.endswith(("s", "'", "’")) and _group_possessive(word):
            # "Women's Action Forum", "Citizens' Rights Watch": the possessive is part of the name.
            if not span:
                before_span = prev_after
            span.append(word)
            prev_after = word
            continue
        if word.endswith((".", "'s", "’s")) and not _keeps_period(word):
            trail_break = True
            word = word[:-1] if word.endswith(".") else word[:-2]
        else:
            trail_break = raw[-1] in TRAIL_BREAK or raw.endswith(("'s", "’s"))
            if word.endswith(("'s", "’s")):
                word = word[:-2]
        # Flush only a started span: most words end none, and a call per word cost most of this loop.
        if lead and span:
            flush()
        if not word:
            if span:
                flush()
            continue
        if word[0].isupper() or (span and word.lower() in CONNECTORS):
            if not span:
                before_span = prev_after
            span.append(word)
        elif span:
            flush()
        if trail_break and span:
            flush()
        prev_after = word
    flush()
    return out


GROUPS = {
    "women",
    "people",
    "peoples",
    "citizens",
    "workers",
    "farmers",
    "traders",
    "students",
    "teachers",
    "lawyers",
    "journalists",
    "children",
    "youth",
    "men",
    "labourers",
    "fishermen",
    "mothers",
    "tenants",
    "kisans",
    "residents",
    "doctors",
    "nurses",
    "pensioners",
    "shopkeepers",
    "drivers",
    "survivors",
}


def _group_possessive(word: str) -> bool:
    if not word[:1].isupper():
        return False
    base = word.removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’")
    return base != word and base.lower() in GROUPS


def _keeps_period(word: str) -> bool:
    """'M.' and 'Mr.' and 'U.S.A.' keep their period; 'Karachi.' ends a sentence."""
    core = word.rstrip(".")
    return len(core) == 1 or core.lower() in _PERIOD_KEEPERS or "." in core


FoundName = tuple[str, str, frozenset[str]]  # surface, core, evidence


# Keyed by the run's words: the same names recur page after page (nine calls in ten, on a
# generated crawl), while working one out takes gazetteer lookups and title patterns.
@lru_cache(maxsize=20_000)
def _span_mentions(words: tuple[str, ...], locative: bool) -> tuple[FoundName, ...]:
    """`_split_span`, cached, as plain tuples."""
    return tuple((m.surface, m.core, frozenset(m.evidence)) for m in _split_span(list(words), locative))


def _split_span(words: list[str], locative: bool) -> list[Mention]:
    """Turn one capitalised run into mentions: split at 'and'/'of' and roles unless the whole is a name.

    `locative`: the word in front of the run is 'in', 'at', 'from' or the like, after which a
    small town is a place.
    """
    if len(words) > 1 and all(w.isupper() for w in words if w.isalpha()):
        return []  # a shouted phrase ('ONE VOICE'), not names
    phrase = " ".join(words)
    body = _one_body(words)
    if find_known(phrase) or body:
        return [_mention(body or words)]
    for i in range(1, min(len(words), 4)):
        # 'Punjab Chief Minister Rana Naeem Akhtar': a place, then an office and its holder.
        if TITLE_PREFIX.match(" ".join(words[i:]).lower().replace(".", "")) and find_place(
            " ".join(words[:i]), lone=False
        ):
            return [_mention(words[:i]), *_split_span(words[i:], False)]
    parts: list[list[str]] = [[]]
    for w in words:
        low = w.lower().rstrip(".")
        if low in {"and", "&", "of", "for", "the"} and parts[-1]:
            if low in {"of", "for", "the"} and parts[-1][-1].lower() in _ORG_OR_OF:
                parts[-1].append(w)
                continue
            parts.append([])
            continue
        if (
            low in ROLE_WORDS
            and len(parts[-1]) >= 2
            and parts[-1][-1].lower() not in ROLE_WORDS
            and f"{parts[-1][-1]} {low}".lower() not in _TITLE_PHRASES
            and parts[-1][-1].lower() not in STOP
            and _name_before_role(parts[-1])
        ):
            # "Waseem Akthar Member National Assembly": a name, then its holder's role.
            parts.append(["__role__"])
        parts[-1].append(w)
    mentions: list[Mention] = []
    for i, p in enumerate(parts):
        p = [w for w in p if w != "__role__"]
        while p and p[-1].lower() in CONNECTORS:
            p.pop()
        if not p:
            continue
        m = _mention(p)
        if i + 1 < len(parts) and parts[i + 1][:1] == ["__role__"]:
            m.evidence.add("title")
        mentions.append(m)
    if len(mentions) >= 2 and "and" in [w.lower() for w in words]:
        # "Dr Zulifqar Mirza and Agha Siraj Durrani": a name beside a person's name is a person's.
        if any("title" in m.evidence and m.core and not m.core.isupper() for m in mentions):
            for m in mentions:
                if len(m.core.split()) >= 2 and not any(w.isupper() for w in m.core.split()):
                    m.evidence.add("coordinated")
    if mentions and locative:
        mentions[0].evidence.add("locative")
    return [m for m in mentions if m.core]


def _one_body(words: list[str]) -> list[str] | None:
    """'Rural Drinking Water and Sanitation Department': one body, whose name has an 'and' in it.

    The words of that name (after a leading '... the'), when only the last word names a body,
    an 'and' joins words before it, and nothing before the 'and' is a place, a person's title
    or a body of its own; else None.
    """
    if len(words) < 4:
        return None  # too short for a name with an 'and' in it, before or after the cut below
    lows = [w.lower().strip(".,") for w in words]
    if "the" in lows[:-1]:
        cut = max(i for i, w in enumerate(lows[:-1]) if w == "the") + 1
        words, lows = words[cut:], lows[cut:]
    if len(words) < 4 or lows[-1] not in ORG_WORDS or not {"and", "&"} & set(lows[1:-2]):
        return None
    joint = max(i for i, w in enumerate(lows) if w in {"and", "&"})
    head = lows[:joint]
    if any(w in _ORG_OR_HONORIFIC or w in ROLE_WORDS for w in head):
        return None
    if find_place(words[joint - 1], lone=False):  # 'Karachi and Lahore Chambers' are two
        return None
    return words


# First words of headings, and calendar words, that start no name ('Latest News', 'March').
NOT_NAMES = {
    "latest",
    "breaking",
    "recent",
    "top",
    "more",
    "related",
    "popular",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# Words after which a capitalised name is where something happens.
LOCATIVE = {"in", "at", "from", "near", "across", "outside", "around", "inside", "towards", "visited"}
# Last words that make a name a place inside a city ('Orangi Town', 'Jodia Bazaar', 'Davis Road').
PLACE_SUFFIXES = {
    "town",
    "colony",
    "bazaar",
    "bazar",
    "market",
    "road",
    "park",
    "goth",
    "chowk",
    "street",
    "avenue",
    "square",
    "mandi",
    "nagar",
    "village",
    "district",
    "tehsil",
    "taluka",
    "valley",
}


_NO_NAME_LEAD = frozenset(STOP | NOT_NAMES)
_PLACE_OR_ROLE = frozenset(PLACE_WORDS | PLACE_SUFFIXES | ROLE_WORDS)


# The roles each pattern knows, as regex alternatives, written once: the patterns are built from
# them, and so are the words a line must hold before a pattern is tried (_required_words).
APPOSITION_ROLES = (
    "MNA", "MPA", "MP", "MEP", "Senator", "Minister", "Chairman", "President", r"Retd\.?", "retired", "Governor",
    "Mayor",
)  # fmt: skip
LEADING_ROLES = (
    "chairman", "chairperson", "president", "secretary(?: general)?", "spokesman", "spokesperson", "leader",
    "founder", "minister", "governor", "director", "chief", "editor", "convener", "head", "vice[- ]president",
    "counsel", "lawyer", "engineer", "candidate", "mother", "father", "wife", "son", "daughter", "brother",
    "sister", "widow",
)  # fmt: skip
OFFICES = ("MP", "MNA", "MPA", "MEP", "Senator")
TRAILING_TITLES = (
    "Minister", "Chairman", "Chairperson", "President", "Secretary", "Spokesman", "Spokesperson", "Leader",
    "Founder", "Governor", "Director", "Editor", "Convener", "Councillor", "Advocate", "Member", "Mayor", "Chief",
)  # fmt: skip
_NAME = r"((?:[A-Z][\w'’-]+[ \t]+){1,3}[A-Z][\w'’-]+)"

ROLE_APPOSITION = re.compile(rf"\b{_NAME}[ \t]*\([ \t]*(?:{'|'.join(APPOSITION_ROLES)})[ \t]*\)")
ROLE_THEN_NAME = re.compile(
    rf"\b(?:{'|'.join(LEADING_ROLES)})\b[^,.;()]{{0,60}}?,[ \t]*{_NAME},",
    re.IGNORECASE,
)
NAME_THEN_ROLE = re.compile(
    rf"\b{_NAME},[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:{'|'.join(OFFICES)}|"
    rf"(?:[A-Z][\w'’-]+[ \t]+){{0,2}}(?:{'|'.join(TRAILING_TITLES)}))\b"
)


def _titled_by_role(text: str) -> list[Mention]:
    """'Waseem Akthar (MNA)', 'its chairman, Farhat Rizvi,': a name beside a role is a person's."""
    per_line = [_line_roles(line) for line in text.splitlines()]
    return [
        Mention(surface, core, None, set(evidence))
        for k in range(len(ROLE_PATTERNS))
        for found in per_line
        for surface, core, evidence in found[k]
    ]


class RolePattern(NamedTuple):
    """A role pattern, with what it cannot match without: its punctuation (how many of the mark),
    and one of its role words as a substring (in lower case when the pattern ignores case).
    Quick tests before the slow one: the patterns try their alternations at every capital or word.
    """

    pattern: re.Pattern[str]
    mark: str
    marks: int
    words: tuple[str, ...]
    ignore_case: bool  # read once: `flags & re.IGNORECASE` builds an enum member on every test


def _role_pattern(pattern: re.Pattern[str], mark: str, marks: int, roles: tuple[str, ...]) -> RolePattern:
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    return RolePattern(pattern, mark, marks, _required_words(roles, ignore_case), ignore_case)


def _required_words(alternatives: tuple[str, ...], lower: bool) -> tuple[str, ...]:
    """For each alternative, the longest run of letters that any match of it holds."""
    words = []
    for alternative in alternatives:
        plain = re.sub(r"\(\?:[^)]*\)\?|\[[^\]]*\]|\\.", " ", alternative)  # optional parts, classes, escapes
        word = max(re.findall(r"[^\W\d_]+", plain), key=len)
        words.append(word.lower() if lower else word)
    return tuple(dict.fromkeys(words))


ROLE_PATTERNS = (
    _role_pattern(ROLE_APPOSITION, "(", 1, APPOSITION_ROLES),
    _role_pattern(ROLE_THEN_NAME, ",", 2, LEADING_ROLES),  # one comma after the role, one after the name
    _role_pattern(NAME_THEN_ROLE, ",", 1, OFFICES + TRAILING_TITLES),
)
# Letters that an ignore-case pattern matches to ASCII letters but `str.lower()` does not lower
# to them (dotless and dotted i, long s, the Kelvin sign): a line with one skips the word test.
CASE_TRAPS = re.compile("[\u0131\u0130\u017f\u212a]")

RoleMatches = tuple[tuple[str, str, frozenset[str]], ...]


# Keyed by the line alone: a compiled pattern hashes its whole program on every lookup.
@lru_cache(maxsize=20_000)
def _line_roles(line: str) -> tuple[RoleMatches, ...]:
    """Each role pattern's names beside roles in one line (cached: a page's documents share lines)."""
    return tuple(_role_matches(role, line) for role in ROLE_PATTERNS)


def _role_matches(role: RolePattern, line: str) -> RoleMatches:
    if line.count(role.mark) < role.marks or not _has_role_word(role, line):
        return ()
    found = []
    for m in role.pattern.finditer(line):
        core = strip_honorifics(m.group(1))
        if len(core.split()) >= 2 or core != m.group(1):
            found.append((m.group(1), core, frozenset({"title"} | _gender(m.group(1)))))
    return tuple(found)


def _has_role_word(role: RolePattern, line: str) -> bool:
    """Whether one of the pattern's role words is in the line (True where the test cannot tell)."""
    if role.ignore_case:
        if CASE_TRAPS.search(line):
            return True
        line = line.lower()
    for w in role.words:  # a loop, not any(...): a generator costs more than the tests
        if w in line:
            return True
    return False


def _gender(surface: str) -> set[str]:
    """'Mr' names a man and 'Mrs', 'Ms', 'Begum' a woman: short forms follow the same sex."""
    first = surface.strip().split()[0].lower().rstrip(".") if surface.strip() else ""
    if first in {"mr", "sir", "lord", "janab", "جناب"}:
        return {"male"}
    if first in {"mrs", "ms", "miss", "madam", "madame", "begum", "lady", "dame", "محترمہ", "بیگم"}:
        return {"female"}
    return set()


def _ends_with_org_word(words: list[str]) -> bool:
    return bool(words) and words[-1].lower().strip(".") in ORG_WORDS


def _mention(words: list[str]) -> Mention:
    while len(words) > 1 and words[0].lower() in STOP and words[0].lower() not in _HON_WORDS:
        words = words[1:]  # 'When Reddy arrived': the sentence's first word is not the name's
    while len(words) > 1 and words[-1].lower() in SLOGANS:
        words = words[:-1]  # 'Chandio Zindabad'
    surface = " ".join(words)
    evidence: set[str] = set()
    rest = list(words)
    while rest:
        low = " ".join(rest).lower().replace(".", "")
        found = TITLE_PREFIX.match(low)
        hit = found.group(1) if found else None
        if hit:
            evidence.add("title")
            rest = rest[len(hit.split()) :]
            continue
        if (
            rest[0].lower().rstrip(".") in NATIONALITY
            and len(rest) > 1
            and TITLE_PREFIX.match(" ".join(rest[1:]).lower().replace(".", ""))
        ):
            rest = rest[1:]  # 'US President George W Bush', not 'American Psychiatric Association'
            continue
        break
    while rest and rest[-1].lower().rstrip(".") in SUFFIXES:
        evidence.add("title")
        rest = rest[:-1]
    while rest and rest[0].lower() in STOP and not (len(rest) == 1 and rest[0].isupper()):
        rest = rest[1:]
    core = " ".join(rest).strip(" -")
    return Mention(surface, core, None, evidence | _gender(surface))


def _classify(m: Mention, acronyms: dict[str, str]) -> Mention:
    """Type a mention by its cues, the gazetteers and the page's acronyms."""
    spelled = acronyms.get(m.core.replace(".", "")) if m.core else None
    m.type, m.canonical, m.core, evidence = _classified(
        m.core, frozenset(m.evidence), spelled, m.type, m.canonical
    )
    m.evidence = set(evidence)
    return m


# Cached: the same names with the same cues recur page after page. What a verdict depends on
# is all in the key: the mention's core, cues and state, and what the page spells its core out as.
@lru_cache(maxsize=20_000)
def _classified(
    core: str, evidence: frozenset[str], spelled: str | None, type_: str | None, canonical: str | None
) -> tuple[str | None, str | None, str, frozenset[str]]:
    probe = Mention(core, core, type_, set(evidence), canonical)
    _classify_by_cues(probe, {core.replace(".", ""): spelled} if spelled is not None else {})
    return probe.type, probe.canonical, probe.core, frozenset(probe.evidence)


def _classify_by_cues(m: Mention, acronyms: dict[str, str]) -> Mention:
    core = m.core
    if not core or len(core) < 2 or core.lower() in LANGUAGES:
        return m
    known = find_known(core) or (find_known_fuzzy(core) if len(core) >= 7 else None)
    spelled = acronyms.get(core.replace(".", ""))
    if known and spelled and known != (find_known(spelled) or find_known_fuzzy(spelled)):
        known = None  # the page says what its acronym stands for: 'KMC' here is not the gazetteer's KMC
    if known is None and " " in core and core.split()[0].lower() in _NATIONALITY_WORDS:
        known = find_known(core.split(" ", 1)[1])  # "British GCHQ"
    if known and not (
        known.type == "person"
        and len(core.split()) == 1
        and "title" not in m.evidence
        and find_known(core) is None
    ):
        m.type, m.canonical = known.type, known.name
        return m
    words = core.split()
    if len(words) == 1 and core.replace(".", "").isupper() and core.replace(".", "").isalpha():
        letters = core.replace(".", "")
        if letters.lower() in ROLE_ACRONYMS or letters.lower() in STOP or len(letters) > 6:
            return m
        place = find_place(core)
        if place:
            m.type, m.canonical = "place", place.name
        else:
            m.type = "organization"
            m.canonical = acronyms.get(letters)
        return m
    if (
        len(words) >= 2
        and (words[0].lower() in PAPER_FIRST or words[-1].lower() in PAPER_LAST)
        and (words[0].lower() not in NOT_NAMES or words[0].lower() in WEEKDAYS)
        and "heading" not in m.evidence
    ):
        m.type = "organization"  # 'Daily Paigham', 'Saturday Ledger'
        return m
    if words[0].lower() in NOT_NAMES or core.lower() in LANGUAGES:
        return m
    if "title" not in m.evidence and "party" not in m.evidence:
        place = find_place(core, lone="locative" not in m.evidence)
        if place:
            m.type, m.canonical = "place", place.name
            return m
        if (
            len(words) >= 2
            and words[-1].lower() in PLACE_SUFFIXES
            and not any(w.lower() in ORG_WORDS for w in words)
        ):
            m.type = "place"
            return m
    if (
        "org-field" in m.evidence
        or (_ends_with_org_word(words) or any(w.lower() in ORG_WORDS for w in words[1:]))
        and len(words) >= 2
    ):
        while words and words[0].lower() in {"chief", "leader", "founder", "member", "head", "the"}:
            words = words[1:]
        if "heading" in m.evidence:
            last = max((i for i, w in enumerate(words) if w.lower() in ORG_WORDS), default=len(words) - 1)
            words = words[: last + 1]  # 'Khidmat Network Demands Inquiry': the name ends at 'Network'
        if len(words) >= 2 or "org-field" in m.evidence:
            m.core = " ".join(words)
            m.type = "organization"
        return m
    if m.evidence & {"title", "party", "coordinated"} and _name_shaped(words):
        m.type = "person"
        return m
    if _given_name_first(words):
        m.type = "person"  # 'Talks between Farhan Abbasi and ...': a common given name, then a surname
        m.evidence.add("given name")
    return m


def _given_name_first(words: list[str]) -> bool:
    """'Pooja Sharma', 'Khurram Chandio': two to four name words, the first a common given name."""
    return (
        2 <= len(words) <= 4
        and words[0].lower() in given_names()
        and _name_shaped(words)
        and not any(w.lower() in _PLACE_OR_ROLE or w.isupper() for w in words)
    )


def _name_shaped(words: list[str]) -> bool:
    if not 1 <= len(words) <= 5:
        return False
    return all(w[0].isupper() or w.lower() in NAME_CONNECTORS for w in words) and not any(
        w.lower() in ORG_WORDS for w in words
    )


ACRONYM_AFTER = re.compile(
    r"((?:[A-Z][\w'’-]+[ \t]+)(?:(?:of|the|and|for|e|ul|-)[ \t]+|[A-Z][\w'’-]+[ \t]+){0,7}"
    r"[A-Z][\w'’-]+)[ \t]*\([ \t]*([A-Z]{2,8})[ \t]*\)"
)
ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,8})[ \t]*\([ \t]*((?:[A-Z][\w'’-]+[ \t]*){2,8})\)")


# What each pattern needs inside its brackets: quick to find (a literal '(' leads), while the
# patterns themselves try a name at every capital letter of the text.
BRACKETED_ACRONYM = re.compile(r"\([ \t]*[A-Z]{2,8}[ \t]*\)")
BRACKETED_NAME = re.compile(r"\([ \t]*[A-Z]")


def _defined_acronyms(text: str) -> dict[str, str]:
    """'Muttahida Qaumi Movement (MQM)' and 'ISI (Inter Services Intelligence Agency)'."""
    out: dict[str, str] = {}
    if not BRACKETED_NAME.search(text):
        return out
    if BRACKETED_ACRONYM.search(text):
        for long, short in ACRONYM_AFTER.findall(text):
            long = _trim_to_initials(long.split(), short)
            if long:
                out.setdefault(short, long)
    for short, long in ACRONYM_BEFORE.findall(text):
        out.setdefault(short, long.strip())
    return out


def _trim_to_initials(words: list[str], short: str) -> str | None:
    """The shortest tail of `words` whose initials spell the acronym (with small words skipped)."""
    for start in range(len(words)):
        tail = words[start:]
        if not tail[0][:1].isupper() or tail[0].lower() in {"the", "a", "an"}:
            continue
        initials = "".join(w[0] for w in tail if w.lower() not in {"of", "the", "and", "for", "e", "ul", "-"})
        if (
            initials.upper() == short.upper()
            or initials.upper().startswith(short.upper())
            and len(initials) <= len(short) + 1
        ):
            return " ".join(tail)
    return None


def _urdu_mentions(text: str, resolver: Resolver | None = None) -> list[Mention]:
    """Urdu names: gazetteer forms (places, known people and bodies), names found by their cues
    (see `urdu.py`), and names the batch already knows in Latin script, found by their skeleton."""
    if not is_urdu(text):
        return []
    out: list[Mention] = []
    tokens = urdu_tokens(text)
    covered: set[int] = set()  # a token inside a longer name found already is not a name of its own
    covered.update(i for i, t in enumerate(tokens) if not is_word(t))  # no name runs across '،' or '۔'
    # A phrase's skeleton is its words' skeletons side by side (letters are normalised one by
    # one, spaces stay), so each phrase's is put together from these instead of worked out anew.
    skeletons = [skeleton(t) if is_word(t) else "" for t in tokens] if resolver is not None else []
    for n in (4, 3, 2, 1):
        for i in range(len(tokens) - n + 1):
            if covered.intersection(range(i, i + n)):
                continue
            phrase = " ".join(tokens[i : i + n])
            before = len(out)
            known = find_known(phrase)
            place = find_place(phrase, lone=False) if n <= 2 and not known else None
            if known:
                out.append(Mention(phrase, phrase, known.type, {"gazetteer"}, known.name))
            elif place and len(phrase) > 2:
                out.append(Mention(phrase, phrase, "place", {"gazetteer"}, place.name))
            elif resolver is not None and n >= 2:
                seen = resolver.by_joined_skeleton(joined(" ".join(s for s in skeletons[i : i + n] if s)))
                if seen:
                    out.append(Mention(phrase, phrase, seen[0], {"script"}, seen[1]))
            if len(out) > before:
                covered.update(range(i, i + n))
    for name in urdu_names(text):
        core = strip_honorifics(name.surface)
        if core and not find_place(core, lone=False):
            out.append(Mention(name.surface, core, name.type, {"title"} if name.type == "person" else set()))
    return out


@lru_cache(maxsize=20_000)
def _padded_words(text: str) -> str:
    """' word word ': a form in which 'is this name in that text' is a plain substring test."""
    return " " + " ".join(WORDS.findall(text.casefold())) + " "


WORDS = re.compile(r"\w+")


def _canonical_names_in(doc: Document) -> None:
    """Use each entity's canonical name in references and claims, and fill what claims are about."""
    by_form: dict[str, str] = {}
    persons = [e for e in doc.entities if e.type == "person"]
    for e in doc.entities:
        for form in [e.name, *e.aliases]:
            by_form.setdefault(key(form), e.name)

    orgs = [e for e in doc.entities if e.type == "organization"]

    def canonical(name: str | None) -> str | None:
        """The entity's canonical name, in the script the page wrote it in."""
        found = _canonical(name)
        if not found or not name or is_urdu(found) == is_urdu(name):
            return found
        same_script = [
            a for e in doc.entities if e.name == found for a in e.aliases if is_urdu(a) == is_urdu(name)
        ]
        plain = [a for a in same_script if a == strip_honorifics(a) and key(a) in key(name)]
        return (plain or same_script or [name])[0]

    def _canonical(name: str | None) -> str | None:
        if not name:
            return name
        the = re.match(r"^the (\w+)$", name)
        if the:  # 'the association' -> the one body in the text whose name has that word
            owners = {e.name for e in orgs if the.group(1) in key(e.name).split()}
            return owners.pop() if len(owners) == 1 else name
        hit = by_form.get(key(name))
        if hit:
            return hit
        last = key(name).split()[-1] if key(name).split() else ""
        owners = {e.name for e in persons for a in [e.name, *e.aliases] if last and last in key(a).split()}
        return owners.pop() if len(owners) == 1 else name

    for ref in doc.references:
        ref.sender = canonical(ref.sender)
        ref.recipients = [canonical(r) or r for r in ref.recipients]
    for claim in doc.claims:
        if claim.attributed_to and claim.attributed_to[:1].isupper():
            claim.attributed_to = canonical(claim.attributed_to)
        low = _padded_words(claim.text)
        claim.about = sorted(
            {
                e.name
                for e in doc.entities
                if any(_padded_words(a) in low for a in [e.name, *e.aliases] if len(a) > 2)
            }
        )
