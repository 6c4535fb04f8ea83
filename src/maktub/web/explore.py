"""Exploring the archive across its documents: an entity's page, the list of entities, the
correspondence network, the timeline and the map.

Like `reading`, each view is a few bounded queries: an entity's lists come from its newest
documents by their indexes, and where a figure is counted over a sample, the page says so.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from typing import Any
from weakref import WeakKeyDictionary

from maktub.archive.store import Archive
from maktub.web.reading import LINK_COLUMNS, PAGE_SIZE, DocumentLink, EntityLink, links, marks

LIST_SIZE = 20  # documents shown a list on an entity's page (sent, received, ...)
RELATED_SAMPLE = 500  # an entity's related entities are counted over its newest documents
RELATED_SHOWN = 15
ROLE_SAMPLE = 200  # an entity's letters (sent, received, ...) are listed by date among its newest this many
COUNT_CAP = 1_000  # an entity's letters are counted to this many, then "more than" (a join a letter)


def entities_of(archive: Archive, type_: str, page: int) -> tuple[list[EntityLink], int]:
    """One page of the entities of a type, most named first, and how many there are."""
    rows = archive.db.rows(
        "SELECT slug, name, type, documents FROM entities WHERE type = ? "
        "ORDER BY documents DESC, name LIMIT ? OFFSET ?",
        (type_, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    )
    total = int(archive.db.value("SELECT count(*) FROM entities WHERE type = ?", (type_,)))
    return [EntityLink(*row) for row in rows], total


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
    name_marks = marks(name_ids)

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
                f"SELECT d.seq FROM documents d {narrow} WHERE d.seq IN ({marks(newest)}) {kind_test} "
                "ORDER BY d.date DESC, d.seq DESC LIMIT ?",
                [*newest, *kinds, LIST_SIZE * 2],  # room for a few of older revisions, left out below
            )
        ]
        docs = links(
            db.rows(
                f"SELECT {LINK_COLUMNS} FROM documents d WHERE d.seq IN ({marks(ranked)}) AND d.current = 1 "
                "ORDER BY d.date DESC, d.seq DESC LIMIT ?",
                [*ranked, LIST_SIZE],
            )
        )
        join = f"JOIN documents d {narrow} ON d.seq = p.document_seq AND d.kind = ?" if kind else ""
        total = int(
            db.value(
                f"SELECT count(*) FROM (SELECT DISTINCT p.document_seq FROM parties p {join} "
                f"WHERE p.name_id IN ({name_marks}) AND p.role IN ({marks(roles)}) AND {not_retired} LIMIT ?) AS found",
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
    mentioned_in = links(
        db.rows(
            f"SELECT {LINK_COLUMNS} FROM documents d WHERE d.seq IN ({marks(shown)}) AND d.current = 1 "
            "ORDER BY d.seq DESC",
            shown,
        )
    )
    years: Counter[int] = Counter()
    for year, n in db.rows(
        f"SELECT year, sum(documents) FROM name_years WHERE name_id IN ({name_marks}) GROUP BY year", name_ids
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
        f"WHERE p.document_seq IN ({marks(seqs)}) AND p.name_id IN ({marks(name_ids)}) "
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


def _related(archive: Archive, entity_id: int, seqs: list[int]) -> list[tuple[EntityLink, int]]:
    """The entities named most often beside this one, in the given documents."""
    if not seqs:
        return []
    owner = _owners(archive)
    together: Counter[int] = Counter()
    for _, found in groupby(
        archive.db.rows(
            f"SELECT document_seq, name_id FROM doc_names WHERE document_seq IN ({marks(seqs)}) ORDER BY 1",
            seqs,
        ),
        key=lambda r: r[0],
    ):
        together.update({owner[r[1]] for r in found if r[1] in owner} - {entity_id})
    top = dict(sorted(together.items(), key=lambda kv: -kv[1])[: RELATED_SHOWN * 2])
    if not top:
        return []
    rows = archive.db.rows(
        f"SELECT id, slug, name, type, documents FROM entities WHERE id IN ({marks(top)})", list(top)
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
        key_marks = marks(keys)
        where.append(f"(r.source_key IN ({key_marks}) OR r.target_key IN ({key_marks}))")
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
            f"WHERE n.key IN ({marks(chunk)}) ORDER BY e.type = 'place', e.documents",
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
            f"SELECT year, sum(documents) FROM name_years WHERE name_id IN ({marks(name_ids)}) AND year > 0 "
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
            f"SELECT {LINK_COLUMNS}, d.year FROM documents d WHERE d.seq IN ({marks(seqs)}) AND d.current = 1 "
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
        docs = links(
            db.rows(
                f"SELECT {LINK_COLUMNS} {source} AND d.year = ? ORDER BY d.date, d.seq LIMIT ?",
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
