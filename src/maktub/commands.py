"""The archive's commands: `maktub ingest`, `maktub search`, `maktub collection` and `maktub users`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click
from rich.console import Console
from rich.progress import Progress as Bar
from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from maktub.archive.db import DEFAULT_ARCHIVE
from maktub.errors import MaktubError
from maktub.read.files import DEFAULT_MAX_BYTES, ReadOptions

if TYPE_CHECKING:
    from maktub.archive.store import Archive

EXIT_OK, EXIT_SOME_REFUSED, EXIT_CANNOT_RUN = 0, 1, 2
T = TypeVar("T")

archive_option = click.option(
    "--archive",
    default=DEFAULT_ARCHIVE,
    show_default=True,
    envvar="MAKTUB_ARCHIVE",
    help="The archive: an SQLite file, or a postgresql://user@host/db URL.",
)


def _fail(exc: MaktubError) -> NoReturn:
    click.echo(f"maktub: {exc}", err=True)
    sys.exit(EXIT_CANNOT_RUN)


def _open_existing(archive: str, upgrade: bool = True) -> Archive:
    """An archive that must already exist (a search or a collection never makes one)."""
    from maktub.archive.store import Archive

    if not Path(archive).exists() and "://" not in archive:
        _fail(MaktubError(f"archive {archive}: no such archive (make one with maktub ingest)"))
    return Archive.open(archive, upgrade=upgrade)


def _on_existing(archive: str, call: Callable[[Archive], T]) -> T:
    """One library call on an archive that must exist; its error is the command's one line."""
    try:
        with _open_existing(archive) as store:
            return call(store)
    except MaktubError as exc:
        _fail(exc)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@archive_option
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core; 0: none).")
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Do the work on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for one here.",
)
@click.option(
    "--refused", "list_refused", is_flag=True, help="List the files the archive refused, with why, and stop."
)
@click.option("--quiet", is_flag=True, help="No progress bar or summary (refusals are still reported).")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, hidden=True)
def ingest(
    paths: tuple[str, ...],
    archive: str,
    workers: int | None,
    dask: str | None,
    list_refused: bool,
    quiet: bool,
    max_bytes: int,
) -> None:
    """Read every page under PATHS into the archive (again: only what is new or changed).

    Each page is stored whole or not at all; after a crash, run the same command again.
    Refused files are recorded with the reason: `maktub ingest --refused` lists them.
    """
    from maktub.archive.ingest import IngestOptions
    from maktub.archive.ingest import ingest as run_ingest
    from maktub.archive.store import Archive

    try:
        with Archive.open(archive) as store:
            if list_refused:
                for location, reason, at in store.refused():
                    click.echo(f"{location}\t{reason}\t{at}")
                return
            if not paths:
                raise click.UsageError("give the files or folders to ingest (or --refused)")
            options = IngestOptions(ReadOptions(max_bytes=max_bytes), workers=workers, dask=dask)
            console = Console(stderr=True)
            with Bar(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("[bold]{task.fields[line]}"),
                TimeElapsedColumn(),
                console=console,
                disable=quiet,
                transient=False,
            ) as bar:
                task = bar.add_task("ingest", line="starting")

                def tick(p: object) -> None:
                    from maktub.archive.ingest import Progress

                    assert isinstance(p, Progress)
                    bar.update(
                        task,
                        line=f"{p.files} files · {p.pages} pages stored · {p.documents} documents · "
                        f"{p.skipped} already in · {p.refused} refused · {p.rate:.0f} pages/s",
                    )

                def report(line: str) -> None:
                    if quiet:
                        click.echo(line, err=True)
                    else:
                        bar.console.print(line, markup=False, highlight=False, soft_wrap=True)

                progress = run_ingest(list(paths), store, options, report, tick)
            if not quiet:
                _summary(console, store.name, progress)
    except MaktubError as exc:
        _fail(exc)
    sys.exit(EXIT_SOME_REFUSED if progress.refused else EXIT_OK)


