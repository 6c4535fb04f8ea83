"""The `maktub` command: thin shells over the library, one-line errors, meaningful exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from maktub import __version__
from maktub.entities.corrections import DEFAULT_FILE as DEFAULT_CORRECTIONS
from maktub.errors import MaktubError, RefusedInput
from maktub.read.files import DEFAULT_MAX_BYTES, ReadOptions

if TYPE_CHECKING:
    from maktub.entities.link import Canonical, Linker
    from maktub.model import Document

EXIT_OK, EXIT_SOME_REFUSED, EXIT_CANNOT_RUN = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="maktub")
def cli() -> None:
    """maktub: saved web pages about public life, turned into an archive you can search and trust."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--pretty", is_flag=True, help="Indent the JSON for people instead of one object a line.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html", "warc"]),
    default=None,
    help="Read every file as this format instead of detecting it.",
)
@click.option(
    "--max-bytes",
    type=int,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Read at most this much of one page or WARC record (the rest is cut and reported).",
)
@click.option("--no-entities", is_flag=True, help="Skip entity recognition (faster).")
@click.option(
    "--no-site-chrome",
    is_flag=True,
    help="Do not learn each site's repeated lines from the batch (one pass instead of two).",
)
@click.option(
    "--summary/--no-summary",
    default=None,
    help="Print a summary table on stderr (default: when stdout is a terminal).",
)
def extract(
    paths: tuple[str, ...],
    pretty: bool,
    fmt: str | None,
    max_bytes: int,
    no_entities: bool,
    no_site_chrome: bool,
    summary: bool | None,
) -> None:
    """Print one JSON line for every document found in PATHS (files, folders, WARC files)."""
    from maktub.pipeline import ExtractOptions, Warning_, print_report
    from maktub.pipeline import extract as run_extract

    options = ExtractOptions(
        ReadOptions(max_bytes=max_bytes, format=fmt),
        site_chrome=not no_site_chrome,
        entities=not no_entities,
    )
    kinds: Counter[str] = Counter()
    refused = 0
    out = sys.stdout
    try:
        for event in run_extract(list(paths), options):
            if isinstance(event, RefusedInput):
                refused += 1
                print_report(event)
            elif isinstance(event, Warning_):
                print_report(event)
            else:
                kinds[event.kind] += 1
                out.write(json.dumps(event.to_contract(), ensure_ascii=False, indent=2 if pretty else None))
                out.write("\n")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except MaktubError as exc:
        click.echo(f"maktub: {exc}", err=True)
        sys.exit(EXIT_CANNOT_RUN)
    if summary or (summary is None and sys.stdout.isatty()):
        _print_summary(kinds, refused)
    sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)


def _print_summary(kinds: Counter[str], refused: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="maktub extract", show_footer=True)
    table.add_column("kind", footer="total")
    table.add_column("documents", justify="right", footer=str(sum(kinds.values())))
    for kind, n in kinds.most_common():
        table.add_row(kind, str(n))
    if refused:
        table.add_row("[red]refused files[/red]", str(refused))
    Console(stderr=True).print(table)


def _read_documents(paths: tuple[str, ...], max_bytes: int) -> tuple[list[Document], int]:
    """Every page under `paths`, extracted; refused files and warnings reported on stderr."""
    from maktub.pipeline import ExtractOptions, Warning_, print_report
    from maktub.pipeline import extract as run_extract

    options = ExtractOptions(ReadOptions(max_bytes=max_bytes), rename_across=False)
    pages: list[Document] = []
    refused = 0
    for event in run_extract(list(paths), options):
        if isinstance(event, RefusedInput):
            refused += 1
            print_report(event)
        elif isinstance(event, Warning_):
            print_report(event)
        elif event.parent is None:
            pages.append(event)
    return pages, refused


def _resolve(
    paths: tuple[str, ...], corrections: Path, max_bytes: int
) -> tuple[list[Document], list[Canonical], Linker, int]:
    """Extract the pages under `paths` and resolve their entities across them, with corrections."""
    from maktub.entities.corrections import Corrections
    from maktub.entities.link import Linker

    try:
        linker = Linker(Corrections.load(corrections))
        pages, refused = _read_documents(paths, max_bytes)
        for page in pages:
            linker.add_document(page)
        return pages, linker.resolve(), linker, refused
    except MaktubError as exc:
        click.echo(f"maktub: {exc}", err=True)
        sys.exit(EXIT_CANNOT_RUN)


