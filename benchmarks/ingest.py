"""Ingest benchmark: `maktub ingest` of one generated corpus into SQLite, time and memory of the whole run.

    .venv/bin/python benchmarks/ingest.py [--pages 100000] [--checkpoints 10000,10%,50%]
                                          [--workers N] [--seed 7] [--workdir DIR] [--json OUT]

Generates a fictional corpus with `maktub.sample.generate_corpus` (reused when one with the
same parameters and the same generator is in the work folder; the first N pages of a larger
one are the N-page corpus, so they are hard-linked from it rather than written again), then
runs `maktub ingest CORPUS --archive FILE --quiet` in a child process on a fresh archive.

The ingest forks worker processes that share the main process's memory copy-on-write, so
every `--interval` seconds it reads, for every process of the tree, the PSS of
/proc/PID/smaps_rollup (shared pages divided fairly between the processes sharing them: the
sum is what the tree really holds) and the RSS (the sum counts shared pages once per
process, an upper bound), and counts the pages stored (`SELECT count(*) FROM revisions`,
read-only). From those samples it prints:

- wall time, pages/s, and the three stretches of a run: start-up and learning the sites'
  chrome (until the workers start), storing pages (first to last page stored), and the tail
  after the last page is stored (relinking entities across the archive, merging the
  full-text index, then exit);
- at each checkpoint (a page count, or a share of the corpus) and when the last page is
  stored: the memory then, the peak so far, the peak since the previous checkpoint, and the
  rate so far, to see whether memory or speed drift as the archive grows (the workers are
  replaced every few thousand pages, so memory is a sawtooth: compare the stretches' peaks);
- the CPU time of the main process (which reads the files and does all the writing) beside
  the workers', and what other processes used meanwhile (the machine may be shared);
- the archive: bytes on disk, documents, names, entities, refused files.

The target it informs: 100,000 generated pages into SQLite at >= 100 pages/s end to end, peak
memory under 1 GB, and memory at 100,000 pages no higher than at 10,000. It prints figures,
never a verdict, and is not part of the test run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extract import ROOT, SAMPLE, link_subset, machine, prepare_corpus, warm  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


# --- the corpus ----------------------------------------------------------------------------


def prepare_pages(workdir: Path, pages: int, seed: int) -> tuple[Path, list[Path], str]:
    """The corpus folder and its files; says whether it was reused, linked or generated (how fast)."""
    folder = workdir / f"corpus-p{pages}-s{seed}"
    larger = _larger_corpus(workdir, pages, seed) if not (folder / "manifest.json").exists() else None
    if larger is not None:
        source, manifest = larger
        names = manifest["files"][:pages]  # page i depends only on (seed, i): these are the corpus
        link_subset([source / n for n in names], source / "pages", folder / "pages")
        wanted = {k: manifest[k] for k in ("seed", "generator")} | {"pages": pages}
        saved = wanted | {"seconds": None, "files": names, "linked_from": str(source)}
        (folder / "manifest.json").write_text(json.dumps(saved))
    folder, files, seconds = prepare_corpus(workdir, pages, seed)
    if seconds is not None:
        per_1000 = seconds / max(pages, 1) * 1000
        return folder, files, f"generated in {seconds:.1f} s, {per_1000:.2f} s per 1,000 pages"
    if larger is not None:
        return folder, files, f"the first {pages} pages of {larger[0].name}, hard-linked"
    return folder, files, "reused"


def _larger_corpus(workdir: Path, pages: int, seed: int) -> tuple[Path, dict[str, Any]] | None:
    """The smallest complete corpus in the work folder with the same seed and more pages."""
    generator = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()[:16] if SAMPLE.exists() else "?"
    found: list[tuple[int, Path, dict[str, Any]]] = []
    for manifest in workdir.glob(f"corpus-p*-s{seed}/manifest.json"):
        try:
            saved = json.loads(manifest.read_text())
        except (OSError, json.JSONDecodeError):
            continue
        same = saved.get("seed") == seed and saved.get("generator") == generator
        if same and saved.get("pages", 0) > pages and not saved.get("linked_from"):
            found.append((saved["pages"], manifest.parent, saved))
    for _, folder, saved in sorted(found, key=lambda f: f[0]):
        if all((folder / n).exists() for n in saved["files"][:pages]):
            return folder, saved
    return None


# --- the process tree ----------------------------------------------------------------------


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it (the ingest's workers, Dask's nannies and workers)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue  # it ended while we looked
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def memory_kb(pid: int) -> tuple[int, int] | None:
    """(PSS, RSS) of one process in kB, from smaps_rollup; None when it has ended."""
    pss = rss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    except (OSError, ValueError):
        return None
    return pss, rss


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of one process (not of its children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime: fields 14 and 15 of stat


def machine_busy_seconds() -> float:
    """CPU time all processes of the machine have used since boot, in core-seconds."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICK


