"""Readers that turn source files into a stream of Articles: the one front door is ``read_articles``.

Inputs are files (text, HTML, WARC, RSS/Atom, JSON Lines, CSV/TSV, each
optionally .gz/.bz2), directories (recursively), ``-`` for standard input and
http(s) URLs. The format comes from ``input_format``, else the file name, else
the first bytes. Readers yield ``DocumentError`` for a bad document instead of
raising, so a batch goes on past it; everything streams, one record at a time.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import DocumentError, EventWireError
from eventwire.ingest.feeds import read_feed
from eventwire.ingest.html import article_from_html
from eventwire.ingest.http import Fetcher, FetchSettings
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.records import ColumnMap
from eventwire.ingest.sources import (
    INPUT_FORMATS,
    STDIN,
    format_from_bytes,
    format_from_name,
    is_url,
    open_input,
)
from eventwire.ingest.tabular import read_table
from eventwire.ingest.text import MAX_BYTES, decode_bytes
from eventwire.ingest.warc import read_warc
from eventwire.model import Article

__all__ = ["INPUT_FORMATS", "ColumnMap", "FetchSettings", "iter_files", "read_articles"]

FORMAT_BY_CONTENT_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/warc": "warc",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/plain": "text",
}


def iter_files(path: Path) -> Iterator[Path]:
    """A file itself, or the readable files under a directory, in a stable order."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if child.is_file() and not any(part.startswith(".") for part in relative):
                yield child
    else:
        yield path


class Readers:
    """The settings of one run, shared by the readers of every input."""

    def __init__(
        self, columns: ColumnMap, fetch: bool, fetch_settings: FetchSettings | None
    ) -> None:
        self.columns = columns
        self.fetch = fetch
        self.fetch_settings = fetch_settings
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.fetch_settings)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.client.close()

    def read_stream(
        self, stream: BinaryIO, name: str, input_format: str
    ) -> Iterator[Article | DocumentError]:
        """Dispatch one decompressed stream to the reader of its format."""
        if input_format == "warc":
            yield from read_warc(stream, name)
        elif input_format == "jsonl":
            yield from read_jsonl(stream, name, self.columns)
        elif input_format in ("csv", "tsv"):
            delimiter = "\t" if input_format == "tsv" else ","
            yield from read_table(stream, name, self.columns, delimiter)
        else:
            data = stream.read(MAX_BYTES + 1)
            yield from self.read_bytes(data, name, input_format)

    def read_bytes(
        self, data: bytes, name: str, input_format: str, url: str = "", charset: str | None = None
    ) -> Iterator[Article | DocumentError]:
        """Single-document formats (and feeds), already in memory."""
        if len(data) > MAX_BYTES:
            yield DocumentError(name, f"larger than {MAX_BYTES:,} bytes; not one article")
            return
        try:
            if input_format == "html":
                yield article_from_html(data, name, url=url, http_charset=charset)
            elif input_format == "feed":
                yield from read_feed(data, name, self.fetcher if self.fetch else None)
            else:
                yield Article(text=decode_bytes(data, name), source=name, url=url)
        except DocumentError as problem:
            yield problem

    def read_file(self, path: str, input_format: str | None) -> Iterator[Article | DocumentError]:
        """One file or standard input, decompressed on the fly; read errors name the file."""
        name = "<stdin>" if path == STDIN else path
        try:
            with ExitStack() as stack:
                stream = stack.enter_context(open_input(path))
                chosen = input_format or format_from_name(path)
                if chosen is None:
                    chosen = format_from_bytes(stream.peek(2048)[:2048])  # type: ignore[attr-defined]
                yield from self.read_stream(stream, name, chosen)
        except (OSError, EOFError) as exc:
            yield DocumentError(name, f"cannot read: {getattr(exc, 'strerror', None) or exc}")

    def read_url(self, url: str, input_format: str | None) -> Iterator[Article | DocumentError]:
        try:
            page = self.fetcher.fetch(url)
        except DocumentError as problem:
            yield problem
            return
        chosen = (
            input_format
            or FORMAT_BY_CONTENT_TYPE.get(page.content_type)
            or format_from_name(url.split("?")[0])
            or format_from_bytes(page.content[:2048])
        )
        if chosen in ("warc", "jsonl", "csv", "tsv"):
            yield from self.read_stream(io.BufferedReader(io.BytesIO(page.content)), url, chosen)
        else:
            yield from self.read_bytes(
                page.content, url, chosen, url=page.url, charset=page.charset
            )


def read_articles(
    paths: Iterable[str | Path],
    input_format: str | None = None,
    published: date | None = None,
    *,
    columns: ColumnMap | Mapping[str, str | None] | None = None,
    fetch: bool = False,
    fetch_settings: FetchSettings | None = None,
) -> Iterator[Article | DocumentError]:
    """Stream Articles (or the DocumentError of each bad one) from files, directories, URLs, ``-``.

    ``columns`` maps Article fields to the columns of JSON Lines/CSV input;
    ``fetch`` downloads the page behind each feed entry; ``published`` is the
    fallback date for articles that carry none.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise EventWireError(
            f"unknown input format {input_format!r}; choose one of {', '.join(INPUT_FORMATS)}"
        )
    if not isinstance(columns, ColumnMap):
        try:
            columns = ColumnMap.from_options(columns)
        except ValueError as exc:
            raise EventWireError(str(exc)) from exc
    readers = Readers(columns, fetch, fetch_settings)
    try:
        for raw in paths:
            for item in _read_one(readers, str(raw), input_format):
                if isinstance(item, Article) and published and not item.published:
                    item.published, item.published_basis = published, "option"
                yield item
    finally:
        readers.close()


def _read_one(
    readers: Readers, name: str, input_format: str | None
) -> Iterator[Article | DocumentError]:
    if name == STDIN:
        yield from readers.read_file(STDIN, input_format)
        return
    if is_url(name):
        yield from readers.read_url(name, input_format)
        return
    path = Path(name)
    if not path.exists():
        yield DocumentError(name, "no such file or directory")
        return
    found = False
    for file in iter_files(path):
        found = True
        yield from readers.read_file(str(file), input_format)
    if path.is_dir() and not found:
        yield DocumentError(name, "directory holds no articles")
