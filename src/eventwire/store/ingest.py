"""Running the pipeline into the store: known articles skipped before they are parsed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.errors import DocumentError
from eventwire.model import Article
from eventwire.store.database import DEFAULT_BATCH_SIZE, BatchResult, EventStore

if TYPE_CHECKING:  # spaCy is slow to import; only the type is needed here
    from eventwire.pipeline import Pipeline


@dataclass
class IngestReport:
    articles: int = 0  # newly stored
    events: int = 0
    already_stored: int = 0  # skipped before parsing: their id is in the database
    problems: list[DocumentError] = field(default_factory=list)


def skip_known(
    items: Iterable[Article | DocumentError], known: set[str], report: IngestReport
) -> Iterator[Article | DocumentError]:
    """Drop articles whose id is stored (or seen earlier in this run); ids need no parse."""
    for item in items:
        if isinstance(item, Article):
            if item.id in known:
                report.already_stored += 1
                continue
            known.add(item.id)
        yield item


def ingest_articles(
    store: EventStore,
    pipeline: Pipeline,
    articles: Iterable[Article | DocumentError],
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[BatchResult, IngestReport], None] | None = None,
) -> IngestReport:
    """Code the new articles of a stream and store them, one transaction per batch."""
    report = IngestReport()
    first_problem = len(pipeline.problems)

    def batch_done(result: BatchResult) -> None:
        report.articles += result.articles
        report.events += result.events
        report.already_stored += result.skipped
        report.problems = pipeline.problems[first_problem:]
        if on_batch:
            on_batch(result, report)

    fresh = skip_known(articles, store.known_article_ids(), report)
    store.ingest(pipeline.code(fresh), batch_size=batch_size, on_batch=batch_done)
    report.problems = pipeline.problems[first_problem:]
    return report
