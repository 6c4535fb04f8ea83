"""The work done away from the archive: a page's bytes in, the rows to store out.

`prepare` runs on a worker (a local process or a Dask worker): it extracts the page, finds
its entities, and turns the Document tree into plain tuples, so the one process that writes
the archive only inserts rows. Nothing here touches a database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from maktub.clean import SiteProfile
from maktub.entities.gazetteer import key
from maktub.entities.relations import relations
from maktub.entities.resolve import Resolver
from maktub.errors import RefusedInput
from maktub.model import Document, content_id
from maktub.pipeline import ExtractOptions, extract_safely, site_of
from maktub.read import Source

MAX_OFFSETS = 50  # mentions of one name recorded per document, with their offsets


@dataclass
class PreparedDocument:
    """One document's rows."""

    id: str
    parent: str | None
    position: int
    kind: str
    title: str | None
    language: str
    date: str | None
    year: int | None
    text: str
    names: str  # every name and alias, for the full-text index
    record: str  # the contract JSON (what `maktub extract` prints)
    entities: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # type, name, aliases
    mentions: list[tuple[str, str, int | None, int | None]] = field(
        default_factory=list
    )  # type, name, start, stop
    parties: list[tuple[str, str, str]] = field(default_factory=list)  # role, name, type
    relations: list[tuple[str, str, str, str | None, str]] = field(default_factory=list)
    claims: list[tuple[str, str | None, str]] = field(default_factory=list)
    references: list[tuple[str, str | None, str, str | None, str]] = field(default_factory=list)
    media: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)


@dataclass
class Prepared:
    """One page (one revision of one source), ready to store."""

    location: str
    site: str
    content_hash: str
    format: str
    size: int
    captured: str | None
    documents: list[PreparedDocument]
    warnings: list[str] = field(default_factory=list)


_resolver: Resolver | None = None
_profile: SiteProfile | None = None


def set_profile(profile: SiteProfile | None) -> None:
    """What a local worker process knows of the batch's sites (its initializer)."""
    global _profile
    _profile = profile


def prepare(item: Source, profile: SiteProfile | None = None) -> Prepared | RefusedInput:
    """Extract one page and turn it into rows."""
    global _resolver
    profile = profile or _profile
    if _resolver is None:
        _resolver = Resolver(rename=False)  # names are joined across pages by the archive's linker
    content_hash = content_id(item.data)
    result = extract_safely(item, content_hash, profile, ExtractOptions(rename_across=False), _resolver)
    if isinstance(result, RefusedInput):
        return result
    page, warning = result
    warnings = [*(item.warnings or []), *([warning] if warning else [])]
    documents = [_rows(doc, position) for position, doc in enumerate(page.walk())]
    edges = relations([page], lambda name: name)
    by_id = {d.id: d for d in documents}
    for edge in edges:
        for doc_id in edge.documents:
            doc = by_id[doc_id]
            doc.relations.append((edge.kind, edge.source, edge.target, doc.date, (edge.examples or [""])[0]))
    return Prepared(
        location=item.source,
        site=item.site or site_of(item.source),
        content_hash=content_hash,
        format=item.format,
        size=len(item.data),
        captured=item.captured,
        documents=documents,
        warnings=warnings,
    )


def prepare_many(items: list[Source], profile: SiteProfile | None = None) -> list[Prepared | RefusedInput]:
    """`prepare` for a batch: one task for a worker."""
    return [prepare(item, profile) for item in items]


def _rows(doc: Document, position: int) -> PreparedDocument:
    types = {key(e.name): e.type for e in doc.entities}
    out = PreparedDocument(
        id=doc.id,
        parent=doc.parent,
        position=position,
        kind=doc.kind,
        title=doc.title,
        language=doc.language,
        date=doc.date,
        year=int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None,
        text=doc.text,
        names="",
        record=json.dumps(doc.to_contract(), ensure_ascii=False),
    )
    names: list[str] = []
    for e in doc.entities:
        forms = sorted({e.name, *e.aliases}, key=lambda f: (-len(f), f))  # longest first; ties in one order
        out.entities.append((e.type, e.name, tuple(a for a in forms if a != e.name)))
        names.extend(forms)
        found = _offsets(doc.text, forms)
        if not found:
            out.mentions.append((e.type, e.name, None, None))
        out.mentions.extend((e.type, e.name, start, stop) for start, stop in found)
    parties: list[tuple[str, str]] = []
    if doc.sender:
        parties.append(("from", doc.sender.name))
    parties += [("to", p.name) for p in doc.recipients]
    parties += [("cc", p.name) for p in doc.cc]
    parties += [("author", a) for a in doc.authors]
    for role, name in parties:
        out.parties.append((role, name, types.get(key(name), "person")))
        names.append(name)
    out.names = " · ".join(dict.fromkeys(names))
    out.claims = [(c.text, c.attributed_to, json.dumps(c.about, ensure_ascii=False)) for c in doc.claims]
    out.references = [
        (r.kind, r.sender, json.dumps(r.recipients, ensure_ascii=False), r.date, r.quote)
        for r in doc.references
    ]
    out.media = [(m.kind, m.label, m.language, m.url) for m in doc.media]
    return out


def _offsets(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where the forms of a name stand in the text: longest forms first, no overlaps."""
    taken: list[tuple[int, int]] = []
    for form in forms:
        if not form:
            continue
        start = text.find(form)
        while start != -1 and len(taken) < MAX_OFFSETS:
            stop = start + len(form)
            if _word_edges(text, start, stop) and not any(a < stop and start < b for a, b in taken):
                taken.append((start, stop))
            start = text.find(form, stop)
    return sorted(taken)


def _word_edges(text: str, start: int, stop: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[stop] if stop < len(text) else " "
    return not before.isalnum() and not after.isalnum()
