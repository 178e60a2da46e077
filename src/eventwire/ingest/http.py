"""Downloading pages over HTTP: timeouts, a user agent, retries, limited concurrency.

A download that fails (time-out, refused connection, HTTP error) becomes a
DocumentError for that URL; the other downloads go on.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

import httpx

from eventwire import __version__
from eventwire.errors import DocumentError

T = TypeVar("T")
R = TypeVar("R")
USER_AGENT = f"EventWire/{__version__} (+https://github.com/eventwire; political event coding)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_DOWNLOAD_BYTES = 20_000_000


@dataclass
class Page:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None


@dataclass
class FetchSettings:
    timeout: float = 15.0
    retries: int = 2
    concurrency: int = 4
    backoff: float = 0.5
    user_agent: str = USER_AGENT


class Fetcher:
    """One HTTP client shared by all downloads of a run."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.client = httpx.Client(
            timeout=self.settings.timeout,
            headers={"User-Agent": self.settings.user_agent},
            follow_redirects=True,
            limits=httpx.Limits(max_connections=self.settings.concurrency),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def fetch(self, url: str) -> Page:
        """Download one page; retried on time-outs, connection errors and 429/5xx."""
        last_problem = ""
        for attempt in range(self.settings.retries + 1):
            if attempt:
                time.sleep(self.settings.backoff * 2 ** (attempt - 1))
            try:
                response = self.client.get(url)
            except httpx.TimeoutException:
                last_problem = f"timed out after {self.settings.timeout:g}s"
                continue
            except httpx.TransportError as exc:
                last_problem = f"connection failed: {exc}"
                continue
            except httpx.InvalidURL as exc:
                raise DocumentError(url, f"not a valid URL: {exc}") from exc
            if response.status_code in RETRY_STATUSES:
                last_problem = f"HTTP status {response.status_code}"
                continue
            if response.status_code != 200:
                raise DocumentError(url, f"HTTP status {response.status_code}")
            if len(response.content) > MAX_DOWNLOAD_BYTES:
                raise DocumentError(url, f"download is larger than {MAX_DOWNLOAD_BYTES:,} bytes")
            content_type = response.headers.get("content-type", "")
            return Page(
                str(response.url),
                response.content,
                content_type.split(";")[0].strip().lower(),
                response.charset_encoding,
            )
        tries = self.settings.retries + 1
        raise DocumentError(url, f"download failed ({tries} tries): {last_problem}")

    def map_in_order(self, items: Iterable[T], work: Callable[[T], object]) -> Iterator[object]:
        """``work(item)`` for each item on a few threads, results in input order.

        At most ``concurrency`` items are in flight, so a long feed never piles up
        downloaded pages in memory.
        """
        window: deque[Future[R]] = deque()
        with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
            for item in items:
                window.append(pool.submit(work, item))
                if len(window) >= self.settings.concurrency:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
