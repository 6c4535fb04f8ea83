"""Understand one cleaned page: its kind, its title, its parts, and the documents found inside it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from maktub.clean.lines import CMS_TITLE_SUFFIX, Cleaned, is_menu_like, strip_trailing_labels
from maktub.model import Document, Line, Party, child_id
from maktub.understand.article import (
    BYLINE,
    POSTED,
    PRESS_RELEASE,
    find_byline,
    find_publication_date,
)
from maktub.understand.dates import find_dates, first_date, is_date_line, strip_dates
from maktub.understand.language import detect_language
from maktub.understand.letter import (
    CC_LINE,
    SALUTATION,
    SUBJECT,
    find_closing,
    find_salutation,
    parse_letter,
    signature_end,
)
from maktub.understand.listing import Item, listing_signals, speaker_of, split_listing
from maktub.understand.media import dedupe_media, link_targets, media_in_line
from maktub.understand.mentions import find_claims, find_references

EMBED_INTRO = re.compile(
    r"\b(transcript|text of|full text|reads?|reproduced|following|here is|letter|wrote|writes|خط|مکتوب)\b",
    re.IGNORECASE,
)
# Listings: more signals (dated titles, 'Complete Story' links, speakers) than one item gives.
# One story with its headline, date, speaker and links scores 3; every listing in our corpora
# and the seeds scores 6 or more.
LISTING_MIN_SIGNALS = 4
# A page whose letter holds at least this share of its words is that letter (an intro or a
# note around it does not make it an article); measured on tests/corpus, where site-posted
# letters run 0.62-0.95 and articles quoting a letter 0.25-0.45.
LETTER_SHARE = 0.5
PROSE_WORDS = 20


@dataclass
class LetterSpan:
    """Where a letter sits in a page's content lines."""

    start: int
    salutation: int
    end: int
    intro: int | None


def understand(doc: Document, cleaned: Cleaned) -> Document:
    """Fill a page's kind, title, dates, parties, text, media, references, claims and children."""
    lines = cleaned.lines
    for ln in lines:
        if not ln.boilerplate and ln.text:
            body, labels = strip_trailing_labels(ln.text)
            if labels:
                ln.text, ln.labels = body, labels
    _fix_cms_title_row(lines, cleaned)
    content = _content(lines)
    doc.language = detect_language("\n".join(content))
    doc.updated = doc.updated or cleaned.updated
    targets = link_targets(doc.links)
    doc.media = dedupe_media(
        [
            m
            for ln in lines
            if ln.text
            for part in (ln.text, ln.labels)
            if part and len(part) < 160  # media links are short rows, never paragraphs
            for m in media_in_line(part, targets)
        ]
    )

    starts = _block_starts(lines)
    spans = _letter_spans(content, starts)
    words = sum(len(t.split()) for t in content) or 1
    main_letter = _main_letter(content, spans, words)
    is_listing = main_letter is None and listing_signals(lines) >= LISTING_MIN_SIGNALS
    meta = _with_meta(lines)
    title_index = _title_index(meta, cleaned, doc.hints, strong_only=is_listing)
    if title_index is not None:
        title_index = content.index(meta[title_index]) if meta[title_index] in content else None
    if title_index is not None and 0 < title_index <= 20:
        _sweep_above_title(lines, content[title_index])
        content = _content(lines)
        starts = _block_starts(lines)
        spans = _letter_spans(content, starts)
        main_letter = _main_letter(content, spans, words)
        title_index = 0
    if title_index is not None:
        doc.title = content[title_index]
    elif cleaned.cms_title:
        doc.title = cleaned.cms_title

    if main_letter is not None:
        _as_letter(doc, content[main_letter.start : main_letter.end], _relative(starts, main_letter))
        if doc.date is None:
            doc.date = doc.hints.get("date") or find_publication_date(
                _with_meta(lines), _index_of(_with_meta(lines), doc.title)
            )
        byline = find_byline(_with_meta(lines))
        if doc.sender is None and byline:
            doc.sender = Party(byline[1][0])
            doc.authors = byline[1][:1]
    elif is_listing:
        _as_listing(doc, lines, title_index is not None)
    else:
        _as_article(doc, _with_meta(lines), cleaned)
        for n, span in enumerate(spans):
            doc.children.append(_letter_child(doc, content, span, n, _relative(starts, span)))
    doc.text = _paragraphs(lines)
    doc.lines = lines
    doc.boilerplate = [ln.text for ln in lines if ln.boilerplate and ln.text] + [
        ln.labels for ln in lines if ln.labels
    ]
    own = doc.sender.name if doc.sender else (doc.authors[0] if doc.authors else None)
    doc.references = find_references(
        doc.text, own, doc.recipients[0].name if doc.recipients else None, title=doc.title
    )
    doc.claims = find_claims(doc.text)
    for child in doc.children:
        child_own = child.sender.name if child.sender else (child.authors[0] if child.authors else None)
        child.references = find_references(
            child.text, child_own, child.recipients[0].name if child.recipients else None
        )
        if doc.kind == "listing":
            _merge_references(doc, child)
    return doc


