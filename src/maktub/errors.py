"""The exceptions maktub raises: one base class, a few kinds."""

from __future__ import annotations


class MaktubError(Exception):
    """Base class of every error maktub reports to a person."""


class RefusedInput(MaktubError):
    """A file (or a record inside one) that cannot be read; the batch goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[RefusedInput], tuple[str, str]]:
        return RefusedInput, (self.source, self.reason)  # crosses to and from worker processes
