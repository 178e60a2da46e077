"""Coding the lexicon's own example sentences: the check that every family does what it says.

Each family in ``lexicon/*.yaml`` carries sentences of our own. A sentence passes when
coding it gives an event of the expected category with the expected source and target
countries (when the example names them), or, for a ``none`` example, no event of that
category. The test suite and ``eventwire lexicon check`` both run this.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from eventwire.events.patterns import Example, PatternSet
from eventwire.model import Article, Event
from eventwire.nlp import parse_batches

# Example sentences are dated so that titles resolve the same way every year.
EXAMPLE_DATE = date(2024, 6, 1)


@dataclass(frozen=True)
class ExampleResult:
    example: Example
    passed: bool
    got: tuple[str, ...]  # the events coded, as "TYPE SRC -> TGT (pattern)"

    def describe(self) -> str:
        """What the example wanted and what coding gave, for a failure report."""
        example = self.example
        if example.none:
            want = f"no {example.event}"
        else:
            want = f"{example.event} {example.source or '?'} -> {example.target or '?'}"
        return f"{example.family}: {example.text!r} wants {want}; got {', '.join(self.got) or 'nothing'}"


def entry_counts(patterns: PatternSet) -> dict[str, dict[str, int]]:
    """Families and entries (trigger lemmas plus object words) per category."""
    counts: dict[str, Counter] = {}
    for pattern in patterns.verbs + patterns.nouns:
        counter = counts.setdefault(pattern.event, Counter())
        counter["families"] += 1
        counter["entries"] += len(pattern.lemmas) + len(pattern.objects)
        counter["examples"] += len(pattern.examples)
    return {category: dict(counter) for category, counter in sorted(counts.items())}


def _describe(event: Event) -> str:
    source = event.source.country if event.source and event.source.country else "---"
    target = event.target.country if event.target and event.target.country else "---"
    return f"{event.event_type} {source} -> {target} ({event.pattern})"


def _fits(example: Example, event: Event) -> bool:
    if event.event_type != example.event or event.negated:
        return False
    if example.source and (event.source is None or event.source.country != example.source):
        return False
    return not example.target or (
        event.target is not None and event.target.country == example.target
    )


def run_examples(pipeline, patterns: PatternSet) -> list[ExampleResult]:
    """Code every example sentence in one ``nlp.pipe`` stream and judge each."""
    examples = [e for p in patterns.verbs + patterns.nouns for e in p.examples]
    articles = (
        (e.text, Article(text=e.text, source=e.family, published=EXAMPLE_DATE)) for e in examples
    )
    coded = pipeline.code_parsed(parse_batches(pipeline.nlp, articles, pipeline.batch_size))
    results = []
    for example, article in zip(examples, coded, strict=True):
        fitting = [e for e in article.events if _fits(example, e)]
        results.append(
            ExampleResult(
                example,
                passed=not fitting if example.none else bool(fitting),
                got=tuple(_describe(e) for e in article.events),
            )
        )
    return results