def stored_pages(archive: Path) -> int | None:
    """Pages the archive holds now, read-only; None before the archive and its tables exist."""
    if not archive.exists():
        return None
    try:
        # a connection for each look, so none is open when the ingest closes (it then removes the WAL)
        db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        return int(db.execute("SELECT count(*) FROM revisions").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        db.close()


# --- one run -------------------------------------------------------------------------------


@dataclass
class Sample:
    """The tree at one moment: seconds since launch, pages stored, memory in MB."""

    t: float
    pages: int
    processes: int
    pss_mb: float
    rss_mb: float
    main_pss_mb: float
    main_rss_mb: float
    main_cpu_s: float
    cpu_s: float  # the tree so far: every process seen, at the last CPU time read from it


@dataclass
class Mark:
    """The run when a number of pages was stored (or at the end)."""

    label: str
    t: float
    pages: int
    pss_mb: float
    rss_mb: float
    main_rss_mb: float
    peak_pss_mb: float
    peak_rss_mb: float
    rate: float  # pages/s since launch
    stretch_rate: float  # pages/s since the previous mark (the first: since the first page stored)
    stretch_peak_pss_mb: float = 0.0  # the highest PSS since the previous mark (the first: since launch)


@dataclass
class IngestRun:
    """What one `maktub ingest` cost, stretch by stretch, and what it stored."""

    name: str
    command: list[str]
    pages: int
    wall_s: float = 0.0
    cpu_s: float = 0.0  # the whole tree: the child and the workers it waited for
    exit_code: int = 0
    pool_started_s: float | None = None  # more than one process in the tree: the chrome is learnt
    first_page_s: float | None = None
    last_page_s: float | None = None
    main_cpu_s: float = 0.0
    worker_cpu_s: float = 0.0
    others_cpu_s: float = 0.0  # other processes on the machine, while this ran
    peak_pss_mb: float = 0.0
    peak_rss_mb: float = 0.0
    peak_processes: int = 0
    archive: dict[str, Any] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    stderr_lines: int = 0
    stderr_head: list[str] = field(default_factory=list)
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def pages_per_s(self) -> float:
        """Pages stored per second of wall time, end to end."""
        return self.archive.get("revisions", 0) / self.wall_s if self.wall_s else 0.0

    @property
    def storing_rate(self) -> float:
        """Pages per second from the first page stored to the last."""
        if self.first_page_s is None or self.last_page_s is None or self.last_page_s <= self.first_page_s:
            return 0.0
        return self.archive.get("revisions", 0) / (self.last_page_s - self.first_page_s)

    @property
    def tail_s(self) -> float:
        """From the last page stored to the end: relinking entities across the archive, then exit."""
        return self.wall_s - self.last_page_s if self.last_page_s is not None else 0.0

    def summary(self) -> dict[str, Any]:
        """Every figure, for --json."""
        return asdict(self) | {
            "pages_per_s": self.pages_per_s,
            "storing_pages_per_s": self.storing_rate,
            "tail_s": self.tail_s,
        }


class Sampler(threading.Thread):
    """Samples the tree under `pid` and the archive every `interval` seconds until stopped."""

    def __init__(self, pid: int, archive: Path, start: float, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.archive, self.start_t, self.interval = pid, archive, start, interval
        self.samples: list[Sample] = []
        self.cpu: dict[int, float] = {}  # last CPU time seen of every process of the tree
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)

    def sample(self) -> None:
        """One look at the tree and at the archive."""
        pages = stored_pages(self.archive)
        t = time.perf_counter() - self.start_t
        pss = rss = main_pss = main_rss = count = 0
        for pid in process_tree(self.pid):
            mem, cpu = memory_kb(pid), cpu_seconds(pid)
            if mem is None:
                continue
            count += 1
            pss, rss = pss + mem[0], rss + mem[1]
            if pid == self.pid:
                main_pss, main_rss = mem
            if cpu is not None:
                self.cpu[pid] = cpu
        if not count:
            return  # the child has ended (or not begun): nothing to see
        previous = self.samples[-1].pages if self.samples else 0
        self.samples.append(
            Sample(
                t, previous if pages is None else pages, count, pss / 1024, rss / 1024,
                main_pss / 1024, main_rss / 1024, self.cpu.get(self.pid, 0.0), sum(self.cpu.values()),
            )
        )  # fmt: skip


def run_ingest(
    name: str,
    command: list[str],
    archive: Path,
    pages: int,
    interval: float,
    checkpoints: list[int],
    env: dict[str, str] | None = None,
) -> IngestRun:
    """Run one ingest (a fresh archive), sampling it; wall and CPU time from wait4."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{archive}{suffix}").unlink(missing_ok=True)
    run = IngestRun(name, command, pages, load_before=os.getloadavg())
    busy_before = machine_busy_seconds()
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=stderr, cwd=archive.parent, env=env
        )
        sampler = Sampler(child.pid, archive, start, interval)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)  # rusage of the child and the workers it reaped
        run.wall_s = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        child.returncode = run.exit_code = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        lines = stderr.read().decode("utf-8", "replace").splitlines()
        run.stderr_lines, run.stderr_head = len(lines), lines[:5]
    run.cpu_s = usage.ru_utime + usage.ru_stime
    run.others_cpu_s = max(machine_busy_seconds() - busy_before - run.cpu_s, 0.0)
    run.samples = sampler.samples
    run.main_cpu_s = sampler.cpu.get(child.pid, 0.0)
    run.worker_cpu_s = sum(cpu for pid, cpu in sampler.cpu.items() if pid != child.pid)
    run.archive = describe_archive(archive)
    _read_samples(run, checkpoints)
    return run


def _read_samples(run: IngestRun, checkpoints: list[int]) -> None:
    """Stretches, peaks and marks from the samples."""
    samples = run.samples
    if not samples:
        return
    run.peak_pss_mb = max(s.pss_mb for s in samples)
    run.peak_rss_mb = max(s.rss_mb for s in samples)
    run.peak_processes = max(s.processes for s in samples)
    run.pool_started_s = next((s.t for s in samples if s.processes > 1), None)
    run.first_page_s = next((s.t for s in samples if s.pages > 0), None)
    final = run.archive.get("revisions") or samples[-1].pages
    last = next((s for s in samples if s.pages >= final and final > 0), None)
    run.last_page_s = last.t if last else None
    previous = (run.first_page_s or 0.0, 0)
    for target in sorted(set(checkpoints)):
        at = next((s for s in samples if s.pages >= target), None)
        if at is None or last is None or at.pages >= final:
            continue  # not reached, or reached only with the last commit: the 'last page' row says it
        run.marks.append(_mark(f"{target:,} pages", at, samples, previous))
        previous = (at.t, at.pages)
    if last is not None:
        run.marks.append(_mark("last page stored", last, samples, previous))
        run.marks.append(_mark("exit (last sample)", samples[-1], samples, previous))
        run.marks[-1].t, run.marks[-1].rate, run.marks[-1].stretch_rate = run.wall_s, run.pages_per_s, 0.0


def _mark(label: str, at: Sample, samples: list[Sample], previous: tuple[float, int]) -> Mark:
    upto = [s for s in samples if s.t <= at.t]
    stretch = [s for s in upto if s.t >= previous[0] or not previous[1]] or [at]
    since = at.t - previous[0]
    return Mark(
        label, at.t, at.pages, at.pss_mb, at.rss_mb, at.main_rss_mb,
        max(s.pss_mb for s in upto), max(s.rss_mb for s in upto),
        at.pages / at.t if at.t else 0.0,
        (at.pages - previous[1]) / since if since > 0 else 0.0,
        max(s.pss_mb for s in stretch),
    )  # fmt: skip


def describe_archive(archive: Path) -> dict[str, Any]:
    """Bytes on disk and what the archive holds, read-only."""
    files = {suffix or "db": Path(f"{archive}{suffix}") for suffix in ("", "-wal", "-shm")}
    sizes = {name: path.stat().st_size for name, path in files.items() if path.exists()}
    out: dict[str, Any] = {"path": str(archive), "bytes": sum(sizes.values()), "files": sizes}
    if not archive.exists():
        return out
    queries = {
        "revisions": "SELECT count(*) FROM revisions",
        "documents": "SELECT count(*) FROM documents WHERE current = 1",
        "all_documents": "SELECT count(*) FROM documents",
        "names": "SELECT count(*) FROM names",
        "mentions": "SELECT count(*) FROM mentions",
        "entities": "SELECT count(*) FROM entities",
        "refused": "SELECT count(*) FROM refused",
    }
    try:
        db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
        try:
            for label, sql in queries.items():
                out[label] = int(db.execute(sql).fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error as exc:
        out["error"] = str(exc)
    return out


def maktub_ingest(folder: Path, archive: Path, options: list[str]) -> list[str]:
    """The command line: the venv's `maktub` script (as a person runs it), else `python -m maktub`."""
    script = Path(sys.executable).with_name("maktub")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "maktub"]
    return [*head, "ingest", str(folder), "--archive", str(archive), "--quiet", *options]


