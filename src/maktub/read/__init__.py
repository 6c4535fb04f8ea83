"""Readers: files, folders and WARC records in, `Source` objects (bytes plus what they are) out."""

from __future__ import annotations

from maktub.read.files import ReadOptions, Source, iter_sources
from maktub.read.text import decode

__all__ = ["ReadOptions", "Source", "decode", "iter_sources"]
