"""Web benchmark: the web app's pages timed through `maktub serve`, on one connection, then on 64.

    .venv/bin/python benchmarks/web.py [--documents 1000000] [--seed 7] [--workdir DIR]
        [--requests 500] [--warmup 300] [--duration 30] [--connections 64] [--workers N] [--json OUT]

The archive is the search benchmark's (`search.py`: generated documents, bulk-loaded, kept in
the work folder and reused by both), its query words too (three bands of how many documents
hold a word). The app is started as a user starts it, `.venv/bin/maktub serve --archive FILE
--port FREE` (with serve's own number of worker processes unless `--workers` says), and stopped
at the end. The pages asked for, at random with the seed:

- documents, `/documents/{id}`, uniformly over the archive;
- entities, `/entities/{slug}`, uniformly over entities, and weighted by their documents (as
  readers follow links from documents, the most named are visited most);
- searches, `/search?q=...`, the search benchmark's queries, band by band.

Latency: after `--warmup` requests of every type (not counted), `--requests` requests of each
page type and of each search band, shuffled together, one after the other on one keep-alive
connection. The server's time is the app's own `Server-Timing: app;dur=` header (from the
request reaching the app to its response, template included); the client's is the round trip,
and what lies between them is reported (a steady 40 ms is TCP's delayed ACK meeting Nagle's
algorithm on the server's socket, not the app). Targets, at 1,000,000 documents, on the
server's p95: documents and entities under 50 ms, searches under 100 ms.

Throughput: wrk (Debian's; `bash scripts/apt-install.sh wrk`) on `--connections` connections
for `--duration` seconds, after 5 s not counted, over a shuffled mix of those pages (half
documents, a quarter entities, a quarter searches); every answer must be a 2xx and no socket
may fail. Without wrk, a Python client (httpx, asyncio) stands in, and the report says so: it
is slower than the server, so its requests per second are a floor. It prints figures with the
machine, the archive and the load average, writes them as JSON next to the archive, and is not
part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import random
import re
import shlex
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from extract import machine  # noqa: E402
from search import Group, Query, build, choose_queries, term_frequencies  # noqa: E402

# Server-side p95 targets in ms, by page type (a search band is held to the search target).
TARGETS = {"document": 50.0, "entity": 50.0, "search": 100.0}
QUERIES = 20  # queries a search band: the search benchmark's default, so that its query list is shared
SERVE_TIMEOUT = 600.0  # seconds for `maktub serve` to answer: it upgrades an older archive first
WRK_TIMEOUT = "10s"  # a request slower than this under load counts as a socket error
LOAD_WARMUP = 5  # seconds of load before the throughput run, not counted
MIX = {"document": 0.5, "entity": 0.25, "search": 0.25}  # shares of the throughput mix, as readers read


# --- the archive and the pages -----------------------------------------------------------


def query_groups(path: Path, built: dict[str, Any], documents: int, seed: int) -> list[Group]:
    """The search benchmark's query groups for the archive at `path`, chosen once and saved beside it."""
    chosen = path.with_suffix(".queries.json")
    wanted = {"build_s": built["build_s"], "queries": QUERIES}
    saved = json.loads(chosen.read_text()) if chosen.exists() else {}
    if {k: saved.get(k) for k in wanted} == wanted:
        return [
            Group(g["name"], [Query(q["text"], q["frequencies"]) for q in g["queries"]])
            for g in saved["groups"]
        ]
    print("choosing query words from the index ...", file=sys.stderr, flush=True)
    groups = choose_queries(path, term_frequencies(path), documents, QUERIES, seed)
    chosen.write_text(json.dumps(wanted | {"groups": [asdict(g) for g in groups]}))
    return groups


@dataclass
class Corpus:
    """What the archive holds, as the pages are sampled from it."""

    documents: int
    entities: int
    max_seq: int
    slugs: list[str]
    weights: list[int]  # each entity's documents
    name_years: int  # rows of the entity pages' years chart (search.py's bulk loader leaves it empty)


