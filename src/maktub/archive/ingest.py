"""Bulk ingest: read pages here, understand them on workers, store them here.

This process walks the paths, skips pages whose bytes are already in the archive (so a rerun
after a crash does only the rest), and hands pages in small batches to workers: local
processes by default, or a Dask cluster (`--dask tcp://host:8786`, or `--dask local` for one
on this machine). With SQLite, workers return rows and only this process writes, one
transaction per group of pages: one writer, and an interrupted ingest loses at most the group
in hand. With PostgreSQL, each worker stores its own batch, one transaction each, and returns
what it stored: many writers, as the server is made for.
"""

from __future__ import annotations

import concurrent.futures as cf
import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maktub.archive.prepare import Prepared, prepare_many, set_profile
from maktub.archive.store import Added, Archive
from maktub.clean import SiteProfile
from maktub.errors import MaktubError, RefusedInput
from maktub.model import content_id
from maktub.pipeline import ExtractOptions, learn_sites
from maktub.read import ReadOptions, Source, iter_sources

SITE_SAMPLE = 200  # text pages per site read to learn its chrome
BATCH = 8  # pages per task sent to a local worker process
DASK_BATCH = 32  # pages per Dask task: each task costs the scheduler (in this process) time of its own
COMMIT_PAGES = int(os.environ.get("MAKTUB_COMMIT_PAGES", "200"))  # pages per transaction
COMMIT_SECONDS = 2.0
# A local worker is replaced by a fresh fork after this many pages. A worker's memory grows
# slowly (about 0.5 MB a 1,000 pages, measured over 100,000: caches, the allocator's leftovers);
# replacing it costs one pause of about a batch. 4,000 keeps the growth to a few MB.
RECYCLE_PAGES = int(os.environ.get("MAKTUB_RECYCLE_PAGES", "4000"))


@dataclass
class IngestOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    workers: int | None = None  # local processes (or local Dask workers); None: one per core
    dask: str | None = None  # a scheduler address, or "local"
    relink: bool = True


@dataclass
class Stored:
    """What a worker stored itself (PostgreSQL), and what it could not read."""

    added: Added
    refused: list[RefusedInput]
    warnings: list[tuple[str, str]]  # (where, what)


Result = list[Prepared | RefusedInput] | Stored


@dataclass
class Progress:
    """Counts as the ingest goes, for the progress bar and the summary."""

    files: int = 0  # pages read (a WARC file gives many)
    pages: int = 0  # pages stored now
    documents: int = 0
    skipped: int = 0  # already in the archive
    duplicates: int = 0  # the same bytes twice in this run
    revisions: int = 0
    refused: int = 0
    warnings: int = 0
    started: float = field(default_factory=time.monotonic)
    entities: int = 0

    @property
    def rate(self) -> float:
        return self.pages / max(time.monotonic() - self.started, 1e-9)


Report = Callable[[str], None]


def ingest(
    paths: list[str],
    archive: Archive,
    options: IngestOptions | None = None,
    report: Report | None = None,
    tick: Callable[[Progress], None] | None = None,
) -> Progress:
    """Ingest every page under `paths` into `archive`; refusals are recorded and reported."""
    options = options or IngestOptions()
    report = report or (lambda line: None)
    tick = tick or (lambda progress: None)
    progress = Progress()
    run = archive.start_run(paths)
    status = "failed"
    profile = learn_sites(paths, ExtractOptions(read=options.read), per_site=SITE_SAMPLE)
    writers = (archive.target, run) if archive.db.dialect == "postgresql" else None
    pool = _pool(options, profile, writers)
    buffer: list[Prepared] = []
    last_commit = time.monotonic()

    def store(force: bool = False) -> None:
        nonlocal buffer, last_commit
        if buffer and (
            force or len(buffer) >= COMMIT_PAGES or time.monotonic() - last_commit > COMMIT_SECONDS
        ):
            added = archive.add(buffer, run)
            _count(progress, added)
            buffer = []
            last_commit = time.monotonic()
            tick(progress)

    def take(results: Result) -> None:
        if isinstance(results, Stored):  # a worker stored them
            for refused in results.refused:
                _refuse(archive, refused, run, progress, report)
            for where, warning in results.warnings:
                progress.warnings += 1
                report(f"maktub: warning {where}: {warning}")
            _count(progress, results.added)
            tick(progress)
            return
        for result in results:
            if isinstance(result, RefusedInput):
                _refuse(archive, result, run, progress, report)
                continue
            for warning in result.warnings:
                progress.warnings += 1
                report(f"maktub: warning {result.location}: {warning}")
            buffer.append(result)
        store()

    try:
        for batch in _batches(paths, options, archive, run, progress, report, tick, pool.batch):
            pool.submit(batch)
            while pool.busy():
                take(pool.next_done())
        while pool.pending():
            take(pool.next_done())
        store(force=True)
        if options.relink:
            progress.entities = len(archive.relink())
        archive.compact(progress.documents)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        pool.close()
        try:
            archive.finish_run(run, progress.files, progress.documents, progress.refused, status)
        except MaktubError:
            pass  # the archive is gone (a server away, a full disk): the first error is the one to see
    tick(progress)
    return progress