corrections_option = click.option(
    "--corrections",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path(DEFAULT_CORRECTIONS),
    show_default=True,
    envvar="MAKTUB_CORRECTIONS",
    help="The file of people's corrections (merge, split, rename, type); they win over the automatic ones.",
)
output_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@corrections_option
@output_option
@click.option(
    "--type", "type_", type=click.Choice(["person", "organization", "place"]), help="Only this type."
)
@click.option("--explain", metavar="NAME", help="Show why the entity NAME has the names it has, and stop.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, hidden=True)
def entities(
    paths: tuple[str, ...],
    corrections: Path,
    fmt: str,
    type_: str | None,
    explain: str | None,
    max_bytes: int,
) -> None:
    """The people, organisations and places in PATHS, one line each across all the pages.

    Every spelling, acronym and script of one entity is listed under its canonical name,
    with the number of documents naming it and the rules that joined its names.
    """
    from maktub.entities.gazetteer import key

    _, found, linker, refused = _resolve(paths, corrections, max_bytes)
    if explain:
        hits = [e for e in found if key(explain) in {key(a) for a in [e.name, *e.aliases]}]
        if not hits:
            click.echo(f"maktub: no entity is named {explain!r} in these pages", err=True)
            sys.exit(EXIT_CANNOT_RUN)
        for e in hits:
            _print_explanation(e, linker)
        sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)
    shown = [e for e in found if not type_ or e.type == type_]
    if fmt == "json":
        for e in shown:
            sys.stdout.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
    else:
        _print_entities(shown)
    sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)


def _print_entities(found: list[Canonical]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} entities", expand=False)
    for column in ("name", "type", "docs", "aliases", "joined by"):
        table.add_column(column, justify="right" if column == "docs" else "left", overflow="fold")
    for e in found:
        aliases = [a for a, _ in e.aliases.most_common() if a != e.name]
        rules = sorted({m.rule for m in e.merges})
        place = e.place
        name = e.name + (f" ({place.country})" if place and place.country and place.kind != "country" else "")
        table.add_row(
            name,
            e.type,
            str(len(e.documents)),
            " · ".join(aliases[:8]) + (f" · +{len(aliases) - 8}" if len(aliases) > 8 else ""),
            ", ".join(rules),
        )
    Console(width=max(120, Console().width)).print(table)


def _print_explanation(e: Canonical, linker: Linker) -> None:
    by_number = {c.number: c for c in linker.corrections.log}
    click.echo(f"{e.name} ({e.type}), named in {len(e.documents)} document(s)")
    click.echo("  names: " + ", ".join(f"{a} ×{n}" for a, n in e.aliases.most_common()))
    if not e.merges:
        click.echo("  no names were joined: every name above was seen as this entity within one page")
    for m in e.merges:
        click.echo(f"  joined: {m.describe()}")
        if m.correction and m.correction in by_number:
            click.echo(f"          {by_number[m.correction].describe()}")
    for n in e.corrections:
        if n in by_number and by_number[n].op == "rename":
            click.echo(f"  renamed: {by_number[n].describe()}")
    for note in sorted(set(e.apart)):
        click.echo(f"  kept apart: {note}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@corrections_option
@output_option
@click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(["letter", "cc", "mentioned", "statement", "claim"])
)
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, hidden=True)
def relations(
    paths: tuple[str, ...], corrections: Path, fmt: str, kinds: tuple[str, ...], max_bytes: int
) -> None:
    """Who wrote to whom, copied whom, and said what about whom, across the pages in PATHS."""
    from maktub.entities.gazetteer import key
    from maktub.entities.link import name_index
    from maktub.entities.relations import relations as find_relations

    pages, found, _, refused = _resolve(paths, corrections, max_bytes)
    names = name_index(found)
    edges = [e for e in find_relations(pages, lambda n: names.get(key(n), n)) if not kinds or e.kind in kinds]
    if fmt == "json":
        for edge in edges:
            sys.stdout.write(json.dumps(edge.to_json(), ensure_ascii=False) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(edges)} relations")
        for column in ("from", "how", "to", "docs", "dates", "example"):
            table.add_column(column, overflow="fold")
        for edge in edges:
            dates = sorted(edge.dates)
            span = f"{dates[0]} – {dates[-1]}" if len(dates) > 1 else (dates[0] if dates else "")
            example = edge.examples[0] if edge.examples else ""
            table.add_row(
                edge.source,
                edge.kind,
                edge.target,
                str(len(edge.documents)),
                span,
                example[:90] + ("…" if len(example) > 90 else ""),
            )
        Console(width=max(140, Console().width)).print(table)
    sys.exit(EXIT_SOME_REFUSED if refused else EXIT_OK)


@cli.group()
def correct() -> None:
    """Correct entity resolution by hand: merge, split, rename, set a type, undo, list.

    Corrections are kept in their own file (--corrections), name entities by name, win over
    the automatic decisions, and survive re-reading the pages.
    """


def _record(
    corrections: Path, archive: str | None, op: str, names: list[str], value: str | None, note: str
) -> None:
    from maktub.entities.corrections import Corrections

    try:
        if archive:
            from maktub.archive import Archive

            with Archive.open(archive) as store:
                item = store.corrections().add(op, names, value, note)
                store.relink()
                where = store.name
        else:
            item = Corrections.load(corrections).add(op, names, value, note)
            where = str(corrections)
    except MaktubError as exc:
        click.echo(f"maktub: {exc}", err=True)
        sys.exit(EXIT_CANNOT_RUN)
    except OSError as exc:
        click.echo(f"maktub: {corrections}: cannot write ({exc.strerror})", err=True)
        sys.exit(EXIT_CANNOT_RUN)
    click.echo(f"recorded {item.describe()} in {where}")


