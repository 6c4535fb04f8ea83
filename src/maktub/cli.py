"""The `maktub` command: thin shells over the library, one-line errors, meaningful exit codes."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from maktub import __version__
from maktub.errors import MaktubError, RefusedInput
from maktub.read.files import DEFAULT_MAX_BYTES, ReadOptions

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
def demo(pages: int, directory: Path) -> None:
    """Generate the bundled sample corpus, extract it and show what was found."""
    from maktub.demo import run_demo

    try:
        run_demo(directory, pages)
    except MaktubError as exc:
        raise click.ClickException(str(exc)) from exc


def main() -> None:
    """Entry point of the `maktub` script."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
