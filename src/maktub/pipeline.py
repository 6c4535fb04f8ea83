"""The extraction pipeline: read, clean, understand, recognise entities; one Document tree per page."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from maktub.clean import SiteProfile, clean_lines
from maktub.entities import recognise_entities
from maktub.entities.resolve import Resolver
from maktub.errors import RefusedInput
from maktub.model import Document, content_id
from maktub.read import ReadOptions, Source, decode, iter_sources
from maktub.read.files import HTML_SUFFIXES, WARC_SUFFIXES
from maktub.read.html import parse_html
from maktub.understand.page import attribute_statement, understand


@dataclass
class ExtractOptions:
    """What `extract` reads and how."""

    read: ReadOptions = field(default_factory=ReadOptions)
    site_chrome: bool = True  # learn each site's repeated lines from the whole batch first
    entities: bool = True
    rename_across: bool = True  # one canonical name per entity across the batch (False: each page's own)


@dataclass
class Warning_:
    """Something worth telling about a page that was still extracted."""

    source: str
    message: str


Event = Document | RefusedInput | Warning_


def site_of(source: str) -> str:
    """The site a page belongs to: the host of a URL, or the folder of a file."""
    if "://" in source:
        return urlsplit(source).netloc
    return source.rsplit("/", 1)[0] if "/" in source else "."


def extract(paths: list[str], options: ExtractOptions | None = None) -> Iterator[Event]:
    """Yield every document found under `paths` (pages first, then the documents inside them)."""
    options = options or ExtractOptions()
    profile = learn_sites(paths, options) if options.site_chrome else None
    resolver = Resolver(rename=options.rename_across)
    seen: set[str] = set()
    for item in iter_sources(paths, options.read):
        if isinstance(item, RefusedInput):
            yield item
            continue
        for w in item.warnings or []:
            yield Warning_(item.source, w)
        doc_id = content_id(item.data)
        if doc_id in seen:
            yield Warning_(item.source, f"same content as an earlier page (id {doc_id}): read once")
            continue
        seen.add(doc_id)
        result = extract_safely(item, doc_id, profile, options, resolver)
        if isinstance(result, RefusedInput):
            yield result
            continue
        doc, warning = result
        if warning:
            yield Warning_(item.source, warning)
        yield from doc.walk()


def extract_safely(
    item: Source,
    doc_id: str,
    profile: SiteProfile | None,
    options: ExtractOptions,
    resolver: Resolver | None = None,
) -> tuple[Document, str | None] | RefusedInput:
    """`extract_source`, with any failure turned into a refusal that names the file and why."""
    try:
        return extract_source(item, doc_id, profile, options, resolver)
    except RefusedInput as refused:
        return refused
    except RecursionError:
        return RefusedInput(item.source, "markup nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 - one page's bug must not stop the batch
        return RefusedInput(
            item.source,
            f"could not be understood ({type(exc).__name__}: {exc}); "
            "this is a bug in maktub, please report it with the file",
        )


def extract_source(
    item: Source,
    doc_id: str,
    profile: SiteProfile | None,
    options: ExtractOptions,
    resolver: Resolver | None = None,
) -> tuple[Document, str | None]:
    """Turn one Source into its Document tree."""
    text, warning = decode(item.source, item.data, html=item.format == "html", declared=item.charset)
    doc = Document(id=doc_id, source=item.source)
    repeated = profile.repeated(item.site or site_of(item.source)) if profile else None
    if item.format == "html":
        page = parse_html(text, item.source if "://" in item.source else None)
        cleaned = clean_lines(
            [ln.text for ln in page.lines],
            repeated,
            [ln.reason if ln.boilerplate else "" for ln in page.lines],
        )
        doc.links = page.links
        if page.title:
            doc.hints["title"] = page.title
        if page.heading:
            doc.hints["heading"] = page.heading
        if page.title_full:
            doc.hints["title_full"] = page.title_full
        if page.date:
            doc.hints["date"] = page.date
        doc.authors = page.authors
    else:
        cleaned = clean_lines(text.splitlines(), repeated)
    understand(doc, cleaned)
    if options.entities:
        recognise_entities(doc, resolver)
        attribute_statement(doc)
        for d in doc.walk()[1:]:
            recognise_entities(d, resolver, context=doc.entities)
            attribute_statement(d)
    return doc, warning


def learn_sites(paths: list[str], options: ExtractOptions, per_site: int | None = None) -> SiteProfile:
    """First pass over text pages: which short lines repeat across a site's pages.

    With `per_site`, only that many pages of each site are read: enough to see its chrome, and
    the profile stays the same size however large the crawl.
    """
    profile = SiteProfile()

    def want(path: str, site: str) -> bool:
        """Text pages only (HTML has its own structure), and no more than `per_site` of a site."""
        name = path.lower().removesuffix(".gz")
        if name.endswith(WARC_SUFFIXES) or os.path.splitext(name)[1] in HTML_SUFFIXES:
            return False
        return per_site is None or profile.pages[site] < per_site

    for item in iter_sources(paths, replace(options.read, want=want)):
        if isinstance(item, RefusedInput) or item.format != "text":
            continue
        try:
            text, _ = decode(item.source, item.data)
        except RefusedInput:
            continue
        profile.add(item.site or site_of(item.source), text.splitlines())
    return profile


def report(event: RefusedInput | Warning_) -> str:
    """The one line a person sees on stderr for a refused file or a warning."""
    if isinstance(event, RefusedInput):
        return f"maktub: refused {event.source}: {event.reason}"
    return f"maktub: warning {event.source}: {event.message}"


def print_report(event: RefusedInput | Warning_) -> None:
    """Write the report line for an event to stderr."""
    print(report(event), file=sys.stderr)
