"""Across documents: one canonical entity per real entity, every merge explained and undoable.

The documents' own entities come in (each already resolved within its page: 'Mr Hussain' is
Altaf Hussain there). Distinct names become nodes; rules join nodes, each join recorded with
its rule and score:

  correction  a person said these are one (always wins; a 'split' keeps names apart)
  known       both are names of one entry of the gazetteer of well-known people and bodies
  alias       one page used both names for one entity ('Farhat Rizwi' beside 'Farhat Rizvi',
              'AIF' beside 'Awami Insaf Front')
  spelling    same consonant skeleton and a close spelling (Zaradri/Zardari, Rizvi/Rizwi)
  script      the same skeleton in Latin and in Urdu script (Altaf Hussain / الطاف حسین)
  initials    an acronym no page defines, whose letters fit exactly one body
  surname     a person named by surname alone, when exactly one person of that surname is known

Names are blocked by skeleton, so nothing is compared with everything: a million mentions take
seconds. A person named by one word ('Hussain') is never joined across pages by spelling,
and by surname only when one person alone has it: two people who share a surname stay apart
unless a page or a person joins them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from maktub.entities.corrections import Correction, Corrections
from maktub.entities.gazetteer import Place, find_known, find_place, key
from maktub.entities.spelling import is_urdu, joined, skeleton
from maktub.model import Document, Entity

# 85: spelling variants that share a skeleton join (Zaradri/Zardari 92, Nadeem Baig/Beg 95,
# Gilliani/Gilani 93); names that only share a skeleton, like Hassan Ali and Hussain Ali
# (84), stay apart.
SPELLING_SAME = 85


@dataclass(frozen=True)
class Merge:
    """Why two names are one entity."""

    rule: str
    left: str
    right: str
    score: float | None = None
    correction: int | None = None

    def describe(self) -> str:
        score = f" ({self.score:.0f})" if self.score is not None else ""
        by = f" #{self.correction}" if self.correction else ""
        return f"{self.left} = {self.right}: {self.rule}{by}{score}"


@dataclass
class Canonical:
    """One real entity across the documents given."""

    name: str
    type: str
    aliases: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    merges: list[Merge] = field(default_factory=list)
    counted: int = 0  # documents known only by number (an archive's names table)
    keys: list[tuple[str, str]] = field(default_factory=list)  # (type, key) of every name joined here
    apart: list[str] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)

    @property
    def document_count(self) -> int:
        return len(self.documents) + self.counted

    @property
    def place(self) -> Place | None:
        return find_place(self.name, lone=False) if self.type == "place" else None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "name": self.name,
            "type": self.type,
            "aliases": [a for a, _ in self.aliases.most_common() if a != self.name],
            "documents": self.document_count,
            "mentions": sum(self.aliases.values()),
            "merges": [
                {"rule": m.rule, "left": m.left, "right": m.right, "score": m.score}
                | ({"correction": m.correction} if m.correction else {})
                for m in self.merges
            ],
        }
        if self.apart:
            out["kept_apart"] = self.apart
        place = self.place
        if place:
            out["place"] = {
                "kind": place.kind,
                "country": place.country,
                "flag": flag(place.country),
                "latitude": place.latitude,
                "longitude": place.longitude,
                "population": place.population,
            }
        return out


def flag(country: str | None) -> str | None:
    """'PK' -> the Pakistani flag, as the two regional-indicator letters that draw it."""
    if not country or len(country) != 2 or not country.isalpha():
        return None
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in country.upper())


class _Node:
    __slots__ = ("name", "type", "names", "aliases", "documents", "counted")

    def __init__(self, name: str, type_: str) -> None:
        self.name = name
        self.type = type_
        self.names: Counter[str] = Counter()
        self.aliases: Counter[str] = Counter()
        self.documents: set[str] = set()
        self.counted = 0

    @property
    def document_count(self) -> int:
        return len(self.documents) + self.counted


class Linker:
    """Collects the entities of many documents; `resolve()` makes the canonical ones."""

    def __init__(self, corrections: Corrections | None = None) -> None:
        self.corrections = corrections or Corrections()
        self._types = self.corrections.types()
        self.nodes: dict[tuple[str, str], _Node] = {}

    def add_document(self, doc: Document) -> None:
        """Every entity of a document and of the documents inside it."""
        for d in doc.walk():
            for e in d.entities:
                self.add(d.id, e)

    def add(self, doc_id: str, entity: Entity) -> None:
        self.add_mention(doc_id, entity.type, entity.name, entity.aliases)

    def add_mention(self, doc_id: str, type_: str, name: str, aliases: Iterable[str] = ()) -> None:
        node = self._node(type_, name, aliases, 1)
        if node is not None:
            node.documents.add(doc_id)

    def add_counted(self, type_: str, name: str, aliases: Iterable[str], documents: int) -> None:
        """A name known to appear in `documents` documents (from an archive), without their ids."""
        node = self._node(type_, name, aliases, max(documents, 1))
        if node is not None:
            node.counted += documents

    def _node(self, type_: str, name: str, aliases: Iterable[str], weight: int) -> _Node | None:
        k = key(name)
        if not k:
            return None
        type_ = self._types.get(k, type_)
        node = self.nodes.get((type_, k))
        if node is None:
            node = self.nodes[(type_, k)] = _Node(name, type_)
        node.names[name] += weight
        node.aliases[name] += weight
        for a in aliases:
            node.aliases[a] += 1
        return node

    def type_of(self, type_: str, name: str) -> str:
        """The type a name has after people's corrections."""
        return self._types.get(key(name), type_)

    def resolve(self) -> list[Canonical]:
        """The canonical entities, most documents first."""
        nodes = list(self.nodes.values())
        index = {(n.type, key(n.name)): i for i, n in enumerate(nodes)}
        links = _Links(len(nodes))
        apart_notes: dict[int, list[str]] = defaultdict(list)

        by_key: dict[str, list[int]] = defaultdict(list)
        for (_, k), i in index.items():
            by_key[k].append(i)

        def find_by_name(name: str) -> list[int]:
            return by_key.get(key(name), [])

        # People first: their merges are joined before any rule runs, their splits hold against all.
        for c in self.corrections.active:
            groups = [find_by_name(n) for n in c.names]
            if c.op == "split":
                for a in groups:
                    for b in groups:
                        if a is not b:
                            links.forbid(a, b, c)
        for c in self.corrections.active:
            if c.op == "merge":
                groups = [g for g in (find_by_name(n) for n in c.names) if g]
                for g in groups[1:]:
                    links.union(
                        groups[0][0],
                        g[0],
                        Merge("correction", c.names[0], nodes[g[0]].name, correction=c.number),
                        force=True,
                    )
                    for extra in g[1:]:
                        links.union(
                            groups[0][0],
                            extra,
                            Merge("correction", c.names[0], nodes[extra].name, correction=c.number),
                            force=True,
                        )

        self._by_known(nodes, links)
        self._by_alias(nodes, index, links)
        self._by_skeleton(nodes, links, apart_notes)
        self._by_initials(nodes, links)
        self._by_surname(nodes, links)
        return self._canonicals(nodes, links, apart_notes)

    def _by_known(self, nodes: list[_Node], links: _Links) -> None:
        first: dict[tuple[str, str], int] = {}
        for i, n in enumerate(nodes):
            known = find_known(n.name)
            if known and known.type == n.type:
                j = first.setdefault((n.type, known.name), i)
                if j != i:
                    links.union(j, i, Merge("known", nodes[j].name, n.name))

    def _by_alias(self, nodes: list[_Node], index: dict[tuple[str, str], int], links: _Links) -> None:
        for i, n in enumerate(nodes):
            for alias in n.aliases:
                if alias == n.name or not _full_form(alias, n.type):
                    continue
                j = index.get((n.type, key(alias)))
                if j is not None and j != i:
                    links.union(i, j, Merge("alias", n.name, nodes[j].name))

    def _by_skeleton(self, nodes: list[_Node], links: _Links, apart_notes: dict[int, list[str]]) -> None:
        blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, n in enumerate(nodes):
            if n.type == "person" and len(n.name.split()) < 2:
                continue
            if n.name.isupper() and len(n.name) <= 8:
                continue  # acronyms have their own rule
            skel = joined(skeleton(n.name))
            if len(skel) >= 3:
                blocks[(n.type, skel)].append(i)
        for members in blocks.values():
            if len(members) < 2:
                continue
            members.sort(key=lambda i: (-nodes[i].document_count, nodes[i].name))
            kept: list[int] = []
            for i in members:
                joined_to = None
                for j in kept:
                    rule, score = spelling_match(nodes[j].name, nodes[i].name)
                    if rule:
                        if links.union(j, i, Merge(rule, nodes[j].name, nodes[i].name, score)):
                            joined_to = j
                            break
                    elif score is not None:
                        note = f"{nodes[i].name}: same skeleton, spelling score {score:.0f} < {SPELLING_SAME}"
                        apart_notes[j].append(note)
                        apart_notes[i].append(f"{nodes[j].name}: same skeleton, spelling score {score:.0f}")
                if joined_to is None:
                    kept.append(i)

    def _by_initials(self, nodes: list[_Node], links: _Links) -> None:
        bodies: dict[str, set[int]] = defaultdict(set)
        for i, n in enumerate(nodes):
            if n.type == "organization" and not n.name.isupper() and len(n.name.split()) >= 2:
                bodies[_initials(n.name)].add(links.find(i))
        for i, n in enumerate(nodes):
            if n.type != "organization" or not (n.name.isupper() and 2 <= len(n.name) <= 8):
                continue
            if links.size(i) > 1:
                continue  # already joined to its full name by a page
            owners = bodies.get(n.name.replace(".", ""), set())
            if len(owners) == 1:
                owner = owners.pop()
                links.union(owner, i, Merge("initials", nodes[owner].name, n.name, 80))

    def _by_surname(self, nodes: list[_Node], links: _Links) -> None:
        """'Ms Noorani' on a page that never gives her full name: the one Noorani of all the pages."""
        owners: dict[str, set[int]] = defaultdict(set)
        for i, n in enumerate(nodes):
            if n.type == "person" and len(n.name.split()) >= 2 and not is_urdu(n.name):
                owners[key(n.name.split()[-1])].add(links.find(i))
        for i, n in enumerate(nodes):
            if n.type == "person" and len(n.name.split()) == 1 and links.size(i) == 1:
                found = owners.get(key(n.name), set())
                if len(found) == 1:
                    owner = found.pop()
                    links.union(owner, i, Merge("surname", nodes[owner].name, n.name, 70))

    def _canonicals(self, nodes: list[_Node], links: _Links, apart: dict[int, list[str]]) -> list[Canonical]:
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(nodes)):
            clusters[links.find(i)].append(i)
        renames = self.corrections.renames()
        out = []
        for root, members in clusters.items():
            first = nodes[members[0]]
            type_ = first.type
            entity = Canonical(_display_name(nodes, members), type_)
            for i in members:
                entity.aliases.update(nodes[i].aliases)
                entity.documents |= nodes[i].documents
                entity.counted += nodes[i].counted
                entity.keys.append((nodes[i].type, key(nodes[i].name)))
                entity.apart.extend(apart.get(i, []))
            entity.merges = links.merges.get(root, [])
            entity.corrections = sorted({m.correction for m in entity.merges if m.correction})
            for i in members:
                renamed = renames.get(key(nodes[i].name))
                if renamed:
                    entity.name = renamed[0]
                    entity.corrections.append(renamed[1].number)
                    break
            out.append(entity)
        out.sort(key=lambda e: (-e.document_count, e.name))
        return out


