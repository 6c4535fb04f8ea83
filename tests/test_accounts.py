"""Accounts, sign-in, sessions and notes, on both databases, and `maktub users`.

Every test that takes `backend` runs on SQLite and on PostgreSQL (see tests/test_archive.py).
Time is moved on by setting the accounts module's clock, never by sleeping.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from maktub.archive import Archive
from maktub.archive.db import connect
from maktub.archive.ingest import IngestOptions, ingest
from maktub.archive.schema import VERSION, migrate, version
from maktub.cli import cli
from maktub.errors import MaktubError
from maktub.web import accounts
from maktub.web.accounts import NotAllowed, SignInRefused, TooManyAttempts

PASSWORD = "correct horse battery"

LETTER = """Letter to the editor

Karachi, 12 May 1998

Sir, the water supply in Orangi has failed for the third week running.

Yours faithfully,
Nasreen Akhtar
"""


class Clock:
    """The accounts module's idea of now, moved on by hand."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(accounts, "_clock", clock)
    return clock


@pytest.fixture
def archive(backend: str) -> Iterator[Archive]:
    with Archive.open(backend) as opened:
        yield opened


def _letter(archive: Archive, folder: Path) -> str:
    """Ingest one letter to the editor and return its document's id."""
    page = folder / "letter.txt"
    page.write_text(LETTER, encoding="utf-8")
    ingest([str(page)], archive, IngestOptions(workers=0))
    found = archive.db.rows("SELECT id FROM documents")
    assert len(found) == 1
    return str(found[0][0])


# --- accounts ----------------------------------------------------------------------------


