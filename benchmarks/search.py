"""Search benchmark: `maktub.archive.search.search` beside a bare full-text query, same index, one run.

    .venv/bin/python benchmarks/search.py [--documents 1000000] [--seed 7] [--workdir DIR]
        [--postgres URL | --start-postgres] [--queries 20] [--rounds 3] [--explain QUERY] [--json OUT]

Builds an SQLite archive of generated documents (`archive_documents.py`: letters, articles,
statements and listings, a tenth in Urdu, a Zipf-like vocabulary, a few people, bodies and
places named in each) and keeps it in the work folder; a later run with the same count, seed
and generator reuses it, upgraded in place by the archive's own migrations when its schema is
older. The rows are written with bulk SQL, not `Archive.add` (about 0.6 ms a page on a 2-core
machine, against 0.4 ms): the same tables and columns as `store.py` writes, the same full-text
rows with `fold`, each document's names in `doc_names`, the names' document counts (in all
and by year) as `add` keeps them, then `Archive.relink()` for the entity facets. A table the loader does not know (a
newer schema) is reported. `--loader add` builds through
`Archive.add` instead, to check that the two give the same search results.

The PostgreSQL archive (`--postgres URL`, an empty database or one this benchmark built; or
`--start-postgres`, a throwaway server from scripts/postgres.sh on port 55440, stopped after)
gets the SQLite archive's rows by COPY, with `fold_for_index` and `store.py`'s tsvector
expression computed by the server. Its GIN index is dropped during the load and created again
(same definition) at the end, then VACUUM ANALYZE, as autovacuum would have done by the time
anyone searched.

Query words are picked from the SQLite index itself (fts5vocab: documents per term), in three
bands by the share of documents that hold them (BANDS). Groups: one word of each band; two
words of a band that stand together in some document, as people search; a rare word with a
common one. Each query is run once to warm the caches (and to note search's total, the bare
count, and how many of search's ten hits an uncapped ranking also returns, when search ranks
only some candidates), then `--rounds` times, each time as, in a shuffled order:

- `search(archive, q, per_page=10, facets=False)`, the same with `snippets=False` (each hit's
  first lines instead of FTS5's snippet), the same with `facets=True`, and the same as the
  first search of its words (SQLite keeps each word's count of documents until the archive
  changes; this measure forgets them first, and puts them back after);
- the bare query, on a connection of its own with the database's defaults: SQLite
  `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT 10`;
  PostgreSQL `SELECT seq FROM documents WHERE search @@ plainto_tsquery(...) ORDER BY
  ts_rank_cd(...) DESC LIMIT 10`; and the same ranked page as search's from the full-text
  index alone: the ten joined to their documents for search's columns and the start of their
  text ("bare page"), or with FTS5's `snippet()` (PostgreSQL `ts_headline`) instead;
- for finding what is slow: the bare count(*) of the matches, and ten matches without ORDER BY.

Every statement `search` sends with facets is timed and labelled by its shape (count, ranking,
snippets, each facet), so the report says where the time goes; `--explain QUERY` prints each
statement's plan. The targets it informs, at 1,000,000 documents: p95 under 25 ms without
facets and under 100 ms with, and at most 1.5x the bare query; the ratios are printed against
each bare query. It prints figures, never a verdict, and is not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
try:
    import maktub  # noqa: F401
except ImportError:  # run without the package installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))

from archive_documents import BATCH, Corpus, english_vocabulary, fingerprint  # noqa: E402
from extract import machine  # noqa: E402
from ingest import code_state  # noqa: E402
from maktub.archive import Archive  # noqa: E402
from maktub.archive.db import connect  # noqa: E402
from maktub.archive.fold import fold, fold_for_index  # noqa: E402
from maktub.archive.prepare import Prepared  # noqa: E402
from maktub.archive.schema import COUNT_NAME_YEARS, VERSION  # noqa: E402
from maktub.archive.search import search  # noqa: E402
from maktub.entities.gazetteer import key  # noqa: E402

MARKER = "maktub search benchmark"
# Share of documents holding a word, (low, high); a band's words lie in between. At 1,000,000
# documents: rare 50–200 documents, middling 5,000–20,000, common 100,000–500,000.
BANDS = {"rare": (0.00005, 0.0002), "middling": (0.005, 0.02), "common": (0.10, 0.50)}
RARE_FLOOR = (2, 4)  # at least this many documents for a rare word, however small the archive
PER_PAGE = 10
POSTGRES_PORT = 55440  # not the tests' 55432: postgres.sh wipes the cluster on its port when it starts


# --- building the archive ----------------------------------------------------------------


@dataclass
class Rows:
    """One batch of pages as the rows `Archive.add` would write."""

    sources: list[tuple[Any, ...]] = field(default_factory=list)
    revisions: list[tuple[Any, ...]] = field(default_factory=list)
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    index: list[tuple[Any, ...]] = field(default_factory=list)  # seq and the folded text
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    parties: list[tuple[Any, ...]] = field(default_factory=list)
    doc_names: list[tuple[Any, ...]] = field(default_factory=list)  # each name of a document once, typed
    counts: Counter[int] = field(default_factory=Counter)  # documents per name id


def name_ids(corpus: Corpus) -> dict[tuple[str, str], int]:
    """An id for every spelling of every generated name, by (type, key) as `names` keys them."""
    ids: dict[tuple[str, str], int] = {}
    for pool in (corpus.people, corpus.orgs, corpus.places):
        for name in pool:
            for spelling in (name.en, name.ur):
                ids.setdefault((name.type, key(spelling)), len(ids) + 1)
    return ids


def rows_of(pages: list[Prepared], first: int, dialect: str, ids: dict[tuple[str, str], int]) -> Rows:
    """The rows of `pages`, documents numbered from `first`, as `Archive._add_page` makes them."""
    rows = Rows()
    ingested = datetime.now(UTC).isoformat(timespec="seconds")
    fold_text = fold if dialect == "sqlite" else fold_for_index
    for seq, page in enumerate(pages, first):
        (doc,) = page.documents  # one document a page: the page's number is the document's
        rows.sources.append((seq, page.location, page.site))
        rows.revisions.append((seq, seq, page.content_hash, page.format, page.size, page.captured, ingested))
        rows.documents.append(
            (seq, doc.id, seq, doc.parent, doc.position, doc.kind, doc.title, doc.language, doc.date, doc.year,
             doc.text, doc.names, doc.record)
        )  # fmt: skip
        rows.index.append((seq, fold_text(doc.title), fold_text(doc.text), fold_text(doc.names)))
        seen: dict[int, str] = {}  # name id -> type, mentions first, then parties
        for type_, name, start, stop in doc.mentions:
            name_id = ids[(type_, key(name))]
            rows.mentions.append((seq, name_id, start, stop))
            seen[name_id] = type_
        for role, name, type_ in doc.parties:
            party_id = ids[(type_, key(name))] if key(name) else None
            rows.parties.append((seq, role, party_id, name))
            if party_id is not None:
                seen.setdefault(party_id, type_)
        rows.doc_names += [(seq, name_id, type_) for name_id, type_ in seen.items()]
        rows.counts.update(seen.keys())
    return rows


_worker: tuple[Corpus, str, dict[tuple[str, str], int]] | None = None


def _worker_start(corpus: Corpus, dialect: str, ids: dict[tuple[str, str], int]) -> None:
    global _worker
    _worker = (corpus, dialect, ids)


def _worker_batch(job: tuple[int, int]) -> Rows:
    """Child process: generate batch `number` of `size` pages and turn it into rows."""
    number, size = job
    assert _worker is not None
    corpus, dialect, ids = _worker
    return rows_of(corpus.batch(number, size), number * BATCH + 1, dialect, ids)


def generated_rows(corpus: Corpus, count: int, dialect: str, jobs: int) -> Iterator[Rows]:
    """The rows of all `count` pages, batch by batch, generated in `jobs` child processes."""
    ids = name_ids(corpus)
    work = [(n, min(BATCH, count - n * BATCH)) for n in range((count + BATCH - 1) // BATCH)]
    if jobs < 1:
        _worker_start(corpus, dialect, ids)
        yield from map(_worker_batch, work)
        return
    context = multiprocessing.get_context("fork")  # the children share the parent's vocabulary
    with context.Pool(jobs, initializer=_worker_start, initargs=(corpus, dialect, ids)) as pool:
        pending: deque[Any] = deque()
        for job in work:  # a few batches ahead of the writer, no more: each is megabytes
            pending.append(pool.apply_async(_worker_batch, (job,)))
            if len(pending) > 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def write_sqlite(archive: Archive, rows: Rows) -> None:
    """One batch into SQLite, in one transaction, with the statements of `store.py`."""
    db = archive.db
    conn = db.conn
    with db.transaction():
        conn.executemany("INSERT INTO sources (id, location, site) VALUES (?, ?, ?)", rows.sources)
        conn.executemany(
            "INSERT INTO revisions (id, source_id, content_hash, format, bytes, captured, ingested) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows.revisions,
        )
        conn.executemany(
            "INSERT INTO documents (seq, id, revision_id, parent_id, position, kind, title, language, date, "
            "year, text, names, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.documents,
        )
        conn.executemany(
            "INSERT INTO documents_fts (rowid, title, text, names) VALUES (?, ?, ?, ?)", rows.index
        )
        conn.executemany(
            "INSERT INTO mentions (document_seq, name_id, start, stop) VALUES (?, ?, ?, ?)", rows.mentions
        )
        conn.executemany(
            "INSERT INTO parties (document_seq, role, name_id, name) VALUES (?, ?, ?, ?)", rows.parties
        )
        conn.executemany(
            "INSERT INTO doc_names (document_seq, name_id, type) VALUES (?, ?, ?)", rows.doc_names
        )


_DOCUMENT_COLUMNS = (
    "seq, id, revision_id, parent_id, position, kind, title, language, date, year, text, names, record"
)


def write_postgres(archive: Archive, rows: Rows) -> None:
    """One batch into PostgreSQL with COPY; the tsvector is `store.py`'s expression, made by the server."""
    conn = archive.db.conn
    with archive.db.transaction(), conn.cursor() as cur:
        for table, columns, data in (
            ("sources", "id, location, site", rows.sources),
            ("revisions", "id, source_id, content_hash, format, bytes, captured, ingested", rows.revisions),
            ("staging", f"{_DOCUMENT_COLUMNS}, title_i, text_i, names_i",
             [d + i[1:] for d, i in zip(rows.documents, rows.index, strict=True)]),
            ("mentions", "document_seq, name_id, start, stop", rows.mentions),
            ("parties", "document_seq, role, name_id, name", rows.parties),
            ("doc_names", "document_seq, name_id, type", rows.doc_names),
        ):  # fmt: skip
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in data:
                    copy.write_row(row)
            if table == "staging":
                cur.execute(
                    f"INSERT INTO documents ({_DOCUMENT_COLUMNS}, search) SELECT {_DOCUMENT_COLUMNS}, "
                    "setweight(to_tsvector('english', title_i), 'A') || to_tsvector('english', text_i) "
                    "|| setweight(to_tsvector('simple', names_i), 'B') FROM staging"
                )
                cur.execute("TRUNCATE staging")


