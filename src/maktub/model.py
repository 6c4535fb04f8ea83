"""The data model: one `Document` flows through every stage and becomes one contract line."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Kind = Literal["letter", "article", "statement", "listing", "page"]
EntityType = Literal["person", "organization", "place"]
MediaKind = Literal["audio", "video", "photos", "translation", "pdf", "other"]
ReferenceKind = Literal["letter", "article", "statement", "interview", "other"]


@dataclass
class Party:
    """A sender, recipient or copy recipient of a letter."""

    name: str
    role: str | None = None
    organization: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class Entity:
    """A person, organisation or place named in a document, with every surface form seen."""

    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)


@dataclass
class Reference:
    """A document mentioned but not contained, e.g. 'the letters to Mian Nawaz Sharif'."""

    kind: ReferenceKind
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)
    date: str | None = None
    quote: str = ""


@dataclass
class Claim:
    """Something a named person or body says: stored as said, never as fact."""

    text: str
    attributed_to: str | None
    about: list[str] = field(default_factory=list)


@dataclass
class Media:
    """Audio, video, photos, a translation or a file attached to a document."""

    kind: MediaKind
    label: str = ""
    language: str | None = None
    url: str | None = None


@dataclass
class Link:
    """A hyperlink seen on an HTML page: its label and target."""

    label: str
    url: str


@dataclass
class Line:
    """One line of a page's text, with whether cleaning kept it and why not."""

    text: str
    boilerplate: bool = False
    reason: str = ""
    labels: str = ""  # link labels cut from the end of the line ('Complete Story | Urdu Version')


@dataclass
class Document:
    """A document found in a page: the page itself, or a letter or item found inside it."""

    id: str
    source: str
    parent: str | None = None
    kind: Kind = "page"
    title: str | None = None
    language: str = "und"
    date: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    sender: Party | None = None
    recipients: list[Party] = field(default_factory=list)
    cc: list[Party] = field(default_factory=list)
    text: str = ""
    boilerplate: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    # Working state, not part of the contract.
    lines: list[Line] = field(default_factory=list, repr=False)
    links: list[Link] = field(default_factory=list, repr=False)
    salutation: str | None = None
    closing: str | None = None
    children: list[Document] = field(default_factory=list, repr=False)
    hints: dict[str, str] = field(default_factory=dict, repr=False)

    def to_contract(self) -> dict[str, Any]:
        """The JSON object `maktub extract` prints for this document (contract/document.schema.json)."""
        return {
            "id": self.id,
            "source": self.source,
            "parent": self.parent,
            "kind": self.kind,
            "title": self.title,
            "language": self.language,
            "date": self.date,
            "updated": self.updated,
            "authors": list(self.authors),
            "sender": _record(self.sender) if self.sender else None,
            "recipients": [_record(p) for p in self.recipients],
            "cc": [_record(p) for p in self.cc],
            "text": self.text,
            "boilerplate": list(self.boilerplate),
            "entities": [_record(e) for e in self.entities],
            "references": [_record(r) for r in self.references],
            "claims": [_record(c) for c in self.claims],
            "media": [_record(m) for m in self.media],
        }

    def walk(self) -> list[Document]:
        """This document followed by all its descendants, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _record(obj: Any) -> dict[str, Any]:
    """`dataclasses.asdict` for a flat record (strings, None, lists of strings), which is what the
    contract's parts are, without asdict's recursive deep copy (a third of the time)."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(obj, name)
        if value is None or type(value) is str:
            out[name] = value
        elif type(value) is list and all(type(v) is str for v in value):
            out[name] = list(value)
        else:
            return asdict(obj)  # anything else: asdict's own copy
    return out


def content_id(data: bytes) -> str:
    """A stable id from content: the same bytes give the same id on every run and machine."""
    return hashlib.sha256(data).hexdigest()[:16]


def child_id(parent_id: str, index: int, title: str | None) -> str:
    """A stable id for the index-th document found inside a parent."""
    return content_id(f"{parent_id}/{index}/{title or ''}".encode())
