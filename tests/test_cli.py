"""The command line as a person meets it: help for every command, documented in the README, a demo."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, SEEDS, run_maktub
from maktub.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_readme_entry(command):
    proc = run_maktub(command, "--help")
    assert proc.returncode == 0
    assert "Usage:" in proc.stdout and len(proc.stdout.splitlines()) > 3
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`maktub {command}\b", readme), f"README has no entry for `maktub {command}`"


def test_every_extract_option_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for param in cli.commands["extract"].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in readme, f"README does not mention {opt}"


def test_pretty_output_is_the_same_documents(tmp_path):
    plain = run_maktub("extract", str(SEEDS / "000_9b4ded9706406cb4.txt"))
    pretty = run_maktub("extract", "--pretty", str(SEEDS / "000_9b4ded9706406cb4.txt"))
    assert json.loads(plain.stdout) == json.loads(pretty.stdout)
    assert pretty.stdout.count("\n") > 20


def test_demo_generates_extracts_and_summarises(tmp_path):
    proc = run_maktub("demo", "--pages", "24", "--dir", str(tmp_path / "demo"), "--no-serve")
    assert proc.returncode == 0, proc.stderr
    assert "Documents found" in proc.stdout
    docs = [json.loads(line) for line in (tmp_path / "demo" / "documents.jsonl").read_text().splitlines()]
    kinds = {d["kind"] for d in docs}
    assert {"letter", "article"} <= kinds
    assert any(d["language"] == "ur" for d in docs) or len(docs) < 30
    # The demo also leaves an archive that the search command reads.
    archive = tmp_path / "demo" / "maktub.db"
    found = run_maktub("search", "--archive", str(archive), "--json", "kind:letter")
    assert found.returncode == 0, found.stderr
    letters = [d for d in docs if d["kind"] == "letter"]
    assert json.loads(found.stdout)["total"] == len(letters)
