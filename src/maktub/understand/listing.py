"""News listings: a page of dated items, each a title with a summary, links and media."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maktub.clean.lines import is_link_label, strip_trailing_labels
from maktub.model import Line, Media
from maktub.understand.dates import find_dates, first_date, is_date_line, is_place_dateline
from maktub.understand.media import media_in_line
from maktub.understand.names import looks_like_person, strip_honorifics

SPEAKER_SUFFIX = re.compile(r"\s+(?:[–—]|-{1,2})\s*(?P<who>[^–—\-]{3,60}?)\s*$")
TRAILING_DATE_SEP = re.compile(r"\s*(?:[–—,:|]|-{1,2})\s*$")
SPEECH_VERBS = (
    "says|said|states|stated|condemns|condemned|urges|urged|calls|called|demands|demanded|stresses|appeals|"
    "announces|announced|welcomes|welcomed|rejects|rejected|denies|denied|warns|warned|vows|pays|expresses|"
    "congratulates|criticises|criticizes|asks|assures|offers|slams|lauds|praises|hails|accuses|alleges|claims|"
    "declares|reiterates|terms|thanks|appreciates|deplores|regrets|greets|felicitates|directs|asserts|tells"
)
LEADING_SPEAKER = re.compile(rf"^(?P<who>(?:[A-Z][\w.'’-]*\s+){{1,4}}?)(?:{SPEECH_VERBS})\b")
URDU_SPEAKER_SUFFIX = re.compile(
    r"[:：]\s*(?P<who>[\u0600-\u06ff ]{3,40})$|(?:[–—]|-{1,2})\s*(?P<who2>[\u0600-\u06ff ]{3,40})$"
)
POSTED_LINE = re.compile(r"^(posted|published|updated)\b.*\d", re.IGNORECASE)
TEASER_LINK = re.compile(
    r"complete story|full story|read more|continue reading|details|more\b|مکمل خبر|مزید", re.IGNORECASE
)
# A summary is prose: 15+ words, or a line that ended in a "Complete Story" style link.
SUMMARY_WORDS = 15


@dataclass
class Item:
    """One entry of a listing."""

    title: str
    date: str | None = None
    speaker: str | None = None
    summary: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


def listing_signals(lines: list[Line]) -> int:
    """How strongly a page looks like a listing: dated titles, 'Complete Story' links, speakers."""
    content = [ln.text for ln in lines if ln.text and not ln.boilerplate]
    pairs = sum(
        1
        for heading, after in zip(content, content[1:], strict=False)
        # 'Ward surgery moves to Walkley Library' over 'Saturday 8 March 2014': an item.
        if 2 <= len(heading.split()) <= 16 and not is_date_line(heading) and is_date_line(after)
    )
    score = pairs if pairs >= 2 else 0  # one title over one date is any article's head
    for ln in lines:
        t = ln.text
        if not t:
            continue
        if ln.boilerplate and ln.reason == "link label" and TEASER_LINK.search(t):
            score += 1
        elif not ln.boilerplate and (ln.labels or strip_trailing_labels(t)[1]):
            score += 1
        elif not ln.boilerplate and len(t.split()) <= 25 and _title_date(t)[1]:
            score += 1
        elif not ln.boilerplate and len(t.split()) <= 25 and speaker_of(t):
            score += 1
    return score


def split_listing(lines: list[Line]) -> list[Item]:
    """Split a listing's lines into items; link-label lines attach their media to the item above."""
    items: list[Item] = []
    pending_date: str | None = None
    for n, ln in enumerate(lines):
        t = ln.text
        if not t:
            continue
        if ln.boilerplate and ln.reason != "post metadata":
            if ln.reason == "link label" and items:
                items[-1].media.extend(media_in_line(t))
            continue
        posted = POSTED_LINE.match(t)
        if posted and items and len(t.split()) <= 16:
            # 'Posted on Oct 16, 2010 by Staff Reporter' describes the item above.
            items[-1].date = items[-1].date or first_date(t)
            who = re.search(r"\bby\s+(?P<who>[A-Z][\w.' ]+?)(?:\s+at\b|\s*$|\s*\d)", t)
            if who and not items[-1].authors:
                items[-1].authors = [who.group("who").strip()]
            continue
        if is_date_line(t) or (is_place_dateline(t) and len(t.split()) <= 6):
            # A date between two lines dates the item above it, unless a new title follows it
            # (table rows and blog posts put the date first).
            nxt = _next_content(lines, n)
            title_follows = nxt is not None and not is_link_label(nxt) and len(nxt.split()) < SUMMARY_WORDS
            if items and not items[-1].date and not items[-1].summary and not title_follows:
                items[-1].date = first_date(t)
            else:
                pending_date = first_date(t)
            continue
        body, labels = strip_trailing_labels(t)
        labels = " | ".join(x for x in (ln.labels, labels) if x)
        found_media = media_in_line(labels) if labels else []
        pure_media = media_in_line(t) if len(t.split()) <= 6 else []
        if pure_media and items and _only_labels(t):
            items[-1].media.extend(pure_media)
            continue
        words = len(body.split())
        prose = words >= SUMMARY_WORDS and body.rstrip().endswith((".", "?", "!", '"', "”", "…", "'"))
        if labels or words >= 2 * SUMMARY_WORDS or (prose and items and not items[-1].summary):
            if items:
                items[-1].summary.append(body)
                items[-1].lines.append(body)
                items[-1].media.extend(found_media)
                continue
        title, date = _title_date(body)
        speaker = speaker_of(title)
        item = Item(title=title, date=date or pending_date, speaker=speaker, lines=[body])
        pending_date = None
        item.media.extend(pure_media)
        items.append(item)
    return items


