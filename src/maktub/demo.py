"""`maktub demo`: generate the bundled sample corpus, extract it, and show what was found."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from maktub.model import Document
from maktub.pipeline import ExtractOptions, Warning_, extract
from maktub.sample import generate_corpus


def run_demo(directory: Path, pages: int, console: Console | None = None) -> list[Document]:
    """Write `pages` sample pages under `directory`, extract them to documents.jsonl, print a summary."""
    console = console or Console()
    corpus = directory / "pages"
    generate_corpus(corpus, pages, seed=7)
    console.print(f"[bold]maktub demo[/bold]: {pages} sample pages written to {corpus}")
    docs: list[Document] = []
    out_path = directory / "documents.jsonl"
    with out_path.open("w", encoding="utf-8") as out:
        for event in extract([str(corpus)], ExtractOptions()):
            if isinstance(event, Document):
                docs.append(event)
                out.write(json.dumps(event.to_contract(), ensure_ascii=False) + "\n")
            elif not isinstance(event, Warning_):
                console.print(f"[red]refused[/red] {event}")
    _summary(console, docs)
    console.print(f"All {len(docs)} documents, one JSON object a line: {out_path}")
    _archive(console, directory, corpus)
    return docs


def _archive(console: Console, directory: Path, corpus: Path) -> None:
    """Ingest the sample pages into an SQLite archive and show a search of it."""
    from maktub.archive import Archive
    from maktub.archive.ingest import IngestOptions, ingest
    from maktub.archive.search import MARK_END, MARK_START, search

    path = directory / "maktub.db"
    with Archive.open(path) as archive:
        progress = ingest([str(corpus)], archive, IngestOptions(workers=0))
        query = "kind:letter"
        results = search(archive, query, per_page=5, sort="date")
        counts = archive.counts()
    console.print(
        f"Archive {path}: {counts['documents']} documents, {counts['entities']} entities "
        f"({progress.pages} pages stored now, {progress.skipped} already in)."
    )
    table = Table(title=f"maktub search '{query}' --sort date: {results.total} results, the newest five")
    for col in ("date", "title", "snippet"):
        table.add_column(col)
    for hit in results.results:
        snippet = hit.snippet.replace(MARK_START, "").replace(MARK_END, "")
        table.add_row(hit.date or "?", hit.title or "(no title)", snippet[:90])
    console.print(table)
    console.print(f"Search it yourself: maktub search --archive {path} 'from:\"…\" year:1998'")


def _summary(console: Console, docs: list[Document]) -> None:
    kinds = Counter((d.kind, d.language) for d in docs)
    table = Table(title="Documents found")
    for col in ("kind", "language", "documents"):
        table.add_column(col)
    for (kind, lang), n in sorted(kinds.items()):
        table.add_row(kind, lang, str(n))
    console.print(table)
    letters = [d for d in docs if d.kind == "letter" and d.sender and d.recipients][:8]
    table = Table(title="Some letters: who wrote to whom")
    for col in ("date", "from", "to", "cc"):
        table.add_column(col)
    for d in letters:
        table.add_row(
            d.date or "?",
            d.sender.name if d.sender else "?",
            ", ".join(p.name for p in d.recipients),
            ", ".join(p.name for p in d.cc),
        )
    console.print(table)
    people = Counter(e.name for d in docs for e in d.entities if e.type == "person")
    table = Table(title="People named most often")
    table.add_column("person")
    table.add_column("documents", justify="right")
    for name, n in people.most_common(10):
        table.add_row(name, str(n))
    console.print(table)