def existing_build(archive: Archive) -> dict[str, Any] | None:
    """The manifest of the benchmark run that built this archive, if one finished."""
    for paths, status in archive.db.rows("SELECT paths, status FROM runs ORDER BY id"):
        saved = json.loads(paths)
        if saved and isinstance(saved[0], dict) and saved[0].get("benchmark") == MARKER:
            return saved[0] | {"status": status}
    return None


def wipe_postgres(url: str) -> None:
    """Empty a PostgreSQL database that holds nothing, or only an earlier build of this benchmark."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        if tables:
            mine = False
            if "runs" in tables:
                for (paths,) in conn.execute("SELECT paths FROM runs"):
                    saved = json.loads(paths)
                    mine = mine or bool(
                        saved and isinstance(saved[0], dict) and saved[0].get("benchmark") == MARKER
                    )
            if not mine:
                raise SystemExit(
                    f"search.py: {url} holds tables this benchmark did not make; give it an empty database "
                    "(or --start-postgres for a throwaway server)"
                )
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def build(
    target: str, count: int, seed: int, loader: str, jobs: int, source: Path | None = None
) -> dict[str, Any]:
    """The archive at `target` with `count` generated documents: reused if it matches, else built.

    A PostgreSQL archive is filled from the rows of the SQLite one at `source` when given (the
    same documents, not generated a second time).
    """
    postgres = target.startswith("postgresql://")
    wanted = {
        "benchmark": MARKER,
        "documents": count,
        "seed": seed,
        "generator": fingerprint(),
        "loader": loader,
    }
    if postgres or Path(target).exists():
        with Archive.open(target, upgrade=False) as archive:
            try:
                found = existing_build(archive)
            except Exception:  # noqa: BLE001 - an empty or foreign database: no build to reuse
                found = None
        if found and found["status"] == "complete" and {k: found.get(k) for k in wanted} == wanted:
            # Of an older schema: upgraded in place. Merged as an ingest leaves it (at once when done).
            with Archive.open(target) as archive:
                archive.compact(count)
            return found | {"reused": True}
    if postgres:
        wipe_postgres(target)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(target + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    copying = postgres and loader == "bulk" and source is not None
    print(
        f"building {count:,} documents in {target}" + (f" from {source}" if copying else "") + " ...",
        file=sys.stderr,
        flush=True,
    )
    with Archive.open(target) as archive:
        run = archive.start_run([wanted])  # type: ignore[list-item]
        writing = None
        if loader == "add":
            for pages in Corpus(seed).batches(count):
                archive.add(pages, run)
        elif copying:
            assert source is not None
            writing = load_rows(archive, copied_rows(source, count), lambda _: stored_names(source))
        else:
            corpus = Corpus(seed)
            writing = load_rows(
                archive,
                generated_rows(corpus, count, archive.db.dialect, jobs),
                lambda c: new_names(corpus, c),
            )
        if loader == "bulk":
            archive.db.execute(COUNT_NAME_YEARS)  # as `add` keeps them
        loaded = time.perf_counter()
        unknown = unknown_tables(archive) if loader == "bulk" else []
        for table in unknown:
            print(f"  warning: table {table} is new to this benchmark and was left empty", file=sys.stderr)
        archive.relink()
        linked = time.perf_counter()
        archive.compact(count)  # as `maktub ingest` leaves the full-text index
        compacted = time.perf_counter()
        if postgres:
            archive.db.execute("VACUUM ANALYZE")
        archive.finish_run(run, count, count, 0, "complete")
        manifest = wanted | {
            "schema": VERSION,
            "from": str(source) if copying else "generated",
            "load_s": round(loaded - started, 1),
            "writing_s": round(writing, 1) if writing is not None else None,
            "relink_s": round(linked - loaded, 1),
            "compact_s": round(compacted - linked, 1),
            "build_s": round(time.perf_counter() - started, 1),
            "unknown_tables": unknown,
        }
        archive.db.execute("UPDATE runs SET paths = ? WHERE id = ?", (json.dumps([manifest]), run))
    return manifest | {"status": "complete", "reused": False}


# The tables the bulk loader writes (or relink does), and those it leaves empty on purpose.
LOADED = {
    "meta",
    "runs",
    "sources",
    "revisions",
    "documents",
    "documents_fts",
    "mentions",
    "parties",
    "doc_names",
}
LOADED |= {"names", "entities", "entity_names", "name_years"}
LEFT_EMPTY = {"name_aliases", "relations", "claims", "doc_references", "media", "corrections", "refused"}
LEFT_EMPTY |= {"collections", "collection_documents", "users", "sessions", "login_attempts", "notes"}


def unknown_tables(archive: Archive) -> list[str]:
    """Tables of the archive that the bulk loader knows nothing of (a schema newer than this file)."""
    if archive.db.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    tables = {r[0] for r in archive.db.rows(sql) if not r[0].startswith("documents_fts_")}
    return sorted(tables - LOADED - LEFT_EMPTY)


def copied_rows(path: Path, count: int) -> Iterator[Rows]:
    """The rows of the SQLite archive at `path`, BATCH documents at a time, folded for PostgreSQL."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        for first in range(1, count + 1, BATCH):
            span = (first, first + BATCH - 1)
            rows = Rows()
            rows.sources = conn.execute(
                "SELECT id, location, site FROM sources WHERE id BETWEEN ? AND ?", span
            ).fetchall()
            rows.revisions = conn.execute(
                "SELECT id, source_id, content_hash, format, bytes, captured, ingested FROM revisions "
                "WHERE id BETWEEN ? AND ?",
                span,
            ).fetchall()
            rows.documents = conn.execute(
                f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE seq BETWEEN ? AND ? ORDER BY seq", span
            ).fetchall()
            rows.index = [
                (d[0], fold_for_index(d[6]), fold_for_index(d[10]), fold_for_index(d[11]))
                for d in rows.documents
            ]
            rows.mentions = conn.execute(
                "SELECT document_seq, name_id, start, stop FROM mentions WHERE document_seq BETWEEN ? AND ?",
                span,
            ).fetchall()
            rows.parties = conn.execute(
                "SELECT document_seq, role, name_id, name FROM parties WHERE document_seq BETWEEN ? AND ?",
                span,
            ).fetchall()
            rows.doc_names = conn.execute(
                "SELECT document_seq, name_id, type FROM doc_names WHERE document_seq BETWEEN ? AND ?", span
            ).fetchall()
            yield rows
    finally:
        conn.close()


