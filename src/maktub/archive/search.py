"""Search the archive: the query language compiled to SQLite FTS5 or PostgreSQL full text.

`search(archive, "kind:letter from:\"Altaf Hussain\" karachi")` returns a `Results`: the
total, one page of ranked hits with highlighted snippets, and facets with counts. The same
call serves `maktub search` and the web app. Names in `from:`, `person:` and the like are
found under every name of their entity (after linking and corrections), then by spelling.

Words go to the full-text index as one MATCH expression whenever the query allows (the usual
case: words AND filters); filters are plain SQL over indexed columns, every value bound. On
SQLite, how many documents hold each word searched for is kept until the archive changes: it
decides how a query is ranked, and counting costs as much as ranking a rare word.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import time
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from maktub.archive.fold import fold, fold_for_index
from maktub.archive.query import (
    KINDS,
    And,
    Field,
    Node,
    Not,
    Or,
    Phrase,
    QueryError,
    Term,
    is_text,
    parse,
    positive,
)
from maktub.archive.store import Archive
from maktub.entities.gazetteer import key

PER_PAGE = 20
CANDIDATES = 1_000  # matches ranked by relevance: the newest this many (all, when fewer)
TOTAL_CAP = 10_000  # matches counted exactly; beyond, the total is "10,000 or more" (as Elasticsearch does)
FACET_SAMPLE = 2_000  # facets are counted over the newest this many matches
MAX_PER_PAGE = 200
FACET_SIZE = 10
MARK_START, MARK_END = "\ue000", "\ue001"  # around highlighted words in snippets
_NAME_TYPES = {"person": ("person",), "org": ("organization",), "place": ("place",)}
_ROLES = {"from": "from", "to": "to", "cc": "cc", "author": "author"}
FUZZY_NAME = 86  # a name typed with another spelling still finds its entity
# A word (or phrase) in more than this many documents does not weigh in SQLite's ranking:
# FTS5's bm25 reads every match of each word to weigh it (some 0.07 µs a match: 10-40 ms for a
# word in 100,000-400,000 documents, about 3.5 ms at this count), however few documents it ranks.
# The rarer words of the query rank on their own, as Elasticsearch's common-terms query does; a
# query of common words alone ranks by where they stand (title, names, text), then newest first.
# Below it, every word weighs: ranking two words in 11,000 and 9,000 documents the common way
# took 5.4 ms against 2.6 for bm25 (1,000,000 documents). Words are counted to just past it.
COMMON_WORD = 50_000
# PostgreSQL: up to this many matches (as its statistics guess), the full-text index lists them
# all faster than walking the newest documents until enough match; beyond, the walk stops early.
# Measured at 1,000,000 documents: a word in 19,000 took 560 ms walking, one in 150,000 took
# 40 ms walking and 4 s by the index.
INDEX_MATCHES = 50_000


@dataclass
class Hit:
    id: str
    kind: str
    title: str | None
    date: str | None
    language: str
    snippet: str
    parent: str | None = None
    score: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "parent": self.parent,
            "snippet": marked_html(self.snippet),
            "score": self.score,
        }


@dataclass
class Results:
    query: str
    total: int
    page: int
    per_page: int
    results: list[Hit]
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # e.g. "no one named X in the archive"
    total_exact: bool = True  # False: `total` is TOTAL_CAP and there are more
    facets_from: int | None = None  # facets counted over this many newest matches (None: over all)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "total_exact": self.total_exact,
            "page": self.page,
            "per_page": self.per_page,
            "results": [h.to_json() for h in self.results],
            "facets": self.facets,
            "facets_from": self.facets_from,
            "notes": self.notes,
        }


def marked_html(snippet: str) -> str:
    """A snippet as HTML: text escaped, highlighted words in <mark>."""
    return html.escape(snippet, quote=False).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def search(
    archive: Archive,
    query: str,
    page: int = 1,
    per_page: int = PER_PAGE,
    sort: str = "relevance",
    facets: bool = True,
    snippets: bool = True,
) -> Results:
    """One page of results for `query`, ranked by relevance (or newest first with sort='date').

    Each hit has a snippet with the words found marked; with `snippets=False`, the start of its
    text instead (each snippet costs the database a reading of the whole text).
    """
    if page < 1:
        raise QueryError("page must be 1 or more")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"per page must be between 1 and {MAX_PER_PAGE}")
    if sort not in {"relevance", "date", "oldest"}:
        raise QueryError("sort must be relevance, date or oldest")
    tree = parse(query)
    compiler = _compiler(archive)
    plan = compiler.plan(tree)
    offset = (page - 1) * per_page
    ranked = sort == "relevance" and plan.score != "NULL"
    found = compiler.ranked_by_index(plan, offset, per_page, snippets) if ranked else None
    hits, counted = found or _page(compiler, plan, offset, per_page, sort, snippets)
    result = Results(query, min(counted, TOTAL_CAP), page, per_page, hits, notes=plan.notes)
    result.total_exact = counted <= TOTAL_CAP
    if facets and counted:
        result.facets = _facets(compiler, plan)
        if counted > FACET_SAMPLE:
            result.facets_from = FACET_SAMPLE
    return result


def _page(
    compiler: _Compiler, plan: _Plan, offset: int, per_page: int, sort: str, snippets: bool
) -> tuple[list[Hit], int]:
    """One page of hits in the order asked for, and how many matches there are (to TOTAL_CAP + 1)."""
    candidates = counted = None
    if sort == "relevance" and plan.score != "NULL":
        page_rows, candidates, counted = _ranked(compiler, plan, offset, per_page)
    else:
        source, order = compiler.by_date(plan, oldest=sort == "oldest")
        page_rows = [
            (r[0], None)
            for r in compiler.select(
                plan,
                f"SELECT d.seq {source} WHERE {plan.where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*plan.params, per_page, offset],
            )
        ]
    if candidates is not None and candidates < CANDIDATES:
        counted = candidates  # every match was a candidate: no need to count them again
    elif counted is None and plan.beyond_count:
        counted = TOTAL_CAP + 1  # the database's statistics put the word in far more documents
    elif counted is None:
        source, _ = plan.counting
        found = compiler.select(
            plan,
            f"SELECT count(*) FROM (SELECT 1 {source} WHERE {plan.where} LIMIT ?) AS c",
            [*plan.params, TOTAL_CAP + 1],
        )
        counted = int(found[0][0] or 0)
    return compiler.hits(plan, page_rows, snippets), counted


def matching_ids(archive: Archive, query: str, limit: int = TOTAL_CAP) -> list[str]:
    """The ids of the current documents `query` matches, newest first, at most `limit`."""
    compiler = _compiler(archive)
    plan = compiler.plan(parse(query))
    return [r[0] for r in compiler.select(plan, plan.newest("d.id"), [*plan.params, limit, 0])]


def _compiler(archive: Archive) -> _Compiler:
    return _SQLite(archive) if archive.db.dialect == "sqlite" else _Postgres(archive)


def _ranked(
    compiler: _Compiler, plan: _Plan, offset: int, per_page: int
) -> tuple[list[tuple[int, float | None]], int, int | None]:
    """One page in order of relevance, how many candidates there were, and the total if known.

    The newest CANDIDATES matches are ranked, then the rest follow newest first.

    Ranking every match of a word in half the archive costs as much as reading them all; the
    newest CANDIDATES are ranked exactly (all of them when there are fewer), the way a search
    engine stops scoring once it has enough good answers.
    """
    found, counted = compiler.candidates(plan)
    ranked = sorted(found, key=lambda r: (-r[1], -r[0]))
    rows: list[tuple[int, float | None]] = list(ranked[offset : offset + per_page])
    if len(found) == CANDIDATES and len(rows) < per_page:
        beyond = max(offset, CANDIDATES)
        rows += [
            (r[0], None)
            for r in compiler.select(plan, plan.newest(), [*plan.params, per_page - len(rows), beyond])
        ]
    return rows, len(found), counted


def _tidy(snippet: str) -> str:
    return " ".join(snippet.split())


_HIT_COLUMNS = "d.id, d.kind, d.title, d.date, d.language, d.parent_id"
WEIGHTS = "5.0, 1.0, 2.0"  # bm25 weights of title, text and names
_SNIPPET = f"snippet(documents_fts, 1, '{MARK_START}', '{MARK_END}', '…', 32)"  # SQLite: of the text


def _hit(row: tuple[Any, ...], score: float | None) -> Hit:
    doc_id, kind, title, date, language, parent, snippet = row
    return Hit(
        doc_id,
        kind,
        title,
        date,
        language,
        _tidy(snippet or ""),
        parent,
        round(score, 4) if score is not None else None,
    )


@dataclass
class _Plan:
    source: str  # FROM … JOIN …
    where: str
    params: list[Any]
    score: str  # relevance, higher is better; "NULL" without words
    order: str  # ORDER BY for the newest matches first
    notes: list[str] = field(default_factory=list)
    text_query: str = ""  # PostgreSQL: the tsquery's SQL and its values, for the snippets
    text_params: list[Any] = field(default_factory=list)
    lean: str = ""  # FROM the full-text index alone, when no filter needs the documents' columns
    lean_seq: str = "f.rowid"  # the document's number in `lean`
    by_date: str = ""  # FROM … to list the matches by date, when it differs from `source`
    leaves: list[str] = field(default_factory=list)  # SQLite: each word or phrase searched for, alone
    by_index: bool = False  # PostgreSQL: few matches: find them all by the full-text index
    beyond_count: bool = False  # PostgreSQL: one word in far more than TOTAL_CAP documents

    @property
    def counting(self) -> tuple[str, str]:
        """(FROM …, the column of a document's number) for counting and ranking: the leanest."""
        return (self.lean, self.lean_seq) if self.lean else (self.source, "d.seq")

    def newest(self, columns: str | None = None) -> str:
        """SELECT `columns` (default: the document's number, from the leanest source) of the
        newest matches; its last values are LIMIT and OFFSET."""
        source, seq = self.counting if columns is None else (self.source, "")
        return f"SELECT {columns or seq} {source} WHERE {self.where} ORDER BY {self.order} LIMIT ? OFFSET ?"


class _Compiler:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.db = archive.db
        self.notes: list[str] = []

    def plan(self, tree: Node | None) -> _Plan:
        """The filters as SQL over documents `d`; the words (if any) by the database's own full text."""
        text, filters = _split(tree)
        where, params = [], []
        for node in filters:
            sql, p = self.condition(node)
            where.append(sql)
            params += p
        if text is None:
            source, lean, by_date = self.filters_source(filters)
            return _Plan(
                source,
                " AND ".join(["d.current = 1", *where]),
                params,
                "NULL",
                "d.seq DESC",
                self.notes,
                lean=lean,
                lean_seq="d.seq",
                by_date=by_date,
            )
        return self.plan_words(text, where, params)

    def plan_words(self, text: Node, where: list[str], params: list[Any]) -> _Plan:
        raise NotImplementedError

    def filters_source(self, filters: tuple[Node, ...]) -> tuple[str, str, str]:
        """FROM … for a query of filters alone, whose matches are listed newest first; a leaner
        FROM … for counting them, and one for listing them by date ("" when there is none)."""
        return "FROM documents d", "", ""

    def by_date(self, plan: _Plan, oldest: bool) -> tuple[str, str]:
        """(FROM …, ORDER BY …) for the matches by their date, newest (or oldest) first, undated last."""
        if oldest:
            return plan.source, "d.date ASC NULLS LAST, d.seq"
        return plan.source, "d.date DESC NULLS LAST, d.seq DESC"

    def candidates(self, plan: _Plan) -> tuple[list[tuple[int, float]], int | None]:
        """The newest CANDIDATES matches with their scores, and the total when it was counted."""
        source, seq = plan.counting
        sql = f"SELECT {seq}, {plan.score} {source} WHERE {plan.where} ORDER BY {plan.order} LIMIT ?"
        found = self.select(plan, sql, [*plan.params, CANDIDATES])
        return [(r[0], float(r[1])) for r in found], None

    def ranked_by_index(
        self, plan: _Plan, offset: int, per_page: int, snippets: bool
    ) -> tuple[list[Hit], int] | None:
        """One page in order of relevance, and the total, found by the full-text index in one go
        when it can rank every match itself; None otherwise."""
        return None

    def select(self, plan: _Plan, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """The rows of a statement over the plan's matches."""
        return self.db.rows(sql, params)

    def hits(self, plan: _Plan, rows: list[tuple[int, float | None]], snippets: bool = True) -> list[Hit]:
        """The documents of one page of results, in the order given, with their snippets (or, without
        words or snippets, the start of their text)."""
        seqs = [seq for seq, _ in rows]
        if not seqs:
            return []
        if snippets and plan.score != "NULL":
            found = self.snippets(plan, seqs)
        else:
            start = f"SELECT d.seq, {_HIT_COLUMNS}, substr(d.text, 1, 240) FROM documents d"
            found = self.db.rows(f"{start} WHERE d.seq IN ({_marks(seqs)})", seqs)
        by_seq = {r[0]: r[1:] for r in found}
        return [_hit(by_seq[seq], score) for seq, score in rows if seq in by_seq]

    def snippets(self, plan: _Plan, seqs: list[int]) -> list[tuple[Any, ...]]:
        """(seq, the hit's columns, its snippet) for these documents, the words found marked."""
        raise NotImplementedError

    # Filters shared by both databases ---------------------------------------------------

    def condition(self, node: Node) -> tuple[str, list[Any]]:
        """Any node as an SQL condition on documents `d`."""
        if isinstance(node, And | Or):
            parts = [self.condition(n) for n in node.nodes]
            joiner = " AND " if isinstance(node, And) else " OR "
            return "(" + joiner.join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]
        if isinstance(node, Not):
            sql, params = self.condition(node.node)
            return f"NOT {sql}", params
        if isinstance(node, Field) and node.name != "title":
            return self.field(node)
        return self.text_condition(node)

    def text_condition(self, node: Node) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def field(self, node: Field) -> tuple[str, list[Any]]:
        name, value = node.name, node.value
        if name == "kind":
            kind = value.lower().rstrip("s") if value.lower() not in KINDS else value.lower()
            if kind not in KINDS:
                raise QueryError(f"kind:{value}: not a kind (one of {', '.join(KINDS)})")
            return "d.kind = ?", [kind]
        if name == "lang":
            return "d.language = ?", [value.lower()]
        if name == "year":
            low, high = _range(value, r"\d{4}", "year")
            if low == high:  # one year: an index by year then date lists it in date order
                return "d.year = ?", [int(low)]
            return "d.year BETWEEN ? AND ?", [int(low), int(high)]
        if name == "date":
            low, high = _range(value, r"\d{4}(-\d{2}(-\d{2})?)?", "date")
            return "d.date >= ? AND d.date <= ?", [low, high + "~"]
        if name == "collection":
            found = self.db.value("SELECT id FROM collections WHERE name = ?", [" ".join(value.split())])
            if found is None:
                self.notes.append(f"{value!r}: no collection of that name in the archive")
                return "1 = 0", []
            return "d.id IN (SELECT cd.document_id FROM collection_documents cd WHERE cd.collection_id = ?)", [found]
        if name in _ROLES:
            ids = self.name_ids(value, None)
            if not ids:
                return "1 = 0", []
            return (
                f"d.seq IN (SELECT p.document_seq FROM parties p WHERE p.role = ? AND p.name_id IN ({_marks(ids)}))",
                [_ROLES[name], *ids],
            )
        types = _NAME_TYPES[name]
        ids = self.name_ids(value, types)
        if not ids:
            return "1 = 0", []
        marks = _marks(ids)
        return (
            f"(d.seq IN (SELECT m.document_seq FROM mentions m WHERE m.name_id IN ({marks})) "
            f"OR d.seq IN (SELECT p.document_seq FROM parties p WHERE p.name_id IN ({marks})))",
            [*ids, *ids],
        )

    def name_ids(self, text: str, types: tuple[str, ...] | None) -> list[int]:
        """Every stored name of the entity `text` names: by its key, else by a close spelling."""
        k = key(text)
        type_sql = f" AND n.type IN ({_marks(types)})" if types else ""
        found = [
            r[0]
            for r in self.db.rows(f"SELECT n.id FROM names n WHERE n.key = ?{type_sql}", [k, *(types or ())])
        ]
        if not found:
            found = self.similar_names(text, types)
            if found:
                self.notes.append(f"{text!r}: no exact name in the archive; searched for close spellings")
        if not found:
            self.notes.append(f"{text!r}: no one of that name in the archive")
            return []
        rows = self.db.rows(
            f"SELECT en2.name_id FROM entity_names en JOIN entity_names en2 ON en2.entity_id = en.entity_id "
            f"WHERE en.name_id IN ({_marks(found)})",
            found,
        )
        return sorted({*found, *(r[0] for r in rows)})

    def similar_names(self, text: str, types: tuple[str, ...] | None) -> list[int]:
        raise NotImplementedError


class _SQLite(_Compiler):
    counts: dict[tuple[str, int], int] | None = None  # documents per expression (`_word_counts`), once read

    def plan_words(self, text: Node, where: list[str], params: list[Any]) -> _Plan:
        return _Plan(
            # The narrow index, not the wide rows: SQLite would otherwise read each match's row,
            # or walk a kind: or year: index first and ask the full-text index row by row.
            "FROM documents_fts f JOIN documents d INDEXED BY documents_filters ON d.seq = f.rowid",
            " AND ".join(["documents_fts MATCH ?", *where]),
            [_fts5(text), *params],
            f"-bm25(documents_fts, {WEIGHTS})",
            "f.rowid DESC",
            self.notes,
            lean="" if where else "FROM documents_fts f",  # the index holds current documents only
            leaves=list(_fts5_leaves(text)),
        )

    def filters_source(self, filters: tuple[Node, ...]) -> tuple[str, str, str]:
        # kind:, year:, lang: and date: alone: walk the narrow index newest first and stop at a
        # page; SQLite would rather list every match by the kind's index and sort them (1 s for
        # kind:letter at 200,000 documents, against 1 ms).
        # They are counted from the current documents' index by date, which holds those columns:
        # no wide row is read. By date, they are read from that index too, newest first, except
        # within one year, where the index by (kind,) year and date seeks to it (measured at
        # 200,000 documents: kind:letter 790 → 11 ms; year:1998 kind:letter 43 ms, 86 by date alone).
        if not all(_on_columns(node) for node in filters):
            return "FROM documents d", "", ""
        by_date = "FROM documents d INDEXED BY documents_by_date"
        if any(isinstance(node, Field) and node.name == "year" and ".." not in node.value for node in filters):
            by_date = "FROM documents d"
        return _FILTERS_BY_NUMBER, "FROM documents d INDEXED BY documents_by_date", by_date

    def by_date(self, plan: _Plan, oldest: bool) -> tuple[str, str]:
        # SQLite puts NULL first in ascending order and last in descending order, so newest first
        # needs no NULLS LAST, and then walks the current documents' index by date (schema 5),
        # newest first, stopping at a page, when the filters read only its columns.
        if oldest:
            return plan.source, "d.date IS NULL, d.date, d.seq"
        return plan.by_date or plan.source, "d.date DESC, d.seq DESC"

    def candidates(self, plan: _Plan) -> tuple[list[tuple[int, float]], int | None]:
        """bm25 of the newest matches, weighed by the query's words in COMMON_WORD documents or fewer.

        Common words still decide what matches; they only stay out of bm25, whose cost grows with
        every match of every word it weighs. Without a rarer word, a match ranks by where the
        words stand: in the title, in the names, in the text.
        """
        documents = {leaf: self.documents_with(leaf) for leaf in plan.leaves}
        rare = [leaf for leaf, n in documents.items() if n <= COMMON_WORD]
        counted = None
        if plan.lean and [plan.params[0]] == plan.leaves:
            counted = documents[plan.leaves[0]]  # one word, no filter: its documents are the total
        if len(rare) == len(documents):
            return super().candidates(plan)[0], counted
        found = [r[0] for r in self.select(plan, plan.newest(), [*plan.params, CANDIDATES, 0])]
        if not found:
            return [], counted
        span = [found[-1], found[0]]  # FTS5 reads only this stretch of each word's matches
        within = "SELECT rowid, {} FROM documents_fts WHERE documents_fts MATCH ? AND rowid BETWEEN ? AND ?"
        scores: dict[int, float] = {}
        if rare and self.rare_matches_within(rare, documents, span) > 2 * CANDIDATES:
            # The few matches lie far apart: bm25 would score more of the rarer words' matches in
            # between than it costs to weigh every word (some 3 µs a row scored, against some
            # 0.07 µs a match weighed: 20 ms against 2, for words in 7,000 and 16,000 documents).
            return super().candidates(plan)[0], counted
        if rare:
            expression = " OR ".join(f"({leaf})" for leaf in rare)
            scores = dict(self.db.rows(within.format(f"-bm25(documents_fts, {WEIGHTS})"), [expression, *span]))
        else:
            for column, weight in zip(("title", "names"), (5.0, 2.0), strict=True):
                for seq_, _ in self.db.rows(within.format("1"), [f"{{{column}}} : ({plan.params[0]})", *span]):
                    scores[seq_] = scores.get(seq_, 1.0) + weight
        return [(seq_, scores.get(seq_, 0.0 if rare else 1.0)) for seq_ in found], counted

    def ranked_by_index(
        self, plan: _Plan, offset: int, per_page: int, snippets: bool
    ) -> tuple[list[Hit], int] | None:
        # No filter, no common word, at most CANDIDATES matches: the same ranking as `candidates`
        # (every match weighed), in one statement. The matches are counted first (the count is
        # kept, as each word's is). Measured at 1,000,000 documents:
        # - when every match fits on the first page, all are read at once with their rows and
        #   snippets, each weighed once (two rare words, one match: one statement instead of three);
        # - else, with snippets, FTS5 sorts the matches (equal scores in its own order), then makes
        #   snippets and reads rows for the page alone, instead of a statement a snippet: a word in
        #   115 documents, 0.8 ms against 1.1-1.7. Without snippets that saves nothing: reading each
        #   hit's score makes FTS5 weigh the words once more.
        if not plan.lean or len(plan.params) != 1 or not plan.leaves:
            return None
        if any(self.documents_with(leaf) > COMMON_WORD for leaf in plan.leaves):
            return None
        if len(plan.leaves) == 1 and plan.leaves[0] == plan.params[0]:
            counted = self.documents_with(plan.params[0])  # the word's own count, to serve as the total
        else:
            counted = self.documents_with(plan.params[0], CANDIDATES)
        if not counted:
            return [], 0
        text = _SNIPPET if snippets else "substr(d.text, 1, 240)"
        source = "FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ?"
        if offset == 0 and counted <= per_page:
            score = f"-bm25(documents_fts, {WEIGHTS})"
            found = self.db.rows(f"SELECT f.rowid, {score}, {_HIT_COLUMNS}, {text} {source}", [plan.params[0]])
            found.sort(key=lambda r: (-r[1], -r[0]))
            return [_hit(row[2:], float(row[1])) for row in found], counted
        if counted > CANDIDATES or not snippets:
            return None
        rows = self.db.rows(
            f"SELECT -f.rank, {_HIT_COLUMNS}, {text} {source} AND f.rank MATCH 'bm25({WEIGHTS})' "
            "ORDER BY f.rank LIMIT ? OFFSET ?",
            [plan.params[0], per_page, offset],
        )
        return [_hit(row[1:], float(row[0])) for row in rows], counted

    def rare_matches_within(self, rare: list[str], documents: dict[str, int], span: list[int]) -> float:
        """About how many matches of the rarer words lie between the first and last candidate."""
        newest = int(self.db.value("SELECT max(seq) FROM documents") or 1)
        return sum(documents[leaf] for leaf in rare) * (span[1] - span[0] + 1) / newest

    def documents_with(self, expression: str, limit: int | None = None) -> int:
        """How many documents match this FTS5 expression (a word, a phrase, a query's words),
        counted to just past `limit` (default: COMMON_WORD and TOTAL_CAP, so that a word's count
        can serve as the total too).

        Kept until the archive changes (`_word_counts`): FTS5 has no dictionary of its words to
        ask, and counting two rare words' matches costs about as much as ranking them.
        """
        limit = max(COMMON_WORD, TOTAL_CAP) if limit is None else limit
        if self.counts is None:
            self.counts = _word_counts(self.archive)
        found = self.counts.get((expression, limit))
        if found is None:
            found = self.counts[expression, limit] = int(
                self.db.value(
                    "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?) AS c",
                    [expression, limit + 1],
                )
                or 0
            )
        return found

    def snippets(self, plan: _Plan, seqs: list[int]) -> list[tuple[Any, ...]]:
        # One statement a hit: FTS5 finds the words of the query in a given row only when asked
        # for that row alone (with `rowid IN (…)` it reads every match again for each).
        sql = f"SELECT d.seq, {_HIT_COLUMNS}, {_SNIPPET} {plan.source} WHERE documents_fts MATCH ? AND f.rowid = ?"
        found = (self.db.one(sql, [plan.params[0], seq]) for seq in seqs)
        return [row for row in found if row]

    def text_condition(self, node: Node) -> tuple[str, list[Any]]:
        return "d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [_fts5(node)]

    def similar_names(self, text: str, types: tuple[str, ...] | None) -> list[int]:
        type_sql = f" WHERE type IN ({_marks(types)})" if types else ""
        names = self.db.rows(f"SELECT id, key FROM names{type_sql}", list(types or ()))
        k = key(text)
        choices = {row[0]: row[1] for row in names}
        found = process.extract(k, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME, limit=5)
        return [name_id for _, _, name_id in found]


class _Postgres(_Compiler):
    def plan_words(self, text: Node, where: list[str], params: list[Any]) -> _Plan:
        query, qparams = self.tsquery(text)
        plan = _Plan(
            f"FROM documents d, ({query}) AS q(query)",
            " AND ".join(["d.current = 1", "d.search @@ q.query", *where]),
            [*qparams, *params],
            "ts_rank_cd(d.search, q.query)",
            "d.seq DESC",
            self.notes,
            query,
            qparams,
        )
        # PostgreSQL guesses a word it has no statistics for (most words) to be in 1% of the rows,
        # and then finds "the newest matches" by walking every document backwards: 7 s for a word
        # in 117 documents of 1,000,000. Its statistics do name the common words, so: a query with
        # a word outside them has few matches, found all at once by the full-text index (ms); one
        # of common words only is found by the walk, which stops early (the index would take
        # seconds to list a word in 100,000 documents).
        frequencies, rows = _lexeme_statistics(self.archive)
        share, listed = self.share(text, frequencies), self.share(text, frequencies, joint=False)
        estimate = None if share is None else share * rows
        # The index lists every word the query needs, however few documents hold them all: two
        # words in 100,000 documents each took seconds by the index even where 20,000 held both.
        plan.by_index = listed is None or listed * rows <= INDEX_MATCHES
        # Counting to TOTAL_CAP walks rows too; skipped when the statistics leave no doubt.
        margin = 5 if isinstance(text, Term) else 10  # a product of shares is a rougher guess
        plan.beyond_count = not where and estimate is not None and estimate > margin * TOTAL_CAP
        return plan

    def share(self, node: Node, frequencies: dict[str, float], joint: bool = True) -> float | None:
        """The share of documents that match, from the statistics of common words; None: few.

        `joint=False`: words that must all be there count as the rarest of them alone.
        """
        if isinstance(node, Not):
            return 1.0  # takes away little: never what makes the matches few
        if isinstance(node, And | Or):
            parts = [self.share(n, frequencies, joint) for n in node.nodes]
            known = [p for p in parts if p is not None]
            if isinstance(node, And):  # one word outside the common ones makes the matches few
                if len(known) < len(parts):
                    return None
                return math.prod(known) if joint else min(known)
            return min(1.0, sum(known)) if known else None  # as many as its common alternatives
        if isinstance(node, Term) and node.prefix:
            return None  # as many as the words it stands for; the index lists them best
        if isinstance(node, Term):  # its English stem or the word as written (see _ts)
            lexemes = self.db.value(
                "SELECT tsvector_to_array(to_tsvector('english', ?) || to_tsvector('simple', ?))",
                [fold_for_index(node.word)] * 2,
            )
            known = [frequencies[x] for x in lexemes or () if x in frequencies]
            return max(known) if known else None
        words = node.words if isinstance(node, Phrase) else node.value  # a phrase: all its stems
        lexemes = self.db.value("SELECT tsvector_to_array(to_tsvector('english', ?))", [fold_for_index(words)])
        if not lexemes or any(x not in frequencies for x in lexemes):
            return None
        return min(frequencies[x] for x in lexemes)

    def candidates(self, plan: _Plan) -> tuple[list[tuple[int, float]], int | None]:
        # Ranked after the newest are chosen: in the same SELECT, PostgreSQL ranks every match
        # first (it read 19,000 documents' terms to keep 1,000: 330 ms against 30).
        found = self.select(
            plan,
            f"SELECT c.seq, ts_rank_cd(c.search, c.query) FROM (SELECT d.seq, d.search, q.query {plan.source} "
            f"WHERE {plan.where} ORDER BY {plan.order} LIMIT ?) AS c",
            [*plan.params, CANDIDATES],
        )
        return [(r[0], float(r[1])) for r in found], None

    def select(self, plan: _Plan, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        if not plan.by_index:
            return self.db.rows(sql, params)
        with self.db.transaction():
            self.db.execute("SET LOCAL enable_indexscan = off")  # bitmap scans of the index, not walks
            return self.db.rows(sql, params)

    def snippets(self, plan: _Plan, seqs: list[int]) -> list[tuple[Any, ...]]:
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2"
        sql = (
            f"SELECT d.seq, {_HIT_COLUMNS}, ts_headline('english', d.text, q.query, '{options}') "
            f"FROM documents d, ({plan.text_query}) AS q(query) WHERE d.seq IN ({_marks(seqs)})"
        )
        return self.db.rows(sql, [*plan.text_params, *seqs])

    def tsquery(self, node: Node) -> tuple[str, list[Any]]:
        sql, params = self._ts(node)
        return f"SELECT {sql}", params

    def _ts(self, node: Node) -> tuple[str, list[Any]]:
        if isinstance(node, Term):
            word = fold_for_index(node.word)
            if node.prefix:
                clean = re.sub(r"[^\w]", "", word)
                if not clean:
                    raise QueryError(f"{node.word}*: nothing to search for")
                return "to_tsquery('simple', ?)", [f"{clean}:*"]
            return "(plainto_tsquery('english', ?) || plainto_tsquery('simple', ?))", [word, word]
        if isinstance(node, Phrase | Field):  # a phrase, or title: (weight A)
            value = fold_for_index(node.words if isinstance(node, Phrase) else node.value)
            return "phraseto_tsquery('english', ?)", [value]
        if isinstance(node, Not):
            sql, params = self._ts(node.node)
            return f"(!! {sql})", params
        parts = [self._ts(n) for n in node.nodes]
        op = " && " if isinstance(node, And) else " || "
        return "(" + op.join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]

    def text_condition(self, node: Node) -> tuple[str, list[Any]]:
        sql, params = self._ts(node)
        return f"d.search @@ {sql}", params

    def similar_names(self, text: str, types: tuple[str, ...] | None) -> list[int]:
        type_sql = f" AND type IN ({_marks(types)})" if types else ""
        rows = self.db.rows(
            f"SELECT id FROM names WHERE name %% ?{type_sql} ORDER BY similarity(name, ?) DESC LIMIT 5",
            [text, *(types or ()), text],
        )
        return [r[0] for r in rows]


_WORD_COUNTS: weakref.WeakKeyDictionary[Archive, tuple[tuple[int, int], dict[tuple[str, int], int]]] = (
    weakref.WeakKeyDictionary()
)
WORD_COUNTS_KEPT = 10_000  # counts kept per archive; all are forgotten beyond


def _word_counts(archive: Archive) -> dict[tuple[str, int], int]:
    """SQLite: documents per (FTS5 expression, counted to) found so far, emptied whenever the archive
    changes: a commit from any connection changes `PRAGMA data_version`, and one from this
    connection its `total_changes`."""
    stamp = (int(archive.db.value("PRAGMA data_version") or 0), archive.db.conn.total_changes)
    kept = _WORD_COUNTS.get(archive)
    if kept is None or kept[0] != stamp or len(kept[1]) >= WORD_COUNTS_KEPT:
        kept = _WORD_COUNTS[archive] = (stamp, {})
    return kept[1]


_STATISTICS: weakref.WeakKeyDictionary[Archive, tuple[float, dict[str, float], float]] = (
    weakref.WeakKeyDictionary()
)
STATISTICS_SECONDS = 600.0  # the statistics are read again after this long (an ingest may have run)


def _lexeme_statistics(archive: Archive) -> tuple[dict[str, float], float]:
    """PostgreSQL's statistics of the full-text column: its common lexemes' shares of the rows,
    and how many rows there are (ANALYZE keeps them; `Archive.compact` runs it after an ingest)."""
    kept = _STATISTICS.get(archive)
    if kept and time.monotonic() - kept[0] < STATISTICS_SECONDS:
        return kept[1], kept[2]
    db = archive.db
    row = db.one(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
        "WHERE tablename = 'documents' AND attname = 'search'"
    )
    frequencies = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    rows = float(db.value("SELECT reltuples FROM pg_class WHERE relname = 'documents'") or 0)
    _STATISTICS[archive] = (time.monotonic(), frequencies, max(rows, 0.0))
    return frequencies, max(rows, 0.0)


_FILTERS_BY_NUMBER = "FROM documents d INDEXED BY documents_filters"


def _on_columns(node: Node) -> bool:
    """Whether a filter reads only the columns of the narrow index (kind, year, language, date)."""
    if isinstance(node, And | Or):
        return all(_on_columns(n) for n in node.nodes)
    if isinstance(node, Not):
        return _on_columns(node.node)
    return isinstance(node, Field) and node.name in {"kind", "year", "lang", "date"}


@functools.lru_cache(maxsize=4096)
def _fts5(node: Node) -> str:
    """SQLite: an FTS5 expression; every word quoted, so nothing in it is FTS5 syntax but ours.
    Kept for the next search (a query's tree cannot change)."""
    if isinstance(node, Term):
        return _quote(node.word) + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return _quote(node.words)
    if isinstance(node, Field):  # title:
        return "title : " + _quote(node.value)
    if isinstance(node, Or):
        return "(" + " OR ".join(_fts5(n) for n in node.nodes) + ")"
    if isinstance(node, Not):
        raise QueryError("NOT needs something to take away from")  # handled by And
    assert isinstance(node, And)
    pos = [n for n in node.nodes if not isinstance(n, Not)]
    neg = [n.node for n in node.nodes if isinstance(n, Not)]
    out = "(" + " AND ".join(_fts5(n) for n in pos) + ")"
    for n in neg:
        out = f"({out} NOT {_fts5(n)})"
    return out


@functools.lru_cache(maxsize=4096)
def _fts5_leaves(node: Node) -> tuple[str, ...]:
    """SQLite: the words, phrases and title: of a query as FTS5 expressions, once each, except
    those after NOT."""
    if isinstance(node, And | Or):
        return tuple(dict.fromkeys(leaf for n in node.nodes for leaf in _fts5_leaves(n)))
    return () if isinstance(node, Not) else (_fts5(node),)


@functools.lru_cache(maxsize=1024)
def _split(tree: Node | None) -> tuple[Node | None, tuple[Node, ...]]:
    """(the words for the full-text index, the other conditions), ANDed together."""
    if tree is None:
        return None, ()
    parts = tree.nodes if isinstance(tree, And) else (tree,)
    text = [n for n in parts if is_text(n)]
    rest = tuple(n for n in parts if not is_text(n))
    if not any(positive(n) for n in text):
        return None, parts  # only 'NOT word': no MATCH to take it away from
    return (text[0] if len(text) == 1 else And(tuple(text))), rest


def _quote(text: str) -> str:
    return '"' + fold(text).replace('"', '""') + '"'


def _marks(values: object) -> str:
    return ", ".join("?" * len(values))  # type: ignore[arg-type]


def _range(value: str, pattern: str, what: str) -> tuple[str, str]:
    low, _, high = value.partition("..")
    high = high or low
    for part in (low, high):
        if not re.fullmatch(pattern, part):
            raise QueryError(f"{what}:{value}: not a {what} or a range of them (like {_EXAMPLES[what]})")
    if low > high:
        raise QueryError(f"{what}:{value}: the range runs backwards")
    return low, high


_EXAMPLES = {"year": "1998 or 1998..2001", "date": "1998-05-17 or 1998-01..2001-12"}


def _facets(compiler: _Compiler, plan: _Plan) -> dict[str, list[dict[str, Any]]]:
    """Counts by kind, year, language and entity over the matches (the newest FACET_SAMPLE of them).

    One statement finds the matches with their kind, year and language (from the narrow index);
    their names are counted here from the names-per-document table's own index.
    """
    archive, db = compiler.archive, compiler.db
    rows = compiler.select(plan, plan.newest("d.seq, d.kind, d.year, d.language"), [*plan.params, FACET_SAMPLE, 0])
    if not rows:
        return {name: [] for name in ("kind", "year", "language", "people", "organisations", "places")}
    out: dict[str, list[dict[str, Any]]] = {}
    for name, column in (("kind", 1), ("year", 2), ("language", 3)):
        counts = Counter(r[column] for r in rows if r[column] is not None)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        out[name] = [{"value": v, "count": n} for v, n in ranked[: 50 if name == "year" else FACET_SIZE]]
    out["year"].sort(key=lambda f: f["value"], reverse=True)
    seqs = [r[0] for r in rows]
    # The name ids alone are in the index of (document, name): no row of the table is read.
    named = Counter(
        r[0] for r in db.rows(f"SELECT dn.name_id FROM doc_names dn WHERE dn.document_seq IN ({_marks(seqs)})", seqs)
    )
    top: dict[str, list[tuple[int, int]]] = {}
    types = archive.name_types(named)
    for name_id, n in named.items():
        if name_id in types:
            top.setdefault(types[name_id], []).append((n, name_id))
    wanted = {
        name_id: n for type_ in top for n, name_id in sorted(top[type_], reverse=True)[: FACET_SIZE * 5]
    }
    owners = (
        db.rows(
            "SELECT en.name_id, e.id, e.name, e.slug, e.type FROM entity_names en "
            f"JOIN entities e ON e.id = en.entity_id WHERE en.name_id IN ({_marks(wanted)})",
            list(wanted),
        )
        if wanted
        else []
    )
    by_entity: dict[int, dict[str, Any]] = {}
    entity_types: dict[int, str] = {}
    for name_id, entity_id, entity_name, slug, type_ in owners:
        entry = by_entity.setdefault(entity_id, {"value": entity_name, "slug": slug, "count": 0})
        entry["count"] += wanted[name_id]
        entity_types[entity_id] = type_
    for name, type_ in (("people", "person"), ("organisations", "organization"), ("places", "place")):
        entries = [e for i, e in by_entity.items() if entity_types[i] == type_]
        out[name] = sorted(entries, key=lambda f: (-f["count"], f["value"]))[:FACET_SIZE]
    return out


def to_json_line(results: Results) -> str:
    return json.dumps(results.to_json(), ensure_ascii=False)
