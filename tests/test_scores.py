"""Extraction quality is a number under test: score.py figures never fall below tests/floors.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, HELDOUT, ROOT, SEEDS, SHARED

FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text(encoding="utf-8"))


def score(corpus: Path, tmp_path: Path) -> dict:
    out = tmp_path / "figures.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(SHARED / "contract" / "score.py"),
            str(corpus),
            "--json",
            str(out),
            "--cmd",
            f"{sys.executable} -m maktub extract",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return json.loads(out.read_text())


@pytest.mark.parametrize("name,corpus", [("seeds", SEEDS), ("corpus", CORPUS), ("heldout", HELDOUT)])
def test_scores_stay_above_their_floors(name, corpus, tmp_path):
    if not (corpus / "gold.json").exists():
        pytest.skip(f"{corpus} has no gold.json")
    got = score(corpus, tmp_path)
    floors = FLOORS[name]
    below = {
        m: (got["figures"].get(m), f)
        for m, f in floors["figures"].items()
        if got["figures"].get(m, 0.0) < f - 1e-9
    }
    assert not below, f"{name}: figures below their floors (got, floor): {below}"
    assert got["overall"] >= floors["overall"] - 1e-9
