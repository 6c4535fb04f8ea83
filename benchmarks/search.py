"""Search benchmark: `maktub.archive.search.search` beside a bare full-text query, same index, one run.

    .venv/bin/python benchmarks/search.py [--documents 1000000] [--seed 7] [--workdir DIR]
        [--postgres URL | --start-postgres] [--queries 20] [--rounds 3] [--json OUT]

Builds an archive of generated documents (`archive_documents.py`: letters, articles, statements
and listings, a tenth in Urdu, a Zipf-like vocabulary, a few people, bodies and places named in
each) and keeps it in the work folder; a later run with the same count, seed and generator
reuses it. The rows are written with bulk SQL, not `Archive.add` (which takes about 1 ms a page,
most of it one statement at a time): the same tables and columns, the same full-text rows with
`fold` (SQLite) or `fold_for_index` and the same tsvector expression (PostgreSQL) as `store.py`,
the names' document counts as `add` keeps them, then `Archive.relink()` for the entity facets.
On PostgreSQL the GIN index on `documents.search` is dropped during the load and created again
(same definition) at the end, followed by VACUUM ANALYZE, as autovacuum would have done by the
time anyone searched. `--loader add` builds through `Archive.add` instead, to check the two agree.

Query words are picked from the SQLite index itself (fts5vocab: documents per term), in three
bands by the share of documents that hold them: rare, middling and common (see BANDS). Groups:
one word of each band, two words of the same band, and a common word with a rare one. Each query
is run once to warm the caches, then `--rounds` times, each time as (in a shuffled order):

- `search(archive, q, per_page=10, facets=False)` and the same with `facets=True`;
- the bare query: SQLite `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY
  rank LIMIT 10`; PostgreSQL `SELECT seq FROM documents WHERE search @@ plainto_tsquery(...)
  ORDER BY ts_rank_cd(...) DESC LIMIT 10`;
- for finding what is slow: the bare count(*) of the hits, and the bare query without ORDER BY.

Every statement `search` sends is timed on its own (total, page of hits, each facet), so the
report says where the time goes. The targets it informs, at 1,000,000 documents: p95 under
25 ms without facets and under 100 ms with, and at most 1.5x the bare query. It prints figures,
never a verdict, and is not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
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

from archive_documents import BATCH, Corpus  # noqa: E402
from extract import machine  # noqa: E402

from maktub.archive import Archive  # noqa: E402
from maktub.archive.fold import fold, fold_for_index  # noqa: E402
from maktub.archive.prepare import Prepared  # noqa: E402
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
        seen = set()
        for type_, name, start, stop in doc.mentions:
            name_id = ids[(type_, key(name))]
            rows.mentions.append((seq, name_id, start, stop))
            seen.add(name_id)
        for role, name, type_ in doc.parties:
            party_id = ids[(type_, key(name))] if key(name) else None
            rows.parties.append((seq, role, party_id, name))
            if party_id is not None:
                seen.add(party_id)
        rows.counts.update(seen)
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
        yield from pool.imap(_worker_batch, work, chunksize=1)


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
        conn.executemany("INSERT INTO documents_fts (rowid, title, text, names) VALUES (?, ?, ?, ?)", rows.index)
        conn.executemany("INSERT INTO mentions (document_seq, name_id, start, stop) VALUES (?, ?, ?, ?)", rows.mentions)
        conn.executemany("INSERT INTO parties (document_seq, role, name_id, name) VALUES (?, ?, ?, ?)", rows.parties)


_DOCUMENT_COLUMNS = "seq, id, revision_id, parent_id, position, kind, title, language, date, year, text, names, record"


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
                    mine = mine or bool(saved and isinstance(saved[0], dict) and saved[0].get("benchmark") == MARKER)
            if not mine:
                raise SystemExit(
                    f"search.py: {url} holds tables this benchmark did not make; give it an empty database "
                    "(or --start-postgres for a throwaway server)"
                )
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def build(target: str, count: int, seed: int, loader: str, jobs: int) -> dict[str, Any]:
    """The archive at `target` with `count` generated documents: reused if it matches, else built."""
    postgres = target.startswith("postgresql://")
    corpus_hash = Corpus.fingerprint()
    wanted = {"benchmark": MARKER, "documents": count, "seed": seed, "generator": corpus_hash, "loader": loader}
    if postgres or Path(target).exists():
        with Archive.open(target, upgrade=False) as archive:
            try:
                found = existing_build(archive)
            except Exception:  # noqa: BLE001 - an empty or foreign database: no build to reuse
                found = None
        if found and found["status"] == "complete" and {k: found.get(k) for k in wanted} == wanted:
            return found | {"reused": True}
    if postgres:
        wipe_postgres(target)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(target + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    print(f"building {count:,} documents in {target} ...", file=sys.stderr, flush=True)
    corpus = Corpus(seed)
    with Archive.open(target) as archive:
        run = archive.start_run([wanted])  # type: ignore[list-item]
        if loader == "add":
            for pages in corpus.batches(count):
                archive.add(pages, run)
        else:
            load_rows(archive, corpus, count, jobs)
        loaded = time.perf_counter()
        archive.relink()
        linked = time.perf_counter()
        if postgres:
            archive.db.execute("VACUUM ANALYZE")
        archive.finish_run(run, count, count, 0, "complete")
        manifest = wanted | {
            "load_s": round(loaded - started, 1),
            "relink_s": round(linked - loaded, 1),
            "build_s": round(time.perf_counter() - started, 1),
        }
        archive.db.execute("UPDATE runs SET paths = ? WHERE id = ?", (json.dumps([manifest]), run))
    return manifest | {"status": "complete", "reused": False}


def load_rows(archive: Archive, corpus: Corpus, count: int, jobs: int) -> None:
    """Every generated page into the archive with bulk SQL, then the names and their counts."""
    db = archive.db
    postgres = db.dialect == "postgresql"
    if postgres:
        db.execute("DROP INDEX documents_search")  # built once at the end: far faster than row by row
        db.execute(f"CREATE TEMP TABLE staging AS SELECT {_DOCUMENT_COLUMNS} FROM documents WITH NO DATA")
        db.execute("ALTER TABLE staging ADD COLUMN title_i TEXT, ADD COLUMN text_i TEXT, ADD COLUMN names_i TEXT")
    counts: Counter[int] = Counter()
    done, started = 0, time.perf_counter()
    for rows in generated_rows(corpus, count, db.dialect, jobs):
        (write_postgres if postgres else write_sqlite)(archive, rows)
        counts.update(rows.counts)
        done += len(rows.documents)
        if done % 50_000 < BATCH or done == count:
            rate = done / (time.perf_counter() - started)
            print(f"  {done:,} documents, {rate:,.0f}/s", file=sys.stderr, flush=True)
    spelled = {}
    for pool in (corpus.people, corpus.orgs, corpus.places):
        for name in pool:
            for spelling in (name.en, name.ur):
                spelled.setdefault((name.type, key(spelling)), spelling)
    names = [
        (name_id, type_, k, spelled[(type_, k)], counts[name_id])
        for (type_, k), name_id in name_ids(corpus).items()
        if counts[name_id]
    ]
    with db.transaction():
        db.many("INSERT INTO names (id, type, key, name, documents) VALUES (?, ?, ?, ?, ?)", names)
    if postgres:
        print("  creating the full-text index ...", file=sys.stderr, flush=True)
        db.execute("SET maintenance_work_mem = '1GB'")
        db.execute("CREATE INDEX documents_search ON documents USING gin (search)")
        db.execute("RESET maintenance_work_mem")
        for table, column in (("sources", "id"), ("revisions", "id"), ("documents", "seq"), ("names", "id")):
            db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), max({column})) FROM {table}")


# --- choosing the queries ----------------------------------------------------------------


@dataclass
class Query:
    """One query of a group, with the documents holding each of its words."""

    text: str
    frequencies: list[int]
    hits: int = -1


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


def choose_queries(frequencies: dict[str, int], documents: int, per_group: int, seed: int) -> list[Group]:
    """`per_group` queries for each group, words picked at random within their band."""
    corpus_words = set(Corpus.vocabulary_sample_check(frequencies))
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
    for band, words in bands.items():
        pairs = [rng.sample(words, 2) for _ in range(per_group)] if len(words) >= 2 else []
        groups.append(Group(f"2 words, {band}", [Query(" ".join(p), [frequencies[w] for w in p]) for p in pairs]))
    if bands["common"] and bands["rare"]:
        pairs = [[rng.choice(bands["common"]), rng.choice(bands["rare"])] for _ in range(per_group)]
        groups.append(Group("2 words, common+rare", [Query(" ".join(p), [frequencies[w] for w in p]) for p in pairs]))
    return groups


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
                label = purpose(sql, params)
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - start

        return timed

    def start(self) -> None:
        self.spent, self.running = {}, True

    def stop(self) -> dict[str, float]:
        self.running = False
        return self.spent


def purpose(sql: str, params: Sequence[Any]) -> str:
    """What a statement of `search` is for: the total, the page of hits, or one facet."""
    if "WITH hits" in sql:
        column = re.search(r"SELECT (\w+), count\(\*\) FROM hits", sql)
        if column:
            return f"facet {column[1]}"
        if "JOIN mentions" in sql and len(params) >= 2:
            return f"facet {params[-2]}"
        return "facet ?"
    if sql.lstrip().startswith("SELECT count(*)"):
        return "total"
    if "LIMIT ? OFFSET ?" in sql:
        return "page"
    return "other"


def bare_statements(dialect: str, words: list[str]) -> dict[str, tuple[str, list[Any]]]:
    """The bare full-text queries for `words`: ranked top ten, unranked ten, count of hits."""
    if dialect == "sqlite":
        match = " ".join('"' + fold(w).replace('"', '""') + '"' for w in words)
        hits = "FROM documents_fts WHERE documents_fts MATCH ?"
        return {
            "bare top 10": (f"SELECT rowid {hits} ORDER BY rank LIMIT 10", [match]),
            "bare 10 unranked": (f"SELECT rowid {hits} LIMIT 10", [match]),
            "bare count": (f"SELECT count(*) {hits}", [match]),
        }
    text = fold_for_index(" ".join(words))
    hits = "FROM documents WHERE search @@ plainto_tsquery('english', %s)"
    return {
        "bare top 10": (
            f"SELECT seq {hits} ORDER BY ts_rank_cd(search, plainto_tsquery('english', %s)) DESC LIMIT 10",
            [text, text],
        ),
        "bare 10 unranked": (f"SELECT seq {hits} LIMIT 10", [text]),
        "bare count": (f"SELECT count(*) {hits}", [text]),
    }


def measure(
    archive: Archive, groups: list[Group], rounds: int, seed: int, group_seconds: float
) -> dict[str, dict[str, list[float]]]:
    """Seconds per measure per group: a warm-up pass, then `rounds` passes in shuffled order."""
    dialect = archive.db.dialect
    conn = archive.db.conn
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
                ("search", lambda: search(archive, query.text, per_page=PER_PAGE, facets=False)),
                ("search+facets", lambda: search(archive, query.text, per_page=PER_PAGE, facets=True)),
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
                        query.hits = result.total
                    continue
                out[name].append(seconds)
                spent[group.name] += seconds
                if name == "search+facets":
                    for label, s in statements.items():
                        out[f"  {label}"].append(s)
                    out["  python and the rest"].append(seconds - sum(statements.values()))
        label = "warm-up" if number == 0 else f"round {number}/{rounds}"
        print(f"  {label}: {len(jobs)} queries, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return {name: dict(v) for name, v in times.items()}


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
        bare, plain = measured.get("bare top 10"), measured.get("search")
        ratio = {}
        if bare and plain:
            ratio = {"p50": plain["p50"] / bare["p50"], "p95": plain["p95"] / bare["p95"]}
        hits = sorted(q.hits for q in group.queries)
        frequencies = sorted(f for q in group.queries for f in q.frequencies)
        out["groups"][group.name] = {
            "queries": [asdict(q) for q in group.queries],
            "frequencies": [frequencies[0], statistics.median(frequencies), frequencies[-1]] if frequencies else [],
            "hits": [hits[0], statistics.median(hits), hits[-1]] if hits else [],
            "measures": measured,
            "ratio_to_bare": ratio,
        }
    return out


def print_backend(name: str, report: dict[str, Any]) -> None:
    b = report["build"]
    made = "reused" if b.get("reused") else "built now"
    size = ", ".join(f"{k.removesuffix('_mb')} {v:,.0f} MB" for k, v in report["size"].items())
    print(f"\n{name}: {report['target']}" + (f" (server {report['server']})" if report.get("server") else ""))
    print(
        f"  {b['documents']:,} documents, seed {b['seed']}, loader {b['loader']}: {made}; build {b['build_s']:.0f} s "
        f"(load {b['load_s']:.0f} s, relink {b['relink_s']:.0f} s); {size}"
    )
    main = ["search", "search+facets", "bare top 10"]
    print(f"\n  {'group':<24}{'documents/word':>20}{'hits':>20}", end="")
    for m in main:
        print(f"{m + ' p50/p95 ms':>26}", end="")
    print(f"{'search/bare p50':>17}{'p95':>6}")
    for group, g in report["groups"].items():
        freq = "–".join(f"{int(x):,}" for x in g["frequencies"]) if g["frequencies"] else "-"
        hits = "–".join(f"{int(x):,}" for x in g["hits"]) if g["hits"] else "-"
        print(f"  {group:<24}{freq:>20}{hits:>20}", end="")
        for m in main:
            f = g["measures"].get(m)
            print(f"{(f'{f['p50']:.1f} / {f['p95']:.1f}' if f else '-'):>26}", end="")
        r = g["ratio_to_bare"]
        print(f"{r.get('p50', float('nan')):>17.2f}{r.get('p95', float('nan')):>6.2f}")
    parts = sorted(
        {m for g in report["groups"].values() for m in g["measures"] if m.startswith("  ")},
        key=lambda m: (m.strip().startswith("python"), m),
    )
    extra = ["bare count", "bare 10 unranked", *parts]
    print("\n  where the time goes, p50 ms (search+facets by statement; bare count and unranked ten for comparison)")
    print(f"  {'group':<24}" + "".join(f"{m.strip().removeprefix('facet '):>12}" for m in extra))
    print(f"  {'':<24}" + "".join(f"{'':>12}" if not m.startswith("  facet") else f"{'(facet)':>12}" for m in extra))
    for group, g in report["groups"].items():
        row = "".join(
            f"{g['measures'][m]['p50']:>12.1f}" if m in g["measures"] else f"{'-':>12}" for m in extra
        )
        print(f"  {group:<24}{row}")
    n = {f["n"] for g in report["groups"].values() for f in g["measures"].values()}
    print(f"  samples per figure: {', '.join(str(x) for x in sorted(n))}")


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
    parser.add_argument("--postgres", metavar="URL", help="also measure PostgreSQL at URL (an empty database)")
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
    parser.add_argument("--loader", choices=["bulk", "add"], default="bulk", help="how the archive is written")
    parser.add_argument(
        "--jobs", type=int, default=1, help="child processes generating documents (0: in the writer)"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    args = parser.parse_args(argv)

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    n, seed = args.documents, args.seed
    path = workdir / f"search-d{n}-s{seed}-{args.loader}.db"
    built = build(str(path), n, seed, args.loader, args.jobs)

    chosen = workdir / f"search-d{n}-s{seed}-{args.loader}.queries.json"
    wanted = {"build_s": built["build_s"], "queries": args.queries}
    saved = json.loads(chosen.read_text()) if chosen.exists() else {}
    if {k: saved.get(k) for k in wanted} == wanted:
        groups = [Group(g["name"], [Query(**q) for q in g["queries"]]) for g in saved["groups"]]
    else:
        print("choosing query words from the index ...", file=sys.stderr, flush=True)
        groups = choose_queries(term_frequencies(path), n, args.queries, seed)
        chosen.write_text(json.dumps(wanted | {"groups": [asdict(g) for g in groups]}))

    report: dict[str, Any] = {
        "machine": machine(),
        "documents": n,
        "seed": seed,
        "per_page": PER_PAGE,
        "rounds": args.rounds,
        "bands": BANDS,
        "backends": {},
    }
    import sqlite3

    report["machine"]["versions"]["sqlite"] = sqlite3.sqlite_version
    print("measuring SQLite ...", file=sys.stderr, flush=True)
    with Archive.open(str(path)) as archive:
        times = measure(archive, groups, args.rounds, seed, args.group_seconds)
        report["backends"]["sqlite"] = backend_report(archive, str(path), built, groups, times)

    url = args.postgres
    if args.start_postgres and not url:
        url = start_postgres(args.postgres_port)
    try:
        if url:
            pg_built = build(url, n, seed, args.loader, args.jobs)
            print("measuring PostgreSQL ...", file=sys.stderr, flush=True)
            pg_groups = [Group(g.name, [Query(q.text, q.frequencies) for q in g.queries]) for g in groups]
            with Archive.open(url) as archive:
                times = measure(archive, pg_groups, args.rounds, seed, args.group_seconds)
                report["backends"]["postgresql"] = backend_report(archive, url, pg_built, pg_groups, times)
    finally:
        if args.start_postgres and not args.postgres:
            stop_postgres(args.postgres_port)

    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def print_report(report: dict[str, Any]) -> None:
    m = report["machine"]
    print(f"machine  {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['ram_gb']} GB")
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v != "not installed")
    print(f"software Python {m['python']} on {m['system']}; {versions}")
    bands = ", ".join(f"{b} {lo:.3%}–{hi:.3%}" for b, (lo, hi) in report["bands"].items())
    print(
        f"archive  {report['documents']:,} generated documents (seed {report['seed']}); word bands by share of "
        f"documents: {bands}\nqueries  search(..., per_page={report['per_page']}); times in ms over "
        f"{report['rounds']} rounds after a warm-up; hits = search's total"
    )
    for name, backend in report["backends"].items():
        print_backend({"sqlite": "SQLite", "postgresql": "PostgreSQL"}[name], backend)


if __name__ == "__main__":
    main()
