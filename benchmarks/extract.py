"""Extraction benchmark: `maktub extract` beside trafilatura alone, on one generated corpus.

    .venv/bin/python benchmarks/extract.py [--pages 10000] [--seed 7] [--workdir DIR] [--json OUT]

Generates a fictional corpus with `maktub.sample.generate_corpus` (reused when one with the
same parameters and the same generator is already in the work folder), then measures, each
in its own child process so that wall time and peak memory are comparable:

- `maktub extract` on the whole corpus (HTML pages and text dumps);
- `maktub extract` on the HTML pages only (a folder of hard links with the same layout);
- `trafilatura.extract(html)` on the same HTML pages, and nothing else;
- both programs on an empty input, to show how much of each figure is start-up.

The target it informs: the whole extraction at no more than 2x the time of trafilatura's
extraction alone. It prints figures, never a verdict, and is not part of the test run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "maktub" / "sample.py"


@dataclass
class Run:
    """What one child process cost, and what it produced."""

    name: str
    pages: int
    megabytes: float
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0
    exit_code: int = 0
    documents: int = 0
    detail: dict[str, Any] = field(default_factory=dict)
    stderr_lines: int = 0  # a refused file or a warning is one line
    stderr_head: list[str] = field(default_factory=list)

    @property
    def pages_per_s(self) -> float:
        """Input pages handled per second of wall time."""
        return self.pages / self.wall_s if self.wall_s else 0.0


def machine() -> dict[str, Any]:
    """CPU model, cores, memory and software versions of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
    except (OSError, StopIteration):
        mem_kb = 0
    versions = {}
    for package in ("maktub", "trafilatura", "lxml"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gb": round(mem_kb / 1024**2, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "versions": versions,
    }


def prepare_corpus(workdir: Path, pages: int, seed: int) -> tuple[Path, list[Path], float | None]:
    """Generate the corpus, or reuse the one already there; return (folder, files, seconds)."""
    generator = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()[:16] if SAMPLE.exists() else "?"
    folder = workdir / f"corpus-p{pages}-s{seed}"
    manifest = folder / "manifest.json"
    wanted = {"pages": pages, "seed": seed, "generator": generator}
    if manifest.exists():
        saved = json.loads(manifest.read_text())
        files = [folder / name for name in saved.get("files", [])]
        if {k: saved.get(k) for k in wanted} == wanted and all(f.exists() for f in files):
            return folder, files, None
    try:
        from maktub.sample import generate_corpus
    except ImportError:  # run without the package installed: use the source tree
        sys.path.insert(0, str(ROOT / "src"))
        from maktub.sample import generate_corpus
    if folder.exists():
        shutil.rmtree(folder)
    start = time.perf_counter()
    files = generate_corpus(folder / "pages", pages, seed=seed)
    seconds = time.perf_counter() - start
    names = [str(f.relative_to(folder)) for f in files]
    manifest.write_text(json.dumps(wanted | {"seconds": seconds, "files": names}))
    return folder, files, seconds


def link_subset(files: list[Path], source: Path, target: Path) -> None:
    """Mirror ``files`` under ``target`` as hard links (copies where links are refused)."""
    if target.exists():
        shutil.rmtree(target)
    for path in files:
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, dest)
        except OSError:
            shutil.copyfile(path, dest)


def measure(name: str, command: list[str], out: Path, pages: int, megabytes: float) -> Run:
    """Run ``command`` with stdout into ``out``; wall time, CPU time and peak RSS of the child."""
    run = Run(name, pages, megabytes)
    with out.open("wb") as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)  # rusage of this child alone
        run.wall_s = time.perf_counter() - start
        child.returncode = run.exit_code = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        lines = stderr.read().decode("utf-8", "replace").splitlines()
        run.stderr_lines, run.stderr_head = len(lines), lines[:5]
    run.cpu_s = usage.ru_utime + usage.ru_stime
    run.peak_rss_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    return run


def count_documents(run: Run, out: Path) -> None:
    """Count the JSON lines maktub printed, by kind, and how many were found inside another."""
    kinds: dict[str, int] = {}
    children = 0
    with out.open("rb") as lines:
        for line in lines:
            if not line.strip():
                continue
            run.documents += 1
            at = line.find(b'"kind": "')
            kind = line[at + 9 : line.find(b'"', at + 9)].decode() if at >= 0 else "?"
            kinds[kind] = kinds.get(kind, 0) + 1
            children += b'"parent": null' not in line
    run.detail = {"kinds": dict(sorted(kinds.items())), "children": children}


def maktub_command(folder: Path, options: list[str]) -> list[str]:
    """`python -m maktub extract` when the package has a __main__, else the installed script."""
    if (ROOT / "src" / "maktub" / "__main__.py").exists():
        return [sys.executable, "-m", "maktub", "extract", *options, str(folder)]
    return [str(Path(sys.executable).with_name("maktub")), "extract", *options, str(folder)]


def trafilatura_worker(list_file: Path) -> None:
    """Child process: trafilatura.extract on every HTML page listed; print one JSON summary."""
    start = time.perf_counter()
    import trafilatura

    imported = time.perf_counter()
    extracted = failed = chars = 0
    for name in filter(None, list_file.read_text(encoding="utf-8").splitlines()):
        page = Path(name).read_text(encoding="utf-8", errors="replace")
        try:
            text = trafilatura.extract(page)
        except Exception:  # a failure on one page is a figure, not a reason to stop
            failed += 1
            continue
        extracted += bool(text)
        chars += len(text or "")
    done = time.perf_counter()
    summary = {"import_s": imported - start, "extract_s": done - imported, "chars": chars}
    print(json.dumps(summary | {"extracted": extracted, "failed": failed}))


