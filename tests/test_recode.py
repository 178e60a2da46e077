"""Recoding: a store coded by two versions is brought to the current one by `ingest --recode`."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import read_articles
from eventwire.pipeline import Pipeline
from eventwire.provenance import Provenance
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles
from eventwire.store.recode import stale_article_ids

OLD = Provenance("0.0.1", "0ld1ex1c0n00", "01dkb0000000", "01dm0de1s000")
LEADERS = [
    ("Kenya", "Ethiopia", "met"),
    ("Uganda", "Tanzania", "met"),
    ("Somalia", "Djibouti", "criticised"),
    ("Rwanda", "Burundi", "accused"),
]
TABLES = "SELECT {cols} FROM {table} ORDER BY ALL"
COMPARED = {
    "articles": "id, title, published, text, eventwire_version, lexicon_hash, kb_hash, models_hash",
    "events": "* EXCLUDE (merged_id)",
    "quotes": "*",
    "flags": "*",
}


def write_articles(folder: Path, offset: int = 0) -> Path:
    folder.mkdir()
    for number, (one, other, verb) in enumerate(LEADERS):
        day = number + offset + 1
        (folder / f"story-{number}.txt").write_text(
            f"{one} and {other} – Horn Wire – 05/{day:02d}/2024\n\n"
            f"The president of {one} {verb} the president of {other} on May {day} in a "
            f"dispute over water and grazing land near the border, officials said.\n",
            encoding="utf-8",
        )
    return folder


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def coder_mix(db: Path) -> list[dict]:
    code, stdout, _ = run_cli("stats", "--db", str(db), "--format", "jsonl")
    assert code == 0
    return [row for row in map(json.loads, stdout.splitlines()) if row["by"] == "coder"]


def rows(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return {
            table: connection.execute(TABLES.format(cols=cols, table=table)).fetchall()
            for table, cols in COMPARED.items()
        }


def test_recode_brings_a_store_of_two_versions_to_the_current_one(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    old_news = write_articles(tmp_path / "old")
    new_news = write_articles(tmp_path / "new", offset=10)
    mixed, fresh = tmp_path / "mixed.duckdb", tmp_path / "fresh.duckdb"
    older = Pipeline(pipeline.nlp, pipeline.resolver, pipeline.coder, provenance=OLD)
    with EventStore(mixed) as store:
        assert ingest_articles(store, older, read_articles([old_news])).articles == 4
        # What an older lexicon coded: other event types than today's.
        store.connection.execute("UPDATE events SET event_type = 'AID', cameo = '070'")
        assert ingest_articles(store, pipeline, read_articles([new_news])).articles == 4
        assert len(stale_article_ids(store, pipeline.provenance)) == 4

    mix = coder_mix(mixed)
    assert sorted((row["eventwire_version"], row["articles"]) for row in mix) == [
        ("0.0.1", 4),
        (pipeline.provenance.eventwire_version, 4),
    ]

    code, _, stderr = run_cli("ingest", "--recode", "--db", str(mixed))
    assert code == 0, stderr
    assert "recoded 4 articles" in stderr
    assert [row["articles"] for row in coder_mix(mixed)] == [8]
    assert coder_mix(mixed)[0]["lexicon_hash"] == pipeline.provenance.lexicon_hash

    assert run_cli("ingest", str(old_news), str(new_news), "--db", str(fresh))[0] == 0
    assert rows(mixed) == rows(fresh)  # recoded rows are those a fresh ingest writes
    code, _, stderr = run_cli("ingest", "--recode", "--db", str(mixed))
    assert "recoded 0 articles" in stderr

    exported = tmp_path / "events.parquet"
    assert run_cli("export", "--format", "parquet", "-o", str(exported), "--db", str(mixed))[0] == 0
    versions = duckdb.sql(
        f"SELECT DISTINCT eventwire_version, models_hash FROM '{exported}'"
    ).fetchall()
    assert versions == [(pipeline.provenance.eventwire_version, pipeline.provenance.models_hash)]


def test_a_schema_2_store_is_migrated_and_its_articles_count_as_unknown(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    db = tmp_path / "v1.duckdb"
    with EventStore(db) as store:
        ingest_articles(store, pipeline, read_articles([write_articles(tmp_path / "news")]))
    with duckdb.connect(str(db)) as connection:  # make it the file of schema 2 (no provenance)
        for column in ("eventwire_version", "lexicon_hash", "kb_hash", "models_hash"):
            connection.execute(f"ALTER TABLE articles DROP COLUMN {column}")
        connection.execute("DELETE FROM schema_version")
        connection.execute("INSERT INTO schema_version (version, written_by) VALUES (2, 'x')")

    code, _, _ = run_cli("ingest", "--recode", "--db", str(db))  # migrates, then recodes
    assert code == 0
    assert coder_mix(db) == [
        {"by": "coder", **pipeline.provenance.to_dict(), "articles": 4, "mentions": 4}
    ]


def test_ingest_without_sources_or_recode_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run_cli("ingest", "--db", str(tmp_path / "x.duckdb"))
    assert code == 1 and "--recode" in stderr
