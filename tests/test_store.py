"""The event store against real DuckDB files: writes, idempotency, merging, versions, exports."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import EventWireError
from eventwire.model import Actor, Article, CodedArticle, Event, Flag, Location, Quote
from eventwire.store import SCHEMA_VERSION, EventStore
from eventwire.store import schema as store_schema
from eventwire.store.export import ExportFormat, export_events
from eventwire.store.merge import Merger
from eventwire.store.query import EventFilter, query_mentions, query_merged, stats

PUTIN = Actor("Vladimir Putin", "RUS", "GOV", "Q7747", "President of Russia", "Vladimir Putin")
ERDOGAN = Actor("Recep Tayyip Erdogan", "TUR", "GOV", "Q39259", "President of Turkey", "Erdogan")
SCHOLZ = Actor("Olaf Scholz", "DEU", "GOV", "Q61053", "Chancellor of Germany", "Scholz")


def report(
    outlet: str,
    published: date,
    sentence: str,
    source: Actor | None = PUTIN,
    target: Actor | None = ERDOGAN,
    event_type: str = "CONSULT",
    mode: str | None = "phone",
    when: date | None = None,
    negated: bool = False,
) -> CodedArticle:
    """One hand-built article reporting one event in its first sentence."""
    text = f"{sentence}\n\nOther news followed."
    article = Article(text=text, title=f"{outlet} report", outlet=outlet, published=published)
    event = Event(
        article_id=article.id,
        sentence_index=0,
        sentence=sentence,
        span=(0, len(sentence)),
        evidence=sentence,
        source=source,
        target=target,
        event_type=event_type,
        mode=mode,
        context=["diplomatic"],
        cameo="041" if mode == "phone" else "040",
        date=when or published,
        date_basis="explicit",
        location=Location("Moscow", "RUS", 55.75, 37.62, 524901),
        negated=negated,
        confidence=0.9,
        pattern="test",
    )
    quote = Quote("We talked about grain.", source, (0, 5))
    return CodedArticle(article, [event], [quote], [Flag("test", "a flag", "detail")])


SATURDAY = date(2023, 6, 24)
CALL = "Russian President Vladimir Putin spoke by phone with Turkish President Recep Tayyip Erdogan on Saturday."


def three_reports() -> list[CodedArticle]:
    return [
        report("Steppe Courier", SATURDAY, CALL),
        report("Bosphorus Daily Review", SATURDAY, CALL.replace("spoke", "talked")),
        report(
            "Northern Ledger",
            date(2023, 6, 25),
            CALL.replace("spoke by", "held talks by"),
            when=SATURDAY,
        ),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore(tmp_path / "events.duckdb") as opened:
        yield opened


def test_batch_writes_every_table_and_reruns_add_nothing(store: EventStore) -> None:
    first = store.ingest(three_reports(), batch_size=2)
    assert (first.articles, first.events) == (3, 3)
    counts = store.counts()
    assert counts == {"articles": 3, "events": 3, "merged_events": 1, "quotes": 3, "flags": 3}
    again = store.ingest(three_reports(), batch_size=2)
    assert (again.articles, again.skipped) == (0, 3)
    assert store.counts() == counts


def test_event_columns_keep_actors_scores_and_location(store: EventStore) -> None:
    store.ingest(three_reports()[:1])
    row = store.connection.execute(
        "SELECT source_name, source_country, source_sector, source_role, target_country, "
        "intensity, quad_code, context, latitude, geonames_id FROM events"
    ).fetchone()
    # CONSULT: Phone scores 1.5 in the PLOVER manual; CONSULT is verbal cooperation (quad 1).
    assert row == (
        "Vladimir Putin",
        "RUS",
        "GOV",
        "President of Russia",
        "TUR",
        1.5,
        1,
        ["diplomatic"],
        55.75,
        524901,
    )


def test_store_reopens_with_data(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.ingest(three_reports())
    with EventStore(path, read_only=True) as store:
        assert store.counts()["articles"] == 3


# -- merging ---------------------------------------------------------------------------


def merged(store: EventStore) -> list[dict]:
    cursor = store.connection.execute("SELECT * FROM merged_event_summary ORDER BY first_date")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_three_reports_of_one_call_merge_into_one_event(store: EventStore) -> None:
    reports = three_reports()
    store.ingest(reports)
    (event,) = merged(store)
    assert event["mention_count"] == 3
    assert event["source_count"] == 3
    assert sorted(event["article_ids"]) == sorted(r.article.id for r in reports)
    assert event["first_seen"] == SATURDAY and event["last_seen"] == date(2023, 6, 25)
    assert (event["source_country"], event["target_country"], event["mode"]) == (
        "RUS",
        "TUR",
        "phone",
    )
    # every mention stays traceable to its article and sentence
    mentions = store.connection.execute(
        "SELECT article_id, sentence_index, sentence FROM events WHERE merged_id = ? ORDER BY article_id",
        [event["id"]],
    ).fetchall()
    expected = sorted((r.article.id, 0, r.events[0].sentence) for r in reports)
    assert mentions == expected


def test_new_mentions_join_an_existing_merged_event(store: EventStore) -> None:
    first, *later = three_reports()
    store.ingest([first])
    (before,) = merged(store)
    store.ingest(later)
    (after,) = merged(store)
    assert after["id"] == before["id"]
    assert after["mention_count"] == 3


def test_same_outlet_counts_once_as_a_source(store: EventStore) -> None:
    store.ingest(
        [
            report("Steppe Courier", SATURDAY, CALL),
            report("Steppe Courier", SATURDAY, CALL + " Update."),
        ]
    )
    (event,) = merged(store)
    assert (event["mention_count"], event["source_count"]) == (2, 1)


@pytest.mark.parametrize(
    "other",
    [
        {"mode": "visit"},
        {"source": ERDOGAN, "target": PUTIN},
        {"target": SCHOLZ},
        {"event_type": "ACCUSE", "mode": None},
        {"when": date(2023, 6, 27)},
    ],
    ids=["other-mode", "reversed-roles", "other-target", "other-type", "three-days-later"],
)
def test_different_events_stay_apart(store: EventStore, other: dict) -> None:
    store.ingest(
        [
            report("Steppe Courier", SATURDAY, CALL),
            report("Northern Ledger", SATURDAY, "Another report.", **other),
        ]
    )
    assert [event["mention_count"] for event in merged(store)] == [1, 1]


def test_negated_mentions_are_stored_but_not_merged(store: EventStore) -> None:
    store.ingest(
        [
            report("Steppe Courier", SATURDAY, CALL),
            report("Northern Ledger", SATURDAY, "No call.", negated=True),
        ]
    )
    assert store.connection.execute(
        "SELECT count(*) FROM events WHERE negated AND merged_id IS NULL"
    ).fetchone() == (1,)
    assert [event["mention_count"] for event in merged(store)] == [1]


def test_wider_window_remerges_stored_mentions(store: EventStore) -> None:
    store.ingest(
        [
            report("Steppe Courier", SATURDAY, CALL),
            report("Northern Ledger", SATURDAY, "Later.", when=date(2023, 6, 27)),
        ]
    )
    assert len(merged(store)) == 2
    assert store.set_merge_window(3)
    assert store.merge_window_days == 3
    (event,) = merged(store)
    assert (event["first_date"], event["last_date"], event["mention_count"]) == (
        SATURDAY,
        date(2023, 6, 27),
        2,
    )
    assert store.set_merge_window(0)
    assert len(merged(store)) == 2


def test_merge_window_is_kept_for_later_batches(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as store:
        store.set_merge_window(5)
        store.ingest([report("Steppe Courier", SATURDAY, CALL)])
    with EventStore(path) as store:
        store.ingest([report("Northern Ledger", SATURDAY, "Later.", when=date(2023, 6, 28))])
        assert [event["mention_count"] for event in merged(store)] == [2]


# -- schema versions -------------------------------------------------------------------


def set_version(path: Path, version: int) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE schema_version SET version = ?", [version])


def test_newer_database_is_refused_naming_file_and_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    EventStore(path).close()
    set_version(path, SCHEMA_VERSION + 1)
    with pytest.raises(EventWireError) as caught:
        EventStore(path)
    message = str(caught.value)
    assert str(path) in message
    assert (
        f"schema version {SCHEMA_VERSION + 1}" in message
        and f"schema version {SCHEMA_VERSION}" in message
    )


def test_older_database_without_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    EventStore(path).close()
    set_version(path, min(store_schema.MIGRATIONS) - 1)  # older than any migration
    with pytest.raises(EventWireError, match=r"cannot migrate from version"):
        EventStore(path)


def test_older_database_is_migrated_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store.ingest(three_reports())

    def add_reviewed_column(connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute("ALTER TABLE events ADD COLUMN reviewed BOOLEAN DEFAULT false")

    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_schema.MIGRATIONS, SCHEMA_VERSION, add_reviewed_column)
    with pytest.raises(EventWireError, match="needs migrating"):
        EventStore(path, read_only=True)
    with EventStore(path) as store:
        assert store.connection.execute(
            "SELECT count(*) FROM events WHERE NOT reviewed"
        ).fetchone() == (3,)
        versions = store.connection.execute(
            "SELECT version FROM schema_version ORDER BY version"
        ).fetchall()
        assert versions == [(SCHEMA_VERSION,), (SCHEMA_VERSION + 1,)]


def test_schema_1_database_gains_background_and_place_precision(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    with EventStore(path) as store:
        store.ingest(three_reports())
    with duckdb.connect(str(path)) as connection:  # make it what schema 1 wrote
        connection.execute("ALTER TABLE events DROP COLUMN background")
        connection.execute("ALTER TABLE events DROP COLUMN location_precision")
        for column in ("eventwire_version", "lexicon_hash", "kb_hash", "models_hash"):
            connection.execute(f"ALTER TABLE articles DROP COLUMN {column}")  # schema 3's
    set_version(path, 1)
    with EventStore(path) as store:
        rows = store.connection.execute(
            "SELECT count(*), count(location_precision) FROM events WHERE NOT background"
        ).fetchone()
        assert rows == (3, 0)
        assert store.connection.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION,
        )


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE sales (amount INTEGER)")
    with pytest.raises(EventWireError, match="not an EventWire database"):
        EventStore(path)


def test_missing_database_for_reading_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EventWireError, match="no such database"):
        EventStore(tmp_path / "absent.duckdb", read_only=True)


def test_non_database_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(EventWireError, match="cannot open as a DuckDB database"):
        EventStore(path)


# -- query and stats -------------------------------------------------------------------


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    store.ingest(
        [
            *three_reports(),
            report(
                "Rhine Post",
                date(2023, 7, 3),
                "Scholz accused Putin.",
                SCHOLZ,
                PUTIN,
                "ACCUSE",
                None,
            ),
            report(
                "Rhine Post",
                date(2023, 7, 4),
                "Scholz did not visit.",
                SCHOLZ,
                ERDOGAN,
                "CONSULT",
                "visit",
                negated=True,
            ),
        ]
    )
    return store


@pytest.mark.parametrize(
    ("where", "count"),
    [
        (EventFilter(), 4),
        (EventFilter(include_negated=True), 5),
        (EventFilter(actor="scholz"), 1),
        (EventFilter(actor="Q7747"), 4),
        (EventFilter(country="Germany"), 1),
        (EventFilter(country="tur"), 3),
        (EventFilter(event_type="consult"), 3),
        (EventFilter(mode="PHONE"), 3),
        (EventFilter(since=date(2023, 7, 1)), 1),
        (EventFilter(until=date(2023, 6, 30)), 3),
        (EventFilter(text="held talks"), 1),
    ],
)
def test_query_filters(filled: EventStore, where: EventFilter, count: int) -> None:
    columns, rows = query_mentions(filled, where)
    assert len(rows) == count
    assert "evidence" in columns


def test_query_merged_events(filled: EventStore) -> None:
    columns, rows = query_merged(filled, EventFilter(country="TUR"))
    (row,) = rows
    assert dict(zip(columns, row, strict=True))["mention_count"] == 3


def test_unknown_country_is_a_clear_error(filled: EventStore) -> None:
    with pytest.raises(EventWireError, match="Atlantis"):
        query_mentions(filled, EventFilter(country="Atlantis"))


def test_stats_count_by_type_country_pair_and_week(filled: EventStore) -> None:
    groups = stats(filled, EventFilter())
    assert groups["type"][1] == [("CONSULT", 3, 1), ("ACCUSE", 1, 1)]
    assert groups["country_pair"][1] == [("RUS", "TUR", 3, 1), ("DEU", "RUS", 1, 1)]
    assert groups["week"][1] == [(date(2023, 6, 19), 3, 1), (date(2023, 7, 3), 1, 1)]


# -- exports ---------------------------------------------------------------------------


def stored_rows(store: EventStore) -> list[tuple]:
    return store.connection.execute(
        "SELECT id, article_id, event_type, mode, source_country, target_country, merged_id, "
        "sentence FROM events WHERE NOT negated ORDER BY id"
    ).fetchall()


EXPORT_COLUMNS = (
    "id, article_id, event_type, mode, source_country, target_country, merged_id, sentence"
)


@pytest.mark.parametrize(
    ("fmt", "reader"), [(ExportFormat.parquet, "read_parquet"), (ExportFormat.csv, "read_csv")]
)
def test_parquet_and_csv_read_back_the_same_rows(
    filled: EventStore, tmp_path: Path, fmt: ExportFormat, reader: str
) -> None:
    output = tmp_path / f"events.{fmt.value}"
    assert export_events(filled, fmt, output) == 4
    back = duckdb.sql(f"SELECT {EXPORT_COLUMNS} FROM {reader}('{output}') ORDER BY id").fetchall()
    assert back == stored_rows(filled)


def test_jsonl_export_has_one_object_per_event(filled: EventStore, tmp_path: Path) -> None:
    output = tmp_path / "events.jsonl"
    export_events(filled, ExportFormat.jsonl, output)
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert sorted(r["id"] for r in records) == [row[0] for row in stored_rows(filled)]
    assert {r["event_date"] for r in records} == {"2023-06-24", "2023-07-03"}


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_icews_layout(filled: EventStore, tmp_path: Path) -> None:
    output = tmp_path / "events.tab"
    export_events(filled, ExportFormat.icews, output)
    header = output.read_text().splitlines()[0].split("\t")
    assert len(header) == 20
    assert header[:3] == ["Event ID", "Event Date", "Source Name"]
    rows = read_tsv(output)
    assert len({r["Event ID"] for r in rows}) == len(rows) == 4
    call = next(r for r in rows if r["CAMEO Code"] == "041")
    assert call["Source Country"] == "Russian Federation"
    assert call["Target Country"] == "Türkiye"
    assert call["Source Sectors"] == "Government"
    assert call["Sentence Number"] == "1"
    assert call["Intensity"] == "1.5"


def test_polecat_layout(filled: EventStore, tmp_path: Path) -> None:
    output = tmp_path / "events.tsv"
    export_events(filled, ExportFormat.polecat, output)
    rows = read_tsv(output)
    assert len({r["Event ID"] for r in rows}) == len(rows) == 4
    accuse = next(r for r in rows if r["Event Type"] == "ACCUSE")
    assert accuse["Actor Country"] == "DEU" and accuse["Recipient Country"] == "RUS"
    assert accuse["Quad Code"] == "VERBAL CONFLICT"
    assert accuse["Event Intensity"] == "3"
    assert accuse["Contexts"] == "diplomatic"
    assert accuse["Publication Date"] == "2023-07-03"
    assert accuse["GeoNames ID"] == "524901"


def test_export_filters_apply(filled: EventStore, tmp_path: Path) -> None:
    output = tmp_path / "german.csv"
    assert export_events(filled, ExportFormat.csv, output, EventFilter(country="DEU")) == 1


# -- the merge rule itself (property-based) ---------------------------------------------

KEYS = [("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT"), ("RUS", "UKR", "ASSAULT")]


@given(
    mentions=st.lists(
        st.tuples(st.integers(0, len(KEYS) - 1), st.integers(0, 30)), min_size=1, max_size=40
    ),
    window=st.integers(0, 3),
)
def test_date_ordered_merging_links_mentions_within_the_window(mentions, window) -> None:
    """In date order (as ``remerge`` replays), merged events are the chains of mentions
    at most ``window`` days apart: inside one, no gap is wider; between two of the same
    key, the gap is wider."""
    merger = Merger(window)
    start = date(2024, 1, 1)
    members: dict[str, list[tuple[int, date]]] = {}
    for number, (key, offset) in enumerate(sorted(mentions, key=lambda m: m[1])):
        source, target, event_type = KEYS[key]
        row = {
            "id": f"e{number}",
            "negated": False,
            "event_type": event_type,
            "mode": None,
            "source_name": source,
            "source_country": source,
            "target_name": target,
            "target_country": target,
        }
        when = start + timedelta(days=offset)
        members.setdefault(merger.assign(row, when), []).append((key, when))
    spans = {}
    for merged_id, found in members.items():
        assert len({key for key, _ in found}) == 1
        days = sorted(when for _, when in found)
        assert all((b - a).days <= window for a, b in pairwise(days))
        spans[merged_id] = (found[0][0], days[0], days[-1])
    for key in range(len(KEYS)):
        ranges = sorted((first, last) for k, first, last in spans.values() if k == key)
        assert all((b[0] - a[1]).days > window for a, b in pairwise(ranges))
