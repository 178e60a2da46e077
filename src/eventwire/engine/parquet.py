"""The Parquet dataset of a run: articles, events, quotes and flags by publication month.

Layout (Hive-style partitions, readable by DuckDB, pandas and pyarrow)::

    DIR/articles/published_month=2024-05/shard-00003.parquet
    DIR/events/published_month=2024-05/shard-00003.parquet
    DIR/quotes/...   DIR/flags/...   (published_month=unknown for undated articles)

Columns are those of the store's tables (the schema comes from the store's own
DDL, so the two cannot drift apart), plus ``shard`` and ``position`` (where the
article came in the run's input; events also ``event_index``) so a load replays
the articles in input order. Each file is written under a temporary name and
renamed, and a shard's file names are fixed, so a shard written twice replaces
its files rather than adding to them.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.model import CodedArticle
from eventwire.store.rows import coded_rows
from eventwire.store.schema import TABLES_DDL

TABLES = ("articles", "events", "quotes", "flags")
ORDER_COLUMNS = {
    "articles": ("shard", "position"),
    "events": ("shard", "position", "event_index"),
    "quotes": ("shard", "position", "quote_index"),
    "flags": ("shard", "position", "flag_index"),
}
PARTITION = "published_month"
UNKNOWN_MONTH = "unknown"


@lru_cache(maxsize=1)
def store_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each store table, read from the store's DDL."""
    with duckdb.connect() as connection:
        connection.execute(TABLES_DDL)
        return {
            table: connection.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            for table in TABLES
        }


@lru_cache(maxsize=1)
def dataset_schemas() -> dict[str, pa.Schema]:
    schemas = {}
    for table, schema in store_schemas().items():
        extra = [
            pa.field(name, pa.int32()) for name in ORDER_COLUMNS[table] if name not in schema.names
        ]
        schemas[table] = pa.schema([*extra, *schema])
    return schemas


def month_of(published: Any) -> str:
    return published.strftime("%Y-%m") if published else UNKNOWN_MONTH


def shard_tables(
    shard: int, coded: list[CodedArticle], ingested_at: datetime
) -> dict[str, dict[str, pa.Table]]:
    """The shard's rows as Arrow tables, table -> month -> rows of that publication month."""
    articles, events, quotes, flags = coded_rows(coded, ingested_at)
    position = {row["id"]: index for index, row in enumerate(articles)}
    month = {row["id"]: month_of(row["published"]) for row in articles}
    counters: dict[str, int] = {}
    for row in events:
        row["event_index"] = counters.get(row["article_id"], 0)
        counters[row["article_id"]] = row["event_index"] + 1
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {table: {} for table in TABLES}
    for table, rows in zip(TABLES, (articles, events, quotes, flags), strict=True):
        for row in rows:
            article_id = row["id"] if table == "articles" else row["article_id"]
            row["shard"], row["position"] = shard, position[article_id]
            grouped[table].setdefault(month[article_id], []).append(row)
    schemas = dataset_schemas()
    return {
        table: {
            when: pa.Table.from_pylist(rows, schema=schemas[table]) for when, rows in months.items()
        }
        for table, months in grouped.items()
    }


def shard_file(table: str, month: str, shard: int) -> str:
    return f"{table}/{PARTITION}={month}/shard-{shard:05d}.parquet"


def write_shard(out: Path, shard: int, tables: dict[str, dict[str, pa.Table]]) -> list[str]:
    """Write a shard's files (each atomically); returns their paths relative to ``out``."""
    written = []
    for table, months in tables.items():
        for month, rows in sorted(months.items()):
            relative = shard_file(table, month, shard)
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            pq.write_table(rows, temporary)
            os.replace(temporary, target)
            written.append(relative)
    return written


def read_shard(out: Path, files: list[str]) -> dict[str, list[dict[str, Any]]]:
    """A shard's rows per table, in input order, with the store's columns only."""
    schemas = store_schemas()
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for relative in files:
        table = relative.split("/", 1)[0]
        rows[table] += pq.read_table(out / relative, schema=dataset_schemas()[table]).to_pylist()
    result = {}
    for table, found in rows.items():
        found.sort(key=lambda row, keys=ORDER_COLUMNS[table]: tuple(row[k] for k in keys))
        names = schemas[table].names
        result[table] = [{name: row[name] for name in names} for row in found]
    return result
