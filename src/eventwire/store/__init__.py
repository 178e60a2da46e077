"""The event store: DuckDB schema, idempotent batched writes, merging, query and export."""

from eventwire.store.database import DEFAULT_BATCH_SIZE, BatchResult, EventStore
from eventwire.store.merge import DEFAULT_WINDOW_DAYS
from eventwire.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_WINDOW_DAYS",
    "SCHEMA_VERSION",
    "BatchResult",
    "EventStore",
]
