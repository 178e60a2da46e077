"""One family of user-facing errors: the CLI prints them, never a traceback."""

from __future__ import annotations


class EventWireError(Exception):
    """A problem a person can act on (bad input, unknown model, unreadable file)."""


class DocumentError(EventWireError):
    """One document could not be read or coded; a batch reports it and goes on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
