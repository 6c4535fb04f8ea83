"""What the web app shows of documents, read from the archive: the home page's figures, the
shelves, a document's page and the feeds, each a few bounded queries (`explore` does the same
for entities, the network, the timeline and the map).

Every list is capped (the newest N, the first page) so that a page costs the same on an archive
of a thousand documents or a million; where a figure is counted over a sample, the page says so.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from maktub.archive.store import Archive

KINDS = ("letter", "statement", "article", "listing", "page")
KIND_PLURALS = {
    "letter": "letters", "statement": "statements", "article": "articles", "listing": "listings", "page": "pages",
}  # fmt: skip
KIND_BY_PLURAL = {plural: kind for kind, plural in KIND_PLURALS.items()}
TYPE_LABELS = {"person": "Person", "organization": "Organisation", "place": "Place"}
TYPE_PLURALS = {"person": "People", "organization": "Organisations", "place": "Places"}
PAGE_SIZE = 50
# The home page's counts are recounted when the archive changes, at most this often: at
# 1,000,000 documents they take 0.3 s (2.7 s with nothing cached).
OVERVIEW_SECONDS = 60.0


@dataclass
class DocumentLink:
    """A document as lists show it."""

    id: str
    kind: str
    title: str | None
    date: str | None
    language: str

    @property
    def label(self) -> str:
        return self.title or f"Untitled {self.kind}"


@dataclass
class EntityLink:
    slug: str
    name: str
    type: str
    documents: int = 0


@dataclass
class Overview:
    """The home page's figures: what the archive holds, by kind and year, and who is in it most."""

    documents: int
    entities: int
    sources: int
    by_kind: list[tuple[str, int]]
    by_year: list[tuple[int, int]]
    kind_years: dict[str, list[tuple[int | None, int]]]
    people: list[EntityLink]
    organisations: list[EntityLink]
    places: list[EntityLink]


LINK_COLUMNS = "d.id, d.kind, d.title, d.date, d.language"


def links(rows: list[tuple[Any, ...]]) -> list[DocumentLink]:
    """Rows that begin with LINK_COLUMNS, as links."""
    return [DocumentLink(*row[:5]) for row in rows]


def overview(archive: Archive) -> Overview:
    """Counts by kind and year and the most named entities; a full pass over the documents' index."""
    db = archive.db
    kind_years: dict[str, list[tuple[int | None, int]]] = {}
    by_kind: Counter[str] = Counter()
    by_year: Counter[int] = Counter()
    for kind, year, n in db.rows(
        "SELECT kind, year, count(*) FROM documents WHERE current = 1 GROUP BY kind, year"
    ):
        kind_years.setdefault(kind, []).append((year, int(n)))
        by_kind[kind] += int(n)
        if year is not None:
            by_year[int(year)] += int(n)
    for years in kind_years.values():
        years.sort(key=lambda yn: (yn[0] is None, -(yn[0] or 0)))
    return Overview(
        documents=sum(by_kind.values()),
        entities=int(db.value("SELECT count(*) FROM entities")),
        sources=int(db.value("SELECT count(*) FROM sources")),
        by_kind=sorted(by_kind.items(), key=lambda kn: -kn[1]),
        by_year=sorted(by_year.items()),
        kind_years=kind_years,
        people=top_entities(archive, "person"),
        organisations=top_entities(archive, "organization"),
        places=top_entities(archive, "place"),
    )


def top_entities(archive: Archive, type_: str, limit: int = 10) -> list[EntityLink]:
    rows = archive.db.rows(
        "SELECT slug, name, type, documents FROM entities WHERE type = ? ORDER BY documents DESC, name LIMIT ?",
        (type_, limit),
    )
    return [EntityLink(*row) for row in rows]


def recent_documents(archive: Archive, limit: int = 10) -> list[DocumentLink]:
    """The documents stored last (the newest revisions first); children are reached from their parent."""
    return links(
        archive.db.rows(
            f"SELECT {LINK_COLUMNS} FROM documents d WHERE d.current = 1 AND d.parent_id IS NULL "
            "ORDER BY d.seq DESC LIMIT ?",
            (limit,),
        )
    )


