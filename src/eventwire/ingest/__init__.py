"""Readers that turn source files into a stream of Articles.

Readers yield ``DocumentError`` for a bad document instead of raising, so a
batch goes on past it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from eventwire.errors import DocumentError
from eventwire.ingest.text import read_text_file
from eventwire.model import Article

TEXT_SUFFIXES = {".txt", ".text", ""}


def iter_files(path: Path) -> Iterator[Path]:
    """A file itself, or the readable files under a directory, in a stable order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield child
    else:
        yield path


def read_articles(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Article | DocumentError]:
    """Stream Articles (or the DocumentError of each bad one) from files and directories."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield DocumentError(str(path), "no such file or directory")
            continue
        files = list(iter_files(path))
        if path.is_dir() and not files:
            yield DocumentError(str(path), "directory holds no articles")
            continue
        for file in files:
            try:
                article = read_text_file(file)
            except DocumentError as problem:
                yield problem
                continue
            if published and not article.published:
                article.published, article.published_basis = published, "option"
            yield article
