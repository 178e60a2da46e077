"""Actor KB load time and resolver speed next to the parse, on the benchmark corpus.

Prints one JSON line: the cold KB load (files -> compiled matchers) measured in a
fresh process, the cached second ``load()``, and tokens/s of the parse and of
``find_mentions`` over the first N Guardian articles (N from argv, default 40).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
COLD_LOAD = """
import time
from eventwire.actors import ActorResolver
started = time.perf_counter()
ActorResolver.load()
cold = time.perf_counter() - started
started = time.perf_counter()
ActorResolver.load()
print(cold, time.perf_counter() - started)
"""


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    out = subprocess.run(
        [sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True
    ).stdout.split()
    cold, warm = float(out[0]), float(out[1])

    from eventwire.actors import ActorResolver
    from eventwire.nlp import load_pipeline

    csv.field_size_limit(10**9)
    with (SHARED / "corpus" / "guardian_2019_sample.csv").open(encoding="utf-8") as handle:
        rows = [row for _, row in zip(range(count), csv.DictReader(handle), strict=False)]
    nlp = load_pipeline()
    resolver = ActorResolver.load()
    started = time.perf_counter()
    docs = list(nlp.pipe(row["text"] for row in rows))
    parse_s = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)
    started = time.perf_counter()
    mentions = sum(len(resolver.find_mentions(doc, date(2019, 6, 1))) for doc in docs)
    resolve_s = time.perf_counter() - started
    result = {
        "benchmark": "actors_speed",
        "kb_cold_load_s": round(cold, 3),
        "kb_cached_load_s": round(warm, 6),
        "articles": len(docs),
        "tokens": tokens,
        "mentions": mentions,
        "parse_tokens_per_s": round(tokens / parse_s),
        "resolve_tokens_per_s": round(tokens / resolve_s),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
