"""RSS and Atom feeds: one Article per entry, from its content or, with ``fetch``, its page.

Without fetching, an entry's own content (or summary) is the text. With
fetching, the linked page is downloaded and read as HTML; the entry's title
and date fill in what the page lacks. A link that cannot be downloaded is
reported for that entry and the feed goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import feedparser
import lxml.html

from eventwire.errors import DocumentError
from eventwire.ingest.html import article_from_html
from eventwire.ingest.http import Fetcher
from eventwire.model import Article

BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "blockquote", "div")


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (feed content), one paragraph per block element."""
    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    blocks = [
        " ".join(el.text_content().split())
        for el in root.iter(*BLOCK_TAGS)
        if not any(child.tag in BLOCK_TAGS for child in el)
    ]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def entry_article(entry: feedparser.FeedParserDict, feed_title: str, name: str) -> Article:
    contents = entry.get("content") or []
    markup = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = fragment_text(markup or "")
    if not text:
        raise DocumentError(name, "feed entry has no text (try --fetch to download its page)")
    published = entry_date(entry)
    return Article(
        text=text,
        title=entry.get("title", "").strip(),
        outlet=feed_title,
        url=entry.get("link", ""),
        published=published,
        published_basis="feed" if published else "",
        source=name,
    )


def page_article(
    fetcher: Fetcher, entry: feedparser.FeedParserDict, feed_title: str, name: str
) -> Article | DocumentError:
    """Download the entry's page and read it; the entry fills gaps in the page's metadata."""
    link = entry.get("link", "")
    try:
        if not link:
            raise DocumentError(name, "feed entry has no link to fetch")
        page = fetcher.fetch(link)
        article = article_from_html(page.content, link, url=link, http_charset=page.charset)
    except DocumentError as problem:
        return DocumentError(f"{name} ({link})" if link else name, problem.problem)
    article.title = article.title or entry.get("title", "").strip()
    article.outlet = article.outlet or feed_title
    if not article.published and (published := entry_date(entry)):
        article.published, article.published_basis = published, "feed"
    return article


def read_feed(
    data: bytes, source: str, fetcher: Fetcher | None = None
) -> Iterator[Article | DocumentError]:
    """Articles from a feed document; entries whose page fails are reported one by one."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield DocumentError(source, f"not a readable RSS/Atom feed: {reason}")
        return
    feed_title = parsed.feed.get("title", "").strip()
    names = [
        f"{source}#{entry.get('id') or entry.get('link') or index}"
        for index, entry in enumerate(parsed.entries)
    ]
    if fetcher is None:
        for entry, name in zip(parsed.entries, names, strict=True):
            try:
                yield entry_article(entry, feed_title, name)
            except DocumentError as problem:
                yield problem
        return
    pairs = zip(parsed.entries, names, strict=True)
    yield from fetcher.map_in_order(
        pairs, lambda pair: page_article(fetcher, pair[0], feed_title, pair[1])
    )