def attribute_statement(doc: Document) -> None:
    """A statement with no speaker named in its title is by whoever the text says speaks most."""
    if doc.kind != "statement" or doc.authors:
        return
    people = {e.name for e in doc.entities if e.type == "person"}
    said = Counter(c.attributed_to for c in doc.claims if c.attributed_to in people)
    if said:
        doc.authors = [said.most_common(1)[0][0]]


def _content(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines if ln.text and not ln.boilerplate]


def _with_meta(lines: list[Line]) -> list[str]:
    """Content lines plus the post-metadata rows cleaning removed ('Posted on 12 May 2009 by ...')."""
    return [ln.text for ln in lines if ln.text and (not ln.boilerplate or ln.reason == "post metadata")]


def _index_of(items: list[str], item: str | None) -> int | None:
    return items.index(item) if item in items else None


def _content_rows(lines: list[Line]) -> list[tuple[str, bool]]:
    """Each content line, and whether a blank line stands above it."""
    rows: list[tuple[str, bool]] = []
    gap = False
    for ln in lines:
        if ln.boilerplate:
            continue
        if not ln.text:
            gap = True
            continue
        rows.append((ln.text, gap))
        gap = False
    return rows


def _block_starts(lines: list[Line]) -> set[int]:
    """Indexes (in the content list) of lines with a blank line above them."""
    return {n for n, (_, gap) in enumerate(_content_rows(lines)) if gap}


def _words(lines: list[str]) -> int:
    return sum(len(t.split()) for t in lines)


def _fix_cms_title_row(lines: list[Line], cleaned: Cleaned) -> None:
    """The CMS's 'PDF Print E-mail' after a title is chrome; the title is content."""
    if not cleaned.cms_title:
        return
    for ln in lines:
        if ln.text and not ln.boilerplate and CMS_TITLE_SUFFIX.search(ln.text):
            if CMS_TITLE_SUFFIX.sub("", ln.text).strip() == cleaned.cms_title:
                ln.labels = ln.text[len(cleaned.cms_title) :].strip()
                ln.text = cleaned.cms_title
                return


NON_WORD = re.compile(r"[\W_]+")


def _norm(t: str) -> str:
    return NON_WORD.sub(" ", t.casefold()).strip()