def corpus_of(path: Path) -> Corpus:
    """Counts, entity slugs and their documents, read from the archive (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        documents, max_seq = conn.execute(
            "SELECT count(*), max(seq) FROM documents WHERE current = 1"
        ).fetchone()
        rows = conn.execute("SELECT slug, documents FROM entities ORDER BY id").fetchall()
        years = conn.execute("SELECT count(*) FROM name_years").fetchone()[0]
    finally:
        conn.close()
    slugs, weights = [r[0] for r in rows], [int(r[1]) for r in rows]
    return Corpus(int(documents), len(rows), int(max_seq), slugs, weights, int(years))


def sample_pages(
    path: Path, corpus: Corpus, groups: list[Group], count: int, rng: random.Random
) -> dict[str, list[str]]:
    """`count` URL paths of each page type and each search band, drawn with `rng`."""
    seqs = rng.sample(range(1, corpus.max_seq + 1), min(count * 2, corpus.max_seq))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = [
            r[0]
            for start in range(0, len(seqs), 500)
            for r in conn.execute(
                f"SELECT id FROM documents WHERE current = 1 AND seq IN ({', '.join('?' * 500)})",
                (seqs[start : start + 500] + [0] * 500)[:500],
            )
        ]
    finally:
        conn.close()
    rng.shuffle(ids)  # the IN list comes back in seq order
    pages = {
        "document": [f"/documents/{urllib.parse.quote(i)}" for i in (ids * 2)[:count]],
        "entity, uniform": [f"/entities/{urllib.parse.quote(s)}" for s in rng.choices(corpus.slugs, k=count)],
        "entity, by documents": [
            f"/entities/{urllib.parse.quote(s)}" for s in rng.choices(corpus.slugs, corpus.weights, k=count)
        ],
    }
    for group in groups:
        texts = [q.text for q in group.queries]
        pages[f"search, {group.name}"] = [
            "/search?" + urllib.parse.urlencode({"q": rng.choice(texts)}) for _ in range(count)
        ]
    return pages


def throughput_mix(pages: dict[str, list[str]], rng: random.Random) -> list[str]:
    """The pages shuffled together, each kind (document, entity, search) in its share of MIX."""
    count = min(len(paths) for paths in pages.values())
    per_kind = Counter(kind_of(name) for name in pages)
    mix = [
        path
        for name, paths in pages.items()
        for path in paths[: round(2 * count * MIX[kind_of(name)] / per_kind[kind_of(name)])]
    ]
    rng.shuffle(mix)
    return mix


def kind_of(page_type: str) -> str:
    """'document', 'entity' or 'search': what a page type is held to."""
    return page_type.split(",")[0]


# --- the server --------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_command(path: Path, port: int, workers: int | None) -> list[str]:
    """`maktub serve` as a user types it; its own default of worker processes unless `workers` is given."""
    maktub = ROOT / ".venv" / "bin" / "maktub"
    command = [str(maktub) if maktub.exists() else "maktub", "serve", "--archive", str(path)]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    return command + (["--workers", str(workers)] if workers else [])


@contextmanager
def serving(command: list[str], port: int) -> Iterator[tuple[str, int]]:
    """The server `command` listening on `port`, until the block ends; yields (host, port)."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            wait_until_answering(port, process, log)
            yield "127.0.0.1", port
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_answering(port: int, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """Poll a cheap page until the server answers; stop with its output if it exits or never does."""
    deadline = time.monotonic() + SERVE_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            output = log.read().decode("utf-8", "replace")[-4000:]
            raise SystemExit(f"web.py: `maktub serve` exited with {process.returncode}:\n{output}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/favicon.ico")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"web.py: `maktub serve` did not answer on port {port} in {SERVE_TIMEOUT:.0f} s")


# --- one connection: latency -------------------------------------------------------------


