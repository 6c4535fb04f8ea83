"""The people who use the web app: accounts, sign-in, sessions, and the notes they leave.

Passwords are kept as argon2 hashes and sessions by the SHA-256 of their cookie's token, so
a copy of the archive signs no one in. Failed sign-ins are rows in the archive, so the limit
holds across the app's processes and restarts. The web app calls these functions; so does
`maktub users`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from maktub.archive.store import Archive
from maktub.errors import MaktubError

ROLES = ("editor", "admin")
MIN_PASSWORD = 10
MAX_NOTE = 10_000
# Sign-in limits: failures for one name from one client, and from anywhere (many clients
# guessing at one account), within the window; OWASP's guidance is a handful per quarter hour.
WINDOW = timedelta(minutes=15)
PER_CLIENT = 5
PER_NAME = 20
# A session's expiry and last_seen are written again at most this often: one write a
# minute per session instead of one per request.
SLIDE_EVERY = timedelta(minutes=1)

_NAME = re.compile(r"[\w.@-]{1,64}")  # letters of any script, digits, _ . @ -
_hasher = PasswordHasher()  # argon2id with RFC 9106's low-memory parameters


class SignInRefused(MaktubError):
    """A name and password that do not sign in; the same for an unknown name."""

    def __init__(self) -> None:
        super().__init__("wrong name or password")


class TooManyAttempts(MaktubError):
    """Too many failed sign-ins for a name lately; `retry_after` seconds until the next try."""

    def __init__(self, retry_after: int) -> None:
        minutes = math.ceil(retry_after / 60)
        super().__init__(f"too many failed sign-ins; try again in {minutes} minute{'s' * (minutes != 1)}")
        self.retry_after = retry_after


class NotAllowed(MaktubError):
    """The signed-in person may not do this (another person's note, say)."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str  # 'editor' or 'admin'
    created: str


@dataclass(frozen=True)
class Session:
    token: str  # the cookie's value; the archive keeps only its hash
    csrf: str  # the token every form of this session carries back
    user: User
    expires: datetime


@dataclass(frozen=True)
class Note:
    id: int
    document_id: str
    document_title: str | None
    user_id: int | None  # None once the account is removed; the note stays under user_name
    user_name: str
    text: str
    created: str


# --- accounts ----------------------------------------------------------------------------


def add_user(archive: Archive, name: str, password: str, role: str = "editor") -> User:
    """Make an account; a name already taken, a bad name or a short password is refused."""
    name = _checked_name(name)
    if role not in ROLES:
        raise MaktubError(f"no role {role!r}: a user is an editor or an admin")
    password_hash = _hash(password)
    db = archive.db
    with db.transaction():
        if db.value("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise MaktubError(f"there is already a user named {name!r} (maktub users list shows them)")
        created = _iso(_clock())
        found = db.value(
            "INSERT INTO users (name, password_hash, role, created) VALUES (?, ?, ?, ?) RETURNING id",
            (name, password_hash, role, created),
        )
    return User(int(found), name, role, created)


def set_password(archive: Archive, name: str, password: str) -> None:
    """Give a user a new password; their open sessions end."""
    password_hash = _hash(password)
    with archive.db.transaction():
        user = _user_id(archive, name)
        archive.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user))
        archive.db.execute("DELETE FROM sessions WHERE user_id = ?", (user,))


def remove_user(archive: Archive, name: str) -> None:
    """Remove an account and end its sessions; its notes stay, under its name."""
    db = archive.db
    with db.transaction():
        user = _user_id(archive, name)
        db.execute("UPDATE notes SET user_id = NULL WHERE user_id = ?", (user,))
        db.execute("DELETE FROM sessions WHERE user_id = ?", (user,))
        db.execute("DELETE FROM users WHERE id = ?", (user,))


def users(archive: Archive) -> list[User]:
    """Every account, by name."""
    return [_user(r) for r in archive.db.rows("SELECT id, name, role, created FROM users ORDER BY name")]