def _summary(console: Console, name: str, p: object) -> None:
    from maktub.archive.ingest import Progress

    assert isinstance(p, Progress)
    table = Table(title=f"ingested into {name}", show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    for label, value in (
        ("pages read", p.files),
        ("pages stored", p.pages),
        ("documents stored", p.documents),
        ("new revisions of stored pages", p.revisions),
        ("already in the archive", p.skipped + p.duplicates),
        ("refused files", p.refused),
        ("entities in the archive", p.entities),
        ("pages per second", f"{p.rate:.1f}"),
    ):
        table.add_row(label, str(value))
    console.print(table)


@click.command()
@click.argument("query", nargs=-1)
@archive_option
@click.option("--page", type=int, default=1, show_default=True)
@click.option("--per-page", type=int, default=10, show_default=True)
@click.option(
    "--sort", type=click.Choice(["relevance", "date", "oldest"]), default="relevance", show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: total, results, facets.")
@click.option("--no-facets", is_flag=True, help="Skip counting facets (faster).")
def search(
    query: tuple[str, ...], archive: str, page: int, per_page: int, sort: str, as_json: bool, no_facets: bool
) -> None:
    """Search the archive: words, "phrases", AND/OR/NOT, prefix*, and field filters.

    Filters: kind:letter year:1998 date:1998-01..2001-12 lang:ur from:"Altaf Hussain"
    to: cc: author: person: org: place: title:
    """
    from maktub.archive.search import search as run_search

    text = " ".join(query)
    try:
        with _open_existing(archive, upgrade=False) as store:
            results = run_search(store, text, page=page, per_page=per_page, sort=sort, facets=not no_facets)
    except MaktubError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(results.to_json(), ensure_ascii=False))
        return
    _print_results(results)


def _print_results(results: object) -> None:
    from maktub.archive.search import MARK_END, MARK_START, Results

    assert isinstance(results, Results)
    console = Console()
    first = (results.page - 1) * results.per_page + 1
    last = first + len(results.results) - 1
    console.print(f"[bold]{results.total}[/bold] results" + (f", {first}–{last}:" if results.results else ""))
    for note in results.notes:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    for hit in results.results:
        from rich.markup import escape

        snippet = escape(hit.snippet).replace(MARK_START, "[reverse]").replace(MARK_END, "[/reverse]")
        console.print(
            f"\n[bold]{escape(hit.title or '(no title)')}[/bold]  [dim]{hit.kind} · {hit.date or 'no date'} · "
            f"{hit.language} · {hit.id}[/dim]",
            highlight=False,
        )
        console.print(f"  {snippet}", highlight=False)
    if results.facets:
        console.print()
        for name, values in results.facets.items():
            if values:
                shown = ", ".join(f"{v['value']} ({v['count']})" for v in values[:8])
                console.print(f"[dim]{name}:[/dim] {escape_plain(shown)}", highlight=False)


def escape_plain(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@click.group()
def collection() -> None:
    """Collections: named sets of documents you keep (a story's sources, a case file).

    Search within one with collection:NAME.
    """


@collection.command("list")
@archive_option
def collection_list(archive: str) -> None:
    """The collections, with how many documents each holds."""
    from maktub.archive.collection import collections

    found = _on_existing(archive, collections)
    if not found:
        click.echo("no collections yet (maktub collection add NAME ID... or --query)")
    for c in found:
        click.echo(f"{c.name}\t{c.documents} documents\t{c.created}\t{c.description}")


@collection.command("add")
@click.argument("name")
@click.argument("ids", nargs=-1)
@archive_option
@click.option("--query", help="Add every current document this search matches (up to 10,000).")
@click.option("--description", help="What the collection is for.")
def collection_add(name: str, ids: tuple[str, ...], archive: str, query: str | None, description: str | None) -> None:
    """Put documents in the collection NAME (made if new): by id, or the matches of --query."""
    from maktub.archive.collection import add
    from maktub.archive.search import matching_ids

    if not ids and not query:
        _fail(MaktubError("name the documents to add: their ids, or --query"))
    try:
        with _open_existing(archive) as store:
            wanted = list(ids) + (matching_ids(store, query) if query else [])
            done = add(store, name, wanted, description)
    except MaktubError as exc:
        _fail(exc)
    for unknown in done.unknown:
        click.echo(f"maktub: not added {unknown}: no document with that id in the archive", err=True)
    click.echo(f"{name}: {done.added} added, {done.already} already in it")
    sys.exit(EXIT_SOME_REFUSED if done.unknown else EXIT_OK)


@collection.command("show")
@click.argument("name")
@archive_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object: the name and its documents.")
def collection_show(name: str, archive: str, as_json: bool) -> None:
    """The documents in the collection NAME, newest first."""
    from maktub.archive.collection import documents

    rows = _on_existing(archive, lambda store: documents(store, name))
    if as_json:
        items = [{"id": i, "kind": k, "date": d, "title": t} for i, k, d, t in rows]
        click.echo(json.dumps({"name": name, "documents": items}, ensure_ascii=False))
        return
    for doc_id, kind, date, title in rows:
        click.echo(f"{doc_id}\t{kind}\t{date or '-'}\t{title or '(no title)'}")


@collection.command("remove")
@click.argument("name")
@click.argument("ids", nargs=-1, required=True)
@archive_option
def collection_remove(name: str, ids: tuple[str, ...], archive: str) -> None:
    """Take documents out of the collection NAME (they stay in the archive)."""
    from maktub.archive.collection import remove

    taken = _on_existing(archive, lambda store: remove(store, name, list(ids)))
    click.echo(f"{name}: {taken} removed")


@collection.command("delete")
@click.argument("name")
@archive_option
def collection_delete(name: str, archive: str) -> None:
    """Delete the collection NAME (its documents stay in the archive)."""
    from maktub.archive.collection import delete

    held = _on_existing(archive, lambda store: delete(store, name))
    click.echo(f"{name}: deleted ({held} documents were in it)")


@click.group()
def users() -> None:
    """Accounts for the web app: editors read and leave notes; admins may delete anyone's note."""


password_stdin_option = click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin instead of asking."
)


def _password(from_stdin: bool) -> str:
    """The new password: stdin's first line, or typed twice without showing."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor", show_default=True)
@archive_option
@password_stdin_option
def users_add(name: str, role: str, archive: str, password_stdin: bool) -> None:
    """Make an account NAME with a password of at least 10 characters."""
    from maktub.web.accounts import add_user

    password = _password(password_stdin)
    user = _on_existing(archive, lambda store: add_user(store, name, password, role))
    click.echo(f"added {user.name} ({user.role})")


@users.command("list")
@archive_option
def users_list(archive: str) -> None:
    """The accounts, by name, with their roles and when they were made."""
    from maktub.web.accounts import users as all_users

    found = _on_existing(archive, all_users)
    if not found:
        click.echo("no users yet (maktub users add NAME)")
    for user in found:
        click.echo(f"{user.name}\t{user.role}\t{user.created}")


@users.command("remove")
@click.argument("name")
@archive_option
def users_remove(name: str, archive: str) -> None:
    """Remove the account NAME and sign it out; its notes stay, under its name."""
    from maktub.web.accounts import remove_user

    _on_existing(archive, lambda store: remove_user(store, name))
    click.echo(f"removed {name}")


@users.command("password")
@click.argument("name")
@archive_option
@password_stdin_option
def users_password(name: str, archive: str, password_stdin: bool) -> None:
    """Set a new password for NAME; the sessions it has open end."""
    from maktub.web.accounts import set_password

    password = _password(password_stdin)
    _on_existing(archive, lambda store: set_password(store, name, password))
    click.echo(f"new password set for {name}")
