"""Opening inputs: files, directories, standard input, URLs, with .gz/.bz2 undone on the fly.

Readers get a binary stream and a name; they never need to know whether the
bytes came from disk, a pipe or a compressed file.
"""

from __future__ import annotations

import bz2
import gzip
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

COMPRESSION_SUFFIXES = {".gz": gzip.open, ".bz2": bz2.open}
FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
INPUT_FORMATS = ("text", "html", "warc", "feed", "jsonl", "csv", "tsv")
STDIN = "-"


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def format_from_name(name: str) -> str | None:
    """The format a file name announces, looking past a compression suffix."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] in COMPRESSION_SUFFIXES:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last not in FORMAT_BY_SUFFIX and len(last) > 6:
        last = ""  # "report.2024-final" is a dotted name, not a type
    return FORMAT_BY_SUFFIX.get(last)


def format_from_bytes(head: bytes) -> str:
    """Guess from the first bytes (for standard input, URLs and unknown suffixes)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start or b"<body" in start:
        return "html"
    return "text"


def compression_of(name: str, head: bytes) -> str | None:
    if head.startswith(b"\x1f\x8b") or name.lower().endswith(".gz"):
        return ".gz"
    if head.startswith(b"BZh") or name.lower().endswith(".bz2"):
        return ".bz2"
    return None


def stdin_stream() -> BinaryIO:
    """Standard input as a binary stream that can ``peek`` (needed to sniff its format)."""
    stream = sys.stdin.buffer
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]


@contextmanager
def open_input(name: str) -> Iterator[BinaryIO]:
    """A binary stream of the decompressed contents of a file or of standard input."""
    raw = stdin_stream() if name == STDIN else open(name, "rb")  # noqa: SIM115 - closed below
    try:
        compression = compression_of(name, raw.peek(4)[:4])  # type: ignore[attr-defined]
        if compression:
            with COMPRESSION_SUFFIXES[compression](raw, "rb") as stream:
                yield stream  # type: ignore[misc]
        else:
            yield raw
    finally:
        if name != STDIN:
            raw.close()