note_option = click.option("--note", default="", help="Why: kept with the correction.")
archive_corrections_option = click.option(
    "--archive",
    default=None,
    envvar="MAKTUB_ARCHIVE",
    help="Keep the correction in this archive (SQLite file or postgresql:// URL) and relink it at once.",
)


def _names_command(op: str, help_text: str) -> None:
    """`maktub correct merge|split NAMES...`: the two corrections that take names only."""

    @correct.command(op, help=help_text)
    @click.argument("names", nargs=-1, required=True)
    @corrections_option
    @archive_corrections_option
    @note_option
    def command(names: tuple[str, ...], corrections: Path, archive: str | None, note: str) -> None:
        _record(corrections, archive, op, list(names), None, note)


_names_command("merge", "NAMES are one entity; it is shown under the first.")
_names_command("split", "NAMES are different entities, whatever their spellings suggest.")


@correct.command("rename")
@click.argument("name")
@click.argument("new_name")
@corrections_option
@archive_corrections_option
@note_option
def correct_rename(name: str, new_name: str, corrections: Path, archive: str | None, note: str) -> None:
    """Show the entity named NAME as NEW_NAME."""
    _record(corrections, archive, "rename", [name], new_name, note)


@correct.command("type")
@click.argument("name")
@click.argument("type_", metavar="TYPE", type=click.Choice(["person", "organization", "place"]))
@corrections_option
@archive_corrections_option
@note_option
def correct_type(name: str, type_: str, corrections: Path, archive: str | None, note: str) -> None:
    """NAME is a person, an organization or a place."""
    _record(corrections, archive, "type", [name], type_, note)


@correct.command("undo")
@click.argument("number", type=int)
@corrections_option
@archive_corrections_option
def correct_undo(number: int, corrections: Path, archive: str | None) -> None:
    """Take back correction NUMBER (see `maktub correct list`)."""
    _record(corrections, archive, "undo", [], str(number), "")


@correct.command("list")
@corrections_option
@archive_corrections_option
def correct_list(corrections: Path, archive: str | None) -> None:
    """The corrections recorded, newest last; undone ones marked."""
    from maktub.entities.corrections import Corrections

    try:
        if archive:
            from maktub.archive import Archive

            with Archive.open(archive) as store:
                found = store.corrections()
        else:
            found = Corrections.load(corrections)
    except MaktubError as exc:
        click.echo(f"maktub: {exc}", err=True)
        sys.exit(EXIT_CANNOT_RUN)
    active = {c.number for c in found.active}
    for c in found.log:
        mark = "" if c.number in active or c.op == "undo" else "  (undone)"
        click.echo(c.describe() + mark)
    if not found.log:
        click.echo(f"no corrections in {archive or corrections}")


@cli.command()
@click.option("--pages", type=int, default=60, show_default=True, help="How many sample pages to generate.")
@click.option(
    "--dir",
    "directory",
    type=click.Path(path_type=Path),
    default=Path("maktub-demo"),
    show_default=True,
    help="Where to write the sample corpus and the extracted documents.",
)
@click.option("--serve/--no-serve", default=True, show_default=True, help="Then serve the archive in the web app.")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address the web app listens on.")
@click.option("--port", type=int, default=8000, show_default=True, help="The port the web app listens on.")
def demo(pages: int, directory: Path, serve: bool, host: str, port: int) -> None:
    """Generate the bundled sample corpus, extract it, store it in an archive and serve it."""
    from maktub.demo import run_demo

    try:
        run_demo(directory, pages)
    except MaktubError as exc:
        raise click.ClickException(str(exc)) from exc
    if serve:
        _serve(str(directory / "maktub.db"), host, port, "maktub demo")


@cli.command()
@click.option(
    "--archive", default="maktub.db", show_default=True, help="The archive: an SQLite file or a postgresql:// URL."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="The port to listen on.")
@click.option("--title", default="maktub", show_default=True, help="The archive's name, shown on every page.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=lambda: min(4, os.cpu_count() or 1),
    show_default="one a core, at most 4",
    help="Processes serving requests (each with its own threads and database connections).",
)
def serve(archive: str, host: str, port: int, title: str, workers: int) -> None:
    """Serve an archive in the web app: pages, Atom feeds and a JSON API (/api)."""
    if "://" not in archive and not Path(archive).is_file():
        raise click.ClickException(
            f"archive {archive}: no such file; make one with 'maktub ingest PATH --archive {archive}'"
        )
    _serve(archive, host, port, title, workers)


def _serve(archive: str, host: str, port: int, title: str, workers: int = 1) -> None:
    from maktub.web.server import serve as run

    click.echo(f"maktub: serving {archive} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        run(archive, host, port, title, workers)
    except MaktubError as exc:
        raise click.ClickException(str(exc)) from exc


def _archive_commands() -> None:
    from maktub.commands import collection, ingest, search, users

    cli.add_command(ingest)
    cli.add_command(search)
    cli.add_command(collection)
    cli.add_command(users)


_archive_commands()


def main() -> None:
    """Entry point of the `maktub` script."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
