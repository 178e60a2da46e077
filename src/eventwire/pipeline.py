"""The one stream: articles -> clean -> parse -> actors -> events -> dates/background/places/quotes.

A document flows once, left to right, and is parsed exactly once (``nlp.pipe``
in batches). Every stage is a plain call on the shared data model.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from spacy.language import Language

from eventwire import background, clean, dates, places, quotes
from eventwire.actors import ActorResolver
from eventwire.dedup import Deduplicator
from eventwire.errors import DocumentError
from eventwire.events import EventCoder
from eventwire.model import Article, CodedArticle
from eventwire.nlp import BATCH_SIZE, DEFAULT_MODEL, load_pipeline, parse_batches
from eventwire.provenance import Provenance, pipeline_provenance


@dataclass
class Pipeline:
    """Everything loaded once: the spaCy model, the actor KB and the event patterns."""

    nlp: Language
    resolver: ActorResolver
    coder: EventCoder
    batch_size: int = BATCH_SIZE
    workers: int = 1
    problems: list[DocumentError] = field(default_factory=list)
    engine: Any = None  # None: this process or forked workers; else e.g. engine.ray.RayEngine
    provenance: Provenance | None = None  # what codes here; from the loaded model and data

    def __post_init__(self) -> None:
        if self.provenance is None:
            self.provenance = pipeline_provenance(self.nlp)

    @classmethod
    def load(
        cls, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE, workers: int = 1
    ) -> Pipeline:
        resolver, coder = ActorResolver.load(), EventCoder.load()
        return cls(load_pipeline(model), resolver, coder, batch_size, workers)

    def code(
        self,
        articles: Iterable[Article | DocumentError],
        skip: Callable[[Article], bool] | None = None,
    ) -> Iterator[CodedArticle]:
        """Code a stream of articles in input order; a bad document goes to ``problems``.

        ``skip`` sees each cleaned article (its id is final only after cleaning) and
        drops it before parsing: how the store passes over articles it already has.
        """
        yield from self.code_cleaned(self.clean_stream(articles, skip))

    def code_cleaned(self, cleaned: Iterator[tuple[str, Article]]) -> Iterator[CodedArticle]:
        """Parse and code cleaned articles in input order, on the chosen engine."""
        if self.engine is not None:
            yield from self.engine.code(self, cleaned)
        elif self.workers > 1:
            yield from self._code_in_workers(cleaned)
        else:
            yield from self.code_parsed(parse_batches(self.nlp, cleaned, self.batch_size))

    def _code_in_workers(self, cleaned: Iterator[tuple[str, Article]]) -> Iterator[CodedArticle]:
        """Parse and code batches in forked processes that inherit the loaded models.

        Cleaning and duplicate checks stay here (they need the whole stream); at most
        two batches per worker are in flight, so memory stays bounded on any input.
        """
        global _worker_pipeline
        _worker_pipeline = self
        batches = iter(lambda: [article for _, article in islice(cleaned, self.batch_size)], [])
        pending: deque = deque()
        with multiprocessing.get_context("fork").Pool(self.workers) as pool:
            for batch in batches:
                pending.append(pool.apply_async(_code_batch, (batch,)))
                if len(pending) >= 2 * self.workers:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def clean_stream(
        self,
        articles: Iterable[Article | DocumentError],
        skip: Callable[[Article], bool] | None = None,
    ) -> Iterator[tuple[str, Article]]:
        """Clean, then skip non-English and repeated articles; duplicates are per ``code`` call."""
        seen = Deduplicator()
        for item in articles:
            if isinstance(item, DocumentError):
                self.problems.append(item)
                continue
            try:
                article = clean.clean_article(item, known_names=self.resolver.name_words)
                if skip is not None and skip(article):
                    continue
                article = seen.check(article)
            except DocumentError as problem:
                self.problems.append(problem)
                continue
            yield article.text, article

    def code_parsed(self, parsed: Iterable[tuple[object, Article]]) -> Iterator[CodedArticle]:
        for doc, article in parsed:
            yield self.code_doc(doc, article)

    def code_doc(self, doc, article: Article) -> CodedArticle:
        """Run the stages after parsing on one document."""
        mentions = self.resolver.find_mentions(doc, article.published, article)
        events = self.coder.code(doc, mentions, article)
        flags = list(article.flags)
        flags += dates.assign_dates(events, doc, article)
        background.mark_background(events, doc, article)
        places.assign_locations(events, doc, article)
        found_quotes = quotes.extract_quotes(doc, mentions)
        return CodedArticle(
            article=article,
            events=events,
            quotes=found_quotes,
            flags=flags,
            provenance=self.provenance.to_dict() if self.provenance else {},
        )


_worker_pipeline: Pipeline | None = None  # set before the workers fork; they inherit it


def _code_batch(articles: list[Article]) -> list[CodedArticle]:
    pipeline = _worker_pipeline
    parsed = parse_batches(pipeline.nlp, ((a.text, a) for a in articles), pipeline.batch_size)
    return list(pipeline.code_parsed(parsed))
