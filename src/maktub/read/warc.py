"""WARC and WET files, plain or gzipped: one Source per response, resource or conversion record."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from maktub.errors import RefusedInput

if TYPE_CHECKING:
    from maktub.read.files import ReadOptions, Source

PAGE_TYPES = {"response", "resource", "conversion"}


def iter_warc(path: Path, options: ReadOptions) -> Iterator[Source | RefusedInput]:
    """Yield a Source per page record, streaming; a damaged file yields what came before the damage."""
    from maktub.read.files import Source, read_capped

    count = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                count += 1
                if record.rec_type not in PAGE_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#record{count}"
                captured = record.rec_headers.get_header("WARC-Date")
                ctype = ""
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        continue
                    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                else:
                    ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
                if ctype and not any(t in ctype for t in ("html", "text", "xml")):
                    continue
                stream = record.content_stream()
                data = read_capped(stream, options.max_bytes)
                while stream.read(1 << 20):
                    pass
                if getattr(record.raw_stream, "limit", 0) > 0:
                    yield RefusedInput(
                        str(path),
                        f"truncated WARC: record {count} ({uri}) ends early; the records before it were read",
                    )
                    return
                truncated = len(data) > options.max_bytes
                data = data[: options.max_bytes]
                if not data.strip():
                    continue
                fmt = "text" if record.rec_type == "conversion" or "text/plain" in ctype else "html"
                declared = re.search(r"charset=([\w.:-]+)", ctype)
                warnings = (
                    [f"record {count} longer than {options.max_bytes:,} bytes: cut"] if truncated else []
                )
                yield Source(
                    uri,
                    data,
                    fmt,
                    captured=(captured or "")[:10] or None,
                    truncated=truncated,
                    warnings=warnings,
                    charset=declared.group(1) if declared else None,
                )
        if not _gzip_complete(path):
            yield RefusedInput(
                str(path),
                f"truncated WARC: the file ends inside a record after record {count}; "
                "the records before it were read",
            )
    except ArchiveLoadFailed as exc:
        yield RefusedInput(
            str(path),
            f"not a WARC file ({str(exc).strip()[:80]}); "
            "pass --format html or --format text to read it as a page",
        )
    except (EOFError, OSError, ValueError) as exc:
        yield RefusedInput(
            str(path),
            f"truncated or damaged WARC after record {count}: "
            f"{type(exc).__name__}; the records before it were read",
        )


def _gzip_complete(path: Path) -> bool:
    """False when a gzipped file stops inside a member (warcio ends such a file quietly)."""
    with open(path, "rb") as probe:
        if probe.read(2) != b"\x1f\x8b":
            return True
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 22):
                pass
    except (EOFError, OSError, zlib.error):
        return False
    return True