# --- signing in --------------------------------------------------------------------------


def authenticate(archive: Archive, name: str, password: str, client: str) -> User:
    """The user with this name and password, or SignInRefused; TooManyAttempts after repeated failures.

    `client` is where the attempt comes from (the web app passes the address). An unknown name
    costs the same hash check as a known one, so the time taken does not tell which names exist.
    """
    db = archive.db
    at = _clock()
    pair, anywhere = _subject(name, client), _subject(name)
    with db.transaction():
        db.execute("DELETE FROM login_attempts WHERE at <= ?", (_iso(at - WINDOW),))
        wait = max(_wait(archive, pair, PER_CLIENT, at), _wait(archive, anywhere, PER_NAME, at))
    if wait:
        raise TooManyAttempts(wait)
    row = db.one("SELECT id, name, role, created, password_hash, disabled FROM users WHERE name = ?", (name,))
    stored = row[4] if row else _dummy_hash()
    right = _verify(stored, password)
    if row is None or not right or row[5]:
        with db.transaction():
            db.many(
                "INSERT INTO login_attempts (subject, at) VALUES (?, ?)",
                [(pair, _iso(at)), (anywhere, _iso(at))],
            )
        raise SignInRefused()
    with db.transaction():
        # This client's failures are forgiven; those for the name from anywhere stand, as
        # they may be someone else's guesses.
        db.execute("DELETE FROM login_attempts WHERE subject = ?", (pair,))
        if _hasher.check_needs_rehash(stored):
            db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (_hasher.hash(password), row[0]))
    return _user(row)


def open_session(archive: Archive, user: User, lifetime: timedelta = timedelta(days=14)) -> Session:
    """A new session for a signed-in user, valid for `lifetime` after its last use."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    at = _clock()
    expires = at + lifetime
    with archive.db.transaction():
        archive.db.execute("DELETE FROM sessions WHERE expires <= ?", (_iso(at),))
        archive.db.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf, created, expires, last_seen) VALUES (?, ?, ?, ?, ?, ?)",
            (_token_hash(token), user.id, csrf, _iso(at), _iso(expires), _iso(at)),
        )
    return Session(token, csrf, user, expires)


def session(archive: Archive, token: str) -> Session | None:
    """The live session of this cookie token; None when unknown, expired, or its user is disabled or gone.

    Each use moves the expiry on by the session's lifetime, writing at most once a minute.
    """
    db = archive.db
    key = _token_hash(token)
    row = db.one(
        "SELECT s.csrf, s.expires, s.last_seen, u.id, u.name, u.role, u.created, u.disabled "
        "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
        (key,),
    )
    at = _clock()
    if row is None or row[7]:
        return None
    expires, last_seen = datetime.fromisoformat(row[1]), datetime.fromisoformat(row[2])
    if expires <= at:
        with db.transaction():
            db.execute("DELETE FROM sessions WHERE token_hash = ?", (key,))
        return None
    if at - last_seen >= SLIDE_EVERY:
        expires = at + (expires - last_seen)  # expires - last_seen is the lifetime it was opened with
        with db.transaction():
            db.execute(
                "UPDATE sessions SET expires = ?, last_seen = ? WHERE token_hash = ?",
                (_iso(expires), _iso(at), key),
            )
    return Session(token, row[0], _user(row[3:7]), expires)


def close_session(archive: Archive, token: str) -> None:
    """End a session (signing out); an unknown token is no error."""
    with archive.db.transaction():
        archive.db.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))


def csrf_ok(expected: str, given: str | None) -> bool:
    """Whether a form carried its session's CSRF token, compared in constant time."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


# --- notes -------------------------------------------------------------------------------