def stored_names(path: Path) -> list[tuple[Any, ...]]:
    """The names table of the SQLite archive at `path`."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, type, key, name, documents FROM names ORDER BY id").fetchall()
    finally:
        conn.close()


def new_names(corpus: Corpus, counts: Counter[int]) -> list[tuple[Any, ...]]:
    """The rows of `names` for the generated names that some document holds, with their counts."""
    spelled = {}
    for pool in (corpus.people, corpus.orgs, corpus.places):
        for name in pool:
            for spelling in (name.en, name.ur):
                spelled.setdefault((name.type, key(spelling)), spelling)
    return [
        (name_id, type_, k, spelled[(type_, k)], counts[name_id])
        for (type_, k), name_id in name_ids(corpus).items()
        if counts[name_id]
    ]


def load_rows(
    archive: Archive, batches: Iterator[Rows], names: Callable[[Counter[int]], list[tuple[Any, ...]]]
) -> float:
    """Every batch into the archive with bulk SQL, then the names; returns the seconds spent writing."""
    db = archive.db
    postgres = db.dialect == "postgresql"
    if postgres:
        db.execute("DROP INDEX documents_search")  # built once at the end: far faster than row by row
        db.execute(f"CREATE TEMP TABLE staging AS SELECT {_DOCUMENT_COLUMNS} FROM documents WITH NO DATA")
        db.execute(
            "ALTER TABLE staging ADD COLUMN title_i TEXT, ADD COLUMN text_i TEXT, ADD COLUMN names_i TEXT"
        )
    counts: Counter[int] = Counter()
    done, started, writing = 0, time.perf_counter(), 0.0
    for rows in batches:
        begin = time.perf_counter()
        (write_postgres if postgres else write_sqlite)(archive, rows)
        writing += time.perf_counter() - begin
        counts.update(rows.counts)
        done += len(rows.documents)
        if done % 50_000 < BATCH:
            spent = time.perf_counter() - started
            print(
                f"  {done:,} documents, {done / spent:,.0f}/s ({writing:.0f} s of {spent:.0f} s writing, "
                "the rest making the rows)",
                file=sys.stderr,
                flush=True,
            )
    spent = time.perf_counter() - started
    print(f"  {done:,} documents in {spent:.0f} s ({writing:.0f} s writing)", file=sys.stderr, flush=True)
    begin = time.perf_counter()
    with db.transaction():
        db.many("INSERT INTO names (id, type, key, name, documents) VALUES (?, ?, ?, ?, ?)", names(counts))
    if postgres:
        print("  creating the full-text index ...", file=sys.stderr, flush=True)
        db.execute("SET maintenance_work_mem = '1GB'")
        db.execute("CREATE INDEX documents_search ON documents USING gin (search)")
        db.execute("RESET maintenance_work_mem")
        for table, column in (("sources", "id"), ("revisions", "id"), ("documents", "seq"), ("names", "id")):
            db.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), max({column})) FROM {table}"
            )
    return writing + time.perf_counter() - begin


# --- choosing the queries ----------------------------------------------------------------


@dataclass
class Query:
    """One query of a group, with the documents holding each of its words."""

    text: str
    frequencies: list[int]
    total: int = -1  # what search reports (it may stop counting at a cap)
    matches: int = -1  # the bare count(*)
    agreement: float | None = None  # share of search's first ten that an uncapped ranking also puts there


@dataclass
class Group:
    name: str
    queries: list[Query]


def term_frequencies(path: Path) -> dict[str, int]:
    """Documents per made-up English word in the SQLite index (fts5vocab), by word."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, 'row')")
        rows = conn.execute("SELECT term, doc FROM temp.vocab WHERE term >= 'a' AND term < '{'").fetchall()
    finally:
        conn.close()
    return dict(rows)


