"""People's corrections to entity resolution: kept in a file of their own, and winning.

Each correction names entities by name, not by an id of one run, so it survives re-reading
the pages and re-ingesting them. The file is a log, one JSON object a line, only ever
appended to: undoing a correction appends an 'undo' that names its number.

  merge  A B ...   these are one entity (the first name is shown)
  split  A B ...   these are different entities, whatever the spellings suggest
  rename A NEW     show entity A under the name NEW
  type   A TYPE    A is a person, an organization or a place
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from maktub.entities.gazetteer import key
from maktub.errors import MaktubError

OPERATIONS = {"merge", "split", "rename", "type", "undo"}
TYPES = {"person", "organization", "place"}
DEFAULT_FILE = "maktub-corrections.jsonl"


@dataclass
class Correction:
    """One person's decision about entities."""

    op: str
    names: list[str]
    value: str | None = None
    by: str = ""
    at: str = ""
    note: str = ""
    number: int = field(default=0, compare=False)

    def describe(self) -> str:
        names = " + ".join(self.names)
        what = {
            "merge": f"merge {names}",
            "split": f"keep apart {names}",
            "rename": f"rename {names} to {self.value}",
            "type": f"set type of {names} to {self.value}",
            "undo": f"undo #{self.value}",
        }[self.op]
        who = f" by {self.by}" if self.by else ""
        return f"#{self.number} {what}{who} ({self.at[:10]})" + (f": {self.note}" if self.note else "")


class Corrections:
    """The corrections in force, read from (and appended to) one file."""

    def __init__(
        self,
        path: Path | None = None,
        items: list[Correction] | None = None,
        save: Callable[[Correction], None] | None = None,
    ) -> None:
        self.path = path
        self.log: list[Correction] = items or []
        self.save = save  # where a new correction goes instead of the file (an archive)

    @classmethod
    def load(cls, path: str | Path) -> Corrections:
        """Read a corrections file; a missing file is no corrections yet."""
        path = Path(path)
        log: list[Correction] = []
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        raw = json.loads(line)
                        item = Correction(**{k: v for k, v in raw.items() if k != "number"})
                    except (json.JSONDecodeError, TypeError) as e:
                        raise MaktubError(f"{path}: line {number} is not a correction ({e})") from None
                    _check(item, f"{path}: line {number}")
                    item.number = len(log) + 1
                    log.append(item)
        return cls(path, log)

    @property
    def active(self) -> list[Correction]:
        """Corrections in order, without those undone (and without the undos)."""
        undone = {int(c.value or 0) for c in self.log if c.op == "undo"}
        return [c for c in self.log if c.op != "undo" and c.number not in undone]

    def add(self, op: str, names: list[str], value: str | None = None, note: str = "") -> Correction:
        """Record a correction (appended to the file at once) and return it."""
        item = Correction(
            op,
            [n.strip() for n in names],
            value.strip() if value else value,
            by=os.environ.get("MAKTUB_USER") or _user(),
            at=datetime.now(UTC).isoformat(timespec="seconds"),
            note=note,
        )
        _check(item, "correction")
        if op == "undo" and not any(c.number == int(value or 0) and c.op != "undo" for c in self.log):
            raise MaktubError(f"there is no correction #{value} to undo")
        item.number = len(self.log) + 1
        if self.save is not None:
            self.save(item)
        self.log.append(item)
        if self.save is None and self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            record = {k: v for k, v in asdict(item).items() if k != "number"}
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        return item

    def types(self) -> dict[str, str]:
        """Entity name keys whose type a person has set."""
        return {key(n): c.value or "" for c in self.active if c.op == "type" for n in c.names}

    def renames(self) -> dict[str, tuple[str, Correction]]:
        return {key(n): (c.value or n, c) for c in self.active if c.op == "rename" for n in c.names}


def _check(item: Correction, where: str) -> None:
    if item.op not in OPERATIONS:
        raise MaktubError(f"{where}: unknown operation {item.op!r} (one of {', '.join(sorted(OPERATIONS))})")
    wanted = {"merge": 2, "split": 2, "rename": 1, "type": 1, "undo": 0}[item.op]
    if len(item.names) < wanted or not all(isinstance(n, str) and n.strip() for n in item.names):
        raise MaktubError(f"{where}: {item.op} needs {wanted} name(s) or more")
    if item.op in {"rename", "type", "undo"} and not item.value:
        raise MaktubError(f"{where}: {item.op} needs a value")
    if item.op == "type" and item.value not in TYPES:
        raise MaktubError(f"{where}: type must be one of {', '.join(sorted(TYPES))}, not {item.value!r}")
    if item.op == "undo" and not str(item.value).isdigit():
        raise MaktubError(f"{where}: undo needs the number of a correction")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
