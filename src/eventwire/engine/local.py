"""The local engine's parallel form: forked workers that inherit the loaded models."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire.model import Article, CodedArticle
from eventwire.nlp import parse_batches, text_batches

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

_worker_pipeline: Pipeline | None = None  # set before the workers fork; they inherit it


def code_in_workers(
    pipeline: Pipeline, cleaned: Iterable[tuple[str, Article]]
) -> Iterator[CodedArticle]:
    """Parse and code batches in ``pipeline.workers`` forked processes, output in input order.

    Cleaning and duplicate checks stay in the caller (they need the whole stream);
    batches are cut by documents and characters, and at most two per worker are in
    flight, so memory stays bounded by text size on any input.
    """
    global _worker_pipeline
    _worker_pipeline = pipeline
    pending: deque = deque()
    with multiprocessing.get_context("fork").Pool(pipeline.workers) as pool:
        for batch in text_batches(cleaned, pipeline.batch_size):
            pending.append(pool.apply_async(_code_batch, ([a for _, a in batch],)))
            if len(pending) >= 2 * pipeline.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _code_batch(articles: list[Article]) -> list[CodedArticle]:
    pipeline = _worker_pipeline
    assert pipeline is not None, "code_in_workers sets the pipeline before forking"
    parsed = parse_batches(pipeline.nlp, ((a.text, a) for a in articles), pipeline.batch_size)
    return list(pipeline.code_parsed(parsed))


def code_shards(
    pipeline: Pipeline, shards: Iterable[tuple[int, list[Article]]]
) -> Iterator[tuple[int, list[CodedArticle]]]:
    """Code numbered shards of cleaned articles; each shard's number comes back with its results.

    The articles of all shards flow through ``pipeline.code_cleaned`` as one stream
    (one set of forked workers, not one per shard) and are regrouped by article id,
    so an article the pipeline drops leaves its shard one shorter.
    """
    pending: deque[tuple[int, set[str], list[CodedArticle]]] = deque()

    def stream() -> Iterator[tuple[str, Article]]:
        for number, shard in shards:
            pending.append((number, {a.id for a in shard}, []))
            for article in shard:
                yield article.text, article

    for coded in pipeline.code_cleaned(stream()):
        while coded.article.id not in pending[0][1]:
            number, _, done = pending.popleft()
            yield number, done
        pending[0][2].append(coded)
    while pending:
        number, _, done = pending.popleft()
        yield number, done
