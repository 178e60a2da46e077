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
    """Drop articles whose id as read is already stored: the cheapest skip, before cleaning."""
    for item in items:
        if isinstance(item, Article) and item.id in known:
            report.already_stored += 1
            continue
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

    known = store.known_article_ids()

    def already_stored(article: Article) -> bool:
        """Stored before, or met earlier in this run: no need to parse it."""
        if article.id in known:
            report.already_stored += 1
            return True
        known.add(article.id)
        return False

    # Cleaning settles an article's id, so the skip by id is checked again after it.
    coded = pipeline.code(skip_known(articles, known, report), skip=already_stored)
    store.ingest(coded, batch_size=batch_size, on_batch=batch_done)
    report.problems = pipeline.problems[first_problem:]
    return report