def _title_index(
    content: list[str], cleaned: Cleaned, hints: dict[str, str], strong_only: bool
) -> int | None:
    """Which content line is the page's title: CMS row, breadcrumb tail, HTML heading, or the
    heading-like line just above where the body starts."""
    if cleaned.cms_title:
        for i, t in enumerate(content):
            if t == cleaned.cms_title:
                return i
    hint = _norm(hints.get("title") or "")
    normed = [_norm(t) for t in content[:40]]
    for candidate in (hint, _norm(hints.get("heading") or "")):
        for i, n in enumerate(normed):
            if candidate and len(candidate.split()) >= 2 and n == candidate:
                return i
    # A piece of the <title> ('Blog name: Post title') matching an early line; a late match
    # is more likely the site's name signing off a letter.
    parts = [_norm(p) for p in TITLE_SEPARATORS.split(hints.get("title_full") or "")]
    for candidate in sorted(parts, key=len, reverse=True):
        for i, n in enumerate(normed[:15]):
            if len(candidate.split()) >= 3 and n == candidate:
                return i
    for crumb in cleaned.crumbs:
        c = _norm(crumb)
        for i, n in enumerate(normed):
            if len(n.split()) >= 2 and c.endswith(n):
                return i
    if hint:
        for i, n in enumerate(normed):
            if (
                len(n.split()) >= 3
                and len(content[i].split()) <= 25
                and (hint.startswith(n) or n.startswith(hint))
            ):
                return i
    if strong_only:
        return None
    after_crumb = _line_after_crumb(content, cleaned)
    if after_crumb is not None:
        return after_crumb
    anchor = _body_anchor(content)
    if anchor is None:
        return None
    if is_date_line(content[anchor]) and anchor + 1 < len(content) and _heading_like(content[anchor + 1]):
        return anchor + 1  # a blog's post date, then the post's title
    for i in range(anchor - 1, max(-1, anchor - 7), -1):
        if _heading_like(content[i]):
            above = content[i - 1] if i > 0 else ""
            if (
                len(above.split()) >= 4
                and not re.search(r"[\d۰-۹]", above)
                and _heading_like(above)
                and len(above) * 1.3 < len(content[i])
            ):
                return i - 1  # a headline over its longer deck ('… ایوان میں رپورٹ پیش')
            return i
    return None


TITLE_SEPARATORS = re.compile(r"\s+[|«»–—-]\s+|:\s+|\s+::\s+")


def _line_after_crumb(content: list[str], cleaned: Cleaned) -> int | None:
    """The heading-like line right after the breadcrumb trail is the page's title."""
    # The trail above the page's first content line; a share row at the foot is no trail.
    first = next(
        (i for i, ln in enumerate(cleaned.lines) if ln.text and not ln.boilerplate), len(cleaned.lines)
    )
    crumb_at = max(
        (i for i, ln in enumerate(cleaned.lines[:first]) if ln.reason == "breadcrumb"), default=None
    )
    if crumb_at is None:
        return None
    for ln in cleaned.lines[crumb_at + 1 :]:
        if not ln.text or ln.boilerplate:
            continue
        if _heading_like(ln.text) and ln.text in content[:40]:
            return content.index(ln.text)
        return None
    return None


def _body_anchor(content: list[str]) -> int | None:
    """The first line where the body starts: a byline, a dateline, a salutation or prose."""
    for i, t in enumerate(content):
        if len(t.split()) >= PROSE_WORDS or SALUTATION.match(t) or BYLINE.match(t) or POSTED.match(t):
            return i
        if find_dates(t) and len(re.findall(r"\w+", strip_dates(t))) <= 3 and i > 0:
            return i
        if (
            re.match(
                r"^(to|press release|handout|press statement|news release)\b[\s,:]*",
                t,
                re.IGNORECASE,
            )
            and len(t.split()) <= 4
        ):
            return i
    return None


def _heading_like(t: str) -> bool:
    n = len(t.split())
    if n < 2 or n > 25 or t.endswith((".", ",", ":")) and not t.endswith("..."):
        return False
    if is_date_line(t) or SUBJECT.match(t) or CC_LINE.match(t) or re.search(r"\d{5,}|@|www\.", t):
        return False
    if t.isupper() or PRESS_RELEASE.fullmatch(t.strip(" :")) or _numbered_label(t):
        return False  # 'FOR IMMEDIATE RELEASE', 'Press Release', 'Handout No. 412': labels, not titles
    if BYLINE.match(t) or POSTED.match(t):
        return False  # 'Written by Bishnu Prasad Adhikari'
    if "|" in t and all(len(part.split()) <= 2 for part in t.split("|")):
        return False  # 'தமிழ் | English', 'Home | About': a switcher or a menu
    return not is_menu_like(t) or bool(re.search(r"[\u0600-\u06ff]", t))


REFERENCE_NUMBER = re.compile(
    r"^(?:ref(?:erence)?\b\.?(?:\s*no\b\.?)?|our\s+ref\b\.?|letter\s+no\b\.?|حوالہ(?:\s+نمبر)?|نمبر)"
    r"\s*[:.]?\s*[^\d۰-۹]{0,30}[\d۰-۹]",
    re.IGNORECASE,
)


