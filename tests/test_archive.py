"""The archive on both databases: ingest, revisions, refusals, crashes, search, corrections.

Every test that takes `backend` runs on SQLite and on PostgreSQL. The test command
(scripts/test.sh) starts a throwaway PostgreSQL and sets MAKTUB_TEST_POSTGRES; without it
the PostgreSQL half is skipped locally, and fails under CI.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import POSTGRES, ROOT, SEEDS, extract_lines, fresh_postgres, run_maktub
from maktub.archive import Archive
from maktub.archive.ingest import IngestOptions, ingest
from maktub.archive.query import QueryError, parse
from maktub.archive.schema import VERSION, migrate, version
from maktub.archive.search import Results, search
from maktub.errors import MaktubError
from maktub.sample import generate_corpus


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small fictional corpus: letters, articles, statements, listings; English and Urdu."""
    out = tmp_path_factory.mktemp("sample")
    generate_corpus(out, 40, seed=11, html_share=0.5, urdu_share=0.25)
    return out


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sample_corpus: Path):
    """One archive per database with the seed pages and the sample corpus, for the search tests."""
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("filled") / "archive.db")
    elif not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail("MAKTUB_TEST_POSTGRES is not set: run the tests with scripts/test.sh")
        pytest.skip("no PostgreSQL")
    else:
        target = fresh_postgres()
    with Archive.open(target) as archive:
        ingest([str(SEEDS), str(sample_corpus)], archive, IngestOptions(workers=0))
        yield archive


def _ids(results) -> set[str]:
    return {h.id for h in results.results}


# --- ingest ------------------------------------------------------------------------------


def test_ingest_stores_what_extract_finds(backend: str) -> None:
    docs, _ = extract_lines(SEEDS)
    with Archive.open(backend) as archive:
        progress = ingest([str(SEEDS)], archive, IngestOptions(workers=0))
        assert progress.pages == 3
        assert archive.counts()["documents"] == len(docs)
        for doc in docs:
            stored = archive.document(doc["id"])
            assert stored is not None
            assert {k: stored[k] for k in ("kind", "title", "date", "sender", "parent")} == {
                k: doc[k] for k in ("kind", "title", "date", "sender", "parent")
            }
            assert stored["provenance"]["location"].startswith(str(SEEDS))
        kinds = Counter(d["kind"] for d in docs)
        for kind, n in kinds.items():
            assert search(archive, f"kind:{kind}", facets=False).total == n
        assert archive.check() == []


def test_an_ingest_leaves_the_full_text_index_in_one_piece(
    tmp_path: Path, sample_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import maktub.archive.ingest as bulk

    # Five pages a transaction: FTS5 writes a segment for each, and merges them only by fours.
    monkeypatch.setattr(bulk, "COMMIT_PAGES", 5)
    with Archive.open(tmp_path / "archive.db") as archive:
        ingest([str(sample_corpus)], archive, IngestOptions(workers=0))
        assert archive.db.value("SELECT count(DISTINCT segid) FROM documents_fts_idx") == 1
        assert archive.check() == []


def test_the_same_pages_twice_are_stored_once(backend: str) -> None:
    with Archive.open(backend) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0))
        before = archive.counts()
        again = ingest([str(SEEDS)], archive, IngestOptions(workers=0))
        assert again.pages == 0 and again.skipped == 3
        assert archive.counts() == before


def test_a_changed_page_is_a_new_revision_with_history_kept(backend: str, tmp_path: Path) -> None:
    page = tmp_path / "site" / "statement.txt"
    page.parent.mkdir()
    page.write_text("Press statement\n\nLahore, 3 March 2004\n\nThe minister praised the orchard growers.\n")
    with Archive.open(backend) as archive:
        ingest([str(page)], archive, IngestOptions(workers=0))
        assert search(archive, "orchard", facets=False).total == 1
        page.write_text(
            "Press statement\n\nLahore, 3 March 2004\n\nThe minister praised the cotton growers.\n"
        )
        progress = ingest([str(page)], archive, IngestOptions(workers=0))
        assert progress.revisions == 1
        counts = archive.counts()
        assert counts["sources"] == 1 and counts["revisions"] == 2
        assert search(archive, "orchard", facets=False).total == 0  # the old text is history now
        hits = search(archive, "cotton", facets=False).results
        assert len(hits) == 1
        record = archive.document(hits[0].id)
        assert record is not None and record["provenance"]["current"] is True
        old = archive.db.value("SELECT id FROM documents WHERE current = 0")
        assert old and archive.document(old)["provenance"]["current"] is False  # type: ignore[index]
        assert archive.check() == []