def _batches(
    paths: list[str],
    options: IngestOptions,
    archive: Archive,
    run: int,
    progress: Progress,
    report: Report,
    tick: Callable[[Progress], None],
    size: int,
) -> Iterator[list[Source]]:
    batch: list[Source] = []
    own = _own_files(archive)
    for item in iter_sources(paths, options.read):
        if item.source in own:
            continue  # the archive itself, inside a folder being ingested
        if isinstance(item, RefusedInput):
            _refuse(archive, item, run, progress, report)
            continue
        progress.files += 1
        if archive.has(content_id(item.data)):
            progress.skipped += 1
            if progress.skipped % 500 == 0:
                tick(progress)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _own_files(archive: Archive) -> set[str]:
    if archive.db.dialect != "sqlite":
        return set()
    path = Path(archive.target)
    names = [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]
    return {str(p) for p in names} | {str(p.resolve()) for p in names}


def _refuse(archive: Archive, refused: RefusedInput, run: int, progress: Progress, report: Report) -> None:
    progress.refused += 1
    report(f"maktub: refused {refused.source}: {refused.reason}")
    archive.refuse(refused.source, refused.reason, run)


def _count(progress: Progress, added: Added) -> None:
    progress.pages += added.pages
    progress.documents += added.documents
    progress.revisions += added.revisions
    progress.duplicates += added.duplicates


class _Pool:
    """Batches out, results back, at most `window` batches in flight (memory stays flat)."""

    window = 2
    batch = BATCH

    def submit(self, batch: list[Source]) -> None:
        raise NotImplementedError

    def busy(self) -> bool:
        raise NotImplementedError

    def pending(self) -> bool:
        raise NotImplementedError

    def next_done(self) -> Result:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _Here(_Pool):
    """No workers: each batch is done at once in this process."""

    def __init__(self, profile: SiteProfile) -> None:
        self.profile = profile
        self.done: list[Result] = []

    def submit(self, batch: list[Source]) -> None:
        self.done.append(prepare_many(batch, self.profile))

    def busy(self) -> bool:
        return bool(self.done)

    pending = busy

    def next_done(self) -> Result:
        return self.done.pop(0)


class _Processes(_Pool):
    """Local worker processes, forked from this one, replaced by fresh ones every RECYCLE_PAGES."""

    def __init__(self, workers: int, profile: SiteProfile, writers: tuple[str, int] | None) -> None:
        _warm_up()  # before the fork: the workers share the model and gazetteers with this process
        # What is loaded now is never garbage: frozen, the workers' collectors neither walk it nor
        # write to it, so its pages stay shared instead of being copied into every worker.
        gc.collect()
        gc.freeze()
        self.workers = workers
        self.profile = profile
        self.writers = writers
        self.window = workers * 3
        self.executor = self._start()
        self.sent = 0  # pages sent to the current workers
        self.futures: set[cf.Future[Result]] = set()
        self.ready: list[Result] = []  # done while the workers were replaced

    def _start(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(self.profile,),
        )

    def submit(self, batch: list[Source]) -> None:
        if self.sent >= RECYCLE_PAGES * self.workers:
            self._recycle()
        if self.writers:
            self.futures.add(self.executor.submit(store_many, batch, *self.writers))
        else:
            self.futures.add(self.executor.submit(prepare_many, batch))
        self.sent += len(batch)

    def _recycle(self) -> None:
        """Let the workers finish what they have, then fork fresh ones: what the old ones grew goes.

        (Python 3.11's own `max_tasks_per_child` can hang the pool: cpython issue 115634.)
        """
        self.ready += [self._result(future) for future in cf.as_completed(self.futures)]
        self.futures = set()
        self.executor.shutdown(wait=True)
        self.executor = self._start()
        self.sent = 0

    def busy(self) -> bool:
        return len(self.futures) + len(self.ready) >= self.window

    def pending(self) -> bool:
        return bool(self.futures or self.ready)

    def next_done(self) -> Result:
        if self.ready:
            return self.ready.pop(0)
        done, self.futures = cf.wait(self.futures, return_when=cf.FIRST_COMPLETED)
        first = done.pop()
        self.futures |= done
        return self._result(first)

    @staticmethod
    def _result(future: cf.Future[Result]) -> Result:
        try:
            return future.result()
        except cf.process.BrokenProcessPool:
            raise MaktubError(
                "a worker process died (out of memory?); what was stored is kept, rerun to finish"
            ) from None

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


