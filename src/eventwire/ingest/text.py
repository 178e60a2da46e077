"""Plain-text articles (scraped text like the seed): bytes -> decoded text -> Article."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from eventwire.errors import DocumentError
from eventwire.model import Article

MAX_BYTES = 20_000_000  # a single article over 20 MB is not an article


def decode_bytes(data: bytes, source: str) -> str:
    """UTF-8 if it is; otherwise the encoding charset-normalizer detects; else a clear error."""
    if not data.strip():
        raise DocumentError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DocumentError(source, "not UTF-8 and no text encoding could be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(source, f"could not decode as {best.encoding}: {exc}") from exc


def read_text_file(path: Path) -> Article:
    """Read one text article; raises DocumentError naming the file and the problem."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                source, f"file is {size:,} bytes; one article may be at most {MAX_BYTES:,}"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(source, f"cannot read file: {exc.strerror or exc}") from exc
    return Article(text=decode_bytes(data, source), source=source)
