"""Understand one cleaned page: its kind, its parts, and the documents found inside it."""

from __future__ import annotations

import re

from maktub.clean.lines import CMS_TITLE_SUFFIX, Cleaned, strip_trailing_labels
from maktub.model import Document, Line, child_id
from maktub.understand.article import PRESS_RELEASE, find_byline, find_publication_date
from maktub.understand.dates import find_dates, first_date, is_date_line
from maktub.understand.language import detect_language
from maktub.understand.letter import (
    CC_LINE,
    SALUTATION,
    find_closing,
    find_salutation,
    parse_letter,
    signature_end,
)
from maktub.understand.listing import Item, _speaker, listing_signals, split_listing
from maktub.understand.media import dedupe_media, media_in_line
from maktub.understand.mentions import find_claims, find_references

LETTER_TITLE = re.compile(r"\b(letter|open letter|memorandum|خط|مکتوب)\b", re.IGNORECASE)
EMBED_INTRO = re.compile(
    r"\b(transcript|text of|full text|reads?|reproduced|following is|here is|letter|خط|مکتوب)\b", re.IGNORECASE
)
# Listings: at least 3 items signalled (dated titles, 'Complete Story' links, speakers).
LISTING_MIN_SIGNALS = 3


def understand(doc: Document, cleaned: Cleaned) -> Document:
    """Fill a page's kind, title, dates, parties, text, media, references, claims and children."""
    lines = cleaned.lines
    for ln in lines:
        if not ln.boilerplate and ln.text:
            body, labels = strip_trailing_labels(ln.text)
            if labels:
                ln.text, ln.labels = body, labels
                doc.boilerplate.append(labels)
    content = [ln.text for ln in lines if ln.text and not ln.boilerplate]
    doc.boilerplate.extend(ln.text for ln in lines if ln.boilerplate and ln.text)
    doc.language = detect_language("\n".join(content))
    doc.updated = doc.updated or cleaned.updated
    title_index = _title_index(content, cleaned)
    hint_title = doc.hints.get("title")
    if cleaned.cms_title:
        doc.title = cleaned.cms_title
    elif hint_title:
        doc.title = hint_title
    elif title_index is not None:
        doc.title = content[title_index]
    for ln in lines:  # the CMS's 'PDF Print E-mail' row is chrome; the title is content
        if cleaned.cms_title and ln.text and not ln.boilerplate and CMS_TITLE_SUFFIX.search(ln.text):
            if CMS_TITLE_SUFFIX.sub("", ln.text).strip() == cleaned.cms_title:
                doc.boilerplate.append(ln.text[len(cleaned.cms_title) :].strip())
                ln.text = cleaned.cms_title
    content = [ln.text for ln in lines if ln.text and not ln.boilerplate]
    doc.text = _paragraphs(lines)
    doc.lines = lines
    doc.media = dedupe_media([m for ln in lines if ln.text for part in (ln.text, ln.labels) if part
                              for m in media_in_line(part, doc.links)])

    byline = find_byline(content)
    start = (title_index + 1) if title_index is not None else 0
    sal = find_salutation(content, start, start + 14)
    if sal is not None and byline is None and not _prose_before(content, start, sal):
        _as_letter(doc, content[start:] if title_index is not None else content)
    elif byline is None and listing_signals(lines) >= LISTING_MIN_SIGNALS and not _mostly_prose(content):
        _as_listing(doc, lines)
    else:
        _as_article(doc, content, title_index, byline)
        _embedded_letters(doc, content)
    own = doc.sender.name if doc.sender else (doc.authors[0] if doc.authors else None)
    doc.references = find_references(doc.text, own)
    doc.claims = find_claims(doc.text)
    for child in doc.children:
        child_own = child.sender.name if child.sender else (child.authors[0] if child.authors else None)
        child.references = find_references(child.text, child_own)
        if doc.kind == "listing":
            _merge_references(doc, child)
    return doc


