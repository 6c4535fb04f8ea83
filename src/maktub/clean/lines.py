"""Line-level cleaning of page text whose markup is gone (or was rendered to lines).

Signals, all generic: the shape of a line (length, end punctuation, digits), its position
(the head and tail of a page hold the chrome), link-label and widget vocabulary, and
repetition (within the page, and across pages of the same site in a batch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from maktub.clean.vocabulary import (
    BREADCRUMB_START,
    CHROME_RE,
    COMMENTS_START,
    CRUMB_SEPARATORS,
    LABEL_RE,
    LAST_UPDATED,
    LINK_LABELS,
    MEDIA_WORDS,
    PART_RE,
    POST_META,
    WEATHER,
)
from maktub.model import Line
from maktub.understand.dates import find_dates, first_date, has_weekday, is_date_line

# 8 words: the longest menu entry or widget heading in the sites we studied was 7 words;
# content lines in the head and tail zones that are this short are treated as chrome
# only when a chrome anchor (breadcrumb, weather, date header, widget heading) is beside them.
SHORT_WORDS = 8
# Lines of 14+ words are prose: they end the head zone and start the tail zone.
PROSE_WORDS = 14

TRAILING_LABEL = re.compile(
    r"(\s*(\.{2,}|…)?\s*(\[?\s*(complete story|full story|read more|continue reading|more|details|مکمل خبر|مزید)"
    r"\s*»?\s*\]?\s*(\|\s*)?)+((urdu|english|sindhi) version|اردو ورژن|انگریزی ورژن)?\s*)$",
    re.IGNORECASE,
)
TEASER_TAIL = re.compile(
    r"\s*(\.{2,}|…)?\s*\[?\s*(?:complete story|full story|read more|read full story|continue reading|مکمل خبر)"
    r"\s*[»›>\]]*(?P<rest>(?:\s*[|•·]\s*[^|•·]+)*)\s*$",
    re.IGNORECASE,
)
# Words one of which ends every line that carries link labels (a cheap test before the regexes).
TAIL_WORDS = ("story", "more", "details", "reading", "version", "ورژن", "خبر", "مزید", "»")
LABEL_END = re.compile(r"(story|more|details|reading|version|ورژن|خبر|مزید)\W*$", re.IGNORECASE)
CRUMB_HINT = re.compile(r"[»›>/|:→]|^home|^you are", re.IGNORECASE)
BYLINE_LEAD = re.compile(r"^(by|posted|written|filed)\b", re.IGNORECASE)
CMS_TITLE_SUFFIX = re.compile(r"\s*(pdf\s*)?(print\s*)?(e-?mail)\s*$", re.IGNORECASE)


@dataclass
class Cleaned:
    """The page's lines with their verdicts, and what the chrome told about the page."""

    lines: list[Line]
    updated: str | None = None
    cms_title: str | None = None
    crumbs: list[str] = field(default_factory=list)


def words(text: str) -> int:
    """How many words a line has."""
    return len(text.split())


MEDIA_RE = re.compile(r"\b(" + "|".join(MEDIA_WORDS) + r")\b", re.IGNORECASE)
MEDIA_LINK_LEAD = re.compile(
    r"^(video|audio|photo|photos|photographs|pictures)(\s+(clip|report|gallery))?"
    r"(\s*\(\w+\))?\s+[-–:]\s+\S",
    re.IGNORECASE,
)

LETTERS = re.compile(r"[^\W\d_]+")
# Every run of letters the label, part and media patterns can match: a line with any other
# word is no row of labels, and a set lookup per word says so before the three regexes run
# (their alternations are tried at every position of every line).
LABEL_WORDS = frozenset(
    w
    for phrase in [*LINK_LABELS, *MEDIA_WORDS, "part", "page", "episode"]
    for w in LETTERS.findall(phrase.lower())
)
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]+")


def _has_other_word(text: str) -> bool:
    """True when the line has a word no label holds: then it is not only link labels.

    Decided only for words of ASCII or Arabic script, where ignoring case (as the patterns
    do) is plain `lower()`; other scripts are left to the patterns.
    """
    for w in LETTERS.findall(text):
        if w.isascii():
            if w.lower() not in LABEL_WORDS:
                return True
        elif ARABIC_SCRIPT.fullmatch(w) and w not in LABEL_WORDS:
            return True
    return False