def most_viewed(archive: Archive, limit: int = 10) -> list[tuple[DocumentLink, int]]:
    rows = archive.db.rows(
        f"SELECT {LINK_COLUMNS}, d.views FROM documents d WHERE d.views > 0 AND d.current = 1 "
        "ORDER BY d.views DESC, d.seq DESC LIMIT ?",
        (limit,),
    )
    return [(DocumentLink(*row[:5]), int(row[5])) for row in rows]


def documents_of(archive: Archive, kind: str, year: int | None, page: int) -> list[DocumentLink]:
    """One page of a kind's documents in a year (None: undated), oldest first, as a shelf is read."""
    year_test = "d.year = ?" if year is not None else "d.year IS NULL"
    params: list[Any] = [kind] + ([year] if year is not None else [])
    return links(
        archive.db.rows(
            f"SELECT {LINK_COLUMNS} FROM documents d WHERE d.current = 1 AND d.kind = ? AND {year_test} "
            "ORDER BY d.date, d.seq LIMIT ? OFFSET ?",
            [*params, PAGE_SIZE, (page - 1) * PAGE_SIZE],
        )
    )


# --- one document ---------------------------------------------------------------------------


@dataclass
class Mention:
    start: int
    stop: int
    slug: str | None
    name: str
    type: str


@dataclass
class Revision:
    content_hash: str
    captured: str | None
    ingested: str
    bytes: int
    document_id: str | None  # this document's counterpart in that revision, when it has one
    current: bool


@dataclass
class Party:
    """A sender, recipient, copy or author as the document names them, with the entity they are."""

    role: str
    name: str
    title: str | None = None  # the role or office the document gives them ("Chief Minister")
    organization: str | None = None
    address: str | None = None
    entity: EntityLink | None = None


@dataclass
class Claim:
    text: str
    attributed_to: str | None
    about: list[EntityLink | str]


@dataclass
class DocumentView:
    """Everything a document page shows."""

    seq: int
    record: dict[str, Any]
    views: int
    mentions: list[Mention]
    parties: list[Party]
    parent: DocumentLink | None
    children: list[DocumentLink]
    revisions: list[Revision]
    claims: list[Claim]
    media: list[Media]
    translations: list[Translation]
    entities: list[EntityLink]

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def title(self) -> str:
        return str(self.record.get("title") or f"Untitled {self.record['kind']}")