def name_index(entities: list[Canonical]) -> dict[str, str]:
    """The key of every name and alias -> the canonical name (the entity in most documents first)."""
    out: dict[str, str] = {}
    for e in entities:
        for alias in [e.name, *e.aliases]:
            out.setdefault(key(alias), e.name)
    return out


def spelling_match(a: str, b: str) -> tuple[str | None, float | None]:
    """(rule, score) when two names with one skeleton are one name; (None, score) when not."""
    if is_urdu(a) != is_urdu(b):
        return "script", None
    score = fuzz.ratio(key(a), key(b))
    return ("spelling" if score >= SPELLING_SAME else None), score


def _full_form(alias: str, type_: str) -> bool:
    """An alias that names the entity alone: two words or more, or an organisation's acronym."""
    words = alias.split()
    if type_ == "organization" and len(words) == 1:
        return alias.replace(".", "").isupper() and len(alias) >= 2
    return len(words) >= 2 or type_ == "place" or is_urdu(alias)


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in name.split() if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"}
    )


def _display_name(nodes: list[_Node], members: list[int]) -> str:
    """The gazetteer's name if any; else the Latin name most documents use (then the longest)."""
    for i in members:
        known = find_known(nodes[i].name)
        if known and known.type == nodes[i].type:
            return known.name
    latin = [i for i in members if not is_urdu(nodes[i].name)] or members
    acronymless = [i for i in latin if not nodes[i].name.isupper()] or latin
    best = max(acronymless, key=lambda i: (nodes[i].document_count, len(nodes[i].name), nodes[i].name))
    return nodes[best].name


class _Links:
    """Union-find over nodes, with the merges that joined each set and people's 'keep apart'."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.count = [1] * size
        self.merges: dict[int, list[Merge]] = {}
        self.forbidden: dict[int, set[int]] = defaultdict(set)  # root -> roots it must not join

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def size(self, i: int) -> int:
        return self.count[self.find(i)]

    def forbid(self, a: list[int], b: list[int], correction: Correction) -> None:
        for i in a:
            for j in b:
                ri, rj = self.find(i), self.find(j)
                self.forbidden[ri].add(rj)
                self.forbidden[rj].add(ri)

    def union(self, a: int, b: int, merge: Merge, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not force and rb in self.forbidden.get(ra, ()):
            return False
        if self.count[ra] < self.count[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.count[ra] += self.count[rb]
        self.merges.setdefault(ra, []).extend([*self.merges.pop(rb, []), merge])
        for other in self.forbidden.pop(rb, set()):
            self.forbidden[ra].add(other)
            self.forbidden[other].discard(rb)
            self.forbidden[other].add(ra)
        return True