def choose_queries(
    path: Path, frequencies: dict[str, int], documents: int, per_group: int, seed: int
) -> list[Group]:
    """`per_group` queries a group: made-up words at random within their band, pairs found together."""
    corpus_words = set(english_vocabulary(seed)) & set(frequencies)
    rng = random.Random(f"queries {seed}")
    bands: dict[str, list[str]] = {}
    for band, (low, high) in BANDS.items():
        lo, hi = low * documents, high * documents
        if band == "rare":
            lo, hi = max(lo, RARE_FLOOR[0]), max(hi, RARE_FLOOR[1])
        bands[band] = sorted(w for w in corpus_words if lo <= frequencies[w] <= hi)
    groups = []
    for band, words in bands.items():
        chosen = rng.sample(words, min(per_group, len(words)))
        groups.append(Group(f"1 word, {band}", [Query(w, [frequencies[w]]) for w in chosen]))
    with Archive.open(str(path), upgrade=False) as archive:
        for first, second in (
            ("rare", "rare"),
            ("middling", "middling"),
            ("common", "common"),
            ("rare", "common"),
        ):
            pairs = []
            for _ in range(per_group if bands[first] and bands[second] else 0):
                word = rng.choice(bands[first])
                pairs.append([word, partner(archive, word, bands[second], rng)])
            name = f"2 words, {first}" if first == second else f"2 words, {second}+{first}"
            groups.append(Group(name, [Query(" ".join(p), [frequencies[w] for w in p]) for p in pairs]))
    return groups


def partner(archive: Archive, word: str, candidates: list[str], rng: random.Random) -> str:
    """A word of `candidates` found in a document beside `word` (as people search), else any."""
    texts = archive.db.rows(
        "SELECT d.text FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ? LIMIT 20",
        ['"' + word + '"'],
    )
    seen = {w for (text,) in texts for w in re.findall(r"[a-z]+", text.lower())}
    beside = sorted(seen.intersection(candidates) - {word})
    return rng.choice(beside) if beside else rng.choice([w for w in candidates if w != word])


# --- measuring ---------------------------------------------------------------------------


