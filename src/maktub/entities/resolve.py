"""Within a document, short forms join their full entity; across a batch, spellings join one name."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from maktub.entities.gazetteer import find_known, key
from maktub.entities.link import spelling_match
from maktub.entities.spelling import is_urdu, joined, skeleton
from maktub.model import Entity

if TYPE_CHECKING:
    from maktub.entities.recognise import Mention

# 88: within one page, the lowest ratio at which the spelling variants we collected
# (Zaradri/Zardari 92, Mutahida/Muttahida 98, Gilliani/Gilani 91) join while distinct
# surnames (Baig/Beg 86) stay apart. Across pages, link.py decides by skeleton and spelling.
FUZZY_SAME = 88
# Names one resolver remembers before it forgets them all: a batch of any size in bounded memory.
MEMORY_LIMIT = 50_000


def initials(name: str) -> str:
    """'Awami Insaf Front' -> 'AIF' (small words skipped)."""
    return "".join(
        w[0] for w in name.split() if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"}
    )


class Resolver:
    """Canonical names shared by every document of a batch, so one entity has one name.

    It follows the rules of `link.py` (same skeleton, then a close spelling or the other
    script) as pages arrive, so `maktub extract` names an entity the same way on every page.
    """

    def __init__(self, rename: bool = True) -> None:
        # rename=False: learn the batch's names (for Urdu names and acronyms) but keep each page's
        # own spelling, for the linker (`maktub entities`) to join with its rules and people's corrections.
        self.rename = rename
        self.forget()

    def forget(self) -> None:
        """Start afresh (a long crawl past MEMORY_LIMIT names: memory stays flat)."""
        self.blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.acronyms: dict[str, str] = {}  # defined in one page, used in others
        self.latin: dict[str, tuple[str, str]] = {}  # skeleton -> (type, name) of Latin names
        self.surnames: dict[str, set[str]] = defaultdict(set)  # last word -> full names of people
        self.size = 0  # names remembered

    def canonical(self, type_: str, name: str) -> str:
        """The name this batch already uses for `name`, or `name` itself (now remembered)."""
        found = self._canonical(type_, name)
        return found if self.rename else name

    def _canonical(self, type_: str, name: str) -> str:
        if type_ == "person" and len(name.split()) < 2:
            # 'Ms Noorani' on a page that never gives her full name: the one Noorani of the batch.
            owners = self.surnames.get(key(name), set())
            return next(iter(owners)) if len(owners) == 1 else name
        if name.isupper() and len(name) <= 8:
            return name
        skel = joined(skeleton(name))
        if len(skel) < 3:
            return name
        block = self.blocks[(type_, skel)]
        for n, seen in enumerate(block):
            rule, _ = spelling_match(seen, name)
            if rule:
                if is_urdu(seen) and not is_urdu(name):
                    block[n] = name  # the Latin spelling is the one shown
                    return name
                return seen
        block.append(name)
        self.size += 1
        if self.size > MEMORY_LIMIT:
            self.forget()
            return name
        if not is_urdu(name) and len(name.split()) >= 2:
            self.latin.setdefault(skel, (type_, name))
            if type_ == "person":
                self.surnames[key(name.split()[-1])].add(name)
        return name

    def by_skeleton(self, phrase: str) -> tuple[str, str] | None:
        """(type, name) of a Latin name of two words or more this batch has seen, spelled like `phrase`."""
        return self.by_joined_skeleton(joined(skeleton(phrase)))

    def by_joined_skeleton(self, joined_skeleton: str) -> tuple[str, str] | None:
        """`by_skeleton` for a phrase whose joined skeleton is worked out already."""
        return self.latin.get(joined_skeleton)


def group_mentions(
    mentions: list[Mention],
    acronyms: dict[str, str],
    resolver: Resolver | None,
    known_people: list[str] | None = None,
) -> list[Entity]:
    """One Entity per real thing in a document, with every surface form as an alias."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    order: list[tuple[str, str]] = []

    def add(type_: str, name: str, m: Mention) -> None:
        k = (type_, name)
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)

    full_people = [
        (i, m.canonical or m.core, m.evidence & {"male", "female"})
        for i, m in enumerate(mentions)
        if m.type == "person" and (m.canonical or len(m.core.split()) >= 2)
    ]
    full_people += [(len(mentions) + n, name, set()) for n, name in enumerate(known_people or [])]
    sex_of: dict[str, set[str]] = defaultdict(set)
    for _, name, sex in full_people:
        sex_of[name] |= sex
    for pos, m in enumerate(mentions):
        t = m.type or ""
        if t == "person" and not m.canonical and len(m.core.split()) == 1:
            # 'Mr Baig' is the Baig named most recently before it (or, failing that, first after it).
            sex = m.evidence & {"male", "female"}
            owners = [
                (i, n)
                for i, n, _ in full_people
                if key(m.core) in key(n).split() and not (sex and sex_of[n] and not sex & sex_of[n])
            ]
            before = [n for i, n in owners if i < pos]
            if before or owners:
                m.canonical = before[-1] if before else owners[0][1]
        if t == "organization" and not m.canonical:
            letters = m.core.replace(".", "")
            if letters.isupper() and letters not in acronyms:
                spelled = [
                    o.core for o in mentions if o.type == "organization" and initials(o.core) == letters
                ]
                if spelled:
                    acronyms[letters] = spelled[0]  # 'AIF' beside 'Awami Insaf Front'
                elif resolver is not None and letters in resolver.acronyms:
                    acronyms[letters] = resolver.acronyms[letters]
            if letters in acronyms:
                known = find_known(acronyms[letters])
                m.canonical = known.name if known else acronyms[letters]
            else:
                m.canonical = next(
                    (
                        find_known(long).name if find_known(long) else long  # type: ignore[union-attr]
                        for short, long in acronyms.items()
                        if key(long) == key(m.core)
                    ),
                    None,
                )
        add(t, m.canonical or m.core, m)
    # Spelling variants inside one document: join to the most frequent form.
    merged: dict[tuple[str, str], tuple[str, str]] = {}
    names_by_type: dict[str, list[str]] = defaultdict(list)
    counts = Counter({k: len(v) for k, v in groups.items()})
    for k in sorted(order, key=lambda k: -counts[k]):
        t, name = k
        hit = (
            process.extractOne(
                key(name),
                [key(n) for n in names_by_type[t]],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=FUZZY_SAME,
            )
            if names_by_type[t]
            else None
        )
        if (
            hit
            and len(name.split()) == len(names_by_type[t][hit[2]].split())
            and joined(skeleton(name)) == joined(skeleton(names_by_type[t][hit[2]]))
        ):  # 'Imran Qadri' the reporter and 'Imran Qadir' the police officer stay two people
            merged[k] = (t, names_by_type[t][hit[2]])
        else:
            names_by_type[t].append(name)
    if resolver is not None:
        for short, long in acronyms.items():
            resolver.acronyms.setdefault(short, long)
    out: list[Entity] = []
    index: dict[tuple[str, str], Entity] = {}
    for k in order:
        target = merged.get(k, k)
        t, name = target
        if target not in index:
            shown = name if find_known(name) or resolver is None else resolver.canonical(t, name)
            index[target] = Entity(shown, t, [])  # type: ignore[arg-type]
            out.append(index[target])
        entity = index[target]
        for m in groups[k]:
            for form in (m.surface, m.core, k[1]):
                if form and form != entity.name and form not in entity.aliases:
                    entity.aliases.append(form)
    return out
