"""Entity recognition on real annotated text nobody here wrote, beside spaCy NER alone.

    .venv/bin/python benchmarks/realtext.py [--per-document N] FILE.jsonl [FILE.jsonl ...]

Each line of a FILE is {"text": ..., "entities": [{"text": ..., "type": "person" |
"organization" | "place"}]}: sentences from a public NER data set (CoNLL-2003's English
test set, the IL-NER Urdu test set, ...) converted to that shape, in the order of the text.
The data are not in this repository (they are not ours to copy); this script is, so that
anyone with such a file can reproduce the figures. Every N consecutive sentences are read as
one document (default 1: each sentence alone; news text gives a surname its full name a few
sentences earlier). Precision and recall are by name form, as in `entities.py`. spaCy's
English model is run on English files only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from entities import Tally, form  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--per-document", type=int, default=1, metavar="N", help="sentences per document")
    args = parser.parse_args(argv)

    from maktub.entities import recognise_entities
    from maktub.entities.model import LABELS, nlp
    from maktub.entities.resolve import Resolver
    from maktub.entities.spelling import is_urdu
    from maktub.model import Document

    for path in args.files:
        sentences = [
            json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        n = max(1, args.per_document)
        rows = [
            {
                "text": "\n".join(s["text"] for s in sentences[i : i + n]),
                "entities": [e for s in sentences[i : i + n] for e in s["entities"]],
            }
            for i in range(0, len(sentences), n)
        ]
        urdu = sum(is_urdu(r["text"]) for r in rows) > len(rows) / 2
        ours, theirs = Tally(), Tally()
        resolver = Resolver()
        t0 = time.perf_counter()
        for n, row in enumerate(rows):
            gold = {(form(e["text"]), e["type"]) for e in row["entities"]}
            doc = recognise_entities(Document(id=str(n), source=path.name, text=row["text"]), resolver)
            found = {
                (form(a), e.type)
                for e in doc.entities
                for a in [e.name, *e.aliases]
                if a in row["text"] and form(a)
            }
            ours.add(found, gold)
        ours_s = time.perf_counter() - t0
        print(
            f"{path.name}: {len(sentences)} sentences in {len(rows)} documents, "
            f"{sum(len(r['entities']) for r in rows)} gold mentions"
        )
        print(f"  maktub           {_line(ours.figures())}  ({ours_s:.1f} s)")
        if not urdu:
            model = nlp()
            for row, doc in zip(rows, model.pipe(r["text"] for r in rows), strict=True):
                gold = {(form(e["text"]), e["type"]) for e in row["entities"]}
                found = {
                    (form(e.text), LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS and form(e.text)
                }
                theirs.add(found, gold)
            print(f"  spaCy NER alone  {_line(theirs.figures())}")


def _line(f: dict[str, float]) -> str:
    return (
        f"precision {f['precision']:.3f}  recall {f['recall']:.3f}  f1 {f['f1']:.3f}  "
        f"typed f1 {f['typed_f1']:.3f}  found {f['names_found']} ({f['wrong']} wrong)"
    )


if __name__ == "__main__":
    main()
