"""The benchmark corpus, read through EventWire's own CSV reader."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from eventwire.ingest import read_articles
from eventwire.model import Article


def load_corpus(path: Path, limit: int | None = None) -> list[Article]:
    """The first ``limit`` readable articles of a CSV with a ``text`` (and ``date``) column."""
    articles = (item for item in read_articles([path], "csv") if isinstance(item, Article))
    return list(islice(articles, limit))
