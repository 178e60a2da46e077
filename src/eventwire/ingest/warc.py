"""WARC and WARC.gz archives: HTML responses with HTTP status 200, streamed record by record.

fastwarc reads one record at a time, so an archive of any size passes through
in bounded memory. A record that cannot be read becomes a DocumentError naming
the archive and the record; a truncated archive ends with one such error.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from eventwire.errors import DocumentError
from eventwire.ingest.html import MAX_HTML_BYTES, article_from_html
from eventwire.model import Article

READ_CHUNK = 8192  # small reads: at a damaged spot, at most this much good data is lost
HTML_TYPES = ("text/html", "application/xhtml+xml")


def record_name(archive: str, url: str, position: int) -> str:
    return f"{archive}#{url or f'record@{position}'}"


class DamageGuard:
    """Ends the stream cleanly at a decompression error and remembers it.

    fastwarc reads ahead in large blocks; letting the error through would lose
    the good records already buffered, so the archive is cut at the damage and
    the damage reported after them.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.error: Exception | None = None
        self.consumed = 0

    def tell(self) -> int:
        return self.consumed

    def seek(self, offset: int, whence: int = 0) -> int:
        if (whence, offset) in ((0, self.consumed), (1, 0)):
            return self.consumed
        raise OSError("archive stream cannot seek")

    def close(self) -> None:
        """The caller owns the underlying stream and closes it."""

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            data = self.stream.read(READ_CHUNK if size < 0 else min(size, READ_CHUNK))
        except (OSError, EOFError, ValueError) as exc:
            self.error = exc
            return b""
        self.consumed += len(data)
        return data


def read_warc(stream: BinaryIO, archive: str) -> Iterator[Article | DocumentError]:
    """Articles from the HTML 200 responses of an archive, from a decompressed binary stream."""
    guarded = DamageGuard(stream)
    records = ArchiveIterator(
        guarded,
        record_types=WarcRecordType.response,
        parse_http=True,
        fsspec_args=False,
    )
    position = 0
    try:
        for record in records:
            position = record.stream_pos
            url = record.headers.get("WARC-Target-URI", "") or ""
            name = record_name(archive, url, position)
            status = record.http_headers.status_code if record.http_headers else None
            content_type = (record.http_content_type or "").lower()
            if status != 200 or not content_type.startswith(HTML_TYPES):
                continue
            if record.content_length > MAX_HTML_BYTES:
                yield DocumentError(
                    name, f"record is {record.content_length:,} bytes, larger than any article"
                )
                continue
            try:
                payload = record.reader.read()
                yield article_from_html(payload, name, url=url, http_charset=record.http_charset)
            except DocumentError as problem:
                yield problem
    except (OSError, EOFError, ValueError) as exc:
        guarded.error = guarded.error or exc
    if guarded.error is not None:
        yield DocumentError(
            f"{archive}#after-offset-{position}",
            f"archive is damaged or truncated: {guarded.error}",
        )


def warc_response_record(
    url: str, body: bytes, status: int = 200, content_type: str = "text/html; charset=utf-8"
) -> bytes:
    """One WARC/1.1 response record (for building test archives and benchmarks)."""
    reason = {200: "OK", 404: "Not Found", 500: "Internal Server Error"}.get(status, "Status")
    http = (
        f"HTTP/1.1 {status} {reason}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("ascii") + body
    header = (
        "WARC/1.1\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <{uuid.uuid5(uuid.NAMESPACE_URL, url).urn}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode("ascii")
    return header + http + b"\r\n\r\n"
