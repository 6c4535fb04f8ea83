#!/usr/bin/env python3
"""Sanity-check gold.json against the pages in this folder (no maktub involved).

Checks: gold.json parses; every page exists; every `main`/`boilerplate` line is already
normalised (NFKC, whitespace collapsed) and appears verbatim in the page's visible text
(boilerplate lines as whole lines); no line is both; titles, names, claim snippets,
same_as forms and child titles occur on their page; dates are ISO (full or partial).
"""

import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLOCK = set(
    "address article aside blockquote body br center dd div dl dt footer form h1 h2 h3 h4 h5 h6 header hr html "
    "li main nav ol p section table td th tr ul title label".split()
)
SKIP = {"script", "style", "head", "noscript", "iframe"}


def norm_line(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip()


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        hidden = "display:none" in (dict(attrs).get("style") or "").replace(" ", "")
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.stack.append(tag in SKIP or hidden)
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.stack.pop()
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not any(self.stack):
            self.out.append(re.sub(r"\s+", " ", data))  # source newlines inside HTML are just spaces


def visible_text(path):
    raw = path.read_bytes()
    if path.suffix == ".html":
        m = re.search(rb'charset=["\']?([\w-]+)', raw[:2000])
        text = raw.decode(m.group(1).decode() if m else "utf-8")
        p = Visible()
        p.feed(text)
        text = "".join(p.out)
    else:
        text = raw.decode("utf-8")
    lines = [norm_line(x) for x in re.split(r"[\n\r\f]", text)]
    return [x for x in lines if x]


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    assert set(gold) >= {"about", "pages"}, "gold.json needs 'about' and 'pages'"
    problems, all_flat = [], ""
    iso = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for name, g in gold["pages"].items():
        path = HERE / name
        if not path.exists():
            problems.append(f"{name}: file missing")
            continue
        lines = visible_text(path)
        line_set, flat = set(lines), " ".join(lines)
        all_flat += " " + flat

        def bad(what, name=name):
            return problems.append(f"{name}: {what}")

        for key in ("kind", "language"):
            if key not in g:
                bad(f"no {key}")
        for key in ("date", "updated"):
            if g.get(key) is not None and not iso.match(g[key]):
                bad(f"{key} {g[key]!r} is not ISO")
        if g.get("title") and norm_line(g["title"]) not in flat:
            bad(f"title not on page: {g['title']!r}")
        for line in g.get("boilerplate", []):
            if line != norm_line(line):
                bad(f"boilerplate line not normalised: {line!r}")
            if line not in line_set:
                bad(f"boilerplate line is not a whole visible line: {line!r}")
        for line in g.get("main", []):
            if line != norm_line(line):
                bad(f"main line not normalised: {line!r}")
            if line not in flat:
                bad(f"main line not in visible text: {line!r}")
        both = set(g.get("boilerplate", [])) & set(g.get("main", []))
        if both:
            bad(f"lines both main and boilerplate: {both}")
        names = []
        for role in ("sender",):
            if g.get(role):
                names.append([g[role]["name"]] + g[role].get("aliases", []))
        for role in ("recipients", "cc", "authors"):
            for p in g.get(role, []):
                names.append([p["name"]] + p.get("aliases", []))
        for e in g.get("entities", {}).get("must", []):
            names.append([e["name"]] + e.get("aliases", []))
        for forms in names:
            if not any(norm_line(f) in flat for f in forms):
                bad(f"no form of {forms[0]!r} on the page")
        for group in g.get("same_as", []):
            for f in group:
                if norm_line(f) not in flat:
                    bad(f"same_as form not on page: {f!r}")
        for c in g.get("claims", []):
            if c["text_contains"] not in flat:
                bad(f"claim text not on page: {c['text_contains']!r}")
        for r in g.get("references", []):
            for n in [r["sender"]] + r["recipients"]:
                if n not in flat:
                    bad(f"reference name not on page: {n!r}")
        for c in g.get("children", []) + g.get("listing_items", []):
            if norm_line(c["title_contains"]) not in flat:
                bad(f"child title not on page: {c['title_contains']!r}")
            if c.get("date") and not iso.match(c["date"]):
                bad(f"child date {c['date']!r} is not ISO")
    for group in gold.get("across_pages", {}).get("same_as", []):
        for f in group:
            if norm_line(f) not in all_flat:
                problems.append(f"across_pages form on no page: {f!r}")
    for p in problems:
        print(p)
    print(f"{len(gold['pages'])} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
