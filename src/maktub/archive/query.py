"""The query language: words, "phrases", AND/OR/NOT, prefix*, (groups) and field filters.

    altaf hussain                 both words (AND is implied)
    "target killing" OR bhatta    a phrase, or a word
    karachi -sindh / NOT sindh    without a word
    demonstr*                     any word that starts so
    kind:letter year:1998 date:1998-01..2001-12 lang:ur
    from:"Altaf Hussain" to:… cc:… author:… person:… org:… place:… title:…

`parse` gives a tree of nodes or raises QueryError with a message that says where and what.
Nothing from the query is ever pasted into SQL: the compilers in `search.py` bind every value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from maktub.errors import MaktubError

FIELDS = {
    "kind": "kind of document: letter, article, statement, listing, page",
    "year": "year, or years: 1998 or 1998..2001",
    "date": "date or range: 1998-01-05, 1998-01..2001-12",
    "lang": "language code: en, ur",
    "from": "sender of a letter",
    "to": "recipient of a letter",
    "cc": "copied on a letter",
    "author": "author or speaker",
    "person": "a person named (under any of their names)",
    "org": "an organisation named",
    "place": "a place named",
    "title": "words in the title",
    "collection": "in one of the archive's collections, by name",
}
KINDS = ("letter", "article", "statement", "listing", "page")
MAX_LENGTH = 1000
MAX_TERMS = 64


class QueryError(MaktubError):
    """A query that cannot be read; the message says why."""


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: str


@dataclass(frozen=True)
class Field:
    name: str
    value: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Term | Phrase | Field | Not | And | Or

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<open>\() | (?P<close>\)) |
        (?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|(?P<fvalue>[^\s()"]+)) |
        "(?P<phrase>[^"]*)" |
        (?P<minus>-)(?=[^\s-]) |
        (?P<word>[^\s()"]+)
    )""",
    re.VERBOSE,
)
_WORD_CHARS = re.compile(r"[\w\u0600-\u06ff]+")


@functools.lru_cache(maxsize=1024)
def parse(text: str) -> Node | None:
    """The tree of a query; None for an empty one. The tree cannot be changed, so it is kept."""
    if len(text) > MAX_LENGTH:
        raise QueryError(f"the query is too long ({len(text)} characters, at most {MAX_LENGTH})")
    if text.count('"') % 2:
        raise QueryError('a phrase is not closed: every " needs its pair')
    tokens = _tokens(text)
    if not tokens:
        return None
    if sum(1 for t in tokens if t[0] in {"word", "phrase", "field"}) > MAX_TERMS:
        raise QueryError(f"the query has too many terms (at most {MAX_TERMS})")
    parser = _Parser(tokens)
    node = parser.expression()
    if parser.peek() is not None:
        kind, value = parser.peek()  # type: ignore[misc]
        raise QueryError(f"unexpected {value!r}" + (": no ( to close" if kind == "close" else ""))
    return node


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise QueryError(f"cannot read the query at {text[pos : pos + 20]!r}")
        pos = m.end()
        if m["open"]:
            out.append(("open", "("))
        elif m["close"]:
            out.append(("close", ")"))
        elif m["field"]:
            name = m["field"].lower()
            value = m["fquoted"] if m["fquoted"] is not None else m["fvalue"]
            if name not in FIELDS:
                known = ", ".join(f"{f}:" for f in FIELDS)
                raise QueryError(f"unknown field {m['field']}: (known fields: {known})")
            if not value.strip():
                raise QueryError(f"{name}: needs a value")
            out.append(("field", f"{name}\x00{value.strip()}"))
        elif m["phrase"] is not None:
            if _WORD_CHARS.search(m["phrase"]):
                out.append(("phrase", m["phrase"].strip()))
        elif m["minus"]:
            out.append(("not", "-"))
        else:
            word = m["word"]
            if word in {"AND", "OR", "NOT"}:
                out.append((word.lower(), word))
            elif _WORD_CHARS.search(word):
                out.append(("word", word))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expression(self) -> Node:
        nodes = [self.conjunction()]
        while self.peek() and self.peek()[0] == "or":  # type: ignore[index]
            self.take()
            if self.peek() is None or self.peek()[0] in {"close", "or", "and"}:  # type: ignore[index]
                raise QueryError("OR needs something on both sides")
            nodes.append(self.conjunction())
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def conjunction(self) -> Node:
        nodes = [self.unary()]
        while (token := self.peek()) and token[0] not in {"or", "close"}:
            if token[0] == "and":
                self.take()
                if self.peek() is None or self.peek()[0] in {"close", "or", "and"}:  # type: ignore[index]
                    raise QueryError("AND needs something on both sides")
            nodes.append(self.unary())
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise QueryError("the query ends too soon")
        kind, value = token
        if kind == "not":
            self.take()
            if self.peek() is None:
                raise QueryError(f"{value} needs something after it")
            return Not(self.unary())
        if kind == "open":
            self.take()
            self.depth += 1
            if self.depth > 20:
                raise QueryError("too many nested brackets")
            if self.peek() is not None and self.peek()[0] == "close":  # type: ignore[index]
                raise QueryError("empty brackets ()")
            node = self.expression()
            if self.peek() is None or self.take()[0] != "close":
                raise QueryError("a ( is not closed")
            self.depth -= 1
            return node
        if kind in {"and", "or"}:
            raise QueryError(f"{value} needs something before it")
        if kind == "close":
            raise QueryError("a ) with no ( before it")
        self.take()
        if kind == "phrase":
            return Phrase(value)
        if kind == "field":
            name, field_value = value.split("\x00", 1)
            return Field(name, field_value)
        if value.endswith("*") and len(value.rstrip("*")) >= 1:
            return Term(value.rstrip("*"), prefix=True)
        return Term(value.strip("*"))


def is_text(node: Node) -> bool:
    """A node answered by the full-text index alone (words, phrases, title:, and their logic)."""
    if isinstance(node, Term | Phrase):
        return True
    if isinstance(node, Field):
        return node.name == "title"
    if isinstance(node, Not):
        return is_text(node.node)
    return all(is_text(n) for n in node.nodes)


def positive(node: Node) -> bool:
    """True when the node matches something by itself (not only 'NOT x')."""
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(positive(n) for n in node.nodes)
    if isinstance(node, Or):
        return all(positive(n) for n in node.nodes)
    return True


def words(node: Node | None) -> list[str]:
    """The words a person searched for (for highlighting): not those after NOT."""
    if (
        node is None
        or isinstance(node, Not | Field)
        and not (isinstance(node, Field) and node.name == "title")
    ):
        return []
    if isinstance(node, Term):
        return [node.word]
    if isinstance(node, Phrase):
        return node.words.split()
    if isinstance(node, Field):
        return node.value.split()
    return [w for n in node.nodes for w in words(n)]