def test_refused_files_are_recorded_and_the_rest_goes_on(backend: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Letter to the editor\n\nSir, the water supply in Hyderabad has failed again.\n")
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 200)
    proc = run_maktub("ingest", "--archive", backend, "--quiet", str(tmp_path))
    assert proc.returncode == 1, proc.stderr
    assert f"maktub: refused {bad}" in proc.stderr
    listed = run_maktub("ingest", "--archive", backend, "--refused")
    assert listed.returncode == 0
    assert str(bad) in listed.stdout and str(good) not in listed.stdout
    with Archive.open(backend) as archive:
        assert archive.counts()["sources"] == 1


def test_an_older_archive_is_upgraded_in_place(tmp_path: Path) -> None:
    from maktub.archive.db import connect

    target = str(tmp_path / "old.db")
    db = connect(target)
    migrate(db, target=1)
    db.execute("INSERT INTO sources (location, site) VALUES ('a.txt', '.')")
    db.close()
    with Archive.open(target) as archive:
        assert version(archive.db) == VERSION
        assert archive.db.value("SELECT location FROM sources") == "a.txt"
        assert archive.db.value("SELECT views FROM documents LIMIT 1") is None  # the column exists


def test_not_an_archive_is_a_clear_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database")
    proc = run_maktub("ingest", "--archive", str(notes), str(SEEDS))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"maktub: archive {notes}: not a maktub archive (not an SQLite file)"
    assert notes.read_text() == "these are my notes, not a database"


def test_a_locked_archive_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "archive.db"
    Archive.open(target).close()
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        env = {**os.environ, "MAKTUB_BUSY_TIMEOUT": "0.2"}
        proc = subprocess.run(
            [sys.executable, "-m", "maktub", "ingest", "--archive", str(target), "--quiet", str(SEEDS)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
        )  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 2
    assert "locked by another process" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_full_disk_keeps_what_was_committed(tmp_path: Path, sample_corpus: Path) -> None:
    target = tmp_path / "archive.db"
    with Archive.open(target) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0, relink=False))
        stored = archive.counts()["documents"]
        pages = archive.db.value("PRAGMA page_count")
        archive.db.execute(f"PRAGMA max_page_count = {pages + 8}")  # the disk fills up
        with pytest.raises(MaktubError, match="the disk is full; everything committed before is kept"):
            ingest([str(sample_corpus)], archive, IngestOptions(workers=0, relink=False))
    with Archive.open(target) as archive:
        assert archive.counts()["documents"] == stored
        assert archive.check() == []


def test_a_postgres_that_goes_away_is_a_clear_error(sample_corpus: Path) -> None:
    if not POSTGRES:
        pytest.skip("no PostgreSQL")
    import psycopg

    target = fresh_postgres()
    with Archive.open(target) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0, relink=False))
        stored = archive.counts()["documents"]
        pid = archive.db.value("SELECT pg_backend_pid()")
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(MaktubError, match="the server went away"):
            ingest([str(sample_corpus)], archive, IngestOptions(workers=0))
    with Archive.open(target) as archive:
        assert archive.counts()["documents"] == stored


def test_kill_9_mid_ingest_leaves_a_sound_archive_and_a_rerun_finishes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 120, seed=5)
    target = tmp_path / "archive.db"
    env = {**os.environ, "MAKTUB_COMMIT_PAGES": "5"}
    args = [sys.executable, "-m", "maktub", "ingest", "--archive", str(target), "--quiet", "--workers", "1"]
    proc = subprocess.Popen([*args, str(corpus)], cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.3)
        if target.exists():
            try:
                with sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=1) as db:
                    stored = db.execute("SELECT count(*) FROM revisions").fetchone()[0]
            except sqlite3.Error:
                continue
        if stored >= 10:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with Archive.open(target) as archive:
        assert archive.check() == []
        done = archive.counts()["revisions"]
        assert 10 <= done < 120
        # Every stored page is whole: each revision has its page and all the documents inside it.
        assert not archive.db.value(
            "SELECT count(*) FROM documents d WHERE d.parent_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM documents p WHERE p.id = d.parent_id)"
        )
    rerun = run_maktub("ingest", "--archive", str(target), "--quiet", "--workers", "1", str(corpus))
    assert rerun.returncode == 0, rerun.stderr
    with Archive.open(target) as archive:
        assert archive.counts()["revisions"] == 120
        assert archive.db.value("SELECT count(*) FROM revisions") == 120
        ids = archive.db.rows("SELECT id, count(*) FROM documents GROUP BY id HAVING count(*) > 1")
        assert ids == []


