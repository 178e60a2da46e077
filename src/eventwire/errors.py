"""One family of user-facing errors: the CLI prints them, never a traceback."""

from __future__ import annotations

import os


class EventWireError(Exception):
    """A problem a person can act on (bad input, unknown model, unreadable file)."""


class DocumentError(EventWireError):
    """One document could not be read or coded; a batch reports it and goes on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def strict() -> bool:
    """True under ``EVENTWIRE_STRICT=1`` (the test suite): an unexpected exception inside one
    document is re-raised instead of becoming that document's problem, so real bugs fail."""
    return os.environ.get("EVENTWIRE_STRICT") == "1"
