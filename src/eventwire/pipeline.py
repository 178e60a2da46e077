"""The one stream: articles -> clean -> parse -> actors -> events -> dates/quotes.

A document flows once, left to right, and is parsed exactly once (``nlp.pipe``
in batches). Every stage is a plain call on the shared data model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from eventwire import clean, dates, places, quotes
from eventwire.actors import ActorResolver
from eventwire.dedup import Deduplicator
from eventwire.errors import DocumentError
from eventwire.events import EventCoder
from eventwire.model import Article, CodedArticle
from eventwire.nlp import BATCH_SIZE, DEFAULT_MODEL, load_pipeline, parse_batches


@dataclass
class Pipeline:
    """Everything loaded once: the spaCy model, the actor KB and the event patterns."""

    nlp: Language
    resolver: ActorResolver
    coder: EventCoder
    batch_size: int = BATCH_SIZE
    problems: list[DocumentError] = field(default_factory=list)

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE) -> Pipeline:
        return cls(load_pipeline(model), ActorResolver.load(), EventCoder.load(), batch_size)

    def code(self, articles: Iterable[Article | DocumentError]) -> Iterator[CodedArticle]:
        """Code a stream of articles; a bad document is kept in ``problems`` and skipped."""
        yield from self.code_parsed(parse_batches(self.nlp, self._texts(articles), self.batch_size))

    def _texts(self, articles: Iterable[Article | DocumentError]) -> Iterator[tuple[str, Article]]:
        """Clean, then skip non-English and repeated articles; duplicates are per ``code`` call."""
        seen = Deduplicator()
        for item in articles:
            if isinstance(item, DocumentError):
                self.problems.append(item)
                continue
            try:
                article = seen.check(
                    clean.clean_article(item, known_names=self.resolver.name_words)
                )
            except DocumentError as problem:
                self.problems.append(problem)
                continue
            yield article.text, article

    def code_parsed(self, parsed: Iterable[tuple[object, Article]]) -> Iterator[CodedArticle]:
        for doc, article in parsed:
            yield self.code_doc(doc, article)

    def code_doc(self, doc, article: Article) -> CodedArticle:
        """Run the stages after parsing on one document."""
        mentions = self.resolver.find_mentions(doc, article.published)
        events = self.coder.code(doc, mentions, article)
        flags = list(article.flags)
        flags += dates.assign_dates(events, doc, article)
        places.assign_locations(events, doc)
        found_quotes = quotes.extract_quotes(doc, mentions)
        return CodedArticle(article=article, events=events, quotes=found_quotes, flags=flags)