def _stored(archive: Archive) -> tuple[dict[str, int], set[str]]:
    """Counts and document ids. (Which names a page yields can depend on what its worker read before.)"""
    return archive.counts(), {r[0] for r in archive.db.rows("SELECT id FROM documents")}


@pytest.mark.parametrize("pool", [["--workers", "2"], ["--dask", "local", "--workers", "2"]], ids=["processes", "dask"])
def test_workers_store_the_same_as_one_process(
    backend: str, pool: list[str], tmp_path: Path, sample_corpus: Path
) -> None:
    # On PostgreSQL every worker writes its own batches: several writers at once.
    with Archive.open(tmp_path / "one.db") as archive:
        ingest([str(sample_corpus)], archive, IngestOptions(workers=0))
        expected = _stored(archive)
    proc = run_maktub("ingest", "--archive", backend, "--quiet", *pool, str(sample_corpus))
    assert proc.returncode == 0, proc.stderr
    with Archive.open(backend) as archive:
        assert _stored(archive) == expected
        assert archive.check() == []
        # Each name's count of documents, kept by several writers at once, is the true count.
        assert not archive.db.rows(
            "SELECT n.id FROM names n WHERE n.documents <> (SELECT count(*) FROM doc_names dn WHERE dn.name_id = n.id)"
        )


