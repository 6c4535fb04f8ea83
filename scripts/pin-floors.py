"""Raise tests/floors.json to today's score.py figures (never lowers a floor).

.venv/bin/python scripts/pin-floors.py
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "contract" / "score.py"
CORPORA = {
    "seeds": ROOT.parent / "shared" / "corpus" / "seeds",
    "corpus": ROOT / "tests" / "corpus",
    "heldout": ROOT / "tests" / "heldout",
}


def main() -> None:
    """Score each corpus and keep, per figure, the higher of the old floor and today's figure."""
    path = ROOT / "tests" / "floors.json"
    floors = json.loads(path.read_text(encoding="utf-8"))
    for name, corpus in CORPORA.items():
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "figures.json"
            subprocess.run(
                [
                    sys.executable,
                    str(SCORE),
                    str(corpus),
                    "--json",
                    str(out),
                    "--cmd",
                    f"{sys.executable} -m maktub extract",
                ],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            got = json.loads(out.read_text())
        old = floors.setdefault(name, {"overall": 0.0, "figures": {}})
        for metric, value in got["figures"].items():
            old["figures"][metric] = max(old["figures"].get(metric, 0.0), value)
        old["overall"] = max(old["overall"], math.floor(got["overall"] * 1000) / 1000)
        print(f"{name}: overall {got['overall']:.3f}")
    path.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