def add_note(archive: Archive, user: User, document_id: str, text: str) -> Note:
    """Leave a note on a document."""
    text = text.strip()
    if not text:
        raise MaktubError("a note needs some text")
    if len(text) > MAX_NOTE:
        raise MaktubError(f"a note holds at most {MAX_NOTE:,} characters; this one has {len(text):,}")
    db = archive.db
    at = _iso(_clock())
    with db.transaction():
        title = db.one("SELECT title FROM documents WHERE id = ?", (document_id,))
        if title is None:
            raise MaktubError(f"no document with the id {document_id!r} in the archive")
        found = db.value(
            "INSERT INTO notes (document_id, user_id, user_name, text, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (document_id, user.id, user.name, text, at, at),
        )
    return Note(int(found), document_id, title[0], user.id, user.name, text, at)


def notes_for(archive: Archive, document_id: str) -> list[Note]:
    """The notes on a document, oldest first."""
    return _notes(archive, "WHERE n.document_id = ? ORDER BY n.created, n.id", (document_id,))


def recent_notes(archive: Archive, limit: int = 10) -> list[Note]:
    """The newest notes across the archive, newest first, with their documents' titles."""
    return _notes(archive, "ORDER BY n.created DESC, n.id DESC LIMIT ?", (limit,))


def may_delete(user: User, note: Note) -> bool:
    """Whether `user` may delete `note`: their own, or any for an admin."""
    return user.role == "admin" or note.user_id == user.id


def delete_note(archive: Archive, user: User, note_id: int) -> None:
    """Delete a note: one's own, or any for an admin (NotAllowed otherwise)."""
    with archive.db.transaction():
        found = _notes(archive, "WHERE n.id = ?", (note_id,))
        if not found:
            raise MaktubError(f"no note {note_id}")
        if not may_delete(user, found[0]):
            raise NotAllowed(f"note {note_id} is {found[0].user_name}'s: only they or an admin may delete it")
        archive.db.execute("DELETE FROM notes WHERE id = ?", (note_id,))


# --- inside ------------------------------------------------------------------------------


def _clock() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")  # as store.now() writes it: such strings sort as times


def _user(row: Sequence[Any]) -> User:
    return User(int(row[0]), row[1], row[2], row[3])


def _user_id(archive: Archive, name: str) -> int:
    found = archive.db.value("SELECT id FROM users WHERE name = ?", (name,))
    if found is None:
        raise MaktubError(f"no user named {name!r} (maktub users list shows them)")
    return int(found)


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise MaktubError("a user needs a name")
    if not _NAME.fullmatch(name):
        raise MaktubError(f"not a user name: {name!r}; use up to 64 letters, digits and . _ - @ (no spaces)")
    return name


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise MaktubError(f"a password needs at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _subject(name: str, client: str | None = None) -> str:
    # As JSON, so that no name (a sign-in form may send anything) reads as another name and client.
    return json.dumps([name] if client is None else [name, client], ensure_ascii=False)


def _wait(archive: Archive, subject: str, limit: int, at: datetime) -> int:
    """Seconds until `subject` has fewer than `limit` failures in the window; 0 if it has now."""
    rows = archive.db.rows(
        "SELECT at FROM login_attempts WHERE subject = ? AND at > ? ORDER BY at DESC LIMIT ?",
        (subject, _iso(at - WINDOW), limit),
    )
    if len(rows) < limit:
        return 0
    oldest = datetime.fromisoformat(rows[-1][0])
    return max(1, math.ceil((oldest + WINDOW - at).total_seconds()))


def _notes(archive: Archive, where: str, params: tuple[object, ...]) -> list[Note]:
    rows = archive.db.rows(
        "SELECT n.id, n.document_id, d.title, n.user_id, n.user_name, n.text, n.created "
        f"FROM notes n LEFT JOIN documents d ON d.id = n.document_id {where}",
        params,
    )
    return [Note(int(r[0]), r[1], r[2], None if r[3] is None else int(r[3]), r[4], r[5], r[6]) for r in rows]
