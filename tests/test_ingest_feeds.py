"""RSS and Atom feeds over real HTTP on 127.0.0.1: entries, fetched pages, failing links."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from eventwire.clean import clean_article
from eventwire.errors import DocumentError
from eventwire.ingest import FetchSettings, read_articles
from eventwire.model import Article
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE, Route, Site, news_page, serve

STORIES = {
    "/news/border": (KENYA_TITLE, KENYA_PARAGRAPHS, "2024-03-05"),
    "/news/port": (
        "Tanzania and Uganda sign pipeline deal",
        [
            "The energy ministers of Tanzania and Uganda signed an agreement in Dar es Salaam on "
            "Wednesday to finish the crude oil pipeline between the two countries by next year.",
            "Uganda's president praised the deal and said it would bring jobs to the region.",
        ],
        "2024-03-06",
    ),
}


def rss(base: str, links: list[str]) -> bytes:
    items = []
    for index, path in enumerate(links):
        title, paragraphs, day = STORIES.get(path, ("Slow page", ["Nothing."], "2024-03-07"))
        stamp = format_datetime(datetime.fromisoformat(day).replace(hour=8, tzinfo=UTC))
        summary = escape("".join(f"<p>{p}</p>" for p in paragraphs))
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}{path}</link>"
            f"<guid>story-{index}</guid><pubDate>{stamp}</pubDate>"
            f"<description>{summary}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Lakeside Gazette</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


def atom(base: str, links: list[str]) -> bytes:
    entries = []
    for path in links:
        title, paragraphs, day = STORIES[path]
        content = escape("".join(f"<p>{p}</p>" for p in paragraphs))
        entries.append(
            f'<entry><title>{escape(title)}</title><link href="{base}{path}"/>'
            f"<id>{base}{path}</id><updated>{day}T08:00:00Z</updated>"
            f'<content type="html">{content}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Lakeside Gazette</title><id>{base}/</id><updated>2024-03-07T00:00:00Z</updated>"
        f"{''.join(entries)}</feed>"
    ).encode()


def gazette(delay_path: str | None = None, delay: float = 0.0) -> Site:
    site = Site()
    for path, (title, paragraphs, day) in STORIES.items():
        page = news_page(title, paragraphs, published=day, url=f"https://gazette.example{path}")
        site.routes[path] = Route(page.encode("utf-8"))
    if delay_path:
        site.routes[delay_path] = Route(b"<html><body><p>late</p></body></html>", delay=delay)
    return site


def test_rss_entries_without_fetching_use_the_feed_text() -> None:
    with serve(gazette()) as site:
        site.routes["/feed.xml"] = Route(rss(site.base, list(STORIES)), "application/rss+xml")
        articles = list(read_articles([f"{site.base}/feed.xml"]))
    assert [a.title for a in articles] == [t for t, _, _ in STORIES.values()]
    first = clean_article(articles[0])
    assert first.text.split("\n\n") == KENYA_PARAGRAPHS
    assert first.published == date(2024, 3, 5) and first.published_basis == "feed"
    assert first.url == f"{site.base}/news/border"
    assert first.outlet == "Lakeside Gazette"
    assert [path for path, _ in site.requests] == ["/feed.xml"]


def test_fetch_downloads_each_linked_page_with_our_user_agent() -> None:
    with serve(gazette()) as site:
        site.routes["/feed.xml"] = Route(rss(site.base, list(STORIES)), "application/rss+xml")
        articles = list(read_articles([f"{site.base}/feed.xml"], fetch=True))
    assert all(isinstance(a, Article) for a in articles)
    assert [a.url for a in articles] == [f"{site.base}{p}" for p in STORIES]
    assert [a.published for a in articles] == [date(2024, 3, 5), date(2024, 3, 6)]
    assert all(a.published_basis == "html" for a in articles)  # the page's own date
    assert clean_article(articles[1]).text.split("\n\n") == STORIES["/news/port"][1]
    assert sorted(p for p, _ in site.requests) == ["/feed.xml", "/news/border", "/news/port"]
    assert all(agent.startswith("EventWire/") for _, agent in site.requests)


def test_atom_feed_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "gazette.atom"
    path.write_bytes(atom("https://gazette.example", list(STORIES)))
    articles = list(read_articles([path]))
    assert [a.title for a in articles] == [t for t, _, _ in STORIES.values()]
    assert articles[1].published == date(2024, 3, 6)


def test_entry_whose_link_times_out_is_reported_and_the_rest_are_read() -> None:
    links = ["/news/border", "/slow", "/news/port"]
    settings = FetchSettings(timeout=0.5, retries=1, backoff=0.05, concurrency=2)
    with serve(gazette("/slow", delay=3.0)) as site:
        site.routes["/feed.xml"] = Route(rss(site.base, links), "application/rss+xml")
        results = list(
            read_articles([f"{site.base}/feed.xml"], fetch=True, fetch_settings=settings)
        )
    assert [type(r).__name__ for r in results] == ["Article", "DocumentError", "Article"]
    problem = results[1]
    assert f"{site.base}/slow" in problem.source
    assert "timed out" in problem.problem
    assert [p for p, _ in site.requests].count("/slow") == 2  # one retry


def test_missing_page_and_unreachable_feed_are_reported() -> None:
    with serve(gazette()) as site:
        site.routes["/feed.xml"] = Route(
            rss(site.base, ["/news/border", "/gone"]), "application/rss+xml"
        )
        results = list(read_articles([f"{site.base}/feed.xml"], fetch=True))
        dead = f"{site.base}/nothing.xml"
        [unreachable] = list(read_articles([dead]))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], DocumentError) and "HTTP status 404" in results[1].problem
    assert isinstance(unreachable, DocumentError) and unreachable.source == dead


@pytest.mark.parametrize("junk", [b"", b"<rss><channel><title>x</title></channel></rss>"])
def test_feed_without_entries_is_an_error(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "empty.rss"
    path.write_bytes(junk or b"   ")
    [problem] = list(read_articles([path], input_format="feed"))
    assert isinstance(problem, DocumentError)
