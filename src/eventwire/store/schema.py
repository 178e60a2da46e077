"""The DuckDB schema, its version, and what happens to databases of other versions.

Every database records the schema it was written with in ``schema_version``.
Opening a database of an older version runs the registered migrations in one
transaction; with no migration path, or a newer version than this EventWire
knows, opening is refused with a message naming the file and both versions,
so a user never gets half-readable tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire import __version__
from eventwire.errors import EventWireError

SCHEMA_VERSION = 3

ACTOR_COLUMNS = ("name", "country", "sector", "kb_id", "role", "text")

_ACTOR_DDL = ",\n".join(
    f"    {side}_{column} VARCHAR" for side in ("source", "target") for column in ACTOR_COLUMNS
)

TABLES_DDL = f"""
CREATE TABLE schema_version (
    version INTEGER NOT NULL,
    written_by VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE settings (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    published DATE,
    published_basis VARCHAR,
    source VARCHAR,
    language VARCHAR,
    credits VARCHAR[],
    removed VARCHAR[],
    repairs JSON,
    duplicate_of VARCHAR,
    text VARCHAR,
    ingested_at TIMESTAMP NOT NULL,
    eventwire_version VARCHAR,
    lexicon_hash VARCHAR,
    kb_hash VARCHAR,
    models_hash VARCHAR
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    merged_id VARCHAR,
    sentence_index INTEGER,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    evidence VARCHAR,
{_ACTOR_DDL},
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    cameo VARCHAR,
    intensity DOUBLE,
    quad_code INTEGER,
    date DATE,
    date_precision VARCHAR,
    date_basis VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geonames_id BIGINT,
    location_precision VARCHAR,
    negated BOOLEAN NOT NULL,
    background BOOLEAN NOT NULL DEFAULT false,
    confidence DOUBLE,
    pattern VARCHAR,
    explanation VARCHAR
);
CREATE TABLE merged_events (
    id VARCHAR NOT NULL,
    merge_key VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    first_date DATE NOT NULL,
    last_date DATE NOT NULL
);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    quote_index INTEGER NOT NULL,
    speaker_name VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    text VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    sentence_index INTEGER
);
CREATE TABLE flags (
    article_id VARCHAR NOT NULL,
    flag_index INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    text VARCHAR,
    detail VARCHAR
);
"""

VIEWS_DDL = """
CREATE OR REPLACE VIEW merged_event_summary AS
SELECT
    m.id,
    m.event_type,
    m.mode,
    any_value(e.source_name ORDER BY e.id) AS source_name,
    any_value(e.source_country ORDER BY e.id) AS source_country,
    any_value(e.source_sector ORDER BY e.id) AS source_sector,
    any_value(e.target_name ORDER BY e.id) AS target_name,
    any_value(e.target_country ORDER BY e.id) AS target_country,
    any_value(e.target_sector ORDER BY e.id) AS target_sector,
    m.first_date,
    m.last_date,
    count(*) AS mention_count,
    count(DISTINCT coalesce(nullif(a.outlet, ''), a.id)) AS source_count,
    list(DISTINCT e.article_id ORDER BY e.article_id) AS article_ids,
    list(e.id ORDER BY e.id) AS event_ids,
    min(coalesce(a.published, CAST(a.ingested_at AS DATE))) AS first_seen,
    max(coalesce(a.published, CAST(a.ingested_at AS DATE))) AS last_seen
FROM merged_events m
JOIN events e ON e.merged_id = m.id
JOIN articles a ON a.id = e.article_id
GROUP BY m.id, m.event_type, m.mode, m.first_date, m.last_date;
"""


def _add_background_and_place_precision(connection: duckdb.DuckDBPyConnection) -> None:
    """Schema 2: events say whether they are background and how precise their place is.

    Mentions stored before were never marked, so they read as news (``false``)."""
    connection.execute("ALTER TABLE events ADD COLUMN background BOOLEAN NOT NULL DEFAULT false")
    connection.execute("ALTER TABLE events ADD COLUMN location_precision VARCHAR")


PROVENANCE_COLUMNS = ("eventwire_version", "lexicon_hash", "kb_hash", "models_hash")


def add_provenance_columns(connection: duckdb.DuckDBPyConnection) -> None:
    """Schema 2 -> 3: what coded each article; rows stored before stay NULL (unknown)."""
    for column in PROVENANCE_COLUMNS:
        connection.execute(f"ALTER TABLE articles ADD COLUMN {column} VARCHAR")


# version it upgrades from -> function that brings a connection to the next version.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _add_background_and_place_precision,
    2: add_provenance_columns,
}


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (or create) an EventWire database; clear errors for every way it can go wrong."""
    if read_only and not path.exists():
        raise EventWireError(f"{path}: no such database; create it with `eventwire ingest`")
    try:
        connection = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise EventWireError(
                f"{path}: the database is in use by another process (an ingest still running?)"
            ) from exc
        raise EventWireError(f"{path}: cannot open as a DuckDB database: {exc}") from exc
    except duckdb.Error as exc:
        raise EventWireError(f"{path}: cannot open as a DuckDB database: {exc}") from exc
    try:
        ensure_schema(connection, path, read_only)
    except BaseException:
        connection.close()
        raise
    return connection


def stored_version(connection: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    """The schema version in the file, None for an empty database."""
    tables = {
        row[0] for row in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    }
    if not tables:
        return None
    if "schema_version" not in tables:
        raise EventWireError(
            f"{path}: not an EventWire database (it has tables {', '.join(sorted(tables))} "
            "but no schema_version); pick another --db path"
        )
    (row,) = connection.execute("SELECT max(version) FROM schema_version").fetchall()
    if row[0] is None:
        raise EventWireError(f"{path}: schema_version table is empty; the file is damaged")
    return int(row[0])


def ensure_schema(connection: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    """Create the schema in an empty database, migrate an older one, refuse what we cannot read."""
    version = stored_version(connection, path)
    if version == SCHEMA_VERSION:
        return
    if version is None:
        if read_only:
            raise EventWireError(f"{path}: empty database; fill it with `eventwire ingest`")
        with transaction(connection):
            connection.execute(TABLES_DDL)
            connection.execute(VIEWS_DDL)
            connection.execute(
                "INSERT INTO schema_version (version, written_by) VALUES (?, ?)",
                [SCHEMA_VERSION, f"eventwire {__version__}"],
            )
        return
    if version > SCHEMA_VERSION:
        raise EventWireError(
            f"{path}: written with schema version {version} by a newer EventWire; this "
            f"EventWire ({__version__}) reads schema version {SCHEMA_VERSION}. Upgrade EventWire."
        )
    missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing:
        raise EventWireError(
            f"{path}: written with schema version {version}; this EventWire ({__version__}) "
            f"uses schema version {SCHEMA_VERSION} and cannot migrate from version {version}. "
            "Re-ingest the sources into a new database."
        )
    if read_only:
        raise EventWireError(
            f"{path}: schema version {version} needs migrating to {SCHEMA_VERSION}; "
            "run `eventwire ingest` on it once (it migrates in place)"
        )
    with transaction(connection):
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](connection)
        connection.execute(VIEWS_DDL)
        connection.execute(
            "INSERT INTO schema_version (version, written_by) VALUES (?, ?)",
            [SCHEMA_VERSION, f"eventwire {__version__}"],
        )


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK on any error, so a batch is all or nothing."""
    connection.execute("BEGIN TRANSACTION")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
