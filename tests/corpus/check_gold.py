"""Check that gold.json agrees with the pages beside it (standard library only).

    python3 tests/corpus/check_gold.py [CORPUS_DIR]

For every page named in gold.json: the file exists; every `boilerplate` line is a whole
line of the page's text and every `main` line is found in a line of it (for HTML, the
visible text split at block elements, in the charset the page declares); gold lines are
already normalised the way score.py compares them (NFKC, whitespace collapsed); dates
are YYYY, YYYY-MM or YYYY-MM-DD; claims, children and listing items quote the page; and
every `must` entity is named on the page by its name or an alias. Exits 1 on any problem.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

BLOCK = set(
    "p div li h1 h2 h3 h4 h5 h6 br ul ol nav header footer aside section article main "
    "table tr td th dt dd dl blockquote address form option hr figure figcaption".split()
)
HIDDEN = {"script", "style", "head", "noscript", "template"}
KINDS = {"letter", "article", "statement", "listing", "page"}


def norm(s: str) -> str:
    """What score.py's norm_line does to a line."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip()


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.hidden += tag in HIDDEN
        if tag in BLOCK:
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in HIDDEN
        if tag in BLOCK:
            self.lines.append([])

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.lines[-1].append(data)


def page_lines(path: Path) -> list[str]:
    """The page's normalised text lines (HTML: visible text, decoded by its declared charset)."""
    raw = path.read_bytes()
    if path.suffix == ".html":
        m = re.search(rb"charset=[\"']?([\w-]+)", raw[:2048])
        parser = _Visible()
        parser.feed(raw.decode(m.group(1).decode() if m else "utf-8"))
        lines = ["".join(parts) for parts in parser.lines]
    else:
        lines = raw.decode("utf-8-sig").split("\n")
    return [n for n in map(norm, lines) if n]


def check(corpus: Path) -> list[str]:
    """Every disagreement between gold.json and the pages, as one line each."""
    problems: list[str] = []
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    for name, g in gold["pages"].items():
        path = corpus / name
        if not path.is_file():
            problems.append(f"{name}: file missing")
            continue
        lines = page_lines(path)
        flat = " ".join(lines).casefold()
        if g.get("kind") not in KINDS:
            problems.append(f"{name}: bad kind {g.get('kind')!r}")
        for key in ("date", "updated"):
            v = g.get(key)
            if v is not None and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", v):
                problems.append(f"{name}: bad {key} {v!r}")
        for line in g.get("boilerplate", []):
            if line != norm(line):
                problems.append(f"{name}: boilerplate line not normalised: {line!r}")
            elif line not in lines:
                problems.append(f"{name}: boilerplate line is not a whole line of the page: {line!r}")
        for line in g.get("main", []):
            if line != norm(line):
                problems.append(f"{name}: main line not normalised: {line!r}")
            elif not any(line in x for x in lines):
                problems.append(f"{name}: main line not on the page: {line!r}")
            if line in g.get("boilerplate", []):
                problems.append(f"{name}: line is both main and boilerplate: {line!r}")
        for key in ("children", "listing_items"):
            for c in g.get(key, []):
                if not any(norm(c["title_contains"]) in x for x in lines):
                    problems.append(f"{name}: {key} title not on the page: {c['title_contains']!r}")
        for c in g.get("claims", []):
            if c["text_contains"].casefold() not in flat:
                problems.append(f"{name}: claim text not on the page: {c['text_contains']!r}")
        for e in g.get("entities", {}).get("must", []):
            if not any(norm(f).casefold() in flat for f in [e["name"], *e["aliases"]]):
                problems.append(f"{name}: entity not named on the page: {e['name']!r}")
    return problems


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    problems = check(corpus)
    for p in problems:
        print(p)
    n = len(json.loads((corpus / "gold.json").read_text(encoding="utf-8"))["pages"])
    print(f"{n} pages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
