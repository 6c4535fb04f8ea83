"""What the web app shows, read from the archive: one function a page, each a few bounded queries.

Every list is capped (the newest N, the first page) so that a page costs the same on an archive
of a thousand documents or a million; where a figure is counted over a sample, the page says so.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any
from urllib.parse import urljoin, urlsplit
from weakref import WeakKeyDictionary

from maktub.archive.store import Archive

KINDS = ("letter", "statement", "article", "listing", "page")
KIND_PLURALS = {
    "letter": "letters", "statement": "statements", "article": "articles", "listing": "listings", "page": "pages",
}  # fmt: skip
KIND_BY_PLURAL = {plural: kind for kind, plural in KIND_PLURALS.items()}
TYPE_LABELS = {"person": "Person", "organization": "Organisation", "place": "Place"}
TYPE_PLURALS = {"person": "People", "organization": "Organisations", "place": "Places"}
PAGE_SIZE = 50
LIST_SIZE = 20  # documents shown a list on an entity's page (sent, received, ...)
RELATED_SAMPLE = 500  # an entity's related entities are counted over its newest documents
RELATED_SHOWN = 15
ROLE_SAMPLE = 200  # an entity's letters (sent, received, ...) are listed by date among its newest this many
COUNT_CAP = 1_000  # an entity's letters are counted to this many, then "more than" (a join a letter)
OVERVIEW_SECONDS = 60.0  # the home page's counts are recounted at most this often


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
    counted_at: float = field(default_factory=time.time)


_LINK_COLUMNS = "d.id, d.kind, d.title, d.date, d.language"


def _links(rows: list[tuple[Any, ...]]) -> list[DocumentLink]:
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


def entities_of(archive: Archive, type_: str, page: int) -> tuple[list[EntityLink], int]:
    """One page of the entities of a type, most named first, and how many there are."""
    rows = archive.db.rows(
        "SELECT slug, name, type, documents FROM entities WHERE type = ? "
        "ORDER BY documents DESC, name LIMIT ? OFFSET ?",
        (type_, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    )
    total = int(archive.db.value("SELECT count(*) FROM entities WHERE type = ?", (type_,)))
    return [EntityLink(*row) for row in rows], total


def recent_documents(archive: Archive, limit: int = 10) -> list[DocumentLink]:
    """The documents stored last (the newest revisions first); children are reached from their parent."""
    return _links(
        archive.db.rows(
            f"SELECT {_LINK_COLUMNS} FROM documents d WHERE d.current = 1 AND d.parent_id IS NULL "
            "ORDER BY d.seq DESC LIMIT ?",
            (limit,),
        )
    )


def most_viewed(archive: Archive, limit: int = 10) -> list[tuple[DocumentLink, int]]:
    rows = archive.db.rows(
        f"SELECT {_LINK_COLUMNS}, d.views FROM documents d WHERE d.views > 0 AND d.current = 1 "
        "ORDER BY d.views DESC, d.seq DESC LIMIT ?",
        (limit,),
    )
    return [(DocumentLink(*row[:5]), int(row[5])) for row in rows]


def documents_of(archive: Archive, kind: str, year: int | None, page: int) -> list[DocumentLink]:
    """One page of a kind's documents in a year (None: undated), oldest first, as a shelf is read."""
    year_test = "d.year = ?" if year is not None else "d.year IS NULL"
    params: list[Any] = [kind] + ([year] if year is not None else [])
    return _links(
        archive.db.rows(
            f"SELECT {_LINK_COLUMNS} FROM documents d WHERE d.current = 1 AND d.kind = ? AND {year_test} "
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
        found = db.rows(f"SELECT {_LINK_COLUMNS} FROM documents d WHERE d.id = ?", (parent_id,))
        parent = _links(found)[0] if found else None
    children = _links(
        db.rows(
            f"SELECT {_LINK_COLUMNS} FROM documents d WHERE d.parent_id = ? AND d.revision_id = ? ORDER BY d.position",
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
    marks = _marks(unique)
    rows = archive.db.rows(
        f"SELECT slug, name, type, documents FROM entities WHERE slug IN ({marks}) ORDER BY documents DESC, name",
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
            f"SELECT {_LINK_COLUMNS}, d.seq, d.text FROM documents d JOIN revisions r ON r.id = d.revision_id "
            "JOIN sources s ON s.id = r.source_id WHERE s.location = ? AND d.current = 1 AND d.id <> ? "
            "ORDER BY d.position LIMIT 1",
            (item.href, doc_id),
        )
        if rows:
            found.append(
                Translation(item, _links(rows)[0], paragraphs(rows[0][6], _mentions(archive, rows[0][5])))
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


# --- one entity -----------------------------------------------------------------------------


@dataclass
class EntityView:
    """Everything an entity page shows."""

    id: int
    slug: str
    name: str
    type: str
    documents: int
    mentions: int
    details: dict[str, Any]
    roles: list[tuple[str, int]]
    sent: list[DocumentLink]
    sent_total: int
    received: list[DocumentLink]
    received_total: int
    copied: list[DocumentLink]
    copied_total: int
    statements: list[DocumentLink]
    statements_total: int
    mentioned_in: list[DocumentLink]
    years: list[tuple[int, int]]
    undated: int
    related: list[tuple[EntityLink, int]]
    related_from: int  # related entities were counted over this many of its newest documents

    @property
    def aliases(self) -> list[str]:
        return [a for a in self.details.get("aliases", []) if a != self.name]


def entity_view(archive: Archive, slug: str) -> EntityView | None:
    """An entity with its letters, statements, mentions by year and related entities; None if unknown."""
    db = archive.db
    row = db.one(
        "SELECT id, slug, name, type, documents, mentions, details FROM entities WHERE slug = ?", (slug,)
    )
    if row is None:
        return None
    entity_id = int(row[0])
    name_ids = [
        int(r[0]) for r in db.rows("SELECT name_id FROM entity_names WHERE entity_id = ?", (entity_id,))
    ]
    marks = _marks(name_ids)

    # SQLite: the candidates' kind and date from the narrow index, not their wide rows; a letter
    # is counted from its party's index, less the documents of older revisions (schema 5's
    # index of those). At 1,000,000 documents a popular entity's page took 40 ms, cold 100.
    narrow = "INDEXED BY documents_filters" if db.dialect == "sqlite" else ""
    not_retired = "p.document_seq NOT IN (SELECT r.seq FROM documents r WHERE r.current = 0)"

    def by_role(roles: tuple[str, ...], kind: str | None = None) -> tuple[list[DocumentLink], int]:
        newest = _newest(
            archive, "SELECT document_seq FROM parties WHERE name_id = ? AND role = ?",
            [(n, r) for n in name_ids for r in roles], ROLE_SAMPLE,
        )  # fmt: skip
        kinds = [kind] if kind else []
        kind_test = "AND d.kind = ?" if kind else ""
        ranked = [
            int(r[0])
            for r in db.rows(
                f"SELECT d.seq FROM documents d {narrow} WHERE d.seq IN ({_marks(newest)}) {kind_test} "
                "ORDER BY d.date DESC, d.seq DESC LIMIT ?",
                [*newest, *kinds, LIST_SIZE * 2],  # room for a few of older revisions, left out below
            )
        ]
        docs = _links(
            db.rows(
                f"SELECT {_LINK_COLUMNS} FROM documents d WHERE d.seq IN ({_marks(ranked)}) AND d.current = 1 "
                "ORDER BY d.date DESC, d.seq DESC LIMIT ?",
                [*ranked, LIST_SIZE],
            )
        )
        join = f"JOIN documents d {narrow} ON d.seq = p.document_seq AND d.kind = ?" if kind else ""
        total = int(
            db.value(
                f"SELECT count(*) FROM (SELECT DISTINCT p.document_seq FROM parties p {join} "
                f"WHERE p.name_id IN ({marks}) AND p.role IN ({_marks(roles)}) AND {not_retired} LIMIT ?) AS found",
                [*kinds, *name_ids, *roles, COUNT_CAP + 1],
            )
            or 0
        )
        return docs, total

    sent, sent_total = by_role(("from",))
    received, received_total = by_role(("to",))
    copied, copied_total = by_role(("cc",))
    statements, statements_total = by_role(("author", "from"), "statement")
    seqs = _newest(
        archive,
        "SELECT document_seq FROM doc_names WHERE name_id = ?",
        [(n,) for n in name_ids],
        RELATED_SAMPLE,
    )
    shown = seqs[:LIST_SIZE]
    mentioned_in = _links(
        db.rows(
            f"SELECT {_LINK_COLUMNS} FROM documents d WHERE d.seq IN ({_marks(shown)}) AND d.current = 1 "
            "ORDER BY d.seq DESC",
            shown,
        )
    )
    years: Counter[int] = Counter()
    for year, n in db.rows(
        f"SELECT year, sum(documents) FROM name_years WHERE name_id IN ({marks}) GROUP BY year", name_ids
    ):
        years[int(year)] += int(n)
    undated = years.pop(0, 0)
    return EntityView(
        entity_id, row[1], row[2], row[3], int(row[4]), int(row[5]), json.loads(row[6]),
        _roles(archive, name_ids), sent, sent_total, received, received_total, copied, copied_total,
        statements, statements_total, mentioned_in, sorted(years.items()), undated,
        _related(archive, entity_id, seqs), len(seqs),
    )  # fmt: skip


def _roles(archive: Archive, name_ids: list[int]) -> list[tuple[str, int]]:
    """The roles letters give the entity ("Chief of MQM"), from its newest letters, most often first."""
    pairs = [(n, r) for n in name_ids for r in ("from", "to", "cc")]
    seqs = _newest(
        archive, "SELECT document_seq FROM parties WHERE name_id = ? AND role = ?", pairs, LIST_SIZE
    )
    if not seqs:
        return []
    rows = archive.db.rows(
        f"SELECT p.role, p.name, d.record FROM parties p JOIN documents d ON d.seq = p.document_seq "
        f"WHERE p.document_seq IN ({_marks(seqs)}) AND p.name_id IN ({_marks(name_ids)}) "
        "AND p.role IN ('from', 'to', 'cc')",
        [*seqs, *name_ids],
    )
    roles: Counter[str] = Counter()
    for role, name, record in rows:
        data = json.loads(record)
        people = (
            [data.get("sender")] if role == "from" else data.get("recipients" if role == "to" else "cc") or []
        )
        for person in people:
            if person and person.get("name") == name and person.get("role"):
                office = person["role"]
                if person.get("organization"):
                    office += f", {person['organization']}"
                roles[office] += 1
    return roles.most_common(8)


def _newest(archive: Archive, select: str, keys: list[tuple[Any, ...]], limit: int) -> list[int]:
    """The highest document numbers that `select` (one key's rows, by an index ending in the number)
    gives over all `keys`, newest first: each key's newest `limit` from its index, then merged, so
    that no key's rows are all read however many there are."""
    found: set[int] = set()
    for key_values in keys:
        found.update(
            int(r[0])
            for r in archive.db.rows(f"{select} ORDER BY document_seq DESC LIMIT ?", [*key_values, limit])
        )
    return sorted(found, reverse=True)[:limit]


def _marks(values: Any) -> str:
    return ", ".join("?" * len(values)) or "NULL"


def _related(archive: Archive, entity_id: int, seqs: list[int]) -> list[tuple[EntityLink, int]]:
    """The entities named most often beside this one, in the given documents."""
    if not seqs:
        return []
    owner = _owners(archive)
    together: Counter[int] = Counter()
    for _, found in groupby(
        archive.db.rows(
            f"SELECT document_seq, name_id FROM doc_names WHERE document_seq IN ({_marks(seqs)}) ORDER BY 1",
            seqs,
        ),
        key=lambda r: r[0],
    ):
        together.update({owner[r[1]] for r in found if r[1] in owner} - {entity_id})
    top = dict(sorted(together.items(), key=lambda kv: -kv[1])[: RELATED_SHOWN * 2])
    if not top:
        return []
    rows = archive.db.rows(
        f"SELECT id, slug, name, type, documents FROM entities WHERE id IN ({_marks(top)})", list(top)
    )
    ranked = sorted(rows, key=lambda r: (-top[r[0]], r[2]))[:RELATED_SHOWN]
    return [(EntityLink(*r[1:5]), top[r[0]]) for r in ranked]


_OWNERS: WeakKeyDictionary[Archive, tuple[object, dict[int, int]]] = WeakKeyDictionary()


def _owners(archive: Archive) -> dict[int, int]:
    """The entity of each stored name, read once per archive connection and again after a relink
    (which writes the table anew, so its last row number changes)."""
    version = (
        archive.db.value("SELECT max(rowid) FROM entity_names") if archive.db.dialect == "sqlite" else None
    )
    if version is None:  # PostgreSQL: the table's size and last name stand in for it
        version = archive.db.one("SELECT count(*), max(name_id), max(entity_id) FROM entity_names")
    cached = _OWNERS.get(archive)
    if cached is None or cached[0] != version:
        cached = (
            version,
            {int(n): int(e) for n, e in archive.db.rows("SELECT name_id, entity_id FROM entity_names")},
        )
        _OWNERS[archive] = cached
    return cached[1]


# --- across the archive ---------------------------------------------------------------------


@dataclass
class Network:
    """Who wrote to whom: people and bodies as nodes, letters, copies and mentioned letters as edges."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    letters: int  # relations read (capped at NETWORK_EDGES)


NETWORK_EDGES = 2000


def network(
    archive: Archive, since: str | None = None, until: str | None = None, entity: str | None = None
) -> Network:
    """The correspondence network from the archive's relations, newest first up to NETWORK_EDGES.

    `entity` (a slug or a name) keeps only the relations it is at one end of."""
    where = ["d.current = 1", "r.kind IN ('letter', 'cc', 'mentioned')"]
    params: list[Any] = []
    if since:
        where.append("r.date >= ?")
        params.append(since)
    if until:
        where.append("r.date <= ?")
        params.append(until + "\uffff")
    if entity:
        keys = [
            r[0]
            for r in archive.db.rows(
                "SELECT n.key FROM names n JOIN entity_names en ON en.name_id = n.id "
                "JOIN entities e ON e.id = en.entity_id WHERE e.slug = ? OR e.name = ?",
                (entity, entity),
            )
        ]
        marks = _marks(keys)
        where.append(f"(r.source_key IN ({marks}) OR r.target_key IN ({marks}))")
        params += keys + keys
    rows = archive.db.rows(
        "SELECT r.kind, r.source, r.target, r.source_key, r.target_key, r.date, d.id, d.title "
        "FROM relations r JOIN documents d ON d.seq = r.document_seq "
        f"WHERE {' AND '.join(where)} ORDER BY r.date DESC, r.document_seq DESC LIMIT ?",
        [*params, NETWORK_EDGES],
    )
    entities = _entities_by_key(archive, {k for r in rows for k in (r[3], r[4])})
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for kind, source, target, source_key, target_key, date, doc_id, title in rows:
        ends = []
        for name, k in ((source, source_key), (target, target_key)):
            found = entities.get(k)
            node_id = found.slug if found else f"name:{k}"
            node = nodes.setdefault(
                node_id,
                {"id": node_id, "name": found.name if found else name, "type": found.type if found else "person",
                 "slug": found.slug if found else None, "letters": 0},
            )  # fmt: skip
            node["letters"] += 1
            ends.append(node_id)
        edge = edges.setdefault(
            (ends[0], ends[1], kind),
            {"source": ends[0], "target": ends[1], "kind": kind, "count": 0, "documents": []},
        )
        edge["count"] += 1
        if len(edge["documents"]) < 5:
            edge["documents"].append({"id": doc_id, "title": title, "date": date})
    return Network(list(nodes.values()), list(edges.values()), len(rows))


def _entities_by_key(archive: Archive, keys: set[str]) -> dict[str, EntityLink]:
    """The entity each name key belongs to (a person or body first when a key is both)."""
    if not keys:
        return {}
    found: dict[str, EntityLink] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        for k, slug, name, type_, docs in archive.db.rows(
            "SELECT n.key, e.slug, e.name, e.type, e.documents FROM names n "
            "JOIN entity_names en ON en.name_id = n.id JOIN entities e ON e.id = en.entity_id "
            f"WHERE n.key IN ({_marks(chunk)}) ORDER BY e.type = 'place', e.documents",
            chunk,
        ):
            found[k] = EntityLink(slug, name, type_, int(docs))
    return found


@dataclass
class TimelineYear:
    year: int
    documents: list[DocumentLink]
    total: int


TIMELINE_PER_YEAR = 12
TIMELINE_SAMPLE = 2000  # an entity's timeline lists documents from its newest this many


def timeline(archive: Archive, kind: str | None = None, entity: str | None = None) -> list[TimelineYear]:
    """Dated documents year by year (each year's first TIMELINE_PER_YEAR by date, and its total):
    of the whole archive, of a kind, or naming an entity (of every kind)."""
    db = archive.db
    if entity:
        row = db.one("SELECT id FROM entities WHERE slug = ?", (entity,))
        if row is None:
            return []
        name_ids = [
            int(r[0]) for r in db.rows("SELECT name_id FROM entity_names WHERE entity_id = ?", (row[0],))
        ]
        years = db.rows(
            f"SELECT year, sum(documents) FROM name_years WHERE name_id IN ({_marks(name_ids)}) AND year > 0 "
            "GROUP BY year HAVING sum(documents) > 0 ORDER BY year",
            name_ids,
        )
        # The documents listed come from its newest TIMELINE_SAMPLE (the counts are all of them):
        # listing a year's first twelve among all of Karachi's 185,000 took a second.
        seqs = _newest(
            archive,
            "SELECT document_seq FROM doc_names WHERE name_id = ?",
            [(n,) for n in name_ids],
            TIMELINE_SAMPLE,
        )
        by_year: dict[int, list[DocumentLink]] = {}
        for found in db.rows(
            f"SELECT {_LINK_COLUMNS}, d.year FROM documents d WHERE d.seq IN ({_marks(seqs)}) AND d.current = 1 "
            "AND d.year IS NOT NULL ORDER BY d.date, d.seq",
            seqs,
        ):
            listed = by_year.setdefault(int(found[5]), [])
            if len(listed) < TIMELINE_PER_YEAR:
                listed.append(DocumentLink(*found[:5]))
        return [TimelineYear(int(year), by_year.get(int(year), []), int(total)) for year, total in years]
    source, params = "FROM documents d WHERE d.current = 1", list[Any]()
    if kind:
        source += " AND d.kind = ?"
        params.append(kind)
    years = db.rows(
        f"SELECT d.year, count(*) {source} AND d.year IS NOT NULL GROUP BY d.year ORDER BY d.year", params
    )
    out = []
    for year, total in years:
        docs = _links(
            db.rows(
                f"SELECT {_LINK_COLUMNS} {source} AND d.year = ? ORDER BY d.date, d.seq LIMIT ?",
                [*params, year, TIMELINE_PER_YEAR],
            )
        )
        out.append(TimelineYear(int(year), docs, int(total)))
    return out


@dataclass
class Place:
    slug: str
    name: str
    documents: int
    latitude: float
    longitude: float
    country: str | None
    flag: str | None
    population: int | None


def places(archive: Archive, limit: int = 500) -> list[Place]:
    """The places named in the archive that have coordinates, most named first."""
    out = []
    for slug, name, docs, details in archive.db.rows(
        "SELECT slug, name, documents, details FROM entities WHERE type = 'place' ORDER BY documents DESC LIMIT ?",
        (limit * 4,),
    ):
        place = json.loads(details).get("place") or {}
        if place.get("latitude") is None or place.get("longitude") is None:
            continue
        out.append(
            Place(slug, name, int(docs), float(place["latitude"]), float(place["longitude"]),
                  place.get("country"), place.get("flag"), place.get("population"))
        )  # fmt: skip
        if len(out) >= limit:
            break
    return out


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
        f"SELECT {_LINK_COLUMNS}, r.ingested, substr(d.text, 1, 400) FROM documents d "
        "JOIN revisions r ON r.id = d.revision_id"
    )
    if query is None:
        rows = db.rows(f"{select} WHERE d.current = 1 ORDER BY d.seq DESC LIMIT ?", (limit,))
    else:
        ids = matching_ids(archive, query, limit)
        if not ids:
            return []
        order = {doc_id: i for i, doc_id in enumerate(ids)}
        rows = sorted(db.rows(f"{select} WHERE d.id IN ({_marks(ids)})", ids), key=lambda r: order[r[0]])
    return [FeedEntry(DocumentLink(*r[:5]), r[5], " ".join(r[6].split())) for r in rows]