def _numbered_label(t: str) -> bool:
    """'Handout No. 412', 'ہینڈ آؤٹ نمبر ۴۱۲', 'Ref. No. MLA/117/2016', 'حوالہ نمبر: اے آئی ایف/47'."""
    if REFERENCE_NUMBER.match(t.strip()):
        return True
    return bool(
        re.fullmatch(
            r"(?:" + PRESS_RELEASE.pattern + r")\s*(?:no\.?|number|#|نمبر)\s*[\d۰-۹/\-]+",
            t.strip(" :"),
            re.IGNORECASE,
        )
    )


def _sweep_above_title(lines: list[Line], title: str) -> None:
    """Short lines above the title are the site's name, tagline and menus."""
    for ln in lines:
        if ln.text == title and not ln.boilerplate:
            return
        if ln.text and not ln.boilerplate and len(ln.text.split()) <= 14:
            ln.boilerplate, ln.reason = True, "page head, above the title"


def _paragraphs(lines: list[Line]) -> str:
    out: list[str] = []
    for text, gap in _content_rows(lines):
        if gap and out:
            out.append("")
        out.append(text)
    return "\n".join(out)


def _letter_spans(content: list[str], starts: set[int] | None = None) -> list[LetterSpan]:
    """Every letter in the content: its header lines, salutation, body and signature.

    `starts` holds the indexes of lines that open a paragraph (a blank line above them).
    """
    starts = starts or set()
    spans: list[LetterSpan] = []
    i = 0
    while i < len(content):
        sal = find_salutation(content, i)
        if sal is None:
            break
        start = sal
        intro = None
        for j in range(sal - 1, max(i - 1, sal - 16), -1):
            t = content[j]
            if len(t.split()) > 25:
                if EMBED_INTRO.search(t) and len(t.split()) <= 60 and t.rstrip().endswith((":", ".")):
                    intro = j
                break
            start = j
            if EMBED_INTRO.search(t) and len(t.split()) <= 20 and not t.rstrip().endswith(","):
                intro = j
                break
            if BYLINE.match(t) or POSTED.match(t):
                start = j + 1
                break
        if intro is not None:
            start = intro + 1
        closing = find_closing(content, sal + 1)
        if closing is None:
            last = max(
                (k for k in range(sal + 1, len(content)) if len(content[k].split()) > 14),
                default=sal,
            )
            end = signature_end(content, last)
        else:
            end = signature_end(content, closing)
        end = _through_copies(content, end, starts)
        spans.append(LetterSpan(start, sal, end, intro))
        i = max(end, sal + 1)
    return spans


def _through_copies(content: list[str], end: int, starts: set[int]) -> int:
    """Extend a letter past a 'cc:' block that follows its signature (up to the next blank line)."""
    for k in range(end, min(end + 3, len(content))):
        if CC_LINE.match(content[k]) and len(content[k].split()) <= 25:
            end = k + 1
            while (
                end < len(content)
                and end <= k + 12
                and len(content[end].split()) <= 16
                and end not in starts
                and not BYLINE.match(content[end])
                and not POSTED.match(content[end])
            ):
                end += 1
            return end
    return end


def _as_letter(doc: Document, lines: list[str], starts: set[int] | None = None) -> None:
    doc.kind = "letter"
    parts = parse_letter(lines, starts)
    doc.date = parts.date
    doc.sender, doc.recipients, doc.cc = parts.sender, parts.recipients, parts.cc
    doc.salutation, doc.closing = parts.salutation, parts.closing
    if doc.sender:
        doc.authors = [doc.sender.name]
    if not doc.title:
        to = ", ".join(p.name for p in doc.recipients)
        doc.title = f"Letter to {to}" if to else parts.subject


def _main_letter(content: list[str], spans: list[LetterSpan], words: int) -> LetterSpan | None:
    """The letter that is the page itself: most of its words, and not a newsletter of dated items."""
    for span in spans:
        if _words(content[span.start : span.end]) < LETTER_SHARE * words:
            continue
        dated = sum(1 for t in content[span.salutation : span.end] if is_date_line(t))
        if dated >= 3:
            continue  # 'Dear neighbour,' and then dated news items: a listing written as a letter
        return span
    return None