class StatementClock:
    """Times each statement `search` sends through the archive's connection, by what it is for."""

    def __init__(self, archive: Archive) -> None:
        self.running = False
        self.spent: dict[str, float] = {}
        db = archive.db
        db.rows = self._timed(db.rows)  # type: ignore[method-assign]
        db.one = self._timed(db.one)  # type: ignore[method-assign]

    def _timed(self, call: Callable[..., Any]) -> Callable[..., Any]:
        def timed(sql: str, params: Sequence[Any] = ()) -> Any:
            if not self.running:
                return call(sql, params)
            start = time.perf_counter()
            try:
                return call(sql, params)
            finally:
                seconds = time.perf_counter() - start
                label = purpose(sql)
                self.spent[label] = self.spent.get(label, 0.0) + seconds

        return timed

    def start(self) -> None:
        self.spent, self.running = {}, True

    def stop(self) -> dict[str, float]:
        self.running = False
        return self.spent


def purpose(sql: str) -> str:
    """What a statement is for: the function of search.py that sent it, and what the SQL does.

    Read from the call stack and the statement's shape, so that it follows search.py as it
    changes: 'facets: names' is a statement of `_facets` that counts the names of the matches.
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") != search.__module__:
        frame = frame.f_back  # type: ignore[assignment]
    sender = frame.f_code.co_name.lstrip("_") if frame is not None else "?"
    text = " ".join(sql.split())
    column = re.search(r"SELECT (\w+), count\(\*\) FROM hits", text)
    if text.startswith("SELECT count(*)"):
        does = "count"
    elif "snippet(" in text or "ts_headline(" in text:
        does = "snippets"
    elif "bm25(" in text or "ts_rank" in text:
        does = "rank"
    elif "entity_names" in text:
        does = "entities"
    elif "doc_names" in text or "mentions" in text:
        does = "names"
    elif column:
        does = column[1]
    elif "FROM names" in text:
        does = "name look-up"
    else:
        does = "rows"
    return f"{sender}: {does}"


def agreement(archive: Archive, query: str, result: Any) -> float | None:
    """The share of `result`'s hits that search also returns when it ranks every match.

    `search` may rank only some of the matches (search.CANDIDATES, the newest), and on SQLite
    leaves words in more than search.COMMON_WORD documents out of bm25; this runs it once more,
    untimed, with neither limit. None when search has no such limit or no hits.
    """
    import maktub.archive.search as module

    limits = {name: getattr(module, name) for name in ("CANDIDATES", "COMMON_WORD") if hasattr(module, name)}
    if "CANDIDATES" not in limits or not result.results:
        return None
    for name in limits:
        setattr(module, name, 10**12)
    try:
        exact = search(archive, query, per_page=PER_PAGE, facets=False)
    finally:
        for name, value in limits.items():
            setattr(module, name, value)
    wanted = {h.id for h in exact.results}
    return len(wanted & {h.id for h in result.results}) / len(wanted) if wanted else None


def bare_statements(dialect: str, words: list[str]) -> dict[str, tuple[str, list[Any]]]:
    """The bare full-text queries for `words`: ranked top ten (the numbers alone; with each hit's
    columns and the start of its text, as search's page without snippets; with a snippet each,
    as search's page), unranked ten, count of hits."""
    columns = "d.id, d.kind, d.title, d.date, d.language, d.parent_id"
    if dialect == "sqlite":
        match = " ".join('"' + fold(w).replace('"', '""') + '"' for w in words)
        hits = "FROM documents_fts WHERE documents_fts MATCH ?"
        page = "FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ? ORDER BY f.rank"
        snippet = "snippet(documents_fts, 1, '[', ']', '…', 32)"
        return {
            "bare top 10": (f"SELECT rowid {hits} ORDER BY rank LIMIT 10", [match]),
            "bare page": (f"SELECT f.rowid, {columns}, substr(d.text, 1, 240) {page} LIMIT 10", [match]),
            "bare page, snippets": (f"SELECT f.rowid, {columns}, {snippet} {page} LIMIT 10", [match]),
            "bare 10 unranked": (f"SELECT rowid {hits} LIMIT 10", [match]),
            "bare count": (f"SELECT count(*) {hits}", [match]),
        }
    text = fold_for_index(" ".join(words))
    hits = "FROM documents WHERE search @@ plainto_tsquery('english', %s)"
    top = f"SELECT seq {hits} ORDER BY ts_rank_cd(search, plainto_tsquery('english', %s)) DESC LIMIT 10"
    options = "MaxWords=35, MinWords=15, MaxFragments=2"  # as search.py's
    headline = f"ts_headline('english', d.text, plainto_tsquery('english', %s), '{options}')"
    return {
        "bare top 10": (top, [text, text]),
        "bare page": (
            f"SELECT d.seq, {columns}, left(d.text, 240) FROM ({top}) t JOIN documents d USING (seq)",
            [text, text],
        ),
        "bare page, snippets": (
            f"SELECT d.seq, {columns}, {headline} FROM ({top}) t JOIN documents d USING (seq)",
            [text, text, text],
        ),
        "bare 10 unranked": (f"SELECT seq {hits} LIMIT 10", [text]),
        "bare count": (f"SELECT count(*) {hits}", [text]),
    }


def forgetting_counts(archive: Archive, text: str) -> Any:
    """`search` as the first search of its words since the archive changed: SQLite keeps how many
    documents hold each word until then (`search._word_counts`); the counts kept are put back after."""
    import maktub.archive.search as engine

    kept = getattr(engine, "_WORD_COUNTS", {})
    saved = kept.pop(archive, None)
    try:
        return search(archive, text, per_page=PER_PAGE, facets=False)
    finally:
        if saved is not None:  # as they were, for the other measures
            kept[archive] = saved


def measure(
    archive: Archive, groups: list[Group], rounds: int, seed: int, group_seconds: float
) -> dict[str, dict[str, list[float]]]:
    """Seconds per measure per group: a warm-up pass, then `rounds` passes in shuffled order."""
    dialect = archive.db.dialect
    # The bare statements run on a connection of their own, with SQLite's defaults. Ranking every
    # match of a common word on search's connection emptied its page cache: the next search took
    # 40-90 ms instead of 3. On a second connection with maktub's settings (temporary tables in
    # memory) it sorted hundreds of thousands of rows in memory, and the next search in this
    # process still took 12-88 ms; with the defaults, 2.7-6 ms.
    if archive.db.dialect == "sqlite":
        conn = sqlite3.connect(f"file:{archive.target}?mode=ro", uri=True)
    else:
        conn = connect(archive.target).conn
    clock = StatementClock(archive)
    rng = random.Random(f"order {seed}")
    times: dict[str, dict[str, list[float]]] = {g.name: defaultdict(list) for g in groups}
    spent: Counter[str] = Counter()
    for number in range(rounds + 1):
        jobs = [(g, q) for g in groups for q in g.queries if number == 0 or spent[g.name] < group_seconds]
        rng.shuffle(jobs)
        started = time.perf_counter()
        for group, query in jobs:
            out = times[group.name]
            words = query.text.split()
            steps: list[tuple[str, Callable[[], Any]]] = [
                ("search", lambda text=query.text: search(archive, text, per_page=PER_PAGE, facets=False)),
                (
                    "search, no snippets",
                    lambda text=query.text: search(archive, text, per_page=PER_PAGE, facets=False, snippets=False),
                ),
                (
                    "search+facets",
                    lambda text=query.text: search(archive, text, per_page=PER_PAGE, facets=True),
                ),
                ("search, words not counted yet", lambda text=query.text: forgetting_counts(archive, text)),
            ]
            for name, (sql, params) in bare_statements(dialect, words).items():
                steps.append((name, lambda sql=sql, params=params: conn.execute(sql, params).fetchall()))
            rng.shuffle(steps)
            for name, step in steps:
                if name == "search+facets":
                    clock.start()
                begin = time.perf_counter()
                result = step()
                seconds = time.perf_counter() - begin
                if name == "search+facets":
                    statements = clock.stop()
                if number == 0:
                    if name == "search":
                        query.total = result.total
                        query.agreement = agreement(archive, query.text, result)
                    elif name == "bare count":
                        query.matches = int(result[0][0])
                    continue
                out[name].append(seconds)
                spent[group.name] += seconds
                if name == "search+facets":
                    for label, s in statements.items():
                        out[f"  {label}"].append(s)
                    out["  python and the rest"].append(seconds - sum(statements.values()))
        label = "warm-up" if number == 0 else f"round {number}/{rounds}"
        print(
            f"  {label}: {len(jobs)} queries, {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    conn.close()
    return {name: dict(v) for name, v in times.items()}


def explain(archive: Archive, query: str) -> None:
    """Print each statement search (with facets) sends for `query`: its purpose, time and plan."""
    db = archive.db
    sent: list[tuple[str, list[Any], float, str]] = []
    rows, one = db.rows, db.one

    def recorded(call: Callable[..., Any]) -> Callable[..., Any]:
        def run(sql: str, params: Sequence[Any] = ()) -> Any:
            start = time.perf_counter()
            try:
                return call(sql, params)
            finally:
                seconds = time.perf_counter() - start
                sent.append((sql, list(params), seconds, purpose(sql)))

        return run

    db.rows, db.one = recorded(rows), recorded(one)  # type: ignore[method-assign]
    try:
        search(archive, query, per_page=PER_PAGE, facets=True)
    finally:
        db.rows, db.one = rows, one  # type: ignore[method-assign]
    print(f"\n  plans for {query!r}, statement by statement (a plan shown once per statement text):")
    shown: set[str] = set()
    for sql, params, seconds, label in sent:
        print(f"  - {label}, {seconds * 1000:.1f} ms: {' '.join(sql.split())[:150]}")
        if sql in shown:
            continue
        shown.add(sql)
        if db.dialect == "sqlite":
            for row in rows(f"EXPLAIN QUERY PLAN {sql}", params):
                print(f"      {row[3]}")
        else:
            for row in rows(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params):
                print(f"      {row[0]}")


def figures(samples: list[float]) -> dict[str, float]:
    """n, p50, p95 and max, in milliseconds."""
    ms = sorted(s * 1000 for s in samples)
    p95 = statistics.quantiles(ms, n=100, method="inclusive")[94] if len(ms) > 1 else ms[0]
    return {"n": len(ms), "p50": statistics.median(ms), "p95": p95, "max": ms[-1]}


# --- reporting ---------------------------------------------------------------------------


def sizes(archive: Archive, target: str) -> dict[str, float]:
    """Megabytes on disk: the whole archive, and its tables and full-text index where known."""
    db = archive.db
    if db.dialect == "sqlite":
        out = {"archive_mb": os.path.getsize(target) / 1e6}
        try:
            page = int(db.value("PRAGMA page_size"))
            for name in ("documents", "documents_fts_data", "mentions"):
                pages = db.value("SELECT count(*) FROM dbstat WHERE name = ?", (name,))
                out[f"{name}_mb"] = pages * page / 1e6
        except Exception:  # noqa: BLE001 - SQLite built without dbstat
            pass
        return out
    return {
        "archive_mb": db.value("SELECT pg_database_size(current_database())") / 1e6,
        "documents_mb": db.value("SELECT pg_total_relation_size('documents')") / 1e6,
        "documents_search_mb": db.value("SELECT pg_relation_size('documents_search')") / 1e6,
    }


def backend_report(
    archive: Archive, target: str, built: dict[str, Any], groups: list[Group], times: dict[str, Any]
) -> dict[str, Any]:
    """Figures of one backend: per group, each measure's n, p50, p95, max (ms) and the ratios."""
    out: dict[str, Any] = {"target": target, "build": built, "size": sizes(archive, target), "groups": {}}
    if archive.db.dialect == "postgresql":
        out["server"] = archive.db.value("SHOW server_version")
    for group in groups:
        measured = {name: figures(s) for name, s in times[group.name].items() if s}
        ratios = {
            label: {q: measured[top][q] / measured[bottom][q] for q in ("p50", "p95")}
            for label, (top, bottom) in RATIOS.items()
            if top in measured and bottom in measured
        }
        hits = sorted(q.matches for q in group.queries)
        totals = sorted(q.total for q in group.queries)
        agreed = sorted(q.agreement for q in group.queries if q.agreement is not None)
        frequencies = sorted(f for q in group.queries for f in q.frequencies)
        out["groups"][group.name] = {
            "queries": [asdict(q) for q in group.queries],
            "frequencies": [frequencies[0], statistics.median(frequencies), frequencies[-1]]
            if frequencies
            else [],
            "hits": [hits[0], statistics.median(hits), hits[-1]] if hits else [],
            "totals": [totals[0], statistics.median(totals), totals[-1]] if totals else [],
            "agreement": [agreed[0], statistics.median(agreed)] if agreed else [],
            "measures": measured,
            "ratios": ratios,
        }
    return out


# search ÷ a bare query, each as (measure, measure): the bare top ten's numbers alone, and the
# same page as search's from the full-text index alone (columns and the start of the text, or
# snippets).
RATIOS = {
    "search / bare top 10": ("search", "bare top 10"),
    "no snippets / bare top 10": ("search, no snippets", "bare top 10"),
    "no snippets / bare page": ("search, no snippets", "bare page"),
    "search / bare page, snippets": ("search", "bare page, snippets"),
    "not counted yet / bare page, snippets": ("search, words not counted yet", "bare page, snippets"),
}

# The measures beside search's statements in "where the time goes", and their labels.
BARE_PARTS = {"bare count": "bare count(*)", "bare 10 unranked": "bare ten, unranked"}


def short(group: str) -> str:
    """A group's name in a column heading: '2w com+rare'."""
    for long, brief in (("1 word, ", "1w "), ("2 words, ", "2w "), ("middling", "mid"), ("common", "com")):
        group = group.replace(long, brief)
    return group


def print_backend(name: str, report: dict[str, Any]) -> None:
    """One backend's build, the times per group, and where search spends them."""
    b = report["build"]
    made = "reused" if b.get("reused") else "built now"
    size = ", ".join(f"{k.removesuffix('_mb')} {v:,.0f} MB" for k, v in report["size"].items())
    print(f"\n{name}: {report['target']}" + (f" (server {report['server']})" if report.get("server") else ""))
    print(
        f"  {b['documents']:,} documents, seed {b['seed']}, loader {b['loader']}, {made}: build {b['build_s']:.0f} s "
        f"(load {b['load_s']:.0f} s, relink {b['relink_s']:.0f} s, compact {b.get('compact_s', 0):.0f} s); {size}"
        + (f"\n  rows copied from {b['from']}" if b.get("from", "generated") != "generated" else "")
    )
    for table in b.get("unknown_tables", []):
        print(
            f"  warning: table {table} is new to this benchmark and was left empty; check with --loader add"
        )

    def span(values: list[Any]) -> str:
        return "–".join(f"{int(x):,}" for x in values) if values else "-"

    main = {
        "search": "search",
        "search, no snippets": "no snippets",
        "search+facets": "+facets",
        "search, words not counted yet": "not counted",
        "bare top 10": "bare top 10",
        "bare page": "bare page",
        "bare page, snippets": "bare snippets",
    }
    print(f"\n  {'':<24}{'documents/word':>20}{'matches':>22}" + "".join(f"{h:>15}" for h in main.values()))
    print(f"  {'group':<24}{'min–median–max':>20}{'min–median–max':>22}" + f"{'p50 / p95':>15}" * len(main))
    def pair(figures: dict[str, float] | None, digits: int) -> str:
        return f"{figures['p50']:.{digits}f} / {figures['p95']:.{digits}f}" if figures else "-"

    for group, g in report["groups"].items():
        cells = "".join(f"{pair(g['measures'].get(m), 1):>15}" for m in main)
        print(f"  {group:<24}{span(g['frequencies']):>20}{span(g['hits']):>22}{cells}")
    print(
        "\n  search ÷ bare, p50 / p95: 'bare top 10' ranks and gives the numbers alone; 'bare page' the same"
        "\n  ten with search's columns and the start of their text; 'bare page, snippets' with a snippet each"
    )
    print(f"  {'':<24}" + "".join(f"{label:>{len(label) + 2}}" for label in RATIOS))
    for group, g in report["groups"].items():
        print(f"  {group:<24}" + "".join(f"{pair(g['ratios'].get(label), 2):>{len(label) + 2}}" for label in RATIOS))

    groups = report["groups"]
    parts = list(dict.fromkeys(m for g in groups.values() for m in g["measures"] if m.startswith("  ")))
    parts.sort(key=lambda m: m.strip().startswith("python"))  # the rest last
    print(
        "\n  where the time goes, p50 ms: the statements search+facets sent, by the function of search.py that"
        "\n  sent them and what they do (summed over the call), the Python around them, and bare statements;"
        "\n  above, search's total (median) and how many of its ten hits an uncapped ranking also returns"
    )
    print(f"  {'':<36}" + "".join(f"{short(name):>12}" for name in groups))
    totals = [f"{int(g['totals'][1]):,}" if g.get("totals") else "-" for g in groups.values()]
    print(f"  {'total (median)':<36}" + "".join(f"{t:>12}" for t in totals))
    agreed = [
        "/".join(f"{x:.0%}" for x in g["agreement"]) if g.get("agreement") else "-" for g in groups.values()
    ]
    print(f"  {'same top ten, min/median':<36}" + "".join(f"{a:>12}" for a in agreed))
    for m in [*parts, *BARE_PARTS]:
        cells = "".join(
            f"{g['measures'][m]['p50']:>12.1f}" if m in g["measures"] else f"{'-':>12}"
            for g in groups.values()
        )
        print(f"  {BARE_PARTS.get(m, m.strip()):<36}{cells}")
    n = {f["n"] for g in report["groups"].values() for f in g["measures"].values()}
    print(
        f"  samples per figure: {', '.join(str(x) for x in sorted(n))} (fewer where a facet had no hits to count)"
    )
    if report.get("load_average"):
        print(f"  load average when done (1, 5, 15 min): {', '.join(str(x) for x in report['load_average'])}")


# --- PostgreSQL server -------------------------------------------------------------------


def start_postgres(port: int) -> str:
    """A throwaway server from scripts/postgres.sh on `port`; returns its URL."""
    env = os.environ | {"MAKTUB_PG_PORT": str(port)}
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "postgres.sh"), "start"], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"search.py: scripts/postgres.sh start failed:\n{done.stderr.strip()}")
    return done.stdout.strip().splitlines()[-1]


