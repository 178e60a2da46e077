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
