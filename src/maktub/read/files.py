"""Walk the paths given on the command line and hand out one `Source` per page found."""

from __future__ import annotations

import errno
import gzip
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from maktub.errors import RefusedInput

# 20 MB: ten times the largest real page seen in the political crawls we target;
# anything longer is cut there (and the cut is reported) so memory stays bounded.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc", ".arc.gz")
# Files a saved site holds beside its pages (styles, scripts, images, fonts, data): never pages.
ASSET_SUFFIXES = {
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".map",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".ico",
    ".webp",
    ".woff",
    ".woff2",
    ".ttf",
    ".eot",
    ".py",
    ".sh",
    ".lock",
}


@dataclass
class ReadOptions:
    """How sources are read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    format: str | None = None  # "text", "html" or "warc" to override detection
    # Read only the files this says yes to, given (path, site); the others are passed over unread.
    want: Callable[[str, str], bool] | None = None


@dataclass
class Source:
    """One page to understand: its bytes, where they came from and what format they are."""

    source: str
    data: bytes
    format: str  # "text" or "html"
    captured: str | None = None
    truncated: bool = False
    warnings: list[str] | None = None
    charset: str | None = None  # as declared by the server (WARC records' Content-Type)
    site: str = ""  # the site the page belongs to (see `_walk`); a WARC record's is its URL's host


def iter_sources(paths: list[str], options: ReadOptions) -> Iterator[Source | RefusedInput]:
    """Yield a Source for every page under `paths`, or a RefusedInput naming what failed and why."""
    for path in paths:
        yield from _walk(Path(path), options, set(), None)


def _walk(
    path: Path, options: ReadOptions, seen_dirs: set[str], site: str | None
) -> Iterator[Source | RefusedInput]:
    """Every page under `path`. A page's site is the folder it was given in, or the subfolder of it
    the page lies in (a crawl of several sites keeps each in a folder of its own: host/...)."""
    try:
        is_dir = path.is_dir()
        real = os.path.realpath(path, strict=True)
    except OSError as exc:
        yield RefusedInput(str(path), _os_reason(exc))
        return
    if is_dir:
        if real in seen_dirs:
            yield RefusedInput(str(path), "symlink loop: this folder was already read; skipped")
            return
        seen_dirs = seen_dirs | {real}
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            yield RefusedInput(str(path), _os_reason(exc))
            return
        for entry in entries:
            if entry.name.startswith(".") or os.path.splitext(entry.name)[1].lower() in ASSET_SUFFIXES:
                continue
            child_site = site or (entry.path if _is_dir(entry) else str(path))
            yield from _walk(Path(entry.path), options, seen_dirs, child_site)
        return
    if not path.is_file():
        yield RefusedInput(str(path), "not a regular file (a FIFO, socket or device): skipped")
        return
    yield from _read_file(path, options, site or str(path.parent))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: refused when it is walked
        return False


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop: the link points back to itself"
    if exc.errno == errno.ENOENT:
        return "no such file (or a broken symlink)"
    if exc.errno == errno.EACCES:
        return "permission denied: make the file readable and run again"
    return exc.strerror or str(exc)


def _read_file(path: Path, options: ReadOptions, site: str) -> Iterator[Source | RefusedInput]:
    if options.want is not None and not options.want(str(path), site):
        return
    name = path.name.lower()
    fmt = options.format
    if fmt == "warc" or (fmt is None and name.endswith(WARC_SUFFIXES)):
        from maktub.read.warc import iter_warc

        yield from iter_warc(path, options)
        return
    try:
        with _open_maybe_gzip(path) as fh:
            data = read_capped(fh, options.max_bytes)
    except OSError as exc:  # includes gzip.BadGzipFile and EOFError subclasses below
        yield RefusedInput(str(path), _os_reason(exc) if exc.errno else f"unreadable: {exc}")
        return
    except EOFError:
        yield RefusedInput(str(path), "truncated gzip: the file ends before its compressed data does")
        return
    warnings = []
    truncated = len(data) > options.max_bytes
    if truncated:
        data = data[: options.max_bytes]
        warnings.append(f"longer than {options.max_bytes:,} bytes: only the first part was read")
    if not data.strip():
        yield RefusedInput(str(path), "empty file")
        return
    if fmt is None and data[:4] == b"WARC":
        from maktub.read.warc import iter_warc

        yield from iter_warc(path, options)
        return
    if fmt not in ("text", "html"):
        fmt = "html" if _looks_like_html(name, data) else "text"
    yield Source(str(path), data, fmt, truncated=truncated, warnings=warnings, site=site)


def read_capped(fh: BinaryIO, max_bytes: int) -> bytes:
    """Read up to max_bytes + 1 bytes in chunks (so a truncated gzip raises instead of ending quietly)."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = fh.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def open_maybe_gzip(path: Path) -> BinaryIO:
    """Open a file for reading bytes, through gzip when it is gzipped."""
    return _open_maybe_gzip(path)


def _open_maybe_gzip(path: Path) -> BinaryIO:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _looks_like_html(name: str, data: bytes) -> bool:
    suffix = os.path.splitext(name.removesuffix(".gz"))[1]
    if suffix in HTML_SUFFIXES:
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head
