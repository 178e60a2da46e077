"""Ingest throughput and storage overhead on a CSV corpus (columns ``text`` and ``date``).

Measured in one run, on the same articles and the same loaded pipeline:
  1. coding only: ``Pipeline.code`` over the articles, results kept in memory;
  2. ingest: ``ingest_articles`` into a fresh DuckDB file (coding + storage);
  3. coding only again, so machine noise and warm-up hit both sides alike;
     the ratio uses the mean of (1) and (3);
  4. storage only: the coded results of (1) written into another fresh file.
Prints one JSON line. Usage:
  PYTHONPATH=src python benchmarks/ingest_throughput.py --corpus ../shared/corpus/guardian_2019_sample.csv --limit 100
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles


def read_corpus(path: Path, limit: int | None) -> list[Article]:
    csv.field_size_limit(sys.maxsize)
    articles: list[Article] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if limit is not None and len(articles) >= limit:
                break
            text = (row.get("text") or "").strip()
            if not text:
                continue
            try:
                published = date.fromisoformat((row.get("date") or "")[:10])
            except ValueError:
                published = None
            articles.append(
                Article(
                    text=text,
                    published=published,
                    published_basis="column" if published else "",
                    source=f"{path.name}:{number + 2}",
                )
            )
    return articles


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

    articles = read_corpus(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline.load()
    list(pipeline.code(fresh(articles[:3])))  # warm-up: first-call costs out of the timings

    start = time.perf_counter()
    coded = list(pipeline.code(fresh(articles)))
    coding_first_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        with EventStore(Path(folder) / "ingest.duckdb") as store:
            start = time.perf_counter()
            report = ingest_articles(store, pipeline, fresh(articles), args.batch_size)
            ingest_s = time.perf_counter() - start
            counts = store.counts()
        with EventStore(Path(folder) / "storage.duckdb") as store:
            start = time.perf_counter()
            store.ingest(coded, batch_size=args.batch_size)
            storage_s = time.perf_counter() - start
        db_bytes = (Path(folder) / "ingest.duckdb").stat().st_size

    start = time.perf_counter()
    recoded = sum(1 for _ in pipeline.code(fresh(articles)))
    coding_again_s = time.perf_counter() - start
    assert recoded == len(coded)
    coding_s = (coding_first_s + coding_again_s) / 2
    coding_rate = len(coded) / coding_s
    ingest_rate = report.articles / ingest_s
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
                "coding_seconds": [round(coding_first_s, 2), round(coding_again_s, 2)],
                "coding_articles_per_s": round(coding_rate, 2),
                "ingest_seconds": round(ingest_s, 2),
                "ingest_articles_per_s": round(ingest_rate, 2),
                "ingest_to_coding_ratio": round(ingest_rate / coding_rate, 3),
                "storage_overhead_pct": round(100 * (ingest_s - coding_s) / coding_s, 1),
                "storage_only_seconds": round(storage_s, 3),
                "storage_only_articles_per_s": round(len(coded) / storage_s, 1),
                "storage_only_pct_of_coding": round(100 * storage_s / coding_s, 2),
                "db_bytes": db_bytes,
            }
        )
    )


if __name__ == "__main__":
    main()
