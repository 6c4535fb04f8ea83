"""Search the archive: the query language compiled to SQLite FTS5 or PostgreSQL full text.

`search(archive, "kind:letter from:\"Altaf Hussain\" karachi")` returns a `Results`: the
total, one page of ranked hits with highlighted snippets, and facets with counts. The same
call serves `maktub search` and the web app. Names in `from:`, `person:` and the like are
found under every name of their entity (after linking and corrections), then by spelling.

Words go to the full-text index as one MATCH expression whenever the query allows (the usual
case: words AND filters); filters are plain SQL over indexed columns, every value bound.
"""

from __future__ import annotations

import html
import json
import re
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
MAX_PER_PAGE = 200
FACET_SIZE = 10
MARK_START, MARK_END = "\ue000", "\ue001"  # around highlighted words in snippets
_NAME_TYPES = {"person": ("person",), "org": ("organization",), "place": ("place",)}
_ROLES = {"from": "from", "to": "to", "cc": "cc", "author": "author"}
FUZZY_NAME = 86  # a name typed with another spelling still finds its entity


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

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "results": [h.to_json() for h in self.results],
            "facets": self.facets,
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
) -> Results:
    """One page of results for `query`, ranked by relevance (or newest first with sort='date')."""
    if page < 1:
        raise QueryError("page must be 1 or more")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"per page must be between 1 and {MAX_PER_PAGE}")
    if sort not in {"relevance", "date", "oldest"}:
        raise QueryError("sort must be relevance, date or oldest")
    tree = parse(query)
    compiler: _Compiler = _SQLite(archive) if archive.db.dialect == "sqlite" else _Postgres(archive)
    plan = compiler.plan(tree)
    db = archive.db
    total = int(db.value(f"SELECT count(*) {plan.source} WHERE {plan.where}", plan.params) or 0)
    order = {
        "relevance": plan.rank or "d.date DESC, d.seq DESC",
        "date": "d.date IS NULL, d.date DESC, d.seq DESC",
        "oldest": "d.date IS NULL, d.date, d.seq",
    }[sort]
    rows = db.rows(
        f"SELECT d.id, d.kind, d.title, d.date, d.language, d.parent_id, {plan.snippet}, {plan.score} "
        f"{plan.source} WHERE {plan.where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*plan.snippet_params, *plan.params, per_page, (page - 1) * per_page],
    )
    hits = [
        Hit(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            _tidy(r[6] or ""),
            r[5],
            round(float(r[7]), 4) if r[7] is not None else None,
        )
        for r in rows
    ]
    result = Results(query, total, page, per_page, hits, notes=plan.notes)
    if facets and total:
        result.facets = _facets(archive, plan)
    return result


def _tidy(snippet: str) -> str:
    return " ".join(snippet.split())


@dataclass
class _Plan:
    source: str  # FROM … JOIN …
    where: str
    params: list[Any]
    rank: str | None  # ORDER BY for relevance
    score: str
    snippet: str
    snippet_params: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _Compiler:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.db = archive.db
        self.notes: list[str] = []

    def plan(self, tree: Node | None) -> _Plan:
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
            return "d.year BETWEEN ? AND ?", [int(low), int(high)]
        if name == "date":
            low, high = _range(value, r"\d{4}(-\d{2}(-\d{2})?)?", "date")
            return "d.date >= ? AND d.date <= ?", [low, high + "~"]
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
    def plan(self, tree: Node | None) -> _Plan:
        text, filters = _split(tree)
        where, params = [], []
        for node in filters:
            sql, p = self.condition(node)
            where.append(sql)
            params += p
        if text is None:
            return _Plan(
                "FROM documents d",
                " AND ".join(["d.current = 1", *where]),
                params,
                None,
                "NULL",
                "substr(d.text, 1, 240)",
                notes=self.notes,
            )
        return _Plan(
            "FROM documents_fts f JOIN documents d ON d.seq = f.rowid",
            " AND ".join(["documents_fts MATCH ?", *where]),
            [self.match(text), *params],
            "f.rank",
            "-f.rank",
            f"snippet(documents_fts, 1, '{MARK_START}', '{MARK_END}', '…', 32)",
            notes=self.notes,
        )

    def text_condition(self, node: Node) -> tuple[str, list[Any]]:
        return "d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [self.match(node)]

    def match(self, node: Node) -> str:
        """An FTS5 expression; every word quoted, so nothing in it is FTS5 syntax but ours."""
        if isinstance(node, Term):
            return _quote(node.word) + ("*" if node.prefix else "")
        if isinstance(node, Phrase):
            return _quote(node.words)
        if isinstance(node, Field):  # title:
            return "title : " + _quote(node.value)
        if isinstance(node, Or):
            return "(" + " OR ".join(self.match(n) for n in node.nodes) + ")"
        if isinstance(node, Not):
            raise QueryError("NOT needs something to take away from")  # handled by And
        assert isinstance(node, And)
        pos = [n for n in node.nodes if not isinstance(n, Not)]
        neg = [n.node for n in node.nodes if isinstance(n, Not)]
        out = "(" + " AND ".join(self.match(n) for n in pos) + ")"
        for n in neg:
            out = f"({out} NOT {self.match(n)})"
        return out

    def similar_names(self, text: str, types: tuple[str, ...] | None) -> list[int]:
        type_sql = f" WHERE type IN ({_marks(types)})" if types else ""
        names = self.db.rows(f"SELECT id, key FROM names{type_sql}", list(types or ()))
        k = key(text)
        choices = {row[0]: row[1] for row in names}
        found = process.extract(k, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME, limit=5)
        return [name_id for _, _, name_id in found]


