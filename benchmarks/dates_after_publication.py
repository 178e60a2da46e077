"""Events dated after their article's publication, and whether their sentence says so.

    python benchmarks/dates_after_publication.py --corpus ../shared/corpus/guardian_2019_sample.csv

News reports what has happened: an event dated after publication is wrong unless its
sentence speaks of the future ("will", "next", "is due to") or writes the year out
("updated on 6 September 2018"). Prints one JSON line with the counts
(``after_publication_unmarked`` should be 0), by date basis and precision, and up to
``--show`` offending sentences on standard error for a reader to check.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from corpus import load_corpus
from eventwire.dates import marks_future
from eventwire.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="CSV with `text` and `date`")
    parser.add_argument("--limit", type=int, default=None, help="code only the first N articles")
    parser.add_argument("--show", type=int, default=0, help="print N offending sentences")
    parser.add_argument("--show-future", type=int, default=0, help="print N future-marked ones too")
    args = parser.parse_args()

    pipeline = Pipeline.load()
    counts: Counter[str] = Counter()
    offending: Counter[str] = Counter()
    shown = shown_future = 0
    for result in pipeline.code(load_corpus(args.corpus, args.limit)):
        published = result.article.published
        counts["articles"] += 1
        for event in result.events:
            counts["events"] += 1
            counts[f"precision_{event.date_precision}"] += 1
            if event.background:
                counts["background"] += 1
            if published is None or event.date is None or event.date <= published:
                continue
            if marks_future(event.sentence):
                counts["after_publication_future_sentence"] += 1
                if shown_future < args.show_future:
                    shown_future += 1
                    print(f"future {published} -> {event.date}: {event.sentence}", file=sys.stderr)
                continue
            if event.date_basis == "explicit" and str(event.date.year) in event.sentence:
                counts["after_publication_year_written"] += 1  # the text says so
                continue
            counts["after_publication_unmarked"] += 1
            offending[f"{event.date_basis}/{event.date_precision}"] += 1
            if shown < args.show:
                shown += 1
                print(f"{published} -> {event.date}: {event.sentence}", file=sys.stderr)
    print(
        json.dumps(
            {
                "benchmark": "dates_after_publication",
                "corpus": args.corpus.name,
                **dict(sorted(counts.items())),
                "unmarked_by_basis": dict(sorted(offending.items())),
            }
        )
    )


if __name__ == "__main__":
    main()
