"""The archive: a lasting, searchable store of everything extracted (SQLite or PostgreSQL)."""

from maktub.archive.db import DEFAULT_ARCHIVE
from maktub.archive.store import Archive

__all__ = ["DEFAULT_ARCHIVE", "Archive"]
