"""eventwire run on the local engine: Parquet by month, a manifest, resuming, loading."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from eventwire.engine.manifest import MANIFEST_NAME
from eventwire.engine.run import load_run, run_to_parquet
from eventwire.errors import EventWireError
from eventwire.ingest import read_articles
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles

# Every column but the moment of storing, table by table, in a fixed order.
STORE_ROWS = {
    "articles": "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "merged_events": "SELECT * FROM merged_events ORDER BY id",
    "quotes": "SELECT * FROM quotes ORDER BY article_id, quote_index",
    "flags": "SELECT * FROM flags ORDER BY article_id, flag_index",
}


def store_rows(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {table: connection.execute(sql).fetchall() for table, sql in STORE_ROWS.items()}


def local_store(pipeline, sources: list[Path], path: Path) -> dict[str, list[tuple]]:
    with EventStore(path) as store:
        ingest_articles(store, pipeline, read_articles(sources))
    return store_rows(path)


def loaded_store(out: Path, path: Path) -> dict[str, list[tuple]]:
    with EventStore(path) as store:
        load_run(store, out)
    return store_rows(path)


def test_run_writes_months_that_duckdb_and_pyarrow_read(
    pipeline, examples_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    report = run_to_parquet(pipeline, read_articles([examples_dir]), out, shard_docs=2)
    assert (report.shards, report.articles, report.finished_before) == (2, 3, 0)
    months = duckdb.sql(
        f"SELECT published_month, strftime(published, '%Y-%m') AS month FROM read_parquet("
        f"'{out}/articles/*/*.parquet', hive_partitioning = true) ORDER BY 1"
    ).fetchall()
    assert len(months) == 3 and all(folder == month for folder, month in months)
    events = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    assert events.num_rows == report.events > 0
    assert set(events.column_names) >= {"id", "event_type", "published_month", "shard"}
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["complete"] and sorted(manifest["shards"]) == ["0", "1"]
    assert manifest["shards"]["0"]["provenance"] == pipeline.provenance.to_dict()


def test_loaded_run_equals_a_local_ingest_and_reruns_add_nothing(
    pipeline, examples_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_to_parquet(pipeline, read_articles([examples_dir]), out, shard_docs=1)
    again = run_to_parquet(pipeline, read_articles([examples_dir]), out, shard_docs=1)
    assert (again.shards, again.finished_before) == (0, 3)
    expected = local_store(pipeline, [examples_dir], tmp_path / "local.duckdb")
    assert loaded_store(out, tmp_path / "run.duckdb") == expected
    with EventStore(tmp_path / "run.duckdb") as store:
        second = load_run(store, out)
    assert (second.articles, second.already_stored) == (0, 3)
    assert store_rows(tmp_path / "run.duckdb") == expected


def test_a_shard_missing_from_the_manifest_is_written_again_over_its_files(
    pipeline, examples_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_to_parquet(pipeline, read_articles([examples_dir]), out, shard_docs=1)
    manifest_path = out / MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text())
    del manifest["shards"]["1"]  # as if killed after writing shard 1's files
    manifest["complete"] = False
    manifest_path.write_text(json.dumps(manifest))
    files_before = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    resumed = run_to_parquet(pipeline, read_articles([examples_dir]), out)
    assert (resumed.shards, resumed.finished_before) == (1, 2)
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == files_before
    expected = local_store(pipeline, [examples_dir], tmp_path / "local.duckdb")
    assert loaded_store(out, tmp_path / "run.duckdb") == expected


def test_other_sources_into_the_same_output_are_refused(
    pipeline, examples_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_to_parquet(pipeline, read_articles([examples_dir]), out, shard_docs=1)
    other = sorted(examples_dir.iterdir())[1:]
    with pytest.raises(EventWireError, match="not the ones this output was made from"):
        run_to_parquet(pipeline, read_articles(other), out)


def test_a_folder_that_is_not_a_run_is_refused(
    pipeline, examples_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(EventWireError, match="not the output of `eventwire run`"):
        run_to_parquet(pipeline, read_articles([examples_dir]), tmp_path)
