"""Dates in running text: found, and normalised to ISO (partial where the source is partial)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

URDU_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan جنوری",
        "february feb febr فروری",
        "march mar مارچ",
        "april apr اپریل",
        "may مئی مئ",
        "june jun جون",
        "july jul جولائی جولائ",
        "august aug اگست",
        "september sep sept ستمبر",
        "october oct اکتوبر",
        "november nov نومبر",
        "december dec دسمبر",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|پیر|منگل|بدھ|جمعرات|جمعہ|ہفتہ|اتوار)"
)
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# A year ends at its last digit: '2017ء' (Urdu writes ء after a year) and '2017.' alike.
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
_SEP = r"[\s,.]*"

# Each pattern names its groups d (day), m (month name), n (month number), y (year).
_PATTERNS = [
    # 2001-09-23, 2012/11/03
    rf"\b{_YEAR}(?P<s>[-/.])(?P<n>[01]?\d)(?P=s)(?P<d>[0-3]?\d)\b",
    # December 28, 1998 / Dec. 28th 1998
    rf"(?<!\w)(?P<m>{_MONTH})\.?\s+{_DAY}{_SEP}{_YEAR}",
    # 28 December 1998 / 23rd September, 2001 / 28th of December 1998
    rf"(?<![\w/]){_DAY}(?:\s+of)?[\s\-]+(?P<m>{_MONTH})\.?{_SEP}-?{_YEAR}",
    # 15/10/2001, 15.10.2001, 15-10-2001
    rf"(?<![\d/.])(?P<a>[0-3]?\d)[/.\-](?P<b>[01]?\d)[/.\-]{_YEAR}",
    # September 2001 (partial)
    rf"(?<!\w)(?P<m>{_MONTH})\.?{_SEP}{_YEAR}",
]
_REGEXES = [re.compile(p, re.IGNORECASE) for p in _PATTERNS]
# Every pattern needs a year: a line without one has no date (and is ruled out in C, not by the
# month names' alternation).
_HAS_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line: where it is and its ISO form."""

    start: int
    end: int
    iso: str


def find_dates(text: str, day_first: bool = True) -> list[DateMatch]:
    """Every date in `text`, left to right, without overlaps."""
    return list(_find_dates(text, day_first))


@lru_cache(maxsize=20_000)
def _find_dates(text: str, day_first: bool) -> tuple[DateMatch, ...]:
    text = text.translate(URDU_DIGITS)
    if not _HAS_YEAR.search(text):
        return ()
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for regex in _REGEXES:
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            iso = _to_iso(m.groupdict(), day_first)
            if iso:
                found.append(DateMatch(m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


def _to_iso(g: dict[str, str | None], day_first: bool) -> str | None:
    year = int(g["y"] or 0)
    month: int | None = None
    day: int | None = None
    if g.get("m"):
        month = MONTHS.get(g["m"].lower().rstrip("."))  # type: ignore[union-attr]
    elif g.get("n"):
        month = int(g["n"])  # type: ignore[arg-type]
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])  # type: ignore[arg-type]
        # The sources are day-first unless the numbers say otherwise.
        day, month = (a, b) if (day_first and b <= 12) or a > 12 else (b, a)
    elif g.get("d"):
        day = int(g["d"])  # type: ignore[arg-type]
    if not month or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= _days_in(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hrs|pkt|pst|gmt|ist)?\b", re.IGNORECASE
)


def strip_dates(text: str) -> str:
    """`text` with every date, weekday and clock time removed (to see what else a line holds)."""
    t = text.translate(URDU_DIGITS)
    for d in reversed(find_dates(t)):
        t = t[: d.start] + " " + t[d.end :]
    t = CLOCK.sub(" ", t)
    return re.sub(rf"\b{WEEKDAYS}\b", " ", t, flags=re.IGNORECASE)


@lru_cache(maxsize=20_000)
def is_date_line(text: str) -> bool:
    """True when a line is a date and nothing else (weekday and punctuation allowed)."""
    if not find_dates(text):
        return False
    return not re.search(r"\w", strip_dates(text))


def has_weekday(text: str) -> bool:
    """True when the line names a day of the week."""
    return re.search(rf"(?<!\w){WEEKDAYS}(?!\w)", text, re.IGNORECASE) is not None


@lru_cache(maxsize=4096)
def parse_loose(text: str) -> str | None:
    """Parse a date written in a form find_dates does not know, with dateparser (day first)."""
    import dateparser

    parsed = dateparser.parse(
        text, settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    )
    return parsed.date().isoformat() if parsed else None


def first_date(text: str) -> str | None:
    """The first date in `text`, ISO, or None."""
    found = find_dates(text)
    return found[0].iso if found else None


def is_place_dateline(t: str) -> bool:
    """'Karachi, 9 June 2010' or 'Lahore, 17/05/2006': where and when something was written."""
    if len(t.split()) > 8 or not find_dates(t):
        return False
    rest = re.sub(r"^(dated?|date)\s*[:\-]?\s*", "", strip_dates(t).strip(" ,.:-–"), flags=re.IGNORECASE)
    words = re.findall(r"[^\W\d_]+", rest)
    words = [w for w in words if w.lower() not in {"the", "on", "dated", "date"}]
    return len(words) <= 3 and all(w[:1].isupper() or not w.isascii() for w in words)
