"""Who wrote to whom, who said what about whom: the edges between canonical entities.

  letter     sender -> recipient of a letter in the archive
  cc         sender -> someone copied on it (a weaker edge)
  mentioned  sender -> recipient of a letter known only because a page mentions it
  statement  speaker -> each person or body the statement names
  claim      who makes a claim -> whom it is about (the claim is stored as said, never as fact)

An edge's ends are canonical names when the resolver knows them; an office with no name
('The Registrar') stays as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from maktub.model import Document

KINDS = ("letter", "cc", "mentioned", "statement", "claim")


@dataclass
class Edge:
    """All the times one entity wrote to, copied, or spoke about another, in one way."""

    source: str
    target: str
    kind: str
    documents: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "count": len(self.documents),
            "dates": sorted(self.dates),
            "documents": sorted(self.documents),
            "examples": self.examples[:3],
        }


def relations(docs: Iterable[Document], canonical: Callable[[str], str]) -> list[Edge]:
    """The edges found in `docs` (and the documents inside them), most documents first."""
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(source: str | None, target: str | None, kind: str, doc: Document, example: str = "") -> None:
        if not source or not target:
            return
        source, target = canonical(source), canonical(target)
        if source == target:
            return
        edge = edges.setdefault((source, target, kind), Edge(source, target, kind))
        edge.documents.add(doc.id)
        if doc.date:
            edge.dates.add(doc.date)
        if example and example not in edge.examples and len(edge.examples) < 3:
            edge.examples.append(example)

    for page in docs:
        for doc in page.walk():
            if doc.kind == "letter" and doc.sender:
                for r in doc.recipients:
                    add(doc.sender.name, r.name, "letter", doc, doc.title or "")
                for copied in doc.cc:
                    add(doc.sender.name, copied.name, "cc", doc, doc.title or "")
            for ref in doc.references:
                if ref.kind == "letter":
                    for recipient in ref.recipients:
                        add(ref.sender, recipient, "mentioned", doc, ref.quote)
            if doc.kind == "statement":
                named = {e.name for e in doc.entities if e.type in {"person", "organization"}}
                for speaker in doc.authors:
                    for name in sorted(named):
                        add(speaker, name, "statement", doc, doc.title or "")
            for claim in doc.claims:
                for about in claim.about:
                    add(claim.attributed_to, about, "claim", doc, claim.text)
    return sorted(edges.values(), key=lambda e: (-len(e.documents), KINDS.index(e.kind), e.source, e.target))
