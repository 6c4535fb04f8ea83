"""Bad input: one line on stderr naming the file and the reason; the rest of the batch goes on."""

from __future__ import annotations

import gzip
import os
import resource
import subprocess
import sys

from conftest import SEEDS, extract_lines, run_maktub

GOOD = "Dear Mr. Baig,\n\nThe water has not reached Orangi Town for eleven days and we ask for help now.\n"


def _good_file(folder):
    path = folder / "good.txt"
    path.write_text("Letter about water\n\n" + GOOD + "\nYours sincerely,\nNadia Rahim\n", encoding="utf-8")
    return path


def _refusals(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("maktub: refused")]


def test_a_bad_file_never_stops_the_batch(tmp_path):
    _good_file(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    noise = os.urandom(20000).hex().encode()  # incompressible, so a cut lands mid-stream
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(noise)[:5000])
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    docs, proc = extract_lines(tmp_path)
    assert proc.returncode == 1
    refused = _refusals(proc.stderr)
    assert len(refused) == 4, proc.stderr
    assert any("empty.txt: empty file" in line for line in refused)
    assert any("binary.txt: binary file" in line for line in refused)
    assert any("broken.txt.gz: truncated gzip" in line for line in refused)
    assert any("dangling.txt: no such file" in line for line in refused)
    assert [d["kind"] for d in docs if d["source"].endswith("good.txt")] == ["letter"]


def test_all_good_exits_zero_and_nothing_on_stderr():
    docs, proc = extract_lines(SEEDS / "000_9b4ded9706406cb4.txt")
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(docs) == 1


def test_could_not_run_exits_two():
    proc = run_maktub("extract", "--max-bytes", "nope", "x")
    assert proc.returncode == 2


def test_invalid_utf8_is_read_in_its_own_encoding_with_a_warning(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(("Café owners’ letter\n\n" + GOOD).encode("cp1252"))
    docs, proc = extract_lines(path)
    assert proc.returncode == 0
    assert "not valid UTF-8" in proc.stderr and "cp1252.txt" in proc.stderr
    assert "Café owners’ letter" in docs[0]["text"]


def test_symlink_loops_are_refused_once(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    _good_file(folder)
    (folder / "again").symlink_to(folder)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    docs, proc = extract_lines(folder)
    assert proc.returncode == 1
    refused = _refusals(proc.stderr)
    assert any("again: symlink loop" in line for line in refused)
    assert any("self.txt: symlink loop" in line for line in refused)
    assert len(docs) == 1


def test_a_fifo_is_skipped_not_waited_on(tmp_path):
    _good_file(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    docs, proc = extract_lines(tmp_path)
    assert proc.returncode == 1
    assert "pipe.txt: not a regular file" in proc.stderr
    assert len(docs) == 1


def test_the_same_file_twice_is_one_document(tmp_path):
    first = _good_file(tmp_path)
    (tmp_path / "copy.txt").write_bytes(first.read_bytes())
    docs, proc = extract_lines(tmp_path)
    assert proc.returncode == 0
    assert len(docs) == 1
    assert "same content as an earlier page" in proc.stderr


def test_a_200_mb_file_is_cut_and_memory_stays_bounded(tmp_path):
    big = tmp_path / "huge.txt"
    line = "The committee met again and discussed the water supply of the district at length. " * 3 + "\n"
    with big.open("w", encoding="utf-8") as fh:
        block = line * 4000
        while fh.tell() < 200 * 1024 * 1024:
            fh.write(block)
    _good_file(tmp_path)
    code = (
        "import resource, subprocess, sys;"
        f"p = subprocess.run([sys.executable, '-m', 'maktub', 'extract', '--no-entities', {str(tmp_path)!r}],"
        " capture_output=True, text=True);"
        "print(p.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "sys.stderr.write(p.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
    rc, peak_kb = proc.stdout.split()
    assert rc == "0", proc.stderr
    assert "huge.txt: longer than" in proc.stderr
    assert int(peak_kb) < 1024 * 1024, f"peak RSS {int(peak_kb) // 1024} MB"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1024 * 1024


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in range(3):
            body = (
                f"<html><head><title>Statement {n}</title></head><body><h1>Statement {n}</h1>"
                f"<p>{GOOD * 3}</p></body></html>"
            ).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://example.org/news/{n}",
                "response",
                payload=__import__("io").BytesIO(body),
                http_headers=headers,
            )
            writer.write_record(record)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    docs, proc = extract_lines(cut)
    assert proc.returncode == 1
    assert "cut.warc.gz: truncated WARC" in proc.stderr
    assert [d["source"] for d in docs] == [
        "https://example.org/news/0",
        "https://example.org/news/1",
    ]
