"""The Ray engine on a local Ray instance (num_cpus=2): same rows as the local engine, resumable.

One Ray instance and one pool of two actors serve the whole module.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import ray

from eventwire.engine.ray import RayEngine, start_local_ray
from eventwire.engine.run import run_to_parquet
from eventwire.ingest import read_articles
from eventwire.pipeline import Pipeline
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles
from test_engine_run import loaded_store, local_store, store_rows
from test_store_cli import write_town_articles
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE, news_page, warc_bytes

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ray_engine():
    start_local_ray(num_cpus=2)
    engine = RayEngine(workers=2)
    yield engine
    engine.close()
    ray.shutdown()


@pytest.fixture
def on_ray(pipeline: Pipeline, ray_engine: RayEngine) -> Pipeline:
    """The session's loaded pipeline (for cleaning), coding on the Ray actors."""
    return Pipeline(pipeline.nlp, pipeline.resolver, pipeline.coder, engine=ray_engine)


def ray_ingest(pipeline: Pipeline, sources: list[Path], path: Path) -> dict[str, list[tuple]]:
    with EventStore(path) as store:
        ingest_articles(store, pipeline, read_articles(sources))
    return store_rows(path)


def test_pool_has_two_actors_on_two_cpus(ray_engine: RayEngine) -> None:
    assert ray.cluster_resources()["CPU"] == 2
    assert ray_engine.workers == 2


def test_examples_on_ray_give_the_rows_of_the_local_engine(
    pipeline: Pipeline, on_ray: Pipeline, examples_dir: Path, tmp_path: Path
) -> None:
    expected = local_store(pipeline, [examples_dir], tmp_path / "local.duckdb")
    assert expected["events"]
    out = tmp_path / "out"
    report = run_to_parquet(on_ray, read_articles([examples_dir]), out, shard_docs=1)
    assert (report.shards, report.articles) == (3, 3)
    assert loaded_store(out, tmp_path / "run.duckdb") == expected
    assert ray_ingest(on_ray, [examples_dir], tmp_path / "ray.duckdb") == expected


def test_a_warc_on_ray_gives_the_rows_of_the_local_engine(
    pipeline: Pipeline, on_ray: Pipeline, tmp_path: Path
) -> None:
    towns = ["Moyale", "Mandera", "Lodwar", "Marsabit", "Garissa"]
    records = []
    for number, town in enumerate(towns):
        paragraphs = [p.replace("Moyale", town) for p in KENYA_PARAGRAPHS]
        page = news_page(
            f"{KENYA_TITLE} at {town}", paragraphs, published=f"2024-0{number % 2 + 3}-05"
        )
        records.append(
            (f"https://gazette.example/{number}", page.encode("utf-8"), 200, "text/html")
        )
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(warc_bytes(records, compress=True))
    expected = local_store(pipeline, [archive], tmp_path / "local.duckdb")
    assert len(expected["articles"]) == 5 and expected["events"]
    out = tmp_path / "out"
    run_to_parquet(on_ray, read_articles([archive]), out, shard_docs=2)
    assert sorted(p.name for p in out.glob("articles/*")) == [
        "published_month=2024-03",
        "published_month=2024-04",
    ]
    assert loaded_store(out, tmp_path / "run.duckdb") == expected


def test_a_killed_ray_run_resumes_with_the_same_rows_and_nothing_doubled(
    pipeline: Pipeline, on_ray: Pipeline, tmp_path: Path
) -> None:
    news = write_town_articles(tmp_path / "news", 16)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "eventwire", "run", str(news), "--out", str(out)]
    process = subprocess.Popen(
        [*command, "--engine", "ray", "--workers", "2", "--shard-size", "1", "--verbose"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        start_new_session=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("finished shard"):
            os.killpg(process.pid, signal.SIGKILL)  # the driver and the Ray it started
            break
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    parquet = f"read_parquet('{out}/articles/*/*.parquet', hive_partitioning = true)"

    resumed = run_to_parquet(on_ray, read_articles([news]), out)
    assert 1 <= resumed.finished_before < 16
    assert resumed.finished_before + resumed.shards == 16
    ((total, distinct),) = duckdb.sql(
        f"SELECT count(*), count(DISTINCT id) FROM {parquet}"
    ).fetchall()
    assert total == distinct == 16
    expected = local_store(pipeline, [news], tmp_path / "local.duckdb")
    assert loaded_store(out, tmp_path / "run.duckdb") == expected
    assert len(expected["articles"]) == 16