def child_environment(workdir: Path, as_is: bool) -> tuple[dict[str, str], str]:
    """The children's environment, and a line saying how Python's bytecode is cached in it.

    With PYTHONDONTWRITEBYTECODE set (as in some sandboxes) every process compiles spaCy, thinc
    and maktub from source, a few CPU-seconds per process: an ordinary install has the bytecode.
    So the children cache it under the work folder (never beside the sources) unless `as_is`.
    """
    env = dict(os.environ)
    if as_is or not env.get("PYTHONDONTWRITEBYTECODE"):
        return env, "bytecode as the environment has it"
    env.pop("PYTHONDONTWRITEBYTECODE")
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env, f"PYTHONDONTWRITEBYTECODE dropped, bytecode cached in {env['PYTHONPYCACHEPREFIX']}"


def warm_up(workdir: Path, files: list[Path], folder: Path, options: list[str], env: dict[str, str]) -> float:
    """Ingest a few pages first, so the measured runs find the bytecode compiled and the libraries cached."""
    pages = workdir / "warm-up"
    link_subset(files[:24], folder, pages)
    archive = workdir / "warm-up.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{archive}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    command = maktub_ingest(pages, archive, options)
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=workdir, env=env, check=False
    )
    return time.perf_counter() - start


def parse_checkpoints(text: str, pages: int) -> list[int]:
    """'10000,10%,50%' -> page counts below `pages`."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        n = round(pages * float(part[:-1]) / 100) if part.endswith("%") else int(part.replace("_", ""))
        if 0 < n < pages:
            out.append(n)
    return sorted(set(out))


# --- the report ----------------------------------------------------------------------------


def print_header(report: dict[str, Any]) -> None:
    """Machine, software and corpus lines."""
    m, c = report["machine"], report["corpus"]
    print(f"machine  {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['ram_gb']} GB")
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    print(f"software Python {m['python']} on {m['system']}; {versions}; maktub at {report['code']}")
    warmed = (
        f"; a warm-up ingest of 24 pages took {report['warm_up_s']:.1f} s" if "warm_up_s" in report else ""
    )
    print(f"children {report['bytecode']}{warmed}")
    print(
        f"corpus   {c['pages']} pages (seed {c['seed']}, {c['origin']}): {c['html_pages']} HTML, "
        f"{c['text_pages']} text, {c['megabytes']:.0f} MB\n         {c['folder']}"
    )


def print_run(run: IngestRun) -> None:
    """One run: the stretches, the marks, CPU, the archive."""
    a = run.archive
    load = ", ".join(f"{x:.2f}" for x in run.load_before)
    print(f"\n{run.name}: {' '.join(run.command)}")
    print(f"  load average before the run: {load}")
    print(
        f"  wall {run.wall_s:.1f} s, {run.pages_per_s:.1f} pages/s end to end "
        f"({a.get('revisions', 0)} pages stored), exit {run.exit_code}"
    )
    learn = run.pool_started_s or 0.0
    first = run.first_page_s or 0.0
    last = run.last_page_s or first
    stretches = [
        ("start-up, learning site chrome (to workers started)", learn),
        ("workers started to first page stored", first - learn),
        (f"storing pages, first to last ({run.storing_rate:.1f} pages/s)", last - first),
        ("tail after the last page stored (relink, exit)", run.tail_s),
    ]
    for label, seconds in stretches:
        share = seconds / run.wall_s * 100 if run.wall_s else 0.0
        print(f"  {label:<58}{seconds:>8.1f} s{share:>6.1f}%")
    print(
        f"  CPU: {run.cpu_s:.1f} s for the tree = main process {run.main_cpu_s:.1f} s "
        f"+ workers {run.worker_cpu_s:.1f} s; other processes (this sampler too) used {run.others_cpu_s:.1f} core-s"
    )
    per_page = cpu_per_page(run)
    if per_page:
        tree, main_ms = per_page
        cores = len(os.sched_getaffinity(0))
        print(
            f"  while pages were stored: {tree:.1f} ms CPU per page ({main_ms:.1f} ms of it in the main "
            f"process, busy {main_ms * run.storing_rate / 10:.0f}% of one core); at that cost {cores} idle "
            f"cores would store at most {cores * 1000 / tree:.0f} pages/s"
        )
    print(
        f"  memory: peak PSS {run.peak_pss_mb:.0f} MB, peak RSS sum {run.peak_rss_mb:.0f} MB "
        f"({run.peak_processes} processes at most, {len(run.samples)} samples)"
    )
    print()
    header = f"  {'when':<22}{'s':>8}{'pages':>8}{'PSS MB':>8}{'RSS MB':>8}{'main RSS':>9}"
    print(header + f"{'peak PSS':>9}{'peak RSS':>9}{'pages/s':>9}{'stretch':>9}{'stretch peak PSS':>17}")
    for m in run.marks:
        print(
            f"  {m.label:<22}{m.t:>8.1f}{m.pages:>8}{m.pss_mb:>8.0f}{m.rss_mb:>8.0f}{m.main_rss_mb:>9.0f}"
            f"{m.peak_pss_mb:>9.0f}{m.peak_rss_mb:>9.0f}{m.rate:>9.1f}{m.stretch_rate:>9.1f}"
            f"{m.stretch_peak_pss_mb:>17.0f}"
        )
    print(
        f"\n  archive {a.get('path')}: {a.get('bytes', 0) / 1e6:.0f} MB on disk, "
        f"{a.get('documents', 0)} documents current ({a.get('all_documents', 0)} stored), "
        f"{a.get('names', 0)} names, {a.get('mentions', 0)} mentions, {a.get('entities', 0)} entities, "
        f"{a.get('refused', 0)} refused"
    )
    if "error" in a:
        print(f"  archive could not be read: {a['error']}")
    if run.stderr_lines:
        print(f"  {run.stderr_lines} lines on stderr, the first:")
        print("    " + "\n    ".join(line[:200] for line in run.stderr_head))


def cpu_per_page(run: IngestRun) -> tuple[float, float] | None:
    """CPU ms per page stored, (the tree, the main process), from the first page stored to the last."""
    inside = [s for s in run.samples if run.first_page_s is not None and s.t >= run.first_page_s]
    inside = [s for s in inside if run.last_page_s is None or s.t <= run.last_page_s]
    if len(inside) < 2 or inside[-1].pages <= inside[0].pages:
        return None
    pages = inside[-1].pages - inside[0].pages
    tree = (inside[-1].cpu_s - inside[0].cpu_s) / pages * 1000
    return tree, (inside[-1].main_cpu_s - inside[0].main_cpu_s) / pages * 1000


def print_target(run: IngestRun, checkpoint: int | None) -> None:
    """The figures the target names, side by side."""
    print(
        f"\ntarget figures: {run.pages_per_s:.1f} pages/s end to end (target >= 100); "
        f"peak PSS {run.peak_pss_mb:.0f} MB, peak RSS sum {run.peak_rss_mb:.0f} MB (target < 1024)"
    )
    early = next((m for m in run.marks if checkpoint and m.label == f"{checkpoint:,} pages"), None)
    late = next((m for m in run.marks if m.label == "last page stored"), None)
    if early and late:
        print(
            f"memory at {early.pages} pages: PSS {early.pss_mb:.0f} MB (peak so far {early.peak_pss_mb:.0f}); "
            f"at {late.pages} pages: PSS {late.pss_mb:.0f} MB (peak so far {late.peak_pss_mb:.0f}); "
            f"peak over the whole run, tail included: {run.peak_pss_mb:.0f} MB"
        )
        stretches = [m for m in run.marks if m.label != "exit (last sample)"]
        print(
            f"highest PSS up to {early.pages} pages: {early.stretch_peak_pss_mb:.0f} MB; in the last stretch "
            f"({stretches[-2].pages if len(stretches) > 1 else 0}–{late.pages} pages): "
            f"{late.stretch_peak_pss_mb:.0f} MB (worker processes are replaced as they go: compare peaks)"
        )
    print("PSS: proportional set size summed over the process tree (shared pages divided among sharers);")
    print("RSS sum counts pages shared copy-on-write with the workers once per process.")


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, prepare the corpus, run the ingest and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000, help="pages in the corpus")
    parser.add_argument(
        "--checkpoints",
        default="10000,10%,50%",
        help="page counts or shares of the corpus at which to report memory and rate (default: %(default)s)",
    )
    parser.add_argument("--workers", type=int, help="`maktub ingest --workers` (default: its own)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the corpus generator")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "maktub-bench",
        help="where the corpus and the archive are kept (default: %(default)s)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures and samples here")
    parser.add_argument(
        "--maktub-option",
        action="append",
        default=[],
        metavar="OPT",
        help="pass an option to `maktub ingest`",
    )
    parser.add_argument(
        "--environment-as-is",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE if set (every process then compiles its imports)",
    )
    parser.add_argument("--no-warm-up", action="store_true", help="skip the warm-up ingest of a few pages")
    args = parser.parse_args(argv)

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"preparing {args.pages} pages in {workdir} ...", file=sys.stderr, flush=True)
    folder, files, origin = prepare_pages(workdir, args.pages, args.seed)
    warm(files)
    report: dict[str, Any] = {"machine": machine(), "code": code_state()}
    report["corpus"] = corpus_figures(folder, files, args.seed, origin)
    options = [*(["--workers", str(args.workers)] if args.workers is not None else []), *args.maktub_option]
    archive = workdir / f"archive-p{args.pages}-s{args.seed}.db"
    command = maktub_ingest(folder / "pages", archive, options)
    checkpoints = parse_checkpoints(args.checkpoints, len(files))
    env, report["bytecode"] = child_environment(workdir, args.environment_as_is)
    if not args.no_warm_up:
        print("warming up on a few pages ...", file=sys.stderr, flush=True)
        report["warm_up_s"] = warm_up(workdir, files, folder / "pages", options, env)
    print(f"running {' '.join(command)} ...", file=sys.stderr, flush=True)
    run = run_ingest(
        "maktub ingest into SQLite", command, archive, len(files), args.interval, checkpoints, env
    )
    print_header(report)
    print_run(run)
    first = parse_checkpoints(args.checkpoints.split(",")[0], len(files))
    print_target(run, first[0] if first else None)
    if args.json:
        report["run"] = run.summary()
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def code_state() -> str:
    """The commit measured, and whether the package's source differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "src"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {head}" + (f" with {len(changed)} changed files under src/" if changed else "")


def corpus_figures(folder: Path, files: list[Path], seed: int, origin: str) -> dict[str, Any]:
    """Pages, kinds and size of the corpus."""
    html = sum(f.suffix == ".html" for f in files)
    return {
        "folder": str(folder / "pages"),
        "pages": len(files),
        "seed": seed,
        "origin": origin,
        "html_pages": html,
        "text_pages": len(files) - html,
        "megabytes": sum(f.stat().st_size for f in files) / 1e6,
    }


if __name__ == "__main__":
    main()
