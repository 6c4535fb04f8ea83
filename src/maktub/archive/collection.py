"""Collections: named sets of documents a person keeps (a story's sources, a case file).

A collection holds documents by their id, so it keeps pointing at the same text when the
page it came from changes (the old revision stays stored). Documents go in by id or as the
matches of a search; `collection:NAME` in a query searches within one.
"""

from __future__ import annotations

from dataclasses import dataclass

from maktub.archive.store import Archive, now
from maktub.errors import MaktubError


@dataclass
class Collection:
    name: str
    description: str
    created: str
    documents: int


@dataclass
class Added:
    """What adding to a collection did."""

    added: int  # documents new to the collection
    already: int  # documents that were in it before
    unknown: list[str]  # ids the archive does not have


def collections(archive: Archive) -> list[Collection]:
    """Every collection, by name, with how many documents it holds."""
    rows = archive.db.rows(
        "SELECT c.name, c.description, c.created, count(cd.document_id) FROM collections c "
        "LEFT JOIN collection_documents cd ON cd.collection_id = c.id "
        "GROUP BY c.id, c.name, c.description, c.created ORDER BY c.name"
    )
    return [Collection(r[0], r[1], r[2], int(r[3])) for r in rows]


def add(archive: Archive, name: str, ids: list[str], description: str | None = None) -> Added:
    """Put documents in the collection `name` (made now if there is none), in one transaction."""
    name = _clean(name)
    db = archive.db
    wanted = list(dict.fromkeys(ids))
    known = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        known |= {r[0] for r in db.rows(f"SELECT id FROM documents WHERE id IN ({marks})", chunk)}
    result = Added(0, 0, [i for i in wanted if i not in known])
    with db.transaction():
        collection = db.value("SELECT id FROM collections WHERE name = ?", (name,))
        if collection is None:
            collection = db.value(
                "INSERT INTO collections (name, description, created) VALUES (?, ?, ?) RETURNING id",
                (name, description or "", now()),
            )
        elif description is not None:
            db.execute("UPDATE collections SET description = ? WHERE id = ?", (description, collection))
        held = {
            r[0]
            for r in db.rows("SELECT document_id FROM collection_documents WHERE collection_id = ?", (collection,))
        }
        new = [i for i in wanted if i in known and i not in held]
        db.many(
            "INSERT INTO collection_documents (collection_id, document_id) VALUES (?, ?)",
            [(collection, i) for i in new],
        )
    result.added, result.already = len(new), len([i for i in wanted if i in held])
    return result


def remove(archive: Archive, name: str, ids: list[str]) -> int:
    """Take documents out of a collection; how many were in it."""
    collection = _id(archive, name)
    with archive.db.transaction():
        before = _size(archive, collection)
        archive.db.many(
            "DELETE FROM collection_documents WHERE collection_id = ? AND document_id = ?",
            [(collection, i) for i in dict.fromkeys(ids)],
        )
        return before - _size(archive, collection)


def delete(archive: Archive, name: str) -> int:
    """Delete a collection (its documents stay in the archive); how many it held."""
    collection = _id(archive, name)
    with archive.db.transaction():
        held = _size(archive, collection)
        archive.db.execute("DELETE FROM collection_documents WHERE collection_id = ?", (collection,))
        archive.db.execute("DELETE FROM collections WHERE id = ?", (collection,))
    return held


def documents(archive: Archive, name: str) -> list[tuple[str, str, str | None, str | None]]:
    """(id, kind, date, title) of each document in a collection, newest first."""
    collection = _id(archive, name)
    return [
        (r[0], r[1], r[2], r[3])
        for r in archive.db.rows(
            "SELECT d.id, d.kind, d.date, d.title FROM collection_documents cd "
            "JOIN documents d ON d.id = cd.document_id WHERE cd.collection_id = ? "
            "ORDER BY d.date IS NULL, d.date DESC, d.seq DESC",
            (collection,),
        )
    ]


def _id(archive: Archive, name: str) -> int:
    found = archive.db.value("SELECT id FROM collections WHERE name = ?", (_clean(name),))
    if found is None:
        raise MaktubError(f"no collection named {name!r} (maktub collection list shows them)")
    return int(found)


def _size(archive: Archive, collection: int) -> int:
    return int(archive.db.value("SELECT count(*) FROM collection_documents WHERE collection_id = ?", (collection,)))


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise MaktubError("a collection needs a name")
    return name