def test_a_password_is_kept_as_an_argon2_hash_never_as_itself(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    assert (user.name, user.role) == ("nasreen", "editor")
    stored = archive.db.value("SELECT password_hash FROM users WHERE name = 'nasreen'")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)
    assert [u.name for u in accounts.users(archive)] == ["nasreen"]


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("", PASSWORD, "editor", "a user needs a name"),
        ("two words", PASSWORD, "editor", "not a user name: 'two words'"),
        ("x" * 65, PASSWORD, "editor", "not a user name"),
        ("farid", "short1234", "editor", "at least 10 characters"),
        ("farid", PASSWORD, "owner", "no role 'owner'"),
    ],
)
def test_a_bad_name_password_or_role_is_refused(
    archive: Archive, name: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(MaktubError, match=message):
        accounts.add_user(archive, name, password, role)
    assert accounts.users(archive) == []


def test_a_name_is_taken_once(archive: Archive) -> None:
    accounts.add_user(archive, "nasreen", PASSWORD)
    with pytest.raises(MaktubError, match="already a user named 'nasreen'"):
        accounts.add_user(archive, "nasreen", "another password here", "admin")
    assert [(u.name, u.role) for u in accounts.users(archive)] == [("nasreen", "editor")]


def test_a_user_name_may_be_urdu(archive: Archive) -> None:
    user = accounts.add_user(archive, "نسرین", PASSWORD)
    assert accounts.authenticate(archive, "نسرین", PASSWORD, "10.0.0.1") == user


def test_a_new_password_replaces_the_old_and_ends_sessions(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    opened = accounts.open_session(archive, user)
    accounts.set_password(archive, "nasreen", "a brand new password")
    assert accounts.session(archive, opened.token) is None
    with pytest.raises(SignInRefused):
        accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    assert accounts.authenticate(archive, "nasreen", "a brand new password", "10.0.0.1") == user
    with pytest.raises(MaktubError, match="no user named 'nobody'"):
        accounts.set_password(archive, "nobody", "a brand new password")


# --- signing in --------------------------------------------------------------------------


def test_a_wrong_password_and_an_unknown_name_are_the_same_refusal(archive: Archive) -> None:
    accounts.add_user(archive, "nasreen", PASSWORD)
    with pytest.raises(SignInRefused) as wrong:
        accounts.authenticate(archive, "nasreen", "not the password", "10.0.0.1")
    with pytest.raises(SignInRefused) as unknown:
        accounts.authenticate(archive, "nobody", PASSWORD, "10.0.0.1")
    assert str(wrong.value) == str(unknown.value) == "wrong name or password"


def test_a_disabled_user_cannot_sign_in_and_loses_their_session(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    opened = accounts.open_session(archive, user)
    with archive.db.transaction():
        archive.db.execute("UPDATE users SET disabled = 1 WHERE id = ?", (user.id,))
    with pytest.raises(SignInRefused, match="wrong name or password"):
        accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    assert accounts.session(archive, opened.token) is None


def test_five_failures_from_one_client_lock_that_client_out_for_the_window(
    archive: Archive, clock: Clock
) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            accounts.authenticate(archive, "nasreen", "not the password", "10.0.0.1")
        clock.advance(seconds=10)
    # The first failure was 50 s ago: the lock lifts 15 minutes after it. The right password
    # does not open it early.
    with pytest.raises(TooManyAttempts) as locked:
        accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    assert locked.value.retry_after == 15 * 60 - 50
    assert "try again in 15 minutes" in str(locked.value)
    # Another client is not locked out of the same account.
    assert accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.2") == user
    clock.advance(seconds=15 * 60 - 50 - 1)
    with pytest.raises(TooManyAttempts) as still:
        accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    assert still.value.retry_after == 1
    clock.advance(seconds=1)
    assert accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1") == user
    # The four later failures still count against the name from anywhere, until the window
    # has passed them too: then they are gone from the table.
    assert archive.db.value("SELECT count(*) FROM login_attempts") == 4
    clock.advance(minutes=15)
    accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    assert archive.db.value("SELECT count(*) FROM login_attempts") == 0


def test_an_unknown_name_is_locked_out_the_same_way(archive: Archive) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused):
            accounts.authenticate(archive, "nobody", "not the password", "10.0.0.1")
    with pytest.raises(TooManyAttempts):
        accounts.authenticate(archive, "nobody", "not the password", "10.0.0.1")


def test_twenty_failures_from_anywhere_lock_the_name(archive: Archive, clock: Clock) -> None:
    accounts.add_user(archive, "nasreen", PASSWORD)
    for n in range(20):
        with pytest.raises(SignInRefused):
            accounts.authenticate(archive, "nasreen", "not the password", f"10.0.1.{n}")
    with pytest.raises(TooManyAttempts) as locked:
        accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.2.1")
    assert locked.value.retry_after == 15 * 60
    accounts.add_user(archive, "farid", PASSWORD)
    assert accounts.authenticate(archive, "farid", PASSWORD, "10.0.2.1").name == "farid"


def test_signing_in_forgives_that_clients_failures(archive: Archive) -> None:
    accounts.add_user(archive, "nasreen", PASSWORD)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            accounts.authenticate(archive, "nasreen", "not the password", "10.0.0.1")
    accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    for _ in range(4):  # four more typos are not the fifth and more
        with pytest.raises(SignInRefused):
            accounts.authenticate(archive, "nasreen", "not the password", "10.0.0.1")
    assert accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1").name == "nasreen"


def test_a_hash_made_with_weaker_settings_is_made_again_at_sign_in(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with archive.db.transaction():
        archive.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (weak, user.id))
    accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    stored = archive.db.value("SELECT password_hash FROM users WHERE id = ?", (user.id,))
    assert stored != weak and not PasswordHasher().check_needs_rehash(stored)
    assert accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1") == user


# --- sessions ----------------------------------------------------------------------------


def test_a_session_is_found_by_its_token_and_only_its_hash_is_stored(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD, "admin")
    opened = accounts.open_session(archive, user)
    assert opened.token != opened.csrf and len(opened.token) >= 43
    stored = archive.db.rows("SELECT token_hash, csrf FROM sessions")
    assert stored == [(hashlib.sha256(opened.token.encode()).hexdigest(), opened.csrf)]
    found = accounts.session(archive, opened.token)
    assert found is not None
    assert (found.user, found.csrf, found.token) == (user, opened.csrf, opened.token)
    assert accounts.session(archive, opened.token + "x") is None
    assert accounts.session(archive, stored[0][0]) is None  # the stored hash is no token


def test_a_session_expires_unless_used_and_slides_at_most_once_a_minute(
    archive: Archive, clock: Clock
) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    opened = accounts.open_session(archive, user, lifetime=timedelta(hours=1))
    assert opened.expires == clock.now + timedelta(hours=1)
    clock.advance(seconds=30)
    seen = accounts.session(archive, opened.token)
    assert seen is not None and seen.expires == opened.expires  # not written again within the minute
    clock.advance(minutes=50)
    seen = accounts.session(archive, opened.token)
    assert seen is not None and seen.expires == clock.now + timedelta(hours=1)
    assert archive.db.value("SELECT expires FROM sessions") == seen.expires.isoformat()
    clock.advance(minutes=61)
    assert accounts.session(archive, opened.token) is None
    assert archive.db.value("SELECT count(*) FROM sessions") == 0


def test_a_closed_session_is_gone(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    first, second = accounts.open_session(archive, user), accounts.open_session(archive, user)
    accounts.close_session(archive, first.token)
    assert accounts.session(archive, first.token) is None
    assert accounts.session(archive, second.token) is not None
    accounts.close_session(archive, first.token)  # twice is no error


def test_a_removed_users_sessions_end(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    other = accounts.add_user(archive, "farid", PASSWORD)
    opened, kept = accounts.open_session(archive, user), accounts.open_session(archive, other)
    accounts.remove_user(archive, "nasreen")
    assert accounts.session(archive, opened.token) is None
    assert accounts.session(archive, kept.token) is not None
    assert [u.name for u in accounts.users(archive)] == ["farid"]
    with pytest.raises(SignInRefused):
        accounts.authenticate(archive, "nasreen", PASSWORD, "10.0.0.1")
    with pytest.raises(MaktubError, match="no user named 'nasreen'"):
        accounts.remove_user(archive, "nasreen")


def test_csrf_tokens_must_match() -> None:
    assert accounts.csrf_ok("abc123", "abc123")
    assert not accounts.csrf_ok("abc123", "abc124")
    assert not accounts.csrf_ok("abc123", "")
    assert not accounts.csrf_ok("abc123", None)
    assert not accounts.csrf_ok("abc123", "abc123é")


# --- notes -------------------------------------------------------------------------------


def test_notes_are_listed_oldest_first_per_document_and_newest_first_across(
    archive: Archive, clock: Clock, tmp_path: Path
) -> None:
    doc = _letter(archive, tmp_path)
    nasreen = accounts.add_user(archive, "nasreen", PASSWORD)
    farid = accounts.add_user(archive, "farid", PASSWORD)
    first = accounts.add_note(archive, nasreen, doc, "  Ask KWSB for the pumping logs.\n")
    clock.advance(minutes=5)
    second = accounts.add_note(archive, farid, doc, "The third week: check the earlier letters.")
    assert first.text == "Ask KWSB for the pumping logs." and first.document_title == "Letter to the editor"
    assert [(n.user_name, n.text) for n in accounts.notes_for(archive, doc)] == [
        ("nasreen", first.text),
        ("farid", second.text),
    ]
    recent = accounts.recent_notes(archive)
    assert [n.id for n in recent] == [second.id, first.id]
    assert recent[0].document_title == "Letter to the editor" and recent[0].created == clock.now.isoformat()
    assert [n.id for n in accounts.recent_notes(archive, limit=1)] == [second.id]
    assert accounts.notes_for(archive, "not-a-document") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [("   \n ", "a note needs some text"), ("x" * 10_001, "at most 10,000 characters")],
)
def test_an_empty_or_overlong_note_is_refused(
    archive: Archive, tmp_path: Path, text: str, message: str
) -> None:
    doc = _letter(archive, tmp_path)
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    with pytest.raises(MaktubError, match=message):
        accounts.add_note(archive, user, doc, text)
    assert accounts.add_note(archive, user, doc, "x" * 10_000).text == "x" * 10_000


def test_a_note_on_an_unknown_document_is_refused(archive: Archive) -> None:
    user = accounts.add_user(archive, "nasreen", PASSWORD)
    with pytest.raises(MaktubError, match="no document with the id 'deadbeef'"):
        accounts.add_note(archive, user, "deadbeef", "Where is this letter?")
    assert accounts.recent_notes(archive) == []


def test_a_note_is_deleted_by_its_author_or_an_admin_only(archive: Archive, tmp_path: Path) -> None:
    doc = _letter(archive, tmp_path)
    nasreen = accounts.add_user(archive, "nasreen", PASSWORD)
    farid = accounts.add_user(archive, "farid", PASSWORD)
    admin = accounts.add_user(archive, "zainab", PASSWORD, "admin")
    mine = accounts.add_note(archive, nasreen, doc, "Mine.")
    theirs = accounts.add_note(archive, farid, doc, "Farid's.")
    assert accounts.may_delete(nasreen, mine) and not accounts.may_delete(nasreen, theirs)
    with pytest.raises(NotAllowed, match="only they or an admin"):
        accounts.delete_note(archive, nasreen, theirs.id)
    accounts.delete_note(archive, nasreen, mine.id)
    accounts.delete_note(archive, admin, theirs.id)
    assert accounts.notes_for(archive, doc) == []
    with pytest.raises(MaktubError, match=f"no note {mine.id}"):
        accounts.delete_note(archive, admin, mine.id)


def test_a_removed_users_notes_stay_under_their_name_and_are_no_one_elses(
    archive: Archive, tmp_path: Path
) -> None:
    doc = _letter(archive, tmp_path)
    nasreen = accounts.add_user(archive, "nasreen", PASSWORD)
    note = accounts.add_note(archive, nasreen, doc, "Ask KWSB for the pumping logs.")
    accounts.remove_user(archive, "nasreen")
    kept = accounts.notes_for(archive, doc)
    assert [(n.id, n.user_name, n.user_id) for n in kept] == [(note.id, "nasreen", None)]
    # A new account with the same name is another person: the old note is not theirs to delete.
    again = accounts.add_user(archive, "nasreen", PASSWORD)
    with pytest.raises(NotAllowed):
        accounts.delete_note(archive, again, note.id)


# --- the archive's schema ----------------------------------------------------------------


def test_an_archive_at_version_3_gains_the_accounts_tables_and_keeps_its_documents(backend: str) -> None:
    # Written by hand as maktub 3 stored a page: today's ingest writes tables version 3 lacked.
    db = connect(backend)
    migrate(db, target=3)
    with db.transaction():
        db.execute("INSERT INTO sources (location, site) VALUES ('letter.txt', '.')")
        db.execute(
            "INSERT INTO revisions (source_id, content_hash, format, bytes, ingested) "
            "VALUES (1, 'abc', 'text', 180, '2025-01-01T00:00:00+00:00')"
        )
        db.execute(
            "INSERT INTO documents (id, revision_id, position, kind, title, language, text, names, record) "
            "VALUES ('0123abcd', 1, 0, 'article', 'Letter to the editor', 'en', 'Sir, the water.', '', '{}')"
        )
    db.close()
    with Archive.open(backend) as archive:
        assert version(archive.db) == VERSION
        assert archive.db.rows("SELECT id, title FROM documents") == [("0123abcd", "Letter to the editor")]
        user = accounts.add_user(archive, "nasreen", PASSWORD)
        accounts.add_note(archive, user, "0123abcd", "Noted after the upgrade.")
        assert [(n.text, n.document_title) for n in accounts.notes_for(archive, "0123abcd")] == [
            ("Noted after the upgrade.", "Letter to the editor")
        ]


# --- maktub users ------------------------------------------------------------------------


def test_the_users_commands(backend: str) -> None:
    Archive.open(backend).close()
    runner = CliRunner()

    def users(*args: str, password: str | None = None):
        return runner.invoke(cli, ["users", *args, "--archive", backend], input=password)

    added = users("add", "nasreen", "--password-stdin", password=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert added.stdout == "added nasreen (editor)\n"
    assert (
        users("add", "zainab", "--role", "admin", "--password-stdin", password=PASSWORD + "\n").exit_code == 0
    )
    listed = users("list")
    assert [line.split("\t")[:2] for line in listed.stdout.splitlines()] == [
        ["nasreen", "editor"],
        ["zainab", "admin"],
    ]
    taken = users("add", "nasreen", "--password-stdin", password=PASSWORD + "\n")
    assert (
        taken.exit_code == 2
        and taken.stderr == "maktub: there is already a user named 'nasreen' (maktub users list shows them)\n"
    )
    short = users("password", "nasreen", "--password-stdin", password="short\n")
    assert short.exit_code == 2 and "at least 10 characters" in short.stderr
    changed = users("password", "nasreen", "--password-stdin", password="a brand new password\n")
    assert changed.exit_code == 0 and changed.stdout == "new password set for nasreen\n"
    with Archive.open(backend) as archive:
        assert accounts.authenticate(archive, "nasreen", "a brand new password", "cli").name == "nasreen"
    removed = users("remove", "nasreen")
    assert removed.exit_code == 0 and removed.stdout == "removed nasreen\n"
    assert users("remove", "nasreen").exit_code == 2
    assert [line.split("\t")[0] for line in users("list").stdout.splitlines()] == ["zainab"]


def test_users_add_asks_for_the_password_twice(tmp_path: Path) -> None:
    target = str(tmp_path / "archive.db")
    Archive.open(target).close()
    runner = CliRunner()
    typed = runner.invoke(
        cli, ["users", "add", "nasreen", "--archive", target], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert typed.exit_code == 0, typed.output
    assert PASSWORD not in typed.output  # hidden as it is typed
    with Archive.open(target) as archive:
        assert accounts.authenticate(archive, "nasreen", PASSWORD, "cli").name == "nasreen"


def test_users_need_an_existing_archive(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.db")
    result = CliRunner().invoke(cli, ["users", "list", "--archive", missing])
    assert result.exit_code == 2 and "no such archive" in result.stderr
    assert not Path(missing).exists()
