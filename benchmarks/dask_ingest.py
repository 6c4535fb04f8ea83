"""Dask benchmark: `maktub ingest --dask local` with one worker, then two, on the same corpus.

    .venv/bin/python benchmarks/dask_ingest.py [--pages 4000] [--workers 1,2] [--repeat 1]
                                               [--seed 7] [--workdir DIR] [--json OUT]

Prepares the corpus as `ingest.py` does (the same folders, reused or hard-linked from a larger
one), then runs `maktub ingest CORPUS --archive FILE --quiet --dask local --workers N` for each
N, each on a fresh archive and in its own child process, sampling the whole process tree (the
scheduler runs in the main process, each worker under its own nanny) as `ingest.py` does.
With `--repeat`, the runs alternate (1, 2, 1, 2, ...) so that a neighbour's load falls on
both, and the speed-up is taken between the fastest run of each.

On this kind of machine (2 cores) the main process, which reads the files, runs the
scheduler and does all the writing, shares the cores with the workers: its CPU time is
printed beside theirs. The speed-up is given on the whole wall time and on the stretch in
which pages are stored (without the cluster's start-up and the final relinking).

The target it informs: two local workers at least 1.7x one worker on the same corpus. It
prints figures, never a verdict, and is not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extract import machine, warm  # noqa: E402
from ingest import (  # noqa: E402
    IngestRun,
    child_environment,
    code_state,
    corpus_figures,
    cpu_per_page,
    maktub_ingest,
    prepare_pages,
    print_header,
    run_ingest,
    warm_up,
)


def print_runs(runs: list[tuple[int, IngestRun]]) -> None:
    """One line per run: the stretches, CPU and memory."""
    print()
    header = f"{'workers':>7}{'wall s':>8}{'pages/s':>9}{'start s':>9}{'storing s':>10}{'pages/s':>9}"
    header += f"{'tail s':>8}{'main CPU':>9}{'wkr CPU':>9}{'ms/page':>8}{'others':>8}{'peak PSS':>9}"
    print(header + f"{'load':>6}{'exit':>5}")
    for workers, r in runs:
        first, last = r.first_page_s or 0.0, r.last_page_s or 0.0
        per_page = cpu_per_page(r)
        print(
            f"{workers:>7}{r.wall_s:>8.1f}{r.pages_per_s:>9.1f}{first:>9.1f}{last - first:>10.1f}"
            f"{r.storing_rate:>9.1f}{r.tail_s:>8.1f}{r.main_cpu_s:>9.1f}{r.worker_cpu_s:>9.1f}"
            f"{per_page[0] if per_page else 0.0:>8.1f}{r.others_cpu_s:>8.1f}{r.peak_pss_mb:>9.0f}"
            f"{r.load_before[0]:>6.2f}{r.exit_code:>5}"
        )
    print(
        "\nstart s: launch to first page stored (learning site chrome, starting the cluster); storing s "
        "and its pages/s:\nfirst to last page stored; tail s: relinking, stopping the cluster, exit; "
        "CPU in seconds (main process: reading,\nscheduler, writing); ms/page: CPU of the whole tree "
        "per page while storing; others: core-seconds other\nprocesses used meanwhile; peak PSS in MB "
        "over the tree; load: 1-minute load average before the run."
    )
    for workers, r in runs:
        if r.stderr_lines:
            print(f"\n{workers} worker(s): {r.stderr_lines} lines on stderr, the first:")
            print("  " + "\n  ".join(line[:200] for line in r.stderr_head))
        if r.archive.get("revisions", 0) != r.pages:
            print(f"\n{workers} worker(s): {r.archive.get('revisions', 0)} of {r.pages} pages stored")


def speedups(runs: list[tuple[int, IngestRun]]) -> dict[int, dict[str, float]]:
    """For each worker count, the speed-up of its fastest run over the fastest run of the first count."""
    best: dict[int, IngestRun] = {}
    for workers, r in runs:
        if r.exit_code in (0, 1) and (workers not in best or r.wall_s < best[workers].wall_s):
            best[workers] = r
    if not best:
        return {}
    base = best[runs[0][0]] if runs[0][0] in best else next(iter(best.values()))
    out = {}
    for workers, r in best.items():
        out[workers] = {
            "wall": base.wall_s / r.wall_s if r.wall_s else 0.0,
            "storing": r.storing_rate / base.storing_rate if base.storing_rate else 0.0,
        }
    return out


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, prepare the corpus, run each worker count and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=4_000, help="pages in the corpus")
    parser.add_argument(
        "--workers", default="1,2", help="worker counts to run, in order (default: %(default)s)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="run each worker count this many times")
    parser.add_argument("--seed", type=int, default=7, help="seed of the corpus generator")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "maktub-bench",
        help="where the corpus and the archives are kept (default: %(default)s)",
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
    counts = [int(w) for w in args.workers.split(",") if w.strip()]

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"preparing {args.pages} pages in {workdir} ...", file=sys.stderr, flush=True)
    folder, files, origin = prepare_pages(workdir, args.pages, args.seed)
    warm(files)
    report: dict[str, Any] = {"machine": machine(), "code": code_state()}
    report["corpus"] = corpus_figures(folder, files, args.seed, origin)
    env, report["bytecode"] = child_environment(workdir, args.environment_as_is)
    if not args.no_warm_up:
        print("warming up on a few pages ...", file=sys.stderr, flush=True)
        options = ["--dask", "local", "--workers", str(max(counts)), *args.maktub_option]
        report["warm_up_s"] = warm_up(workdir, files, folder / "pages", options, env)

    runs: list[tuple[int, IngestRun]] = []
    for _ in range(max(args.repeat, 1)):
        for workers in counts:
            archive = workdir / f"archive-dask-p{args.pages}-s{args.seed}-w{workers}.db"
            options = ["--dask", "local", "--workers", str(workers), *args.maktub_option]
            command = maktub_ingest(folder / "pages", archive, options)
            print(f"running {' '.join(command)} ...", file=sys.stderr, flush=True)
            name = f"dask local, {workers} worker(s)"
            runs.append((workers, run_ingest(name, command, archive, len(files), args.interval, [], env)))

    print_header(report)
    print(f"command  {' '.join(runs[0][1].command)}  (--workers varies)")
    print_runs(runs)
    found = speedups(runs)
    print()
    for workers, s in found.items():
        if workers != counts[0]:
            print(
                f"speed-up of {workers} workers over {counts[0]} (target for 2 over 1: at least 1.7): "
                f"{s['wall']:.2f}x on wall time, {s['storing']:.2f}x while storing pages"
            )
    if args.json:
        report["runs"] = [{"workers": w, **r.summary()} for w, r in runs]
        report["speedup"] = found
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
