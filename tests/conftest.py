"""Shared test helpers: where the shared corpus is, and how to run the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
CORPUS = ROOT / "tests" / "corpus"
HELDOUT = ROOT / "tests" / "heldout"
SCHEMA = SHARED / "contract" / "document.schema.json"
POSTGRES = os.environ.get("MAKTUB_TEST_POSTGRES")


def run_maktub(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run `maktub ARGS` as a person would, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "maktub", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def extract_lines(
    *paths: str | Path, extra: tuple[str, ...] = ()
) -> tuple[list[dict], subprocess.CompletedProcess[str]]:
    """Run `maktub extract` and parse its JSON lines."""
    proc = run_maktub("extract", *extra, *map(str, paths))
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return docs, proc


def extract_page(folder: Path, text: str, name: str = "page.txt") -> list[dict]:
    """Write one text page into `folder`, run `maktub extract` on it, and return its documents."""
    page = folder / name
    page.write_text(text, encoding="utf-8")
    docs, proc = extract_lines(page)
    assert proc.returncode == 0, proc.stderr
    return docs


def fresh_postgres() -> str:
    """A new, empty database on the test run's PostgreSQL, by its URL."""
    import psycopg

    assert POSTGRES
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return POSTGRES.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A target for a new, empty archive on each database."""
    if request.param == "sqlite":
        return str(tmp_path / "archive.db")
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail("MAKTUB_TEST_POSTGRES is not set: run the tests with scripts/test.sh")
        pytest.skip("no PostgreSQL: set MAKTUB_TEST_POSTGRES (scripts/test.sh does)")
    return fresh_postgres()


@pytest.fixture(scope="session")
def validator():
    """A JSON Schema validator for the extraction contract."""
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="session")
def seed_docs() -> list[dict]:
    """Every document `maktub extract` finds in the three seed pages."""
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is not beside the project")
    docs, proc = extract_lines(*sorted(SEEDS.glob("*.txt")))
    assert proc.returncode == 0, proc.stderr
    return docs


def top(docs: list[dict], name_part: str) -> dict:
    """The top-level document whose source contains `name_part`."""
    return next(d for d in docs if d["parent"] is None and name_part in d["source"])


def children(docs: list[dict], parent: dict) -> list[dict]:
    """The documents found directly inside `parent`."""
    return [d for d in docs if d["parent"] == parent["id"]]
