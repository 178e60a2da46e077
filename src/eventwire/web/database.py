"""The server's one read-only connection to the store, with a time limit on every query.

DuckDB connections are not shared between threads, so each request reads
through its own cursor (a cheap second handle on the same database). A query
that runs past the limit is interrupted and reported, so a slow filter cannot
tie up the server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import EventWireError
from eventwire.store import EventStore

DEFAULT_QUERY_TIMEOUT_S = 10.0


class QueryTimeout(EventWireError):
    """A query ran past the server's time limit (HTTP 503)."""


class CursorStore:
    """What the store's query and export helpers need from an EventStore: a connection."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection


class ReadOnlyDatabase:
    """An EventWire database opened with ``read_only=True`` for the lifetime of the server."""

    def __init__(self, path: str | Path, query_timeout_s: float = DEFAULT_QUERY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.query_timeout_s = query_timeout_s
        self._store = EventStore(self.path, read_only=True)  # checks file and schema version

    def close(self) -> None:
        self._store.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor whose statements are interrupted after ``query_timeout_s`` seconds."""
        cursor = self._store.connection.cursor()
        timer = threading.Timer(self.query_timeout_s, cursor.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield cursor
        except duckdb.InterruptException:
            raise QueryTimeout(
                f"the query took longer than {self.query_timeout_s:g} s and was stopped; "
                "narrow the filters (a shorter date range, a type or an actor)"
            ) from None
        finally:
            timer.cancel()
            cursor.close()

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """The result of one parameterised statement as a list of dicts."""
        with self.cursor() as cursor:
            result = cursor.execute(sql, params or [])
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def value(self, sql: str, params: list[Any] | None = None) -> Any:
        with self.cursor() as cursor:
            row = cursor.execute(sql, params or []).fetchone()
            return row[0] if row else None