def is_link_label(text: str) -> bool:
    """True when a line is only link labels ('Click here', 'Part 1 - Part 2', 'Audio (Urdu) | Video')."""
    if MEDIA_LINK_LEAD.match(text) and words(text) <= 10:
        return True  # 'Video Clip - Sit-in, day three': a media link with its caption
    if _has_other_word(text):
        return False
    rest = LABEL_RE.sub(" ", PART_RE.sub(" ", text))
    if len(rest) != len(text) or re.search(r"[|•·]", text) or words(text) <= 4:
        rest = MEDIA_RE.sub(" ", rest)
    rest = re.sub(r"[\W\d_]+", "", rest)
    return rest == "" and re.search(r"[^\W\d_]", text) is not None


def strip_trailing_labels(text: str) -> tuple[str, str]:
    """Split '...text...Complete Story | Urdu Version' into the text and the labels."""
    tail = text[-80:].casefold()
    for w in TAIL_WORDS:  # a loop, not any(...): this runs on every line of every page
        if w in tail:
            break
    else:
        return text, ""
    teaser = TEASER_TAIL.search(text)
    if teaser and teaser.start() > 0 and len(teaser.group("rest").split()) <= 6:
        # '... Read more » | हिंदी में पढ़ें': a teaser link and the links after it, in any language.
        return text[: teaser.start()].rstrip(" .…|") + ("..." if teaser.group(1) else ""), teaser.group(
            0
        ).strip(" .…|")
    if not LABEL_END.search(text):
        return text, ""
    m = TRAILING_LABEL.search(text)
    if not m or m.start() == 0:
        return text, ""
    return text[: m.start()].rstrip(" .…|") + ("..." if m.group(2) else ""), m.group(0).strip(" .…|")


def is_chrome(text: str) -> bool:
    """True for widget headings and footer phrases ('Most Popular', 'Powered by ...')."""
    return CHROME_RE.match(text.strip()) is not None


def is_breadcrumb(text: str) -> bool:
    """True for a breadcrumb trail ('You are here: Home > Letters > 1998')."""
    if not CRUMB_HINT.search(text):
        return False
    if BREADCRUMB_START.search(text):
        return True
    if find_dates(text) or BYLINE_LEAD.match(text):
        return False  # 'By Rehana Soomro | August 3, 2011 | Business' is a byline row
    return len(CRUMB_SEPARATORS.findall(text)) >= 2 and words(text) <= 25


def clean_lines(
    raw: list[str], repeated: set[int] | None = None, premarked: list[str] | None = None
) -> Cleaned:
    """Classify every line of a page as content or boilerplate, with the reason.

    `premarked` gives, per line, the reason an earlier stage (HTML structure) already found
    it to be chrome, or "": such lines are only read for breadcrumbs and update stamps.
    """
    from maktub.clean.site import SiteProfile

    lines = [Line(" ".join(t.split())) for t in raw]
    out = Cleaned(lines)
    previous = ""
    anchors: list[int] = []
    labels: list[int] = []
    profile = SiteProfile()
    for i, ln in enumerate(lines):
        t = ln.text
        if not t:
            continue
        reason = ""
        if len(t) > 200 and t.count(" ") > 30 and not (premarked and premarked[i]):
            # Prose: of the rules below only a footer phrase can match a line of 30+ words.
            if is_chrome(t):
                ln.boilerplate, ln.reason = True, "site chrome"
                anchors.append(i)
            previous = t
            continue
        if premarked and premarked[i]:
            reason = premarked[i]
            if LAST_UPDATED.match(t) and words(t) <= 12:
                out.updated = out.updated or first_date(t)
            elif CRUMB_HINT.search(t) and is_breadcrumb(t) and words(t) <= 30:
                out.crumbs.append(t)
        elif reason := chrome_reason(t):
            if reason == "last updated":
                out.updated = out.updated or first_date(t)
            elif reason == "breadcrumb":
                out.crumbs.append(t)
        elif repeated and profile.is_repeated(repeated, t):
            reason = "repeated on this site"
        elif previous.casefold() == t.casefold() and words(t) <= SHORT_WORDS and not find_dates(t):
            reason = "repeated menu entry"
        elif is_date_line(t) and has_weekday(t) and _is_header_date(lines, i):
            reason = "page date header"
        previous = t
        if reason:
            ln.boilerplate, ln.reason = True, reason
            # Link labels and post rows sit inside the content too: they anchor only the tail.
            (labels if reason in ("link label", "post metadata") else anchors).append(i)
        elif (
            t.lower().endswith("mail")
            and CMS_TITLE_SUFFIX.search(t)
            and words(t) <= 25
            and re.search(r"pdf|print", t, re.I)
        ):
            out.cms_title = CMS_TITLE_SUFFIX.sub("", t).strip()
    _sweep_comments(lines)
    _sweep_head(lines, anchors)
    _sweep_tail(lines, anchors + labels)
    return out


