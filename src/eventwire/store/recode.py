"""Recoding stored articles that an older EventWire (or other data or models) coded.

The store keeps each article's cleaned text, so recoding parses and codes that
text again with the pipeline of this process (no re-reading of sources, no
second cleaning: the id stays the same). Each batch replaces the articles'
events, quotes and flags and their provenance in one transaction, so an
interrupted recode leaves every article either old or new, and a rerun goes on
with the old ones; merged events are recomputed once at the end.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.model import Article, Flag
from eventwire.store.database import BatchResult, EventStore, batched, now
from eventwire.store.rows import coded_rows
from eventwire.store.schema import PROVENANCE_COLUMNS

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline
    from eventwire.provenance import Provenance

# Flags the stages after parsing add (dates.assign_dates): recoding makes them anew.
# Every other stored flag came with the article from its reader and is kept.
CODER_FLAG_KINDS = ("weekday_date_conflict",)
READ_CHUNK = 200  # stored articles read back at a time


@dataclass
class RecodeReport:
    articles: int = 0
    events: int = 0


def stale_article_ids(store: EventStore, provenance: Provenance) -> list[str]:
    """Ids of stored articles coded by anything but ``provenance`` (unknown counts as other)."""
    condition = " AND ".join(f"{c} IS NOT DISTINCT FROM ?" for c in PROVENANCE_COLUMNS)
    values = [provenance.to_dict()[c] for c in PROVENANCE_COLUMNS]
    rows = store.connection.execute(
        f"SELECT id FROM articles WHERE NOT ({condition}) ORDER BY ingested_at, id", values
    ).fetchall()
    return [row[0] for row in rows]


def stored_articles(store: EventStore, ids: list[str]) -> Iterator[Article]:
    """The stored articles of ``ids``, in that order, with the flags their reader gave them."""
    for chunk in batched(ids, READ_CHUNK):
        cursor = store.connection.execute(
            "SELECT id, title, outlet, url, published, published_basis, source, language, "
            "credits, removed, repairs, duplicate_of, text FROM articles "
            "WHERE list_contains(?, id)",
            [chunk],
        )
        names = [d[0] for d in cursor.description]
        found = {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}
        flags: dict[str, list[Flag]] = {}
        for article_id, kind, text, detail in store.connection.execute(
            "SELECT article_id, kind, text, detail FROM flags "
            "WHERE list_contains(?, article_id) AND NOT list_contains(?, kind) "
            "ORDER BY article_id, flag_index",
            [chunk, list(CODER_FLAG_KINDS)],
        ).fetchall():
            flags.setdefault(article_id, []).append(Flag(kind, text or "", detail or ""))
        for article_id in chunk:
            row = found[article_id]
            yield Article(
                text=row["text"] or "",
                title=row["title"] or "",
                outlet=row["outlet"] or "",
                url=row["url"] or "",
                published=row["published"],
                published_basis=row["published_basis"] or "",
                credits=list(row["credits"] or []),
                language=row["language"] or "en",
                removed=list(row["removed"] or []),
                repairs=json.loads(row["repairs"]) if row["repairs"] else {},
                flags=flags.get(article_id, []),
                source=row["source"] or "",
                duplicate_of=row["duplicate_of"] or "",
                id=article_id,
            )


def recode_store(
    store: EventStore,
    pipeline: Pipeline,
    batch_size: int,
    on_batch: Callable[[BatchResult], None] | None = None,
) -> RecodeReport:
    """Recode every stored article whose provenance differs from the pipeline's."""
    assert pipeline.provenance is not None
    report = RecodeReport()
    ids = stale_article_ids(store, pipeline.provenance)
    if not ids:
        return report
    coded = pipeline.code_cleaned((a.text, a) for a in stored_articles(store, ids))
    for batch in batched(coded, batch_size):
        result = store.write_rows(*coded_rows(batch, now()), replace=True)
        report.articles += result.articles
        report.events += result.events
        if on_batch:
            on_batch(result)
    store.remerge()
    return report
