"""The archive: what is stored, and how a page gets in without ever being half there.

A page is a *revision* of a *source* (its file path or URL). The same bytes twice are one
revision; changed bytes at the same location are a new revision, whose documents become the
current ones while the old stay in the history. Each `add` is one transaction: after a crash
or `kill -9` the archive holds whole pages only, and a rerun skips what is already in.

Names are stored as each page wrote them; `relink()` joins them into entities across the
archive with the rules of `entities.link` and people's corrections, which live here too.
"""

from __future__ import annotations

import json
import random
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from maktub.archive.db import Database, WriteConflict, connect, describe
from maktub.archive.fold import fold, fold_for_index
from maktub.archive.prepare import Prepared, PreparedDocument
from maktub.archive.schema import migrate
from maktub.entities.corrections import Correction, Corrections
from maktub.entities.gazetteer import key
from maktub.entities.link import Canonical, Linker
from maktub.errors import MaktubError

WRITE_ATTEMPTS = 5  # a transaction undone by another writer's is tried this many times in all


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Added:
    """What one `add` stored."""

    pages: int = 0
    documents: int = 0
    revisions: int = 0  # pages that were a new revision of a source already stored
    duplicates: int = 0  # pages whose bytes were already stored


class Archive:
    """An open archive. `Archive.open(target)` creates or upgrades it as needed."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.target = db.target
        self._names: dict[tuple[str, str], int] = {}
        self._name_types: dict[int, str] = {}

    @classmethod
    def open(cls, target: str | Path | None = None, *, upgrade: bool = True) -> Archive:
        db = connect(target)
        try:
            if upgrade:
                migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return describe(self.target)

    # --- runs and refusals -------------------------------------------------------------

    def start_run(self, paths: Iterable[str]) -> int:
        with self.db.transaction():
            row = self.db.one(
                "INSERT INTO runs (started, paths) VALUES (?, ?) RETURNING id",
                (now(), json.dumps(list(paths))),
            )
        assert row is not None
        return int(row[0])

    def finish_run(self, run: int, files: int, documents: int, refused: int, status: str) -> None:
        with self.db.transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, files = ?, documents = ?, refused = ?, status = ? WHERE id = ?",
                (now(), files, documents, refused, status, run),
            )

    def refuse(self, location: str, reason: str, run: int | None) -> None:
        """Record a file that could not be read, with why (once per file and reason)."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO refused (location, reason, at, run_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (location, reason) DO UPDATE SET at = excluded.at, run_id = excluded.run_id",
                (location, reason, now(), run),
            )

    def refused(self) -> list[tuple[str, str, str]]:
        """(location, reason, when) of every refused file not stored since."""
        return [
            (r[0], r[1], r[2])
            for r in self.db.rows(
                "SELECT f.location, f.reason, f.at FROM refused f "
                "WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.location = f.location) ORDER BY f.location"
            )
        ]

    # --- adding pages ------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        return self.db.value("SELECT 1 FROM revisions WHERE content_hash = ?", (content_hash,)) is not None

    def add(self, pages: list[Prepared], run: int | None = None) -> Added:
        """Store pages, all in one transaction; the rows of each table go in at once at the end.

        On PostgreSQL several processes may add at once; when two write the same rows at the same
        moment (a new name, the same page twice) the database undoes one transaction, which is
        then tried again from the start.
        """
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return self._add(pages, run)
            except WriteConflict:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0.01, 0.1) * (attempt + 1))
        raise AssertionError("unreachable")

    def _add(self, pages: list[Prepared], run: int | None) -> Added:
        added = Added()
        batch = _Batch()
        with self.db.transaction():
            if self.db.dialect == "sqlite":  # one writer holds the lock: number the documents here
                batch.next_seq = int(self.db.value("SELECT coalesce(max(seq), 0) + 1 FROM documents"))
            else:  # new names in one order for every writer, so that two never wait on each other
                first = {(t, key(n)): n for t, n in reversed(list(_names_in(pages))) if key(n)}
                for (type_, _), name in sorted(first.items()):
                    self._name_id(type_, name, batch.names)
            for page in pages:
                self._add_page(page, run, added, batch)
            self._write(batch)
        self._names.update(batch.names)  # only names that were committed
        return added

    def _add_page(self, page: Prepared, run: int | None, added: Added, batch: _Batch) -> None:
        db = self.db
        if page.content_hash in batch.hashes or self.has(page.content_hash):
            added.duplicates += 1
            return
        batch.hashes.add(page.content_hash)
        source = db.value("SELECT id FROM sources WHERE location = ?", (page.location,))
        if source is None:
            source = db.value(
                "INSERT INTO sources (location, site) VALUES (?, ?) RETURNING id", (page.location, page.site)
            )
        else:
            added.revisions += 1
            self._write(batch)  # the source's earlier documents must be in before they are retired
            self._retire(source)
        revision = db.value(
            "INSERT INTO revisions (source_id, content_hash, format, bytes, captured, ingested, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (source, page.content_hash, page.format, page.size, page.captured, now(), run),
        )
        counts: Counter[int] = Counter()
        for doc in page.documents:
            self._add_document(doc, revision, counts, batch)
        for name_id, n in counts.items():
            batch.name_counts[name_id] += n
        added.pages += 1
        added.documents += len(page.documents)

    def _add_document(
        self, doc: PreparedDocument, revision: int, counts: Counter[int], batch: _Batch
    ) -> None:
        db = self.db
        values = (
            doc.id, revision, doc.parent, doc.position, doc.kind, doc.title, doc.language,
            doc.date, doc.year, doc.text, doc.names, doc.record,
        )  # fmt: skip
        if db.dialect == "sqlite":
            seq = batch.next_seq
            batch.next_seq += 1
            batch.documents.append((seq, *values))
            batch.search.append((seq, fold(doc.title), fold(doc.text), fold(doc.names)))
        else:
            seq = db.value(
                f"INSERT INTO documents ({_DOCUMENT_COLUMNS}, search) VALUES ({_marks(12)}, "
                "setweight(to_tsvector('english', ?), 'A') || to_tsvector('english', ?) "
                "|| setweight(to_tsvector('simple', ?), 'B')) RETURNING seq",
                (*values, fold_for_index(doc.title), fold_for_index(doc.text), fold_for_index(doc.names)),
            )
        seen: dict[int, str] = {}  # name id -> type: the names of this document, once each
        for type_, name, start, stop in doc.mentions:
            name_id = self._name_id(type_, name, batch.names)
            batch.mentions.append((seq, name_id, start, stop))
            seen[name_id] = type_
        batch.aliases += [
            (self._name_id(t, n, batch.names), a) for t, n, forms in doc.entities for a in forms
        ]
        for role, name, type_ in doc.parties:
            party_id = self._name_id(type_, name, batch.names) if key(name) else None
            batch.parties.append((seq, role, party_id, name))
            if party_id is not None:
                seen.setdefault(party_id, type_)
        batch.relations += [(seq, k, s, t, key(s), key(t), d, e) for k, s, t, d, e in doc.relations]
        batch.claims += [(seq, i, *c) for i, c in enumerate(doc.claims)]
        batch.references += [(seq, i, *r) for i, r in enumerate(doc.references)]
        batch.media += [(seq, *m) for m in doc.media]
        batch.doc_names += [(seq, name_id, type_) for name_id, type_ in seen.items()]
        batch.name_years.update((name_id, doc.year or 0) for name_id in seen)
        counts.update(seen.keys())

    def _write(self, batch: _Batch) -> None:
        """Every row gathered so far, one statement a table."""
        db = self.db
        db.many(f"INSERT INTO documents (seq, {_DOCUMENT_COLUMNS}) VALUES ({_marks(13)})", batch.documents)
        db.many("INSERT INTO documents_fts (rowid, title, text, names) VALUES (?, ?, ?, ?)", batch.search)
        db.many(
            "INSERT INTO mentions (document_seq, name_id, start, stop) VALUES (?, ?, ?, ?)", batch.mentions
        )
        db.many(
            "INSERT INTO name_aliases (name_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING", batch.aliases
        )
        db.many("INSERT INTO parties (document_seq, role, name_id, name) VALUES (?, ?, ?, ?)", batch.parties)
        db.many(
            "INSERT INTO relations (document_seq, kind, source, target, source_key, target_key, date, example) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            batch.relations,
        )
        db.many(
            "INSERT INTO claims (document_seq, position, text, attributed_to, about) VALUES (?, ?, ?, ?, ?)",
            batch.claims,
        )
        db.many(
            "INSERT INTO doc_references (document_seq, position, kind, sender, recipients, date, quote) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            batch.references,
        )
        db.many(
            "INSERT INTO media (document_seq, kind, label, language, url) VALUES (?, ?, ?, ?, ?)", batch.media
        )
        db.many("INSERT INTO doc_names (document_seq, name_id, type) VALUES (?, ?, ?)", batch.doc_names)
        db.many(
            "UPDATE names SET documents = documents + ? WHERE id = ?",
            [(n, i) for i, n in sorted(batch.name_counts.items())],  # in one order for every writer
        )
        db.many(
            "INSERT INTO name_years (name_id, year, documents) VALUES (?, ?, ?) ON CONFLICT (name_id, year) "
            "DO UPDATE SET documents = name_years.documents + excluded.documents",
            [(*k, n) for k, n in sorted(batch.name_years.items())],
        )
        batch.clear()

    def _name_id(self, type_: str, name: str, pending: dict[tuple[str, str], int]) -> int:
        k = (type_, key(name))
        found = self._names.get(k) or pending.get(k)
        if found is not None:
            return found
        db = self.db
        found = db.value("SELECT id FROM names WHERE type = ? AND key = ?", k)
        if found is None:
            found = db.value(
                "INSERT INTO names (type, key, name) VALUES (?, ?, ?) "
                "ON CONFLICT (type, key) DO UPDATE SET name = names.name RETURNING id",
                (type_, k[1], name),
            )
        pending[k] = int(found)
        return int(found)

    def _retire(self, source: int) -> None:
        """The documents of a source's older revisions leave the search index (they stay stored)."""
        db = self.db
        old = db.rows(
            "SELECT d.seq, d.title, d.text, d.names FROM documents d JOIN revisions r ON r.id = d.revision_id "
            "WHERE r.source_id = ? AND d.current = 1",
            (source,),
        )
        if db.dialect == "sqlite":
            db.many(
                "INSERT INTO documents_fts (documents_fts, rowid, title, text, names) VALUES ('delete', ?, ?, ?, ?)",
                [(seq, fold(t), fold(x), fold(n)) for seq, t, x, n in old],
            )
        db.many("UPDATE documents SET current = 0 WHERE seq = ?", [(row[0],) for row in old])
        if old:
            seqs = [row[0] for row in old]
            years = db.rows(
                "SELECT dn.name_id, coalesce(d.year, 0), count(*) FROM doc_names dn "
                f"JOIN documents d ON d.seq = dn.document_seq WHERE dn.document_seq IN ({_marks(len(seqs))}) "
                "GROUP BY dn.name_id, coalesce(d.year, 0) ORDER BY 1, 2",
                seqs,
            )
            db.many(
                "UPDATE name_years SET documents = documents - ? WHERE name_id = ? AND year = ?",
                [(n, name_id, year) for name_id, year, n in years],
            )

    # --- entities across the archive ---------------------------------------------------

    def corrections(self) -> Corrections:
        """People's corrections, stored in the archive; new ones are written here too."""
        items = []
        for number, op, names, value, by, at, note in self.db.rows(
            "SELECT number, op, names, value, by_whom, at, note FROM corrections ORDER BY number"
        ):
            item = Correction(op, json.loads(names), value, by=by, at=at, note=note)
            item.number = number
            items.append(item)
        return Corrections(items=items, save=self._save_correction)

    def _save_correction(self, item: Correction) -> None:
        with self.db.transaction():
            number = int(self.db.value("SELECT coalesce(max(number), 0) + 1 FROM corrections"))
            self.db.execute(
                "INSERT INTO corrections (number, op, names, value, by_whom, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    item.op,
                    json.dumps(item.names, ensure_ascii=False),
                    item.value,
                    item.by,
                    item.at,
                    item.note,
                ),
            )
        item.number = number

    def import_corrections(self, path: Path) -> int:
        """Copy the corrections of a `maktub-corrections.jsonl` file in; returns how many."""
        store = self.corrections()
        have = {(c.op, tuple(c.names), c.value) for c in store.log}
        count = 0
        for item in Corrections.load(path).log:
            if (item.op, tuple(item.names), item.value) not in have:
                self._save_correction(Correction(**{k: v for k, v in asdict(item).items() if k != "number"}))
                count += 1
        return count

    def relink(self) -> list[Canonical]:
        """Join the stored names into entities across the whole archive, with people's corrections."""
        db = self.db
        linker = Linker(self.corrections())
        aliases: defaultdict[int, list[str]] = defaultdict(list)
        for name_id, alias in db.rows("SELECT name_id, alias FROM name_aliases"):
            aliases[name_id].append(alias)
        names = db.rows("SELECT id, type, name, documents FROM names")
        for name_id, type_, name, documents in names:
            linker.add_counted(type_, name, aliases.get(name_id, ()), documents)
        entities = linker.resolve()
        owner: dict[tuple[str, str], int] = {}
        rows = []
        slugs: set[str] = set()
        for number, e in enumerate(entities, 1):
            for k in e.keys:
                owner[k] = number
            details = e.to_json()
            rows.append(
                (number, _slug(e.name, e.type, slugs), e.name, e.type, e.document_count,
                 sum(e.aliases.values()), json.dumps(details, ensure_ascii=False))
            )  # fmt: skip
        links = []
        for name_id, type_, name, _ in names:
            owned = owner.get((linker.type_of(type_, name), key(name)))
            if owned is not None:
                links.append((name_id, owned))
        with db.transaction():
            db.execute("DELETE FROM entity_names")
            db.execute("DELETE FROM entities")
            db.many(
                "INSERT INTO entities (id, slug, name, type, documents, mentions, details) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            db.many("INSERT INTO entity_names (name_id, entity_id) VALUES (?, ?)", links)
        return entities

    # --- reading -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        db = self.db
        return {
            "sources": int(db.value("SELECT count(*) FROM sources")),
            "revisions": int(db.value("SELECT count(*) FROM revisions")),
            "documents": int(db.value("SELECT count(*) FROM documents WHERE current = 1")),
            "entities": int(db.value("SELECT count(*) FROM entities")),
            "refused": len(self.refused()),
        }

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document (the contract's JSON), with where and when it came from."""
        row = self.db.one(
            "SELECT d.record, s.location, r.captured, r.ingested, d.current, r.content_hash "
            "FROM documents d JOIN revisions r ON r.id = d.revision_id JOIN sources s ON s.id = r.source_id "
            "WHERE d.id = ?",
            (doc_id,),
        )
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        record["provenance"] = {
            "location": row[1], "captured": row[2], "ingested": row[3], "current": bool(row[4]), "revision": row[5],
        }  # fmt: skip
        return record

    def name_types(self, ids: Iterable[int]) -> dict[int, str]:
        """The type of each stored name, by id. Read once, then only the names added since: a
        name's type never changes (a name is its type and key), and names are not removed."""
        if any(i not in self._name_types for i in ids):
            newest = max(self._name_types, default=0)
            self._name_types.update(self.db.rows("SELECT id, type FROM names WHERE id > ?", [newest]))
        return self._name_types

    def compact(self, added: int) -> None:
        """After an ingest, merge the full-text index's pieces, so that a search reads one per word.

        FTS5 writes each transaction as a new segment of the index and merges segments four at a
        time, so a bulk ingest leaves tens of them, and every word of every search is looked up in
        each. (Built in bulk, 200,000 documents left 14 segments: finding a common word in ten
        given documents took 3.4 ms, 0.17 ms after merging.) A run that added a quarter of the
        archive or more merges them all (about 12 s per 200,000 documents on a 2-core machine); a
        smaller one does a bounded step of merging, so that adding a few pages stays quick.
        PostgreSQL's GIN index keeps itself (its pending list is merged by VACUUM); after a large
        run its statistics are gathered again at once, as search reads them to plan (search.py).
        """
        if added <= 0:
            return
        total = int(self.db.value("SELECT count(*) FROM documents WHERE current = 1") or 0)
        if self.db.dialect == "postgresql":
            if added * 4 >= total:
                self.db.execute("ANALYZE documents")
            return
        with self.db.transaction():
            if added * 4 >= total:
                self.db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
            else:
                self.db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('merge', 500)")

    def check(self) -> list[str]:
        """Problems found by the database's own integrity check and by maktub's; empty when sound."""
        db = self.db
        problems: list[str] = []
        if db.dialect == "sqlite":
            problems += [r[0] for r in db.rows("PRAGMA integrity_check") if r[0] != "ok"]
            # The index's own structure (rank 0). Rank 1 would also compare it with the text it
            # reads back, which differs by design: the index holds the text folded (fold.py).
            try:
                db.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)")
            except MaktubError as exc:
                problems.append(f"full-text index: {exc}")
            indexed = db.value("SELECT count(*) FROM documents_fts_docsize")
            current = db.value("SELECT count(*) FROM documents WHERE current = 1")
            if indexed != current:
                problems.append(f"full-text index: {indexed} documents indexed, {current} current")
        orphans = db.value(
            "SELECT count(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.revision_id = r.id)"
        )
        if orphans:
            problems.append(f"{orphans} revision(s) without documents")
        return problems


_DOCUMENT_COLUMNS = (
    "id, revision_id, parent_id, position, kind, title, language, date, year, text, names, record"
)


class _Batch:
    """The rows of one `add`, gathered to be written a table at a time."""

    def __init__(self) -> None:
        self.next_seq = 0
        self.names: dict[tuple[str, str], int] = {}  # names new in this transaction
        self.hashes: set[str] = set()
        self.name_counts: Counter[int] = Counter()
        self.clear()

    def clear(self) -> None:
        self.documents: list[tuple[Any, ...]] = []
        self.search: list[tuple[Any, ...]] = []
        self.mentions: list[tuple[Any, ...]] = []
        self.aliases: list[tuple[Any, ...]] = []
        self.parties: list[tuple[Any, ...]] = []
        self.relations: list[tuple[Any, ...]] = []
        self.claims: list[tuple[Any, ...]] = []
        self.references: list[tuple[Any, ...]] = []
        self.media: list[tuple[Any, ...]] = []
        self.doc_names: list[tuple[Any, ...]] = []
        self.name_counts = Counter()
        self.name_years: Counter[tuple[int, int]] = Counter()  # (name id, year or 0) -> documents


def _names_in(pages: list[Prepared]) -> Iterator[tuple[str, str]]:
    """(type, name) of every name the pages will store, in the order `_add_document` meets them."""
    for page in pages:
        for doc in page.documents:
            yield from ((type_, name) for type_, name, _, _ in doc.mentions)
            yield from ((type_, name) for type_, name, _ in doc.entities)
            yield from ((type_, name) for _, name, type_ in doc.parties)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _slug(name: str, type_: str, taken: set[str]) -> str:
    """A readable, unique URL part for an entity: 'altaf-hussain', 'karachi-2'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    base = re.sub(r"[^\w]+", "-", text).strip("-") or type_
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug
