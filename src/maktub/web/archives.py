"""The web app's hold on its archive: one connection a thread, and what is worth keeping between requests."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from maktub.archive.store import Archive
from maktub.errors import MaktubError

T = TypeVar("T")

VIEW_FLUSH_SECONDS = 5.0  # page views are written at most this often, in one transaction


class Archives:
    """Opens the archive once per thread (a database connection is not shared between threads).

    The archive is upgraded to the current schema once, when the app starts; the threads that
    serve requests then open it as it is.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        with Archive.open(target):  # creates or upgrades it, and fails here, at start, if it can't
            pass
        self._local = threading.local()
        self._all: list[Archive] = []
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, object, object]] = {}
        self._views: Counter[str] = Counter()
        self._views_written = time.monotonic()

    def get(self) -> Archive:
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = Archive.open(self.target, upgrade=False)
            self._local.archive = archive
            with self._lock:
                self._all.append(archive)
        return archive

    def close(self) -> None:
        self.flush_views()
        with self._lock:
            for archive in self._all:
                archive.close()
            self._all.clear()
        self._local = threading.local()

    def cached(self, name: str, seconds: float, key: object, make: Callable[[], T]) -> T:
        """`make()`'s answer, kept as long as `key` (what it depends on) is unchanged, and for at
        least `seconds` when it changes (an ingest changes it with every batch)."""
        found = self._cache.get(name)
        now = time.monotonic()
        if found is not None and (found[1] == key or now - found[0] < seconds):
            return found[2]  # type: ignore[return-value]
        value = make()
        self._cache[name] = (now, key, value)
        return value

    def viewed(self, doc_id: str) -> None:
        """Count a reading of a document; the counts are written every few seconds, not per request."""
        with self._lock:
            self._views[doc_id] += 1
            due = time.monotonic() - self._views_written >= VIEW_FLUSH_SECONDS
        if due:
            self.flush_views()

    def flush_views(self) -> None:
        with self._lock:
            views, self._views = self._views, Counter()
            self._views_written = time.monotonic()
        if not views:
            return
        archive = self.get()
        try:
            with archive.db.transaction():
                archive.db.many(
                    "UPDATE documents SET views = views + ? WHERE id = ?",
                    sorted((n, i) for i, n in views.items()),
                )
        except MaktubError:  # the archive is busy (an ingest is writing): keep the counts for next time
            with self._lock:
                self._views.update(views)
