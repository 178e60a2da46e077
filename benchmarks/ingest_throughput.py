"""Ingest throughput and storage overhead on a CSV corpus (columns ``text`` and ``date``).

Measured in one run, on the same articles and the same loaded pipeline:
  0. warm-up: one untimed coding pass (the first pass over new text is slower:
     spaCy adds every new word to its vocabulary), results kept in memory;
  1. coding only: ``Pipeline.code`` over the articles;
  2. ingest: ``ingest_articles`` into a fresh DuckDB file (coding + storage);
  3. coding only again, so machine noise hits both sides alike; the ratios use
     the mean of (1) and (3), by wall clock and by process CPU time;
  4. storage only: the coded results of (0) written into another fresh file.
Prints one JSON line. Usage:
  PYTHONPATH=src python benchmarks/ingest_throughput.py --corpus ../shared/corpus/guardian_2019_sample.csv --limit 100
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from corpus import load_corpus
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles


def fresh(articles: list[Article]) -> Iterator[Article]:
    """Copies, so no run sees what an earlier run's cleaning did to the records."""
    for article in articles:
        yield Article(
            text=article.text,
            published=article.published,
            published_basis=article.published_basis,
            source=article.source,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=50)
    args = parser.parse_args()

    articles = load_corpus(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline.load()
    coded = list(pipeline.code(fresh(articles)))  # warm-up, see above

    with Timer() as first:
        assert sum(1 for _ in pipeline.code(fresh(articles))) == len(coded)

    with tempfile.TemporaryDirectory() as folder:
        with EventStore(Path(folder) / "ingest.duckdb") as store:
            with Timer() as ingest:
                report = ingest_articles(store, pipeline, fresh(articles), args.batch_size)
            counts = store.counts()
        with EventStore(Path(folder) / "storage.duckdb") as store, Timer() as storage:
            store.ingest(coded, batch_size=args.batch_size)
        db_bytes = (Path(folder) / "ingest.duckdb").stat().st_size

    with Timer() as again:
        recoded = sum(1 for _ in pipeline.code(fresh(articles)))
    assert recoded == len(coded)

    coding_wall = (first.wall + again.wall) / 2
    coding_cpu = (first.cpu + again.cpu) / 2
    print(
        json.dumps(
            {
                "benchmark": "ingest_throughput",
                "corpus": args.corpus.name,
                "articles": len(articles),
                "words": words,
                "stored_articles": counts["articles"],
                "events": counts["events"],
                "merged_events": counts["merged_events"],
                "skipped_as_bad": len(report.problems),
                "batch_size": args.batch_size,
                "coding_wall_s": [round(first.wall, 2), round(again.wall, 2)],
                "ingest_wall_s": round(ingest.wall, 2),
                "coding_articles_per_s": round(len(coded) / coding_wall, 2),
                "ingest_articles_per_s": round(report.articles / ingest.wall, 2),
                "ingest_to_coding_ratio_wall": round(coding_wall / ingest.wall, 3),
                "coding_cpu_s": [round(first.cpu, 2), round(again.cpu, 2)],
                "ingest_cpu_s": round(ingest.cpu, 2),
                "ingest_to_coding_ratio_cpu": round(coding_cpu / ingest.cpu, 3),
                "storage_overhead_cpu_pct": round(100 * (ingest.cpu - coding_cpu) / coding_cpu, 1),
                "storage_only_wall_s": round(storage.wall, 3),
                "storage_only_articles_per_s": round(len(coded) / storage.wall, 1),
                "storage_only_pct_of_coding_cpu": round(100 * storage.cpu / coding_cpu, 2),
                "db_bytes": db_bytes,
            }
        )
    )


class Timer:
    """Wall-clock and process CPU seconds of a block; CPU time is the steadier of the two
    on a machine shared with other work (it does not count time others take)."""

    def __enter__(self) -> Timer:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


if __name__ == "__main__":
    main()