class _Dask(_Pool):
    def __init__(self, address: str, workers: int, profile: SiteProfile, writers: tuple[str, int] | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - a dependency
            raise MaktubError("Dask is not installed: pip install 'dask[distributed]'") from None
        self.cluster: Any = None
        try:
            if address == "local":
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    host="127.0.0.1",
                    silence_logs=40,
                )
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout=20)
        except (OSError, TimeoutError) as exc:
            raise MaktubError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
        nthreads = sum(self.client.nthreads().values()) or 1
        self.window = nthreads * 3
        self.batch = DASK_BATCH
        self.profile = self.client.scatter(profile, broadcast=True)
        self.writers = writers
        self.futures: list[Any] = []

    def submit(self, batch: list[Source]) -> None:
        if self.writers:
            self.futures.append(self.client.submit(store_many, batch, *self.writers, self.profile, pure=False))
        else:
            self.futures.append(self.client.submit(prepare_many, batch, self.profile, pure=False))

    def busy(self) -> bool:
        return len(self.futures) >= self.window

    def pending(self) -> bool:
        return bool(self.futures)

    def next_done(self) -> Result:
        from distributed import wait

        done, _ = wait(self.futures, return_when="FIRST_COMPLETED")
        first = next(iter(done))
        self.futures.remove(first)
        try:
            result: Result = first.result()
        except Exception as exc:  # noqa: BLE001 - a worker lost: say so, keep what is stored
            raise MaktubError(
                f"a Dask task failed ({type(exc).__name__}: {exc}); what was stored is kept"
            ) from None
        first.release()
        return result

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _start_worker(profile: SiteProfile) -> None:
    """A local worker's first step: the sites' profile, and a collector that runs less often.

    Extraction makes many short-lived objects; with the youngest generation collected every 700
    allocations the collector cost about 0.5 ms a page, with every 10,000 about 0.15 ms.
    """
    set_profile(profile)
    gc.set_threshold(10_000, 10, 10)


_WORKER_ARCHIVES: dict[str, Archive] = {}  # a worker's own connection to each archive it stores in


def store_many(items: list[Source], target: str, run: int, profile: SiteProfile | None = None) -> Stored:
    """A worker's task with PostgreSQL: understand the pages, and store them in one transaction."""
    results = prepare_many(items, profile)
    pages = [r for r in results if isinstance(r, Prepared)]
    archive = _WORKER_ARCHIVES.get(target)
    if archive is None:
        archive = _WORKER_ARCHIVES[target] = Archive.open(target, upgrade=False)
    return Stored(
        archive.add(pages, run) if pages else Added(),
        [r for r in results if isinstance(r, RefusedInput)],
        [(page.location, warning) for page in pages for warning in page.warnings],
    )


def _warm_up() -> None:
    """Load what extraction needs (the model, gazetteers, name lists) by extracting a small page."""
    page = (
        "Press statement\n\nKarachi, 3 March 2004\n\nMr Altaf Hussain, the chairman of the Awami "
        "Front, said in Lahore that the Sindh government had failed the people of Hyderabad district."
    )
    from maktub.entities import model

    if model.enabled():
        model.nlp()
    prepare_many([Source("warm-up.txt", page.encode(), "text")])


def _pool(options: IngestOptions, profile: SiteProfile, writers: tuple[str, int] | None) -> _Pool:
    """Where pages are understood; with `writers` (PostgreSQL: the archive and the run), stored too."""
    workers = options.workers if options.workers is not None else (os.cpu_count() or 1)
    if options.dask:
        return _Dask(options.dask, max(workers, 1), profile, writers)
    if workers <= 0:
        return _Here(profile)
    return _Processes(workers, profile, writers)
