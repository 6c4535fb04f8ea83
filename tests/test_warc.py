"""WARC files: one document per HTTP response, named by its target URI, decoded by its declared charset."""

from __future__ import annotations

import json

from conftest import CORPUS, extract_lines

WARC = CORPUS / "warc" / "crawl.warc.gz"
EXPECTED = json.loads((CORPUS / "warc" / "expected.json").read_text(encoding="utf-8"))["records"]


def test_every_response_record_becomes_a_page():
    docs, proc = extract_lines(WARC)
    assert proc.returncode == 0, proc.stderr
    tops = {d["source"]: d for d in docs if d["parent"] is None}
    assert set(tops) == set(EXPECTED)


def test_records_are_understood(validator):
    docs, _ = extract_lines(WARC)
    tops = {d["source"]: d for d in docs if d["parent"] is None}
    for uri, want in EXPECTED.items():
        got = tops[uri]
        assert not list(validator.iter_errors(got))
        assert got["kind"] == want["kind"], uri
        assert got["date"] == want["date"], uri
        assert got["language"] == want["language"], uri
        for author in want.get("authors", []):
            assert author in got["authors"], uri


def test_the_server_declared_charset_is_used():
    docs, proc = extract_lines(WARC)
    assert "not valid UTF-8" not in proc.stderr
    assert not any("\ufffd" in d["text"] for d in docs)