def test_on_postgresql_the_worker_processes_write(
    backend: str, tmp_path: Path, sample_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not backend.startswith("postgresql"):
        pytest.skip("SQLite has one writer: this process")
    writers = tmp_path / "writers"
    add = Archive.add

    def add_and_say_who(self: Archive, pages: list, run: int | None = None):  # type: ignore[type-arg]
        with writers.open("a") as out:  # the workers are forked from here: they write this too
            out.write(f"{os.getpid()}\n")
        return add(self, pages, run)

    monkeypatch.setattr(Archive, "add", add_and_say_who)
    with Archive.open(backend) as archive:
        progress = ingest([str(sample_corpus)], archive, IngestOptions(workers=2))
        assert progress.pages == archive.counts()["revisions"] == 40
    pids = set(writers.read_text().split())
    assert pids and str(os.getpid()) not in pids


def test_worker_processes_are_replaced_as_they_go_and_store_the_same(
    tmp_path: Path, sample_corpus: Path
) -> None:
    one = tmp_path / "one.db"
    many = tmp_path / "workers.db"
    with Archive.open(one) as archive:
        ingest([str(sample_corpus)], archive, IngestOptions(workers=0))
        expected = archive.counts()
        ids = {r[0] for r in archive.db.rows("SELECT id FROM documents")}
    # Fresh workers after every 4 pages each: the 40 pages pass through several generations.
    env = {**os.environ, "MAKTUB_RECYCLE_PAGES": "4"}
    args = [sys.executable, "-m", "maktub", "ingest", "--archive", str(many), "--quiet", "--workers", "2"]
    proc = subprocess.run([*args, str(sample_corpus)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    with Archive.open(many) as archive:
        assert archive.counts() == expected
        assert {r[0] for r in archive.db.rows("SELECT id FROM documents")} == ids


# --- search ------------------------------------------------------------------------------


def test_words_phrases_and_boolean_logic(filled: Archive) -> None:
    altaf = search(filled, "Altaf", facets=False)
    blair = search(filled, "Blair", facets=False)
    assert altaf.total > 0 and blair.total > 0
    both = search(filled, "Altaf Blair", per_page=200, facets=False)
    assert both.total == len(_ids(search(filled, "Altaf AND Blair", per_page=200, facets=False)))
    either = search(filled, "Altaf OR Blair", per_page=200, facets=False)
    assert either.total >= max(altaf.total, blair.total)
    without = search(filled, "Altaf -Blair", per_page=200, facets=False)
    assert without.total == altaf.total - both.total
    assert search(filled, "Altaf NOT Blair", facets=False).total == without.total
    phrase = search(filled, '"Altaf Hussain"', facets=False)
    assert 0 < phrase.total <= altaf.total
    assert search(filled, '"Hussain Altaf"', facets=False).total < phrase.total
    assert search(filled, "terror*", facets=False).total > search(filled, "terrorism", facets=False).total - 1
    assert any("<mark>" in h.to_json()["snippet"] for h in altaf.results)


def test_field_filters(filled: Archive) -> None:
    letters = search(filled, "kind:letter", per_page=200, facets=False)
    assert letters.total and all(h.kind == "letter" for h in letters.results)
    year = search(filled, "year:2001", per_page=200, facets=False)
    assert year.total and all(h.date and h.date.startswith("2001") for h in year.results)
    span = search(filled, "date:1998-01..2001-12", per_page=200, facets=False)
    assert span.total >= year.total
    assert all(h.date and "1998-01" <= h.date[:7] <= "2001-12" for h in span.results)
    urdu = search(filled, "lang:ur", per_page=200, facets=False)
    assert urdu.total and all(h.language == "ur" for h in urdu.results)
    sent = search(filled, 'from:"Altaf Hussain"', per_page=200, facets=False)
    assert sent.total
    for hit in sent.results:
        record = filled.document(hit.id)
        assert record and "Altaf" in record["sender"]["name"]


def test_names_are_found_under_all_their_spellings(filled: Archive) -> None:
    row = filled.db.one(
        "SELECT e.name, e.type FROM entities e JOIN entity_names en ON en.entity_id = e.id "
        "JOIN names n ON n.id = en.name_id WHERE e.type = 'person' "
        "GROUP BY e.id, e.name, e.type HAVING count(DISTINCT n.key) > 1 ORDER BY e.documents DESC LIMIT 1"
    )
    assert row, "no person with two spellings in the archive"
    name = row[0]
    spellings = [
        r[0]
        for r in filled.db.rows(
            "SELECT n.name FROM names n JOIN entity_names en ON en.name_id = n.id "
            "JOIN entities e ON e.id = en.entity_id WHERE e.name = ? AND e.type = 'person'",
            (name,),
        )
    ]
    totals = {s: search(filled, f'person:"{s}"', facets=False).total for s in spellings}
    assert len(set(totals.values())) == 1, totals  # every spelling finds the same documents


def test_a_misspelt_name_finds_its_entity_and_says_so(filled: Archive) -> None:
    exact = search(filled, 'person:"Altaf Hussain"', facets=False)
    near = search(filled, 'person:"Altaf Husain"', facets=False)
    assert near.total == exact.total > 0
    assert any("close spellings" in n for n in near.notes)
    nobody = search(filled, 'person:"Zzyzx Qwerty"', facets=False)
    assert nobody.total == 0 and any("no one of that name" in n for n in nobody.notes)


def test_urdu_search_folds_letter_forms(filled: Archive) -> None:
    urdu = search(filled, "lang:ur", per_page=1, facets=False).results[0]
    record = filled.document(urdu.id)
    assert record
    word = max((w for w in record["text"].split() if len(w) >= 4 and w.isalpha()), key=len)
    found = search(filled, word, per_page=200, facets=False)
    assert urdu.id in _ids(found)
    arabic_forms = word.replace("ی", "ي").replace("ک", "ك")
    assert search(filled, arabic_forms, per_page=200, facets=False).total == found.total


def test_facets_count_the_hits(filled: Archive) -> None:
    results = search(filled, "kind:statement OR kind:letter")
    kinds = {f["value"]: f["count"] for f in results.facets["kind"]}
    assert set(kinds) <= {"statement", "letter"}
    assert sum(kinds.values()) == results.total
    assert results.facets["people"] and all(f["count"] <= results.total for f in results.facets["people"])


def test_hits_without_snippets_carry_the_start_of_their_text(filled: Archive) -> None:
    from maktub.archive.search import MARK_START

    marked = search(filled, "Altaf", facets=False)
    plain = search(filled, "Altaf", facets=False, snippets=False)
    assert [h.id for h in plain.results] == [h.id for h in marked.results] and plain.total == marked.total
    assert all(MARK_START in h.snippet for h in marked.results)
    for hit in plain.results:
        text = filled.db.value("SELECT text FROM documents WHERE id = ?", [hit.id])
        assert hit.snippet == " ".join(text[:240].split())


def test_paging_and_sorting(filled: Archive) -> None:
    first = search(filled, "kind:article OR kind:statement", per_page=5, facets=False)
    second = search(filled, "kind:article OR kind:statement", page=2, per_page=5, facets=False)
    assert first.total > 10
    assert not _ids(first) & _ids(second)
    newest = search(filled, "year:1990..2030", sort="date", per_page=50, facets=False)
    dates = [h.date for h in newest.results]
    assert dates == sorted(dates, reverse=True)
    far = search(filled, "kind:article", page=10_000, per_page=10, facets=False)
    assert far.results == [] and far.total > 0


@pytest.mark.parametrize(
    "query, message",
    [
        ('"unclosed', "a phrase is not closed"),
        ("Altaf OR", "OR needs something on both sides"),
        ("(Altaf", "is not closed"),
        ("Altaf)", "no ( to close"),
        ("colour:red", "unknown field colour:"),
        ("kind:poem", "not a kind"),
        ("year:98", "not a year"),
        ("date:2001..1998", "runs backwards"),
        ("x" * 2000, "too long"),
    ],
)
def test_malformed_queries_are_clear_errors(filled: Archive, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        search(filled, query)


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE documents; --", 'NEAR("a" "b")', "title:* OR", "^ ! @ #", "col : x", '"" AND ""', "*"],
)
def test_hostile_queries_are_words_never_syntax(filled: Archive, query: str) -> None:
    before = filled.counts()
    try:
        search(filled, query)
    except QueryError:
        pass
    assert filled.counts() == before


def test_query_parser_shapes() -> None:
    assert parse("") is None
    assert repr(parse('a "b c" -d e*')) == (
        "And(nodes=(Term(word='a', prefix=False), Phrase(words='b c'), Not(node=Term(word='d', prefix=False)), "
        "Term(word='e', prefix=True)))"
    )
    assert repr(parse('from:"Altaf Hussain" (x OR y)')) == (
        "And(nodes=(Field(name='from', value='Altaf Hussain'), "
        "Or(nodes=(Term(word='x', prefix=False), Term(word='y', prefix=False)))))"
    )


def test_search_command_json_shape(filled: Archive) -> None:
    if filled.db.dialect != "sqlite":
        pytest.skip("the command is the same on both; once is enough")
    proc = run_maktub("search", "--archive", filled.target, "--json", "Altaf")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["total"] > 0 and set(out["facets"]) >= {
        "kind",
        "year",
        "language",
        "people",
        "organisations",
        "places",
    }
    assert set(out["results"][0]) >= {"id", "kind", "title", "date", "snippet"}
    bad = run_maktub("search", "--archive", filled.target, '"oops')
    assert bad.returncode == 2 and bad.stderr.startswith("maktub: a phrase is not closed")


# --- corrections -------------------------------------------------------------------------


def test_corrections_live_in_the_archive_and_win(backend: str) -> None:
    with Archive.open(backend) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0))
        names = [
            r[0] for r in archive.db.rows("SELECT name FROM entities WHERE type = 'person' ORDER BY name")
        ]
        a, b = names[0], names[1]
        assert (
            search(archive, f'person:"{a}"', facets=False).total
            != search(archive, f'person:"{a}" OR person:"{b}"', facets=False).total
        )
        corrections = archive.corrections()
        corrections.add("merge", [a, b], note="one person")
        archive.relink()
        ta = search(archive, f'person:"{a}"', facets=False).total
        tb = search(archive, f'person:"{b}"', facets=False).total
        assert ta == tb
        assert archive.db.value("SELECT count(*) FROM corrections") == 1
        corrections = archive.corrections()
        corrections.add("undo", [], value="1")
        archive.relink()
        joined = archive.db.value(
            "SELECT count(DISTINCT en.entity_id) FROM entity_names en JOIN names n ON n.id = en.name_id "
            "WHERE n.name IN (?, ?) AND n.type = 'person'",
            (a, b),
        )
        assert joined == 2


def test_big_result_sets_rank_the_newest_candidates_and_say_the_count_is_a_floor(
    filled: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    import maktub.archive.search as engine

    full = search(filled, "said", per_page=200, facets=False)
    assert full.total > 12 and full.total_exact
    monkeypatch.setattr(engine, "CANDIDATES", 5)
    monkeypatch.setattr(engine, "TOTAL_CAP", 10)
    monkeypatch.setattr(engine, "FACET_SAMPLE", 4)
    capped = search(filled, "said", per_page=3)
    assert capped.total == 10 and not capped.total_exact and capped.facets_from == 4
    assert sum(f["count"] for f in capped.facets["kind"]) == 4
    seen: list[str] = []
    for page in range(1, 6):  # across the boundary between ranked candidates and the newest rest
        seen += [h.id for h in search(filled, "said", page=page, per_page=3, facets=False).results]
    assert len(seen) == len(set(seen)) == 15
    scores = [h.score for h in search(filled, "said", per_page=5, facets=False).results]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]


def test_common_words_stay_out_of_the_ranking_that_rarer_words_decide(
    filled: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    if filled.db.dialect != "sqlite":
        pytest.skip("what bm25 weighs is SQLite's concern; PostgreSQL ranks with ts_rank_cd")
    import maktub.archive.search as engine

    monkeypatch.setattr(engine, "COMMON_WORD", 20)  # 'workers' and 'people' are each in 37 documents
    # Common words alone: the documents with them in the title first, then the rest newest first.
    ranked = search(filled, "workers", per_page=200, facets=False)
    in_title = _ids(search(filled, "title:workers", per_page=200, facets=False))
    assert ranked.total == 37 and len(in_title) == 3
    assert {h.id for h in ranked.results[:3]} == in_title
    seqs = dict(filled.db.rows("SELECT id, seq FROM documents"))
    rest = [seqs[h.id] for h in ranked.results[3:] if h.score == 1.0]
    assert len(rest) > 20 and rest == sorted(rest, reverse=True)
    # A rare word with a common one: the rare word's own ranking, among the documents with both.
    with_people = _ids(search(filled, "people", per_page=200, facets=False))
    alone = [h.id for h in search(filled, "justice", per_page=200, facets=False).results]
    both = [h.id for h in search(filled, "justice people", per_page=200, facets=False).results]
    assert len(both) == 4 and both == [i for i in alone if i in with_people]



def test_a_ranking_by_the_index_alone_matches_the_ranking_of_candidates(
    filled: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    import maktub.archive.search as engine

    def pages(query: str) -> list[Results]:
        return [
            search(filled, query, per_page=200, facets=False),  # every match on one page
            search(filled, query, per_page=200, facets=False, snippets=False),
            search(filled, query, page=2, per_page=3, facets=False),  # FTS5 sorts
        ]

    quick = {q: pages(q) for q in ("workers", "workers said")}
    monkeypatch.setattr(engine._Compiler, "ranked_by_index", lambda *args: None)
    monkeypatch.setattr(engine._SQLite, "ranked_by_index", lambda *args: None)
    for query, (whole, lean, sorted_) in quick.items():
        slow = search(filled, query, per_page=200, facets=False)
        assert whole.total == lean.total == sorted_.total == slow.total == len(slow.results) >= 10
        assert [(h.id, h.score, h.snippet) for h in whole.results] == [
            (h.id, h.score, h.snippet) for h in slow.results
        ]
        assert [(h.id, h.score) for h in lean.results] == [(h.id, h.score) for h in slow.results]
        assert not any("\ue000" in h.snippet for h in lean.results)  # the start of the text instead
        assert all("\ue000" in h.snippet for h in whole.results)  # the words are marked
        assert [h.score for h in sorted_.results] == [h.score for h in slow.results[3:6]]


def test_a_search_sees_what_another_process_stored_since(backend: str, tmp_path: Path) -> None:
    page = tmp_path / "one.txt"
    page.write_text("Press statement\n\nLahore, 3 March 2004\n\nThe minister praised the orchard growers.\n")
    other = tmp_path / "two.txt"
    other.write_text("Press statement\n\nQuetta, 9 May 2005\n\nThe governor visited the orchard again.\n")
    with Archive.open(backend) as reader, Archive.open(backend) as writer:
        ingest([str(page)], writer, IngestOptions(workers=0))
        assert search(reader, "orchard", facets=False).total == 1
        assert search(reader, "orchard governor", facets=False).total == 0
        ingest([str(other)], writer, IngestOptions(workers=0))
        # How many documents hold a word is kept between searches, until the archive changes.
        assert search(reader, "orchard", facets=False).total == 2
        assert search(reader, "orchard governor", facets=False).total == 1

def test_a_transaction_undone_by_another_writer_is_tried_again(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maktub.archive.db import WriteConflict

    with Archive.open(backend) as archive:
        if archive.db.dialect == "postgresql":  # the server's own word for it becomes a WriteConflict
            archive.db.execute("CREATE TABLE once (k TEXT PRIMARY KEY)")
            archive.db.execute("INSERT INTO once VALUES ('a')")
            with pytest.raises(WriteConflict):
                archive.db.execute("INSERT INTO once VALUES ('a')")
        tries = []
        add = Archive._add

        def conflict_first(self: Archive, pages: list, run: int | None):  # type: ignore[type-arg]
            tries.append(1)
            if len(tries) == 1:
                raise WriteConflict("archive: another writer wrote the same rows at once")
            return add(self, pages, run)

        monkeypatch.setattr(Archive, "_add", conflict_first)
        progress = ingest([str(SEEDS)], archive, IngestOptions(workers=0))
        assert len(tries) == 2 and progress.pages == 3 and archive.counts()["revisions"] == 3


def test_collections_keep_documents_by_id_or_by_search(backend: str, tmp_path: Path) -> None:
    from maktub.archive import collection

    with Archive.open(backend) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0))
        letters = [h.id for h in search(archive, "kind:letter", per_page=50, facets=False).results]
        assert letters
    # By the command, as a person would: by search, then by id, with an unknown id reported.
    made = run_maktub("collection", "add", "MQM letters", "--query", "kind:letter", "--archive", backend)
    assert made.returncode == 0, made.stderr
    assert f"{len(letters)} added" in made.stdout
    unknown = "deadbeef-not-an-id"
    again = run_maktub("collection", "add", "MQM letters", letters[0], unknown, "--archive", backend)
    assert again.returncode == 1
    assert f"not added {unknown}: no document with that id" in again.stderr
    assert "0 added, 1 already in it" in again.stdout
    shown = run_maktub("collection", "show", "MQM letters", "--json", "--archive", backend)
    assert {d["id"] for d in json.loads(shown.stdout)["documents"]} == set(letters)
    with Archive.open(backend) as archive:
        # Searching within it: the same letters, and nothing else.
        within = search(archive, "collection:\"MQM letters\"", per_page=50, facets=False)
        assert _ids(within) == set(letters)
        assert search(archive, "collection:nowhere", facets=False).total == 0
        assert collection.remove(archive, "MQM letters", letters[:1]) == 1
        assert [c.documents for c in collection.collections(archive)] == [len(letters) - 1]
        assert collection.delete(archive, "MQM letters") == len(letters) - 1
        assert collection.collections(archive) == []
        assert archive.counts()["documents"] >= len(letters)  # the documents themselves stay
        with pytest.raises(MaktubError, match="no collection named 'MQM letters'"):
            collection.documents(archive, "MQM letters")
    missing = run_maktub("collection", "show", "nothing here", "--archive", backend)
    assert missing.returncode == 2 and "no collection named" in missing.stderr


def test_postgresql_finds_the_same_by_its_index_or_by_walking_the_newest(
    filled: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    if filled.db.dialect != "postgresql":
        pytest.skip("how PostgreSQL finds the newest matches")
    import maktub.archive.search as engine

    filled.db.execute("ANALYZE documents")  # the statistics that tell common words from rare ones
    monkeypatch.setattr(engine, "STATISTICS_SECONDS", 0.0)
    plans = {}
    for limit in (10**9, 0):  # every query by the index, then every common word by walking
        monkeypatch.setattr(engine, "INDEX_MATCHES", limit)
        plans[limit] = [
            (r.total, [h.id for h in r.results], r.facets["kind"])
            for q in ("said", "said minister", "said OR Karachi", "said -Karachi")
            for r in [search(filled, q, per_page=20)]
        ]
        walked = engine._compiler(filled).plan(parse("said"))
        assert walked.by_index == (limit > 0)
    assert plans[0] == plans[10**9] and plans[0][0][0] > 10
