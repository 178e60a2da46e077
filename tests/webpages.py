"""Test helpers: our own news pages, WARC records, feeds, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eventwire.ingest.warc import warc_response_record

NAV = '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
COOKIES = (
    '<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p>'
    "<button>Accept all cookies</button></div>"
)
COMMENTS = (
    '<section id="comments"><h3>Leave a Reply</h3><form>'
    "<p>Your email address will not be published. Required fields are marked *</p>"
    '<label>Comment</label><textarea name="comment"></textarea>'
    '<input type="submit" value="Post Comment"></form></section>'
)


def news_page(
    title: str,
    paragraphs: list[str],
    *,
    site: str = "Lakeside Gazette",
    published: str = "2024-03-05",
    url: str = "https://gazette.example/world/talks",
    charset: str = "utf-8",
    extras: str = "",
) -> str:
    """A page shaped like a real article page: head metadata, navigation, cookie banner, comments."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="article:published_time" content="{published}T09:30:00+00:00">
<link rel="canonical" href="{url}">
</head><body>
{NAV}
{COOKIES}
<main><article>
<h1>{html.escape(title)}</h1>
{body}
{extras}
</article></main>
{COMMENTS}
<footer><p>© 2024 {html.escape(site)}. All rights reserved.</p></footer>
</body></html>
"""


KENYA_TITLE = "Kenya and Ethiopia agree to reopen border crossing"
KENYA_PARAGRAPHS = [
    "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday and agreed to "
    "reopen the Moyale border crossing, which has been closed to traders since January.",
    "Kenya's foreign minister said the two governments would sign a formal agreement next "
    "month and that customs officers from both countries would staff a joint post.",
    "Ethiopia's foreign ministry welcomed the decision and said it expected trade between "
    "the neighbours to recover within the year.",
]


def warc_bytes(pages: list[tuple[str, bytes, int, str]], compress: bool = False) -> bytes:
    """A WARC of (url, body, status, content type) responses; gzip per record when asked."""
    records = []
    for url, body, status, content_type in pages:
        record = warc_response_record(url, body, status=status, content_type=content_type)
        records.append(gzip.compress(record) if compress else record)
    return b"".join(records)


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0


@dataclass
class Site:
    """What the loopback server serves, and which paths it was asked for."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)
    base: str = ""


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """A real threaded http.server on 127.0.0.1 in a background thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting, as it should

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
