"""Running the web app: uvicorn in one process or several, each connection answered without delay.

Several processes each listen on the port themselves (SO_REUSEPORT), so that the kernel shares
new connections among them. uvicorn's own workers share one listening socket instead, and the
first to wake accepts every connection waiting: a benchmark's 64 connections all went to one of
two workers about half the time (40 requests a second instead of 115).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
import socket
from collections.abc import Sequence
from types import FrameType

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from maktub.archive.store import Archive
from maktub.errors import MaktubError
from maktub.web.app import create_app

STOP_SECONDS = 10  # how long the processes have to finish their requests when told to stop


class NoDelayProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with TCP_NODELAY set on each connection.

    uvicorn sets it only on sockets it makes itself (uvicorn issue 3149); without it, every
    answer after the first on a kept-alive connection waits for the client's delayed ACK: about
    43 ms a request on loopback.
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def serve(target: str, host: str, port: int, title: str = "maktub", workers: int = 1) -> None:
    """Serve the archive at `target` on host:port until interrupted, in `workers` processes."""
    if workers == 1:
        _run(target, title, _listen(host, port, shared=False))
        return
    with Archive.open(target):  # upgraded here, once, before the processes open it
        pass
    _listen(host, port, shared=False).close()  # a port already taken is one clear error, here
    context = multiprocessing.get_context("spawn")  # each process opens the archive itself
    processes = [context.Process(target=_worker, args=(target, host, port, title)) for _ in range(workers)]
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.is_alive():
                process.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for process in processes:
            process.start()
        while not stopping and all(p.is_alive() for p in processes):
            processes[0].join(0.5)
        if not stopping:
            stop(signal.SIGTERM, None)
            raise MaktubError(f"a process serving {target} stopped (exit code {_exit_codes(processes)})")
    finally:
        for process in processes:
            process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _worker(target: str, host: str, port: int, title: str) -> None:
    _run(target, title, _listen(host, port, shared=True))


def _run(target: str, title: str, sock: socket.socket) -> None:
    config = uvicorn.Config(
        create_app(target, title=title), http=NoDelayProtocol, log_level="warning", access_log=False,
        timeout_graceful_shutdown=STOP_SECONDS,
    )  # fmt: skip
    uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int, shared: bool) -> socket.socket:
    """A socket bound to host:port; `shared`: with SO_REUSEPORT, beside the other processes'."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise MaktubError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _exit_codes(processes: Sequence[multiprocessing.process.BaseProcess]) -> str:
    return ", ".join(str(p.exitcode) for p in processes if p.exitcode is not None)