def document_view(archive: Archive, doc_id: str) -> DocumentView | None:
    """A document with its mentions, parties, family, history, claims and translations; None if unknown."""
    db = archive.db
    row = db.one("SELECT seq, views, revision_id FROM documents WHERE id = ?", (doc_id,))
    if row is None:
        return None
    seq, views, revision_id = int(row[0]), int(row[1]), int(row[2])
    record = archive.document(doc_id)
    assert record is not None
    mentions = _mentions(archive, seq)
    party_entities = {
        (role, name): EntityLink(slug, ename, type_)
        for role, name, slug, ename, type_ in db.rows(
            "SELECT p.role, p.name, e.slug, e.name, e.type FROM parties p "
            "JOIN entity_names en ON en.name_id = p.name_id JOIN entities e ON e.id = en.entity_id "
            "WHERE p.document_seq = ?",
            (seq,),
        )
    }
    parties = [
        Party(role, person["name"], person.get("role"), person.get("organization"), person.get("address"),
              party_entities.get((role, person["name"])))
        for role, people in (
            ("from", [record["sender"]] if record.get("sender") else []),
            ("to", record.get("recipients") or []),
            ("cc", record.get("cc") or []),
        )
        for person in people
        if person.get("name")
    ]  # fmt: skip
    if not record.get("sender"):
        parties += [
            Party("author", name, entity=party_entities.get(("author", name)))
            for name in record.get("authors") or []
        ]
    parent_id = record.get("parent")
    parent = None
    if parent_id:
        found = db.rows(f"SELECT {LINK_COLUMNS} FROM documents d WHERE d.id = ?", (parent_id,))
        parent = links(found)[0] if found else None
    children = links(
        db.rows(
            f"SELECT {LINK_COLUMNS} FROM documents d WHERE d.parent_id = ? AND d.revision_id = ? ORDER BY d.position",
            (doc_id, revision_id),
        )
    )
    position = db.value("SELECT position FROM documents WHERE seq = ?", (seq,))
    revisions = [
        Revision(h, captured, ingested, int(size), counterpart, r_id == revision_id)
        for r_id, h, captured, ingested, size, counterpart in db.rows(
            "SELECT r.id, r.content_hash, r.captured, r.ingested, r.bytes, "
            "(SELECT d.id FROM documents d WHERE d.revision_id = r.id AND d.position = ?) "
            "FROM revisions r WHERE r.source_id = (SELECT source_id FROM revisions WHERE id = ?) ORDER BY r.id",
            (position, revision_id),
        )
    ]
    entities = _entities_named(archive, [m.slug for m in mentions if m.slug])
    by_name = {e.name: e for e in entities}
    claims = [
        Claim(
            text,
            attributed_to,
            [by_name.get(n) or _entity_by_name(archive, n) or n for n in json.loads(about)],
        )
        for text, attributed_to, about in db.rows(
            "SELECT text, attributed_to, about FROM claims WHERE document_seq = ? ORDER BY position", (seq,)
        )
    ]
    media = media_of(record)
    return DocumentView(
        seq, record, views, mentions, parties, parent, children, revisions, claims,
        media, _translations(archive, media, doc_id), entities,
    )  # fmt: skip


def _mentions(archive: Archive, seq: int) -> list[Mention]:
    """The names in a document's text, with the entity each belongs to, in order."""
    return [
        Mention(int(start), int(stop), slug, name, type_)
        for start, stop, slug, name, type_ in archive.db.rows(
            "SELECT m.start, m.stop, e.slug, coalesce(e.name, n.name), coalesce(e.type, n.type) "
            "FROM mentions m JOIN names n ON n.id = m.name_id "
            "LEFT JOIN entity_names en ON en.name_id = m.name_id LEFT JOIN entities e ON e.id = en.entity_id "
            "WHERE m.document_seq = ? AND m.start IS NOT NULL ORDER BY m.start, m.stop DESC",
            (seq,),
        )
    ]


def _entities_named(archive: Archive, slugs: list[str]) -> list[EntityLink]:
    """The entities with these slugs, most documents first (each once)."""
    unique = list(dict.fromkeys(slugs))
    if not unique:
        return []
    rows = archive.db.rows(
        f"SELECT slug, name, type, documents FROM entities WHERE slug IN ({marks(unique)}) "
        "ORDER BY documents DESC, name",
        unique,
    )
    return [EntityLink(*row) for row in rows]


def _entity_by_name(archive: Archive, name: str) -> EntityLink | None:
    row = archive.db.one("SELECT slug, name, type, documents FROM entities WHERE name = ? LIMIT 1", (name,))
    return EntityLink(*row) if row else None


@dataclass
class Media:
    """A photo, recording, video or translation a document names, with where it can be had."""

    kind: str
    label: str
    language: str | None
    url: str | None  # as the page wrote it
    href: str | None  # an absolute address to link to, when one can be made


@dataclass
class Translation:
    """The document a translation link leads to, when its page is in the archive, with its text."""

    media: Media
    document: DocumentLink
    paragraphs: list[Paragraph]


def media_of(record: dict[str, Any]) -> list[Media]:
    """The document's media, each address made absolute against the page's own (when it is a URL)."""
    base = str(record.get("provenance", {}).get("location") or "")
    out = []
    for item in record.get("media") or []:
        url = item.get("url")
        href = None
        if url and urlsplit(url).scheme in ("http", "https"):
            href = url
        elif url and urlsplit(base).scheme in ("http", "https"):
            href = urljoin(base, url)
        out.append(Media(item.get("kind") or "", item.get("label") or "", item.get("language"), url, href))
    return out


