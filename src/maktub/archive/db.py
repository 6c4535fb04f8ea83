"""One connection to an archive, SQLite or PostgreSQL, behind one small interface.

SQL is written once with `?` placeholders; for PostgreSQL they become `%s`. What differs
between the two (full-text search, identity columns) lives in `schema.py` and `search.py`.
Every failure a person can meet (a locked file, a full disk, a server that went away) becomes
a `MaktubError` with one line that says what happened and that nothing committed was lost.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from maktub.errors import MaktubError

DEFAULT_ARCHIVE = "maktub.db"
_PLACEHOLDER = re.compile(r"\?")


class WriteConflict(MaktubError):
    """Another writer changed the same rows at the same moment: the transaction can be tried again."""


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def describe(target: str) -> str:
    """The archive's name for messages, without a password."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", target)


class Database:
    """A connection with `execute`, `many`, `rows`, `one` and `transaction()`."""

    dialect = "sqlite"
    BEGIN = "BEGIN"

    def __init__(self, target: str) -> None:
        self.target = target

    # Subclasses set self.conn and implement _error().
    conn: Any

    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(self._sql(sql), params)
        except Exception as exc:
            raise self._error(exc) from exc

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        try:
            if self.dialect == "sqlite":
                self.conn.executemany(sql, rows)
            else:
                with self.conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)
        except Exception as exc:
            raise self._error(exc) from exc

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: commit at the end, roll back on any error."""
        try:
            self.conn.execute(self.BEGIN)
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
            if isinstance(exc, MaktubError | KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            if isinstance(exc, Exception):
                raise self._error(exc) from exc
            raise

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - closing a broken connection
            pass

    def _error(self, exc: BaseException) -> BaseException:
        return exc


class SQLite(Database):
    """The embedded archive: one file, write-ahead log, one writer at a time."""

    dialect = "sqlite"
    BEGIN = "BEGIN IMMEDIATE"  # take the write lock now, not halfway through

    def __init__(self, target: str) -> None:
        super().__init__(target)
        path = Path(target)
        if path.is_dir():
            raise MaktubError(f"archive {target}: is a folder, not an archive file")
        if path.exists() and path.stat().st_size and not _is_sqlite(path):
            raise MaktubError(f"archive {target}: not a maktub archive (not an SQLite file)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            timeout = float(os.environ.get("MAKTUB_BUSY_TIMEOUT", "10"))  # seconds to wait for another writer
            self.conn = sqlite3.connect(
                target, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA cache_size=-65536")  # 64 MB of pages
            self.conn.execute("PRAGMA temp_store=MEMORY")
        except (sqlite3.Error, OSError) as exc:
            raise self._error(exc) from exc

    def _error(self, exc: BaseException) -> BaseException:
        if isinstance(exc, MaktubError):
            return exc
        text = str(exc)
        name = self.target
        if "locked" in text or "busy" in text:
            return MaktubError(f"archive {name}: locked by another process (nothing was changed); try again")
        if "disk is full" in text or "No space" in text:
            return MaktubError(f"archive {name}: the disk is full; everything committed before is kept")
        if "malformed" in text or "not a database" in text:
            return MaktubError(f"archive {name}: damaged ({text})")
        if isinstance(exc, sqlite3.Error | OSError):
            return MaktubError(f"archive {name}: {text}")
        return exc


class Postgres(Database):
    """The archive for teams and large corpora: many writers, full text with pg_trgm for names."""

    dialect = "postgresql"

    def __init__(self, target: str) -> None:
        super().__init__(target)
        import psycopg

        try:
            self.conn = psycopg.connect(target, connect_timeout=10, autocommit=True)
            # psycopg prepares a statement run five times, and the server may then plan it once
            # for any value: for a search, the plan of a common word served a rare one (or the
            # other way round), 60 ms became 4 s. Every search is planned for its own words.
            self.conn.execute("SET plan_cache_mode = force_custom_plan")
        except psycopg.Error as exc:
            raise MaktubError(f"archive {describe(target)}: cannot connect ({_first_line(exc)})") from None

    def _sql(self, sql: str) -> str:
        return _PLACEHOLDER.sub("%s", sql)

    def _error(self, exc: BaseException) -> BaseException:
        import psycopg

        if isinstance(exc, MaktubError):
            return exc
        name = describe(self.target)
        if isinstance(exc, psycopg.errors.TransactionRollback | psycopg.errors.UniqueViolation):
            return WriteConflict(f"archive {name}: another writer wrote the same rows at once ({_first_line(exc)})")
        if isinstance(exc, psycopg.OperationalError):
            return MaktubError(
                f"archive {name}: the server went away ({_first_line(exc)}); everything committed before is kept"
            )
        if isinstance(exc, psycopg.Error):
            return MaktubError(f"archive {name}: {_first_line(exc)}")
        return exc


def connect(target: str | Path | None = None) -> Database:
    """Open the archive at `target`: a file path (SQLite) or a postgresql:// URL."""
    target = str(target or DEFAULT_ARCHIVE)
    return Postgres(target) if is_postgres(target) else SQLite(target)


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
