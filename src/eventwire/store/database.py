"""EventStore: coded articles into one DuckDB file, idempotently, one transaction per batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.model import CodedArticle
from eventwire.store.merge import (
    DEFAULT_WINDOW_DAYS,
    MergedEvent,
    Merger,
    mention_date,
    merge_key,
)
from eventwire.store.rows import coded_rows
from eventwire.store.schema import PROVENANCE_COLUMNS, connect, transaction

DEFAULT_BATCH_SIZE = 50
TABLES = ("articles", "events", "merged_events", "quotes", "flags")


@dataclass
class BatchResult:
    articles: int = 0
    events: int = 0
    skipped: int = 0  # already in the database (or twice in the batch)


class EventStore:
    """One DuckDB database file. ``EventStore(path)`` creates or opens (and checks) it."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.connection = connect(self.path, read_only=read_only)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------

    def known_article_ids(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT id FROM articles").fetchall()}

    def counts(self) -> dict[str, int]:
        return {
            table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            for table in TABLES
        }

    def provenance_mix(self) -> tuple[list[str], list[tuple]]:
        """How many articles (and event mentions) each EventWire version and data hash coded."""
        columns = ", ".join(f"a.{c}" for c in PROVENANCE_COLUMNS)
        cursor = self.connection.execute(
            f"SELECT {columns}, count(DISTINCT a.id) AS articles, count(e.id) AS mentions "
            "FROM articles a LEFT JOIN events e ON e.article_id = a.id "
            f"GROUP BY ALL ORDER BY articles DESC, {columns}"
        )
        return [d[0] for d in cursor.description], cursor.fetchall()

    @property
    def merge_window_days(self) -> int:
        rows = self.connection.execute(
            "SELECT value FROM settings WHERE key = 'merge_window_days'"
        ).fetchall()
        return int(rows[0][0]) if rows else DEFAULT_WINDOW_DAYS

    # -- writing -------------------------------------------------------------

    def set_merge_window(self, days: int) -> bool:
        """Store a new merge window; re-merge everything when it changed. True if it did."""
        if days < 0:
            raise ValueError("the merge window cannot be negative")
        if days == self.merge_window_days:
            return False
        with transaction(self.connection):
            self.connection.execute(
                "INSERT OR REPLACE INTO settings VALUES ('merge_window_days', ?)", [str(days)]
            )
            self._remerge(days)
        return True

    def remerge(self) -> None:
        """Recompute every merged event from the mentions (one transaction)."""
        with transaction(self.connection):
            self._remerge(self.merge_window_days)

    def ingest(
        self,
        coded_articles: Iterable[CodedArticle],
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_batch: Callable[[BatchResult], None] | None = None,
    ) -> BatchResult:
        """Write a stream of coded articles, committing every ``batch_size`` articles."""
        total = BatchResult()
        for batch in batched(coded_articles, batch_size):
            result = self.write_batch(batch)
            total.articles += result.articles
            total.events += result.events
            total.skipped += result.skipped
            if on_batch:
                on_batch(result)
        return total

    def write_batch(self, batch: list[CodedArticle]) -> BatchResult:
        """All of a batch (articles, events, merges, quotes, flags) in one transaction."""
        return self.write_rows(*coded_rows(batch, now()))

    def write_rows(
        self,
        articles: list[dict[str, Any]],
        events: list[dict[str, Any]],
        quotes: list[dict[str, Any]],
        flags: list[dict[str, Any]],
        replace: bool = False,
    ) -> BatchResult:
        """Store the rows of a batch in one transaction; articles already stored are skipped.

        With ``replace`` (recoding) the batch's articles must be stored already: their
        events, quotes and flags are replaced and their provenance updated.
        """
        result = BatchResult()
        with transaction(self.connection):
            ids = [row["id"] for row in articles]
            known = {
                row[0]
                for row in self.connection.execute(
                    "SELECT id FROM articles WHERE list_contains(?, id)", [ids]
                ).fetchall()
            }
            fresh: list[dict[str, Any]] = []
            taken: set[str] = set()
            for row in articles:
                if row["id"] in taken or (row["id"] in known) != replace:
                    result.skipped += 1  # stored already (or, recoding, not stored at all)
                    continue
                taken.add(row["id"])
                fresh.append(row)
            if not fresh:
                return result
            published = {row["id"]: row["published"] for row in fresh}
            events = unique_by_id(row for row in events if row["article_id"] in taken)
            if replace:
                self._delete_coding(sorted(taken))
                self._update_provenance(fresh)
            merger = Merger(self.merge_window_days)
            merger.add_existing(self._merged_events_for(events))
            for row in events:
                when = mention_date(row["date"], published[row["article_id"]])
                row["merged_id"] = merger.assign(row, when)
            if not replace:
                self._insert("articles", fresh)
            self._insert("events", events)
            self._insert("merged_events", merger.new_rows())
            self._update_ranges(merger.changed_rows())
            self._insert("quotes", [row for row in quotes if row["article_id"] in taken])
            self._insert("flags", [row for row in flags if row["article_id"] in taken])
            result.articles, result.events = len(fresh), len(events)
        return result

    # -- internals -----------------------------------------------------------

    def _delete_coding(self, article_ids: list[str]) -> None:
        for table in ("events", "quotes", "flags"):
            self.connection.execute(
                f"DELETE FROM {table} WHERE list_contains(?, article_id)", [article_ids]
            )

    def _update_provenance(self, articles: list[dict[str, Any]]) -> None:
        columns = ["id", *PROVENANCE_COLUMNS]
        coded = pa.Table.from_pylist([{c: row[c] for c in columns} for row in articles])  # noqa: F841
        self.connection.execute(
            "UPDATE articles SET "
            + ", ".join(f"{c} = coded.{c}" for c in PROVENANCE_COLUMNS)
            + " FROM coded WHERE articles.id = coded.id"
        )

    def _merged_events_for(self, events: list[dict[str, Any]]) -> list[MergedEvent]:
        keys = sorted({merge_key(row) for row in events if not row["negated"]})
        if not keys:
            return []
        found = self.connection.execute(
            "SELECT id, merge_key, event_type, mode, first_date, last_date FROM merged_events "
            "WHERE list_contains(?, merge_key)",
            [keys],
        ).fetchall()
        return [MergedEvent(*row) for row in found]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB by name
        self.connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM data")

    def _update_ranges(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        ranges = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB by name
        self.connection.execute(
            "UPDATE merged_events SET first_date = r.first_date, last_date = r.last_date "
            "FROM ranges r WHERE merged_events.id = r.id"
        )

    def _remerge(self, window_days: int) -> None:
        rows = self.connection.execute(
            "SELECT e.id, e.negated, e.event_type, e.mode, "
            + ", ".join(
                f"e.{side}_{column}"
                for side in ("source", "target")
                for column in ("name", "country", "sector", "kb_id")
            )
            + ", coalesce(e.date, a.published) AS merge_date FROM events e "
            "JOIN articles a ON a.id = e.article_id "
            "ORDER BY merge_date NULLS LAST, a.ingested_at, e.id"
        )
        names = [d[0] for d in rows.description]
        merger = Merger(window_days)
        assignments = []
        for values in rows.fetchall():
            row = dict(zip(names, values, strict=True))
            assignments.append(
                {"id": row["id"], "merged_id": merger.assign(row, row["merge_date"])}
            )
        self.connection.execute("DELETE FROM merged_events")
        self._insert("merged_events", merger.new_rows())
        if assignments:
            assigned = pa.Table.from_pylist(assignments)  # noqa: F841 - read by DuckDB by name
            self.connection.execute(
                "UPDATE events SET merged_id = a.merged_id FROM assigned a WHERE events.id = a.id"
            )


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def unique_by_id(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows in order, a repeated id (the same event read twice in a batch) kept once."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            kept.append(row)
    return kept


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    if size < 1:
        raise ValueError("batch size must be at least 1")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