@lru_cache(maxsize=50_000)
def chrome_reason(t: str) -> str:
    """Why a line is chrome whatever page it is on (its text alone decides), or "".

    Cached: a site's menus, footers and labels repeat on every page of it. The word counts are
    tested before the patterns: a paragraph of prose is too long for all of them but two.
    """
    n = words(t)
    if n <= 12 and LAST_UPDATED.match(t):
        return "last updated"
    if WEATHER.match(t):
        return "weather"
    if n <= 16 and POST_META.match(t) and (find_dates(t) or re.search(r"\bby\b", t, re.I)):
        return "post metadata"
    if n <= 30 and is_breadcrumb(t):
        return "breadcrumb"
    if is_chrome(t):
        return "site chrome"
    if n <= 24 and is_link_label(t):
        return "link label"
    return ""


def _is_header_date(lines: list[Line], i: int) -> bool:
    """Today's date in a site header (the day the page was saved), not a post's own date.

    It sits at the very top of the page, or beside chrome (weather, breadcrumbs, menus);
    a blog's post date sits right above the post's title instead.
    """
    before = [ln.text for ln in lines[:i] if ln.text]
    after = [ln.text for ln in lines[i + 1 :] if ln.text][:1]
    if not after:
        return False
    nxt = after[0]
    if WEATHER.match(nxt) or (before and WEATHER.match(before[-1])):
        return True
    if is_breadcrumb(nxt) or is_chrome(nxt) or is_menu_like(nxt):
        return True
    return len(before) == 0 and words(nxt) <= SHORT_WORDS


FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "for",
    "and",
    "or",
    "with",
    "by",
    "at",
    "from",
    "is",
    "are",
    "was",
    "not",
    "no",
    "as",
    "his",
    "her",
    "their",
    "our",
    "its",
}


SENTENCE_WORDS = frozenset(FUNCTION_WORDS - {"of", "and", "the"})  # a menu entry may hold these three


def is_menu_like(text: str) -> bool:
    """A row of menu entries or a site name: capitalised words, no sentence in it."""
    tokens = [w for w in re.split(r"[\s|·•/]+", text) if w and re.search(r"\w", w)]
    if not 1 <= len(tokens) <= 12 or re.search(r"[.!?,:;\"“”]$", text):
        return False
    if any(w.lower() in SENTENCE_WORDS for w in tokens):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in {"&", "-", "–", "of", "and", "the"} for w in tokens)


def _sweep_comments(lines: list[Line]) -> None:
    """Everything after the start of a comment thread in the lower half of a page is not the page's."""
    filled = [i for i, ln in enumerate(lines) if ln.text]
    if not filled:
        return
    # Past the first 40% of the page's characters: menus are many lines but few characters.
    total = sum(len(lines[i].text) for i in filled)
    seen = 0
    for i in filled:
        seen += len(lines[i].text)
        if seen > 0.4 * total and COMMENTS_START.match(lines[i].text):
            for ln in lines[i:]:
                if ln.text and not ln.boilerplate:
                    ln.boilerplate, ln.reason = True, "comments and what follows them"
            lines[i].boilerplate, lines[i].reason = True, "comments and what follows them"
            return


def _shortish(t: str) -> bool:
    return words(t) <= SHORT_WORDS and not t.endswith((".", "?", "!", ":", ",")) and not find_dates(t)


def _sweep_head(lines: list[Line], anchors: list[int]) -> None:
    """Short undated lines before the last chrome anchor of the page head are chrome too."""
    head: list[int] = []
    for i, ln in enumerate(lines):
        if not ln.text:
            continue
        if ln.boilerplate:
            head.append(i)
            continue
        if words(ln.text) >= PROSE_WORDS or not _shortish(ln.text):
            break
        head.append(i)
    anchored = set(anchors)
    last_anchor = max((i for i in head if i in anchored), default=-1)
    for i in head:
        if i < last_anchor and not lines[i].boilerplate:
            lines[i].boilerplate, lines[i].reason = True, "page head"


def _sweep_tail(lines: list[Line], anchors: list[int]) -> None:
    """Short lines after the first chrome anchor of the page tail are menus and footers."""
    tail: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if not ln.text:
            continue
        if ln.boilerplate:
            tail.append(i)
            continue
        if not _shortish(ln.text) or re.search(r"\d{3}", ln.text):
            break
        tail.append(i)
    anchored = set(anchors)
    first_anchor = min((i for i in tail if i in anchored), default=len(lines))
    for i in tail:
        if i > first_anchor and not lines[i].boilerplate:
            lines[i].boilerplate, lines[i].reason = True, "page tail"