def _title_index(content: list[str], cleaned: Cleaned) -> int | None:
    for i, t in enumerate(content[:4]):
        if cleaned.cms_title and t.startswith(cleaned.cms_title):
            return i
        if is_date_line(t) or SALUTATION.match(t) or CC_LINE.match(t):
            return None
        if len(t.split()) <= 22 and not re.match(r"^(by|posted|written)\b", t, re.IGNORECASE):
            return i
        return None
    return None


def _prose_before(content: list[str], start: int, sal: int) -> bool:
    return any(len(t.split()) > 25 for t in content[start:sal])


def _mostly_prose(content: list[str]) -> bool:
    long_lines = sum(1 for t in content if len(t.split()) > 40)
    return long_lines > max(3, len(content) // 3)


def _paragraphs(lines: list[Line]) -> str:
    out: list[str] = []
    gap = False
    for ln in lines:
        if ln.boilerplate:
            continue
        if not ln.text:
            gap = True
            continue
        if gap and out:
            out.append("")
        out.append(ln.text)
        gap = False
    return "\n".join(out)


def _as_letter(doc: Document, lines: list[str]) -> None:
    doc.kind = "letter"
    parts = parse_letter(lines)
    doc.date = parts.date
    doc.sender, doc.recipients, doc.cc = parts.sender, parts.recipients, parts.cc
    doc.salutation, doc.closing = parts.salutation, parts.closing
    if doc.sender:
        doc.authors = [doc.sender.name]
    if not doc.title:
        to = ", ".join(p.name for p in doc.recipients)
        doc.title = f"Letter to {to}" if to else parts.subject


def _as_article(doc: Document, content: list[str], title_index: int | None, byline: tuple[int, list[str]] | None
                ) -> None:
    doc.kind = "article"
    if byline:
        doc.authors = byline[1]
    doc.date = doc.hints.get("date") or find_publication_date(content, title_index)
    head = " ".join(content[:3])
    title = doc.title or ""
    _, speaker = _speaker(title)
    words = sum(len(t.split()) for t in content)
    if PRESS_RELEASE.search(head) or speaker:
        doc.kind = "statement"
        if speaker and not doc.authors:
            doc.authors = [speaker]
        if doc.date is None:
            doc.date = next((first_date(t) for t in content[:4] if first_date(t)), None)
    elif words < 120 and not byline:
        doc.kind = "page"


def _as_listing(doc: Document, lines: list[Line]) -> None:
    doc.kind = "listing"
    doc.title = None if not doc.hints.get("title") else doc.title
    items = split_listing(lines)
    for n, item in enumerate(items):
        doc.children.append(_item_document(doc, n, item))
    doc.media = dedupe_media(doc.media + [m for item in items for m in item.media])


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
    return child


def _embedded_letters(doc: Document, content: list[str]) -> None:
    """Letters transcribed inside an article become child documents."""
    i = 3
    n = 0
    while i < len(content):
        sal = find_salutation(content, i)
        if sal is None:
            return
        start = sal
        intro = None
        for j in range(sal - 1, max(-1, sal - 14), -1):
            if len(content[j].split()) > 25:
                break
            start = j
            if EMBED_INTRO.search(content[j]) and len(content[j].split()) <= 20:
                intro = j
                break
        if intro is not None:
            start = intro + 1
        closing = find_closing(content, sal + 1)
        if closing is None:
            last = max((k for k in range(sal + 1, len(content)) if len(content[k].split()) > 14), default=sal)
            end = signature_end(content, last)
        else:
            end = signature_end(content, closing)
        letter_lines = content[start:end]
        child = Document(id=child_id(doc.id, n, content[intro] if intro is not None else None),
                         source=doc.source, parent=doc.id)
        child.title = content[intro] if intro is not None else None
        child.language = doc.language
        child.text = "\n\n".join(letter_lines)
        _as_letter(child, letter_lines)
        if child.date is None:
            child.date = next((d.iso for t in letter_lines[:8] for d in find_dates(t)), None)
        doc.children.append(child)
        n += 1
        i = max(end, sal + 1)


def _merge_references(doc: Document, child: Document) -> None:
    for ref in child.references:
        if not any(r.quote == ref.quote and r.recipients == ref.recipients for r in doc.references):
            doc.references.append(ref)