def _translations(archive: Archive, media: list[Media], doc_id: str) -> list[Translation]:
    """Translation links that lead to a page in the archive: that page's first document and its text."""
    found = []
    for item in media:
        if item.kind != "translation" or not item.href:
            continue
        rows = archive.db.rows(
            f"SELECT {LINK_COLUMNS}, d.seq, d.text FROM documents d JOIN revisions r ON r.id = d.revision_id "
            "JOIN sources s ON s.id = r.source_id WHERE s.location = ? AND d.current = 1 AND d.id <> ? "
            "ORDER BY d.position LIMIT 1",
            (item.href, doc_id),
        )
        if rows:
            found.append(
                Translation(item, links(rows)[0], paragraphs(rows[0][6], _mentions(archive, rows[0][5])))
            )
    return found


@dataclass
class Paragraph:
    """A paragraph of a document's text, cut into plain runs and mentions."""

    runs: list[tuple[str, Mention | None]]
    direction: str  # "rtl" or "ltr", by the paragraph's first strong letter


_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LTR = re.compile(r"[A-Za-z\u00c0-\u024f]")


def direction(text: str) -> str:
    """'rtl' when the first strong letter of `text` is Arabic-script (or Hebrew), else 'ltr'."""
    rtl, ltr = _RTL.search(text), _LTR.search(text)
    if rtl and (not ltr or rtl.start() < ltr.start()):
        return "rtl"
    return "ltr"


def paragraphs(text: str, mentions: list[Mention]) -> list[Paragraph]:
    """The text in paragraphs (split at blank lines), each mention a run of its own."""
    usable = []
    last = 0
    for m in mentions:  # sorted by start; overlapping mentions after the first are dropped
        if m.start >= last and 0 <= m.start < m.stop <= len(text):
            usable.append(m)
            last = m.stop
    out: list[Paragraph] = []
    pos = 0
    k = 0
    for block in re.split(r"(\n\s*\n)", text):
        start, stop = pos, pos + len(block)
        pos = stop
        if not block.strip():
            continue
        runs: list[tuple[str, Mention | None]] = []
        cursor = start
        while k < len(usable) and usable[k].start < stop:
            m = usable[k]
            if m.stop > stop:  # across a paragraph break: shown as plain text
                k += 1
                continue
            if m.start > cursor:
                runs.append((text[cursor : m.start], None))
            runs.append((text[m.start : m.stop], m))
            cursor = m.stop
            k += 1
        if cursor < stop:
            runs.append((text[cursor:stop], None))
        out.append(Paragraph(runs, direction(block)))
    return out


def marks(values: Any) -> str:
    """SQL placeholders for `values`, one each (NULL for none, which matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


@dataclass
class FeedEntry:
    document: DocumentLink
    stored: str  # when the archive took it in (ISO time)
    summary: str


FEED_SIZE = 30


def feed_entries(archive: Archive, query: str | None = None, limit: int = FEED_SIZE) -> list[FeedEntry]:
    """The documents stored last (that `query` matches, if given), newest first, for an Atom feed."""
    from maktub.archive.search import matching_ids

    db = archive.db
    select = (
        f"SELECT {LINK_COLUMNS}, r.ingested, substr(d.text, 1, 400) FROM documents d "
        "JOIN revisions r ON r.id = d.revision_id"
    )
    if query is None:
        rows = db.rows(f"{select} WHERE d.current = 1 ORDER BY d.seq DESC LIMIT ?", (limit,))
    else:
        ids = matching_ids(archive, query, limit)
        if not ids:
            return []
        order = {doc_id: i for i, doc_id in enumerate(ids)}
        rows = sorted(db.rows(f"{select} WHERE d.id IN ({marks(ids)})", ids), key=lambda r: order[r[0]])
    return [FeedEntry(DocumentLink(*r[:5]), r[5], " ".join(r[6].split())) for r in rows]
