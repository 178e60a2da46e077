"""Engines side by side: local 1 and 2 workers, Ray 1 and 2 CPUs, against bare ``nlp.pipe``.

    python benchmarks/scale.py --corpus ../shared/corpus/guardian_2019_sample.csv [--limit N]

One run, the same articles and model for every side. Bare ``nlp.pipe`` (one
process) is timed before and after the engines and averaged, so machine noise
hits both sides alike. Every side is timed warm, as the bare parse is: spaCy's
first pass over new text is slower (each new word enters the vocabulary), so
the Ray actors code the corpus once untimed (that cold pass is reported as
``ray_N_cold_words_per_s``); forked local workers inherit the warm vocabulary.
Ray start-up and model loading in the workers are not counted: they are paid
once per run, not per article. ``ingest`` (local engine, one worker, into a fresh
DuckDB file) is timed beside ``code`` for the ingest/code ratio. Peak memory is
the largest resident size of one worker process (the local single process, the
forked children, or each Ray actor). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from corpus import load_corpus
from eventwire.engine.ray import RayEngine, import_ray, start_local_ray
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles

WARM_UP = Article(
    text="The presidents of Kenya and Uganda met in Kampala on 2 March 2024 to discuss trade.",
    published=date(2024, 3, 4),
)


def fresh(articles: list[Article]) -> Iterator[Article]:
    """Copies, so no run sees what an earlier run's cleaning did to the records."""
    for article in articles:
        yield Article(
            text=article.text,
            published=article.published,
            published_basis=article.published_basis,
            source=article.source,
        )


def timed_code(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    list(pipeline.code([WARM_UP]))
    started = time.perf_counter()
    coded = sum(1 for _ in pipeline.code(fresh(articles)))
    return time.perf_counter() - started, coded


def mib(kib: int) -> float:
    return round(kib / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="CSV with a `text` column")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()

    articles = load_corpus(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline.load()
    list(pipeline.code(fresh(articles[:20])))  # lazy loads and first vocabulary growth untimed

    def bare_parse() -> float:
        started = time.perf_counter()
        for _ in pipeline.nlp.pipe((a.text for a in articles), batch_size=pipeline.batch_size):
            pass
        return time.perf_counter() - started

    bare_before = bare_parse()
    seconds: dict[str, float] = {}
    peak: dict[str, float] = {}
    cold: dict[str, float] = {}

    seconds["local_1"], coded = timed_code(pipeline, articles)
    peak["local_1"] = mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    with tempfile.TemporaryDirectory() as folder, EventStore(Path(folder) / "x.duckdb") as store:
        started = time.perf_counter()
        stored = ingest_articles(store, pipeline, fresh(articles)).articles
        seconds["ingest_local_1"] = time.perf_counter() - started
    two = Pipeline(pipeline.nlp, pipeline.resolver, pipeline.coder, workers=2)
    seconds["local_2"], _ = timed_code(two, articles)
    peak["local_2"] = mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)

    ray = import_ray()
    for cpus in (1, 2):
        start_local_ray(cpus)
        with RayEngine(workers=cpus) as engine:
            on_ray = Pipeline(pipeline.nlp, pipeline.resolver, pipeline.coder, engine=engine)
            cold[f"ray_{cpus}"], _ = timed_code(on_ray, articles)
            seconds[f"ray_{cpus}"], ray_coded = timed_code(on_ray, articles)
            assert ray_coded == coded
            peak[f"ray_{cpus}"] = round(max(engine.peak_memory_mib()), 1)
        ray.shutdown()

    bare = (bare_before + bare_parse()) / 2
    bare_wps = words / bare
    result = {
        "benchmark": "scale",
        "corpus": args.corpus.name,
        "articles": coded,
        "stored": stored,
        "words": words,
        "bare_nlp_pipe_words_per_s": round(bare_wps, 1),
    }
    for side, taken in seconds.items():
        result[f"{side}_words_per_s"] = round(words / taken, 1)
        result[f"{side}_ratio_to_bare"] = round(bare / taken, 3)
    for side, taken in cold.items():
        result[f"{side}_cold_words_per_s"] = round(words / taken, 1)
    result["local_2_over_local_1"] = round(seconds["local_1"] / seconds["local_2"], 3)
    result["ray_2_over_ray_1"] = round(seconds["ray_1"] / seconds["ray_2"], 3)
    result["ingest_to_code_ratio"] = round(seconds["local_1"] / seconds["ingest_local_1"], 3)
    result["peak_memory_mib_per_worker"] = peak
    print(json.dumps(result))


if __name__ == "__main__":
    main()