def _next_content(lines: list[Line], n: int) -> str | None:
    """The next line after lines[n] that is content or a link row."""
    for ln in lines[n + 1 :]:
        if ln.text and (not ln.boilerplate or ln.reason == "link label"):
            return ln.text
    return None


def _only_labels(t: str) -> bool:
    rest = re.sub(
        r"(?i)\b(audio|video|report|clip|urdu|english|version|photographs?|photos?|pictures)\b",
        "",
        t,
    )
    return is_link_label(rest) or not re.search(r"\w", rest)


def _title_date(t: str) -> tuple[str, str | None]:
    """'Terrorism in Karachi - 12 October 2001' -> ('Terrorism in Karachi', '2001-10-12')."""
    dates = find_dates(t)
    if not dates:
        return t, None
    last = dates[-1]
    if t[last.end :].strip(" .)]") or last.start == 0:
        return t, None
    head = t[: last.start]
    if not TRAILING_DATE_SEP.search(head) and not head.endswith(("(", "[")):
        return t, None
    if len(re.findall(r"\w+", head)) < 3:
        return t, None  # 'Colombo, 2nd July 2013' is a dateline, not a dated title
    return TRAILING_DATE_SEP.sub("", head.rstrip("([ ")).strip(), last.iso


def speaker_of(t: str) -> str | None:
    """Who a title says is speaking: 'Karachi belongs to us -- Altaf Hussain', 'X condemns ...'."""
    m = SPEAKER_SUFFIX.search(t)
    if m and looks_like_person(m.group("who")) and len(strip_honorifics(m.group("who")).split()) >= 2:
        return strip_honorifics(m.group("who"))
    m = URDU_SPEAKER_SUFFIX.search(t)
    if m:
        who = (m.group("who") or m.group("who2") or "").strip()
        if 2 <= len(who.split()) <= 4:
            return who
    lead = LEADING_SPEAKER.match(t)
    if lead and looks_like_person(lead.group("who").strip()):
        who = strip_honorifics(lead.group("who").strip())
        if len(who.split()) >= 2:
            return who
    return None
