"""Articles and statements: headline, byline, publication and update dates."""

from __future__ import annotations

import re

from maktub.understand.dates import find_dates, is_date_line, is_place_dateline
from maktub.understand.names import looks_like_person, strip_honorifics

BYLINE = re.compile(
    r"^(?:by|written by|posted by|report(?:ed)? by|reporting by|story by|interviewed by|interview by|compiled by|"
    r"report\s*:|from our correspondent|تحریر|رپورٹ|از)\s*[:\-]?\s*(?P<who>.+?)"
    r"\s*(?:[:|\-–—,]+\s*)?$",
    re.IGNORECASE,
)
POSTED = re.compile(
    r"^(?:posted|published|dated|date|printed|written)(?:\s+on)?\s*[:\-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
STAFF_LEAD = re.compile(
    r"^(?P<who>staff reporter|our (?:staff |special )?correspondent|news desk|web desk|monitoring desk|"
    r"our reporter|special correspondent|agencies|app|reuters|afp|نمائندہ خصوصی|اسٹاف رپورٹر)\b",
    re.IGNORECASE,
)
PRESS_RELEASE = re.compile(
    r"\b(press releases?|press statements?|news releases?|statements?|handouts?|press notes?|press briefing)\b"
    r"|پریس ریلیز|بیان|اعلامیہ|ہینڈ\s?آؤٹ",
    re.IGNORECASE,
)


POSTED_BY_AT = re.compile(r"^posted by\s+(?P<who>[A-Z][\w.' ]+?)\s+(?:at|on)\b", re.IGNORECASE)


def find_byline(lines: list[str], limit: int = 8) -> tuple[int, list[str]] | None:
    """The byline among the first lines (or a blog's 'Posted by X at' footer): index and authors."""
    for i, t in enumerate(lines):
        m = POSTED_BY_AT.match(t)
        if m and looks_like_person(m.group("who")):
            if i >= limit:
                return i, [strip_honorifics(m.group("who"))]
    for i, t in enumerate(lines[:limit]):
        if len(t.split()) > 16:
            continue
        staff = STAFF_LEAD.match(t)
        if staff:
            return i, [staff.group("who")]
        m = BYLINE.match(t)
        posted = re.match(r"^posted\s+(?:on\s+)?.+?\s+by\s+(?P<who>[^|,]+)", t, re.IGNORECASE)
        who = (m.group("who") if m else posted.group("who") if posted else "").strip()
        if not who:
            continue
        for d in reversed(find_dates(who)):
            who = who[: d.start] + who[d.end :]
        who = re.split(r"\s+(?:on|in|at|\|)\s+|\s*[|•]\s*", who)[0].strip(" ,:-–—")
        if who.isupper() and len(who.split()) >= 2:
            if any(
                w in {"REPORTER", "CORRESPONDENT", "DESK", "STAFF", "BUREAU", "EDITOR"} for w in who.split()
            ):
                continue  # 'By POLITICAL REPORTER' credits a desk, not a person
            who = who.title()  # 'By JUMA KAZUNGU'
        names = [strip_honorifics(w) for w in re.split(r"\s*(?:,|\band\b|&)\s*", who) if w.strip()]
        names = [n for n in names if looks_like_person(n) or STAFF_LEAD.fullmatch(n)]
        if names:
            return i, names
    return None


def find_publication_date(lines: list[str], title_index: int | None) -> str | None:
    """The publication date stated near the headline or byline, never a page-header date."""
    start = title_index or 0
    for t in lines[start : start + 6]:
        if len(t.split()) > 20:
            continue
        posted = POSTED.match(t)
        if posted and find_dates(posted.group("rest")):
            return find_dates(posted.group("rest"))[0].iso
        if (
            is_date_line(t)
            or is_place_dateline(t)
            or (find_dates(t) and (BYLINE.match(t) or STAFF_LEAD.match(t)))
        ):
            return find_dates(t)[0].iso
        m = re.match(r"^posted\s+(?:on\s+)?(?P<rest>.+)$", t, re.IGNORECASE)
        if m and find_dates(m.group("rest")):
            return find_dates(m.group("rest"))[0].iso
    return None