class _Postgres(_Compiler):
    def plan(self, tree: Node | None) -> _Plan:
        text, filters = _split(tree)
        where, params = [], []
        for node in filters:
            sql, p = self.condition(node)
            where.append(sql)
            params += p
        if text is None:
            return _Plan(
                "FROM documents d",
                " AND ".join(["d.current = 1", *where]),
                params,
                None,
                "NULL",
                "substr(d.text, 1, 240)",
                notes=self.notes,
            )
        query, qparams = self.tsquery(text)
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2"
        return _Plan(
            f"FROM documents d, ({query}) AS q(query)",
            " AND ".join(["d.current = 1", "d.search @@ q.query", *where]),
            [*qparams, *params],
            "ts_rank_cd(d.search, q.query) DESC, d.seq DESC",
            "ts_rank_cd(d.search, q.query)",
            f"ts_headline('english', d.text, q.query, '{options}')",
            notes=self.notes,
        )

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


def _split(tree: Node | None) -> tuple[Node | None, list[Node]]:
    """(the words for the full-text index, the other conditions), ANDed together."""
    if tree is None:
        return None, []
    parts: list[Node] = list(tree.nodes) if isinstance(tree, And) else [tree]
    text = [n for n in parts if is_text(n)]
    rest = [n for n in parts if not is_text(n)]
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


def _facets(archive: Archive, plan: _Plan) -> dict[str, list[dict[str, Any]]]:
    db = archive.db
    hits = f"SELECT d.seq, d.kind, d.year, d.language {plan.source} WHERE {plan.where}"
    out: dict[str, list[dict[str, Any]]] = {}
    for name, column in (("kind", "kind"), ("year", "year"), ("language", "language")):
        rows = db.rows(
            f"WITH hits AS ({hits}) SELECT {column}, count(*) FROM hits WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT ?",
            [*plan.params, 50 if name == "year" else FACET_SIZE],
        )
        out[name] = [{"value": r[0], "count": r[1]} for r in rows]
    out["year"].sort(key=lambda f: f["value"], reverse=True)
    for name, type_ in (("people", "person"), ("organisations", "organization"), ("places", "place")):
        rows = db.rows(
            f"WITH hits AS ({hits}) SELECT e.name, e.slug, count(DISTINCT m.document_seq) AS n "
            "FROM hits h JOIN mentions m ON m.document_seq = h.seq "
            "JOIN entity_names en ON en.name_id = m.name_id JOIN entities e ON e.id = en.entity_id "
            "WHERE e.type = ? GROUP BY e.id, e.name, e.slug ORDER BY n DESC, e.name LIMIT ?",
            [*plan.params, type_, FACET_SIZE],
        )
        out[name] = [{"value": r[0], "slug": r[1], "count": r[2]} for r in rows]
    return out


def to_json_line(results: Results) -> str:
    return json.dumps(results.to_json(), ensure_ascii=False)