def _relative(starts: set[int], span: LetterSpan) -> set[int]:
    """Paragraph starts counted from the first line of a letter."""
    return {i - span.start for i in starts if span.start <= i < span.end}


def _letter_child(doc: Document, content: list[str], span: LetterSpan, n: int, starts: set[int]) -> Document:
    title = content[span.intro] if span.intro is not None else None
    letter_lines = content[span.start : span.end]
    child = Document(id=child_id(doc.id, n, title), source=doc.source, parent=doc.id)
    child.title = title
    child.language = doc.language
    child.text = "\n\n".join(letter_lines)
    _as_letter(child, letter_lines, starts)
    if child.date is None:
        child.date = next((d.iso for t in letter_lines[:8] for d in find_dates(t)), None)
    return child


def _as_article(doc: Document, content: list[str], cleaned: Cleaned) -> None:
    doc.kind = "article"
    title_index = _index_of(content, doc.title)
    byline = find_byline(content[title_index or 0 :])
    if byline:
        doc.authors = byline[1]
    else:
        doc.authors = doc.authors or _agency_credit(content[title_index or 0 :])
    doc.date = doc.hints.get("date") or find_publication_date(content, title_index)
    head = " ".join(content[: (title_index or 0) + 3]) + " " + " ".join(cleaned.crumbs)
    speaker = speaker_of(doc.title or "")
    if PRESS_RELEASE.search(head) or (speaker and not byline):
        doc.kind = "statement"
        if speaker and not doc.authors:
            doc.authors = [speaker]
        if doc.date is None:
            doc.date = next((first_date(t) for t in content[:6] if first_date(t)), None)
    elif not byline and doc.date is None and not _wire_dateline(content):
        doc.kind = "page"


# 'ISLAMABAD, March 15 (APP): ...', 'LAHORE (AFP) - ...': a wire story credits its agency.
AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{2,30}(?:,[^()]{3,30})?\s*\((?P<agency>[A-Z][A-Za-z]{1,9})\)\s*[:,—–-]"
)


def _agency_credit(content: list[str]) -> list[str]:
    """The news agency a story without a byline is credited to, by its full name when known."""
    from maktub.entities.gazetteer import find_known

    for t in content[:8]:
        m = AGENCY_DATELINE.match(t)
        if m:
            known = find_known(m.group("agency"))
            if known and known.type == "organization":
                return [known.name]
            return [m.group("agency")] if m.group("agency").isupper() else []
    return []


def _wire_dateline(content: list[str]) -> bool:
    """'LAHORE: The Awami Insaf Front ...': the opening of a news report."""
    return any(re.match(r"^[A-Z]{3,}(\s[A-Z]{3,})?\s*[:,—–-]", t) for t in content[:15])


def _as_listing(doc: Document, lines: list[Line], has_title: bool) -> None:
    doc.kind = "listing"
    items = split_listing(lines)
    if not has_title:
        doc.title = None
        lead = 0
        while lead < len(items) and _bare(items[lead]):
            lead += 1
        if 0 < lead < len(items):
            # Bare lines above the first real item: menus, then the listing's own heading.
            doc.title = items[lead - 1].title
            items = items[lead:]
    elif items and doc.title and _norm(items[0].title) == _norm(doc.title):
        items.pop(0)
    for n, item in enumerate(items):
        doc.children.append(_item_document(doc, n, item))
    doc.media = dedupe_media(doc.media + [m for item in items for m in item.media])


def _bare(item: Item) -> bool:
    return not (item.date or item.summary or item.speaker or item.media)


def _item_document(parent: Document, n: int, item: Item) -> Document:
    child = Document(id=child_id(parent.id, n, item.title), source=parent.source, parent=parent.id)
    child.title = item.title
    child.date = item.date
    child.language = parent.language
    child.text = "\n\n".join(item.lines)
    child.media = dedupe_media(item.media)
    if item.speaker:
        child.kind = "statement"
        child.authors = [item.speaker]
    else:
        child.kind = "article"
        child.authors = item.authors
    return child


def _merge_references(doc: Document, child: Document) -> None:
    for ref in child.references:
        if not any(r.quote == ref.quote and r.recipients == ref.recipients for r in doc.references):
            doc.references.append(ref)
