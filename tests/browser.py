"""Browser-test helpers: Debian's Chromium through Playwright, axe-core, and `maktub serve` on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "src" / "maktub" / "web" / "static" / "vendor" / "axe.min.js"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Chromium as scripts/chromium.sh installs it, quiet on the network: no first-run, sync, component or
# QUIC traffic, so a page under test reaches nothing but the server it was opened from.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = ("serious", "critical")
# Seconds `maktub serve` gets to answer its first request: the first start imports FastAPI and the archive.
SERVE_TIMEOUT = 30.0


def chromium_path() -> str:
    """The Chromium to test with: $MAKTUB_CHROMIUM or Debian's; a skip without one, a failure on CI."""
    configured = os.environ.get("MAKTUB_CHROMIUM")
    if configured:
        if not os.access(configured, os.X_OK):
            pytest.fail(f"MAKTUB_CHROMIUM={configured} is not an executable: unset it or fix the path")
        return configured
    if os.access(DEFAULT_CHROMIUM, os.X_OK):
        return DEFAULT_CHROMIUM
    reason = f"no Chromium at {DEFAULT_CHROMIUM}: run `bash scripts/chromium.sh` (scripts/test.sh does)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests", pytrace=False)
    pytest.skip(reason)


@contextmanager
def browser() -> Iterator[Browser]:
    """A headless Chromium driven by Playwright, never a browser Playwright downloads itself."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        # Each launch gets a throwaway profile from Playwright, so no state leaks between tests.
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page: id, impact, help and a few targets."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        if not AXE.is_file():
            pytest.fail(f"{AXE} is missing: run `bash scripts/assets.sh`", pytrace=False)
        # Evaluated rather than added as a <script> tag: a page whose Content-Security-Policy forbids
        # inline scripts blocks the tag, but not code run through the DevTools protocol.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate("axe.run()")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            # A target is a list of selectors, one per frame or shadow root crossed on the way.
            "targets": [" >>> ".join(map(str, node["target"])) for node in violation["nodes"][:5]],
        }
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def maktub_command() -> list[str]:
    """The `maktub` command of this checkout's .venv, or of the running Python."""
    installed = ROOT / ".venv" / "bin" / "maktub"
    return [str(installed)] if installed.is_file() else [sys.executable, "-m", "maktub"]


@contextmanager
def serve(archive_path: str | Path) -> Iterator[str]:
    """Run `maktub serve` on the archive at a free loopback port and yield its base URL."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [
        *maktub_command(),
        "serve",
        "--archive",
        str(archive_path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            _wait_until_answering(base_url, process, log)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_answering(base_url: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """Poll the server's front page until it answers with any status; fail with its output if it won't."""
    # No proxy: a developer's http_proxy must not swallow requests to loopback.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + SERVE_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`maktub serve` exited with {process.returncode}:\n{_output(log)}", pytrace=False)
        try:
            with opener.open(base_url + "/", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answered; the test judges the status
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"`maktub serve` did not answer at {base_url} in {SERVE_TIMEOUT:.0f} s:\n{_output(log)}")


def _output(log: IO[bytes]) -> str:
    """What the server printed so far, its last 4,000 characters."""
    log.flush()
    log.seek(0)
    return log.read().decode("utf-8", "replace")[-4000:]
