"""The local engine: this process, or the forked workers of ``Pipeline(workers=N)``.

``Pipeline.code_cleaned`` is the local engine's stream; this module adds the shard
form that ``eventwire run`` uses, so a run can go on either engine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire.model import Article, CodedArticle

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


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