def stop_postgres(port: int) -> None:
    env = os.environ | {"MAKTUB_PG_PORT": str(port)}
    subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "stop"], env=env, check=False)


# --- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, build or reuse the archives, measure, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1_000_000, help="documents in the archive")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generator and the query choice")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path("/tmp") / "maktub-bench",
        help="where the SQLite archive and query list are kept and reused (default: %(default)s)",
    )
    parser.add_argument(
        "--postgres", metavar="URL", help="also measure PostgreSQL at URL (an empty database)"
    )
    parser.add_argument(
        "--start-postgres",
        action="store_true",
        help=f"start a throwaway server with scripts/postgres.sh on port {POSTGRES_PORT}, stop it after",
    )
    parser.add_argument("--postgres-port", type=int, default=POSTGRES_PORT, help=argparse.SUPPRESS)
    parser.add_argument("--queries", type=int, default=20, help="queries per group (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="measured passes after the warm-up")
    parser.add_argument(
        "--group-seconds",
        type=float,
        default=300.0,
        help="stop measuring a group after this many seconds (default: %(default)s)",
    )
    parser.add_argument(
        "--loader", choices=["bulk", "add"], default="bulk", help="how the archive is written"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="child processes generating documents (0: in the writer)"
    )
    parser.add_argument(
        "--explain",
        action="append",
        default=[],
        metavar="QUERY",
        help="after the figures, print the plan of every statement search sends for QUERY (repeatable)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    args = parser.parse_args(argv)

    code = code_state()  # now: the modules measured are the ones imported at start
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    n, seed = args.documents, args.seed
    path = workdir / f"search-d{n}-s{seed}-{args.loader}.db"
    built = build(str(path), n, seed, args.loader, args.jobs)

    chosen = workdir / f"search-d{n}-s{seed}-{args.loader}.queries.json"
    wanted = {"build_s": built["build_s"], "queries": args.queries}
    saved = json.loads(chosen.read_text()) if chosen.exists() else {}
    if {k: saved.get(k) for k in wanted} == wanted:
        groups = [
            Group(g["name"], [Query(q["text"], q["frequencies"]) for q in g["queries"]])
            for g in saved["groups"]
        ]
    else:
        print("choosing query words from the index ...", file=sys.stderr, flush=True)
        groups = choose_queries(path, term_frequencies(path), n, args.queries, seed)
        chosen.write_text(json.dumps(wanted | {"groups": [asdict(g) for g in groups]}))

    report: dict[str, Any] = {
        "machine": machine(),
        "code": code,
        "documents": n,
        "seed": seed,
        "per_page": PER_PAGE,
        "rounds": args.rounds,
        "bands": BANDS,
        "backends": {},
    }
    import sqlite3

    report["machine"]["versions"]["sqlite"] = sqlite3.sqlite_version
    print_header(report)

    def done(name: str, figures: dict[str, Any]) -> None:
        """Print a backend's figures as soon as they are in, and keep them in the JSON file."""
        figures["load_average"] = [round(x, 2) for x in os.getloadavg()]  # the machine may be shared
        report["backends"][name] = figures
        print_backend({"sqlite": "SQLite", "postgresql": "PostgreSQL"}[name], figures)
        sys.stdout.flush()
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    print("measuring SQLite ...", file=sys.stderr, flush=True)
    with Archive.open(str(path)) as archive:
        times = measure(archive, groups, args.rounds, seed, args.group_seconds)
        done("sqlite", backend_report(archive, str(path), built, groups, times))
    with Archive.open(str(path)) as archive:
        for query in args.explain:
            explain(archive, query)

    url = args.postgres
    if args.start_postgres and not url:
        url = start_postgres(args.postgres_port)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the server on the way out
    try:
        if url:
            pg_built = build(url, n, seed, args.loader, args.jobs, source=path)
            print("measuring PostgreSQL ...", file=sys.stderr, flush=True)
            pg_groups = [Group(g.name, [Query(q.text, q.frequencies) for q in g.queries]) for g in groups]
            with Archive.open(url) as archive:
                times = measure(archive, pg_groups, args.rounds, seed, args.group_seconds)
                done("postgresql", backend_report(archive, url, pg_built, pg_groups, times))
            with Archive.open(url) as archive:
                for query in args.explain:
                    explain(archive, query)
    finally:
        if args.start_postgres and not args.postgres:
            stop_postgres(args.postgres_port)


def print_header(report: dict[str, Any]) -> None:
    """Machine, software, archive and how the queries are timed."""
    m = report["machine"]
    print(f"machine  {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['ram_gb']} GB")
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v != "not installed")
    print(f"software Python {m['python']} on {m['system']}; {versions}; maktub at {report['code']}")
    bands = ", ".join(f"{b} {lo:.3%}–{hi:.3%}" for b, (lo, hi) in report["bands"].items())
    print(
        f"archive  {report['documents']:,} generated documents (seed {report['seed']}); word bands by share of "
        f"documents: {bands}\nqueries  search(..., per_page={report['per_page']}); times in ms over "
        f"{report['rounds']} rounds after a warm-up; matches = the bare count(*)"
    )


if __name__ == "__main__":
    main()