@dataclass
class Timings:
    """One page type's measured requests: the server's and the client's times (ms), and bad answers."""

    server: list[float] = field(default_factory=list)
    client: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    paths: list[str] = field(default_factory=list)  # beside `server`: what each time was for

    def slowest(self, count: int = 5) -> list[tuple[float, str]]:
        """The slowest requests by the server's time, for finding what a page spends it on."""
        return sorted(zip(self.server, self.paths, strict=True), reverse=True)[:count]


SERVER_TIMING = re.compile(r"\bapp;dur=([0-9.]+)")


def fetch(conn: http.client.HTTPConnection, path: str) -> tuple[int, float, float]:
    """GET `path` on a kept-alive connection: (status, server ms, client ms)."""
    begin = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    client = (time.perf_counter() - begin) * 1000
    found = SERVER_TIMING.search(response.getheader("Server-Timing") or "")
    return response.status, float(found[1]) if found else float("nan"), client


def measure(
    address: tuple[str, int], pages: dict[str, list[str]], warmup: list[str], rng: random.Random
) -> dict[str, Timings]:
    """The warm-up requests, then every page of every type in a shuffled order, one at a time."""
    conn = http.client.HTTPConnection(*address, timeout=120)
    started = time.perf_counter()
    for path in warmup:
        fetch(conn, path)
    print(f"  warm-up: {len(warmup)} requests, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    jobs = [(name, path) for name, paths in pages.items() for path in paths]
    rng.shuffle(jobs)
    times = {name: Timings() for name in pages}
    started = time.perf_counter()
    for number, (name, path) in enumerate(jobs, 1):
        status, server, client = fetch(conn, path)
        timing = times[name]
        timing.statuses[status] += 1
        if 200 <= status < 300:
            timing.server.append(server)
            timing.client.append(client)
            timing.paths.append(path)
        if number % 1000 == 0:
            spent = time.perf_counter() - started
            print(f"  {number:,} of {len(jobs):,} requests, {spent:.0f} s", file=sys.stderr, flush=True)
    conn.close()
    return times


def percentiles(ms: list[float]) -> dict[str, float]:
    """n, p50, p95, p99 and max of times in ms."""
    if not ms:
        return {"n": 0}
    cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
    return {"n": len(ms), "p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "max": max(ms)}


@contextmanager
def watching_load(every: float = 5.0) -> Iterator[list[float]]:
    """The 1-minute load average, sampled every few seconds while the block runs (the machine may be shared)."""
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            samples.append(round(os.getloadavg()[0], 2))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()


# --- 64 connections: throughput ----------------------------------------------------------

WRK_SCRIPT = """
paths = %(paths)s
threads = {}
function setup(thread)
  thread:set("first", #threads * math.floor(#paths / %(threads)d))
  table.insert(threads, thread)
end
function init(args)
  i = first or 0
  bad = 0
end
function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do non2xx = non2xx + t:get("bad") end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %%d, "duration_us": %%d, "bytes": %%d, "non2xx": %%d, "connect": %%d, "read": %%d, '
    .. '"write": %%d, "status": %%d, "timeout": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, '
    .. '"max_us": %%d, "mean_us": %%f}\\n',
    summary.requests, summary.duration, summary.bytes, non2xx, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean))
end
"""


def with_wrk(
    address: tuple[str, int], paths: list[str], duration: int, connections: int, threads: int
) -> dict[str, Any]:
    """wrk over `paths` in turn (each thread from its own place in the list): rate, latency, errors."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        lua_paths = "{" + ",".join(json.dumps(p) for p in paths) + "}"  # quoted ASCII: JSON strings are Lua's
        script.write(WRK_SCRIPT % {"paths": lua_paths, "threads": threads})
        script.flush()
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", f"--timeout={WRK_TIMEOUT}"]
        command += ["-s", script.name, f"http://{address[0]}:{address[1]}"]
        done = subprocess.run(command, capture_output=True, text=True)
    found = re.search(r"^WRK (\{.*\})$", done.stdout, re.M)
    if done.returncode != 0 or not found:
        raise SystemExit(f"web.py: wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    w = json.loads(found[1])
    seconds = w["duration_us"] / 1e6
    return {
        "client": f"wrk {wrk_version()}, {threads} threads, timeout {WRK_TIMEOUT}",
        "requests": w["requests"],
        "seconds": seconds,
        "per_second": w["requests"] / seconds,
        "latency_ms": {k: w[f"{k}_us"] / 1000 for k in ("p50", "p90", "p99", "max", "mean")},
        "non_2xx": w["non2xx"],
        "socket_errors": {k: w[k] for k in ("connect", "read", "write", "timeout")},
        "wrk_output": done.stdout,
    }


def wrk_version() -> str:
    """wrk's version line, as it prints it."""
    out = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    found = re.search(r"wrk (\S+)", out.stdout + out.stderr)
    return found[1] if found else "?"


def with_httpx(address: tuple[str, int], paths: list[str], duration: int, connections: int) -> dict[str, Any]:
    """The same load from Python (httpx on asyncio), for a machine without wrk."""
    import httpx

    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()

    async def run() -> float:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        base = f"http://{address[0]}:{address[1]}"
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10, trust_env=False) as client:
            started = time.perf_counter()
            deadline = started + duration

            async def worker(first: int) -> None:
                i = first
                while time.perf_counter() < deadline:
                    begin = time.perf_counter()
                    try:
                        response = await client.get(paths[i % len(paths)])
                        statuses[response.status_code] += 1
                        latencies.append((time.perf_counter() - begin) * 1000)
                    except httpx.TimeoutException:
                        errors["timeout"] += 1
                    except httpx.HTTPError as exc:
                        errors[type(exc).__name__] += 1
                    i += 1

            await asyncio.gather(*(worker(n * len(paths) // connections) for n in range(connections)))
            return time.perf_counter() - started

    seconds = asyncio.run(run())
    figures = percentiles(latencies)
    return {
        "client": f"Python httpx {httpx.__version__} on asyncio (wrk not found): requests/s is a floor",
        "requests": sum(statuses.values()),
        "seconds": seconds,
        "per_second": sum(statuses.values()) / seconds,
        "latency_ms": {k: figures.get(k, float("nan")) for k in ("p50", "p99", "max")},
        "non_2xx": sum(n for s, n in statuses.items() if not 200 <= s < 300),
        "socket_errors": dict(errors),
    }


# --- reporting ---------------------------------------------------------------------------


def commit() -> str:
    """The commit measured, with '+dirty' when the working tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return head + ("+dirty" if changed else "")


def latency_rows(times: dict[str, Timings]) -> dict[str, dict[str, Any]]:
    """Per page type (and all search bands together): server and client figures, target, verdict."""
    pooled = Timings()
    for name, t in times.items():
        if kind_of(name) == "search":
            pooled.server += t.server
            pooled.client += t.client
            pooled.paths += t.paths
            pooled.statuses.update(t.statuses)
    rows: dict[str, dict[str, Any]] = {}
    for name, t in [*times.items(), *([("search, all bands", pooled)] if pooled.statuses else [])]:
        target = TARGETS[kind_of(name)]
        server = percentiles(t.server)
        bad = sum(n for s, n in t.statuses.items() if not 200 <= s < 300)
        rows[name] = {
            "server": server,
            "client": percentiles(t.client),
            "statuses": dict(t.statuses),
            "non_2xx": bad,
            "target_p95_ms": target,
            "met": bad == 0 and server.get("p95", float("inf")) < target,
            "client_minus_server_p50": statistics.median(
                c - v for c, v in zip(t.client, t.server, strict=True)
            )
            if t.server
            else None,
            "slowest": t.slowest(),
        }
    return rows


def print_report(report: dict[str, Any]) -> None:
    """The machine, the archive, the latency table and the throughput, with targets met or missed."""
    m, c = report["machine"], report["corpus"]
    print(f"machine  {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['ram_gb']} GB RAM")
    sqlite = m["versions"]["sqlite"]
    print(f"software Python {m['python']} on {m['system']}; SQLite {sqlite}; maktub at {report['commit']}")
    print(f"command  {report['command']}")
    print(f"server   {report['serve']}")
    made = "reused" if report["build"].get("reused") else f"built now in {report['build']['build_s']:.0f} s"
    print(
        f"archive  {report['archive']} ({made}): {c['documents']:,} documents, {c['entities']:,} entities, "
        f"{report['archive_gb']:.1f} GB"
    )
    if not c["name_years"]:
        print("         name_years is empty (a fresh bulk build): entity pages show no years and read less")
    load = report["load_average"]
    print(
        f"load     average (1, 5, 15 min) at start {load['start']}, at end {load['end']}; highest 1-min while "
        f"timing one connection at a time {load['latency_max']} (the benchmark's own share: about 1 of "
        f"{m['cores']} cores)"
    )
    print(
        f"\nlatency: one keep-alive connection, {report['warmup']} warm-up requests, then {report['requests']} "
        f"requests of each row (a search band: its {QUERIES} queries), shuffled together; ms; server = "
        "the app's Server-Timing, client = round trip"
    )
    print(
        f"  {'page':<28}{'n':>6}{'server p50':>12}{'p95':>8}{'p99':>8}{'max':>8}"
        f"{'client p50':>12}{'p95':>8}  {'target p95':>10}  result"
    )
    for name, row in report["latency"].items():
        s, cl = row["server"], row["client"]
        cells = "".join(f"{s.get(k, float('nan')):>8.1f}" for k in ("p95", "p99", "max"))
        bad = f", {row['non_2xx']} not 2xx" if row["non_2xx"] else ""
        print(
            f"  {name:<28}{s['n']:>6}{s.get('p50', float('nan')):>12.1f}{cells}"
            f"{cl.get('p50', float('nan')):>12.1f}{cl.get('p95', float('nan')):>8.1f}"
            f"  {'< ' + format(row['target_p95_ms'], '.0f'):>10}  {'met' if row['met'] else 'MISSED'}{bad}"
        )
    gaps = [row["client_minus_server_p50"] for row in report["latency"].values() if row["server"]["n"]]
    print(
        f"  client minus server, median of each row: {min(gaps):.1f}–{max(gaps):.1f} ms (loopback and HTTP; "
        "40 ms or more is Nagle's algorithm waiting on a delayed ACK)"
    )
    for name, row in report["latency"].items():
        if not row["met"] and name != "search, all bands":
            slowest = ", ".join(f"{path} {ms:.0f}" for ms, path in row["slowest"])
            print(f"  slowest {name} (server ms): {slowest}")
    t = report["throughput"]
    lat = t["latency_ms"]
    shown = ", ".join(f"{k} {v}" for k, v in t["socket_errors"].items()) or "none"
    print(
        f"\nthroughput: {report['connections']} connections on loopback for {t['seconds']:.0f} s, {t['client']};"
        f"\n  {report['mix_size']:,} URLs in turn: {report['mix']}"
    )
    print(
        f"  {t['per_second']:,.1f} requests/s ({t['requests']:,} requests); latency p50 {lat['p50']:.0f} ms, "
        + (f"p90 {lat['p90']:.0f} ms, " if "p90" in lat else "")
        + f"p99 {lat['p99']:.0f} ms, max {lat['max']:.0f} ms"
    )
    verdict = "met" if t["met"] else "MISSED"
    print(f"  not 2xx: {t['non_2xx']}; socket errors: {shown}  -> target no errors: {verdict}")
    missed = [name for name, row in report["latency"].items() if not row["met"]]
    missed += [] if t["met"] else ["throughput"]
    print(f"\ntargets: {'all met' if not missed else 'missed: ' + '; '.join(missed)}")


# --- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Build or reuse the archive, serve it, time the pages one by one and under load, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1_000_000, help="documents in the archive")
    parser.add_argument("--seed", type=int, default=7, help="seed of the archive and the pages chosen")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path("/tmp") / "maktub-search-bench",
        help="where the archive is kept, shared with search.py (default: %(default)s)",
    )
    parser.add_argument("--requests", type=int, default=500, help="measured requests a page type and a band")
    parser.add_argument("--warmup", type=int, default=300, help="requests before measuring, not counted")
    parser.add_argument("--duration", type=int, default=30, help="seconds of the throughput run")
    parser.add_argument("--connections", type=int, default=64, help="connections of the throughput run")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, help="maktub serve --workers (default: its own)")
    parser.add_argument(
        "--jobs", type=int, default=1, help="child processes generating documents, if building"
    )
    parser.add_argument(
        "--json", type=Path, metavar="OUT", help="where the figures go (default: beside the archive)"
    )
    args = parser.parse_args(argv)

    measured_commit = commit()  # now: the code measured is the code at start
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    n, seed = args.documents, args.seed
    path = workdir / f"search-d{n}-s{seed}-bulk.db"
    built = build(str(path), n, seed, "bulk", args.jobs)  # reused when it is there; upgraded in place
    groups = query_groups(path, built, n, seed)
    corpus = corpus_of(path)
    rng = random.Random(f"web pages {seed}")
    pages = sample_pages(path, corpus, groups, args.requests, rng)
    warm = sample_pages(path, corpus, groups, args.warmup, rng)
    warmup = [p for paths in warm.values() for p in paths]
    rng.shuffle(warmup)
    warmup = warmup[: args.warmup]
    mix = throughput_mix(pages, rng)

    port = free_port()
    command = serve_command(path, port, args.workers)
    m = machine()
    m["versions"]["sqlite"] = sqlite3.sqlite_version
    report: dict[str, Any] = {
        "benchmark": "maktub web benchmark",
        "machine": m,
        "commit": measured_commit,
        "command": " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]),
        "archive": str(path),
        "archive_gb": path.stat().st_size / 1e9,
        "build": built,
        "corpus": {
            "documents": corpus.documents,
            "entities": corpus.entities,
            "name_years": corpus.name_years,
        },
        "seed": seed,
        "requests": args.requests,
        "warmup": len(warmup),
        "connections": args.connections,
        "serve": " ".join(command),
        "mix_size": len(mix),
        "mix": "documents {document:.0%}, entities {entity:.0%}, searches {search:.0%}".format(**MIX),
    }
    load_start = [round(x, 2) for x in os.getloadavg()]
    print(f"serving {path} ...", file=sys.stderr, flush=True)
    with serving(command, port) as address:
        print("measuring latency, one connection ...", file=sys.stderr, flush=True)
        with watching_load() as loads:
            times = measure(address, pages, warmup, rng)
        report["latency"] = latency_rows(times)
        print(f"measuring throughput, {args.connections} connections ...", file=sys.stderr, flush=True)
        for seconds in (LOAD_WARMUP, args.duration):  # the first run, not counted, wakes every worker process
            if shutil.which("wrk"):
                throughput = with_wrk(address, mix, seconds, args.connections, args.threads)
            else:
                throughput = with_httpx(address, mix, seconds, args.connections)
    throughput["met"] = throughput["non_2xx"] == 0 and not any(throughput["socket_errors"].values())
    report["throughput"] = throughput
    report["load_average"] = {
        "start": load_start,
        "end": [round(x, 2) for x in os.getloadavg()],
        "latency_max": max(loads, default=load_start[0]),
    }
    print_report(report)
    out = args.json or path.with_suffix(".web.json")
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {out}")


if __name__ == "__main__":
    main()