def trafilatura_run(name: str, html: list[Path], workdir: Path, megabytes: float) -> Run:
    """Measure trafilatura alone on ``html`` in a child process."""
    listing = workdir / f"{name}.list"
    listing.write_text("".join(f"{p}\n" for p in html), encoding="utf-8")
    out = workdir / f"{name}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--trafilatura-worker", str(listing)]
    run = measure(name, command, out, len(html), megabytes)
    try:
        run.detail = json.loads(out.read_text() or "{}")
    except json.JSONDecodeError:
        run.detail = {}
    run.documents = int(run.detail.get("extracted", 0))
    return run


def warm(files: list[Path]) -> None:
    """Read every file once, so that no run pays for a cold disk cache."""
    for path in files:
        path.read_bytes()


def print_report(report: dict[str, Any], runs: list[Run]) -> None:
    """The header (machine, corpus) and the table of figures."""
    m, c = report["machine"], report["corpus"]
    print(f"machine  {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['ram_gb']} GB")
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    print(f"software Python {m['python']} on {m['system']}; {versions}")
    made = f"generated in {c['generated_s']:.1f} s" if c["generated_s"] else "reused"
    print(
        f"corpus   {c['pages']} pages (seed {c['seed']}, {made}): {c['html_pages']} HTML "
        f"({c['html_mb']:.1f} MB), {c['text_pages']} text ({c['text_mb']:.1f} MB), "
        f"{c['total_mb']:.1f} MB in all\n         {c['folder']}"
    )
    print()
    header = f"{'run':<34}{'pages':>7}{'wall s':>9}{'pages/s':>9}{'MB/s':>7}"
    print(header + f"{'CPU s':>8}{'peak MB':>9}{'docs':>8}{'exit':>6}")
    for r in runs:
        mb_s = r.megabytes / r.wall_s if r.wall_s else 0.0
        print(
            f"{r.name:<34}{r.pages:>7}{r.wall_s:>9.2f}{r.pages_per_s:>9.1f}{mb_s:>7.2f}"
            f"{r.cpu_s:>8.2f}{r.peak_rss_mb:>9.0f}{r.documents:>8}{r.exit_code:>6}"
        )
    print()
    for r in runs:
        if r.detail:
            print(f"{r.name}: {json.dumps(r.detail)}")
        if r.stderr_lines:
            print(f"{r.name}: {r.stderr_lines} lines on stderr, the first:")
            print("  " + "\n  ".join(line[:200] for line in r.stderr_head))
    ratio = report["ratio"]
    print()
    print(
        "maktub time on the HTML pages / trafilatura time (target: at most 2): "
        f"{ratio['wall']:.2f} wall time, {ratio['without_startup']:.2f} without start-up"
    )
    print("peak MB is each child's RSS high-water mark (getrusage via wait4).")


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, prepare the corpus, run and print the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages in the corpus")
    parser.add_argument("--seed", type=int, default=7, help="seed of the corpus generator")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "maktub-bench",
        help="where the corpus and outputs are kept (default: %(default)s)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    parser.add_argument(
        "--maktub-option",
        action="append",
        default=[],
        metavar="OPT",
        help="pass an option to `maktub extract`, e.g. --maktub-option=--no-entities",
    )
    parser.add_argument("--trafilatura-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.trafilatura_worker:
        trafilatura_worker(args.trafilatura_worker)
        return

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    folder, files, generated = prepare_corpus(workdir, args.pages, args.seed)
    pages_dir = folder / "pages"
    html = [f for f in files if f.suffix == ".html"]
    text = [f for f in files if f.suffix != ".html"]
    size = {f: f.stat().st_size / 1e6 for f in files}
    html_mb, text_mb = sum(size[f] for f in html), sum(size[f] for f in text)
    html_dir, empty_dir = workdir / f"html-p{args.pages}-s{args.seed}", workdir / "empty"
    link_subset(html, pages_dir, html_dir)
    empty_dir.mkdir(exist_ok=True)
    warm(files)

    options = args.maktub_option
    runs = []
    for name, target, n, mb in [
        ("maktub extract: start-up only", empty_dir, 0, 0.0),
        ("maktub extract: all pages", pages_dir, len(files), html_mb + text_mb),
        ("maktub extract: HTML pages", html_dir, len(html), html_mb),
    ]:
        out = workdir / f"{name.split(': ')[1].replace(' ', '-')}.jsonl"
        print(f"running {name} ...", file=sys.stderr, flush=True)
        run = measure(name, maktub_command(target, options), out, n, mb)
        count_documents(run, out)
        runs.append(run)
    print("running trafilatura ...", file=sys.stderr, flush=True)
    runs.append(trafilatura_run("trafilatura: start-up only", [], workdir, 0.0))
    runs.append(trafilatura_run("trafilatura.extract: HTML pages", html, workdir, html_mb))

    startup_m, _, html_m, startup_t, html_t = runs
    ratio = html_m.wall_s / html_t.wall_s if html_t.wall_s else float("nan")
    net_t = html_t.wall_s - startup_t.wall_s
    net = (html_m.wall_s - startup_m.wall_s) / net_t if net_t > 0 else float("nan")
    report: dict[str, Any] = {
        "machine": machine(),
        "corpus": {
            "folder": str(pages_dir),
            "pages": len(files),
            "seed": args.seed,
            "generated_s": generated,
            "html_pages": len(html),
            "text_pages": len(text),
            "html_mb": html_mb,
            "text_mb": text_mb,
            "total_mb": html_mb + text_mb,
        },
        "maktub_options": options,
        "runs": [asdict(r) | {"pages_per_s": r.pages_per_s} for r in runs],
        "ratio": {"wall": ratio, "without_startup": net},
    }
    print_report(report, runs)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
