"""HTML pages: metadata and main text end to end, bad pages reported, events equal to plain text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from eventwire.clean import clean_article
from eventwire.errors import DocumentError
from eventwire.ingest import read_articles
from eventwire.model import Article
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE, news_page

URL = "https://gazette.example/world/kenya-ethiopia-border"


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_page_metadata_and_main_text(tmp_path: Path) -> None:
    page = write(tmp_path / "kenya.html", news_page(KENYA_TITLE, KENYA_PARAGRAPHS, url=URL))
    [article] = list(read_articles([page]))
    assert isinstance(article, Article)
    assert article.title == KENYA_TITLE
    assert article.outlet == "Lakeside Gazette"
    assert article.url == URL
    assert article.published == date(2024, 3, 5)
    assert article.published_basis == "html"
    cleaned = clean_article(article)
    assert cleaned.text.split("\n\n") == KENYA_PARAGRAPHS
    for debris in ("Home", "We use cookies", "Leave a Reply", "All rights reserved"):
        assert debris not in cleaned.text


def test_debris_inside_the_article_goes_to_removed(tmp_path: Path) -> None:
    extras = (
        "<p>By Amina Otieno and Tomas Berg</p>"
        "<p>Read more: Five things to know about the Moyale crossing</p>"
        "<p>Sign up for our East Africa newsletter</p>"
        "<p>(AFP, Reuters)</p>"
    )
    page = write(tmp_path / "kenya.html", news_page(KENYA_TITLE, KENYA_PARAGRAPHS, extras=extras))
    cleaned = clean_article(next(iter(read_articles([page]))))
    assert cleaned.text.split("\n\n") == KENYA_PARAGRAPHS
    assert "By Amina Otieno and Tomas Berg" in cleaned.removed
    assert "Read more: Five things to know about the Moyale crossing" in cleaned.removed
    assert "Sign up for our East Africa newsletter" in cleaned.removed
    assert cleaned.credits == ["AFP", "Reuters"]


def test_page_without_body_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    empty = write(
        tmp_path / "a-empty.html", "<html><head><title>Nothing here</title></head></html>"
    )
    good = write(tmp_path / "b-good.html", news_page(KENYA_TITLE, KENYA_PARAGRAPHS))
    results = list(read_articles([tmp_path]))
    assert isinstance(results[0], DocumentError)
    assert results[0].source == str(empty)
    assert "no main text" in results[0].problem
    assert isinstance(results[1], Article) and results[1].source == str(good)


def test_wrong_charset_declaration_is_read_as_the_bytes_are_and_flagged(tmp_path: Path) -> None:
    paragraphs = [
        "The mayor of Zürich met the délégation from Genève on Monday and signed an "
        "agreement on regional rail services between the two cities."
    ]
    page = news_page("Rail deal signed", paragraphs, charset="utf-8")
    wrong = write(tmp_path / "rail.html", page.encode("cp1252"))  # bytes are not UTF-8
    [article] = list(read_articles([wrong]))
    assert isinstance(article, Article)
    assert "Zürich" in article.text and "Genève" in article.text
    assert [f.kind for f in article.flags] == ["encoding_mismatch"]
    assert "utf-8" in article.flags[0].text


def test_latin1_declaration_over_utf8_bytes_is_flagged(tmp_path: Path) -> None:
    page = news_page("Rail deal signed", ["The mayor of Zürich signed the rail agreement."])
    page = page.replace('charset="utf-8"', 'charset="iso-8859-1"')
    [article] = list(read_articles([write(tmp_path / "rail.html", page)]))
    assert isinstance(article, Article)
    assert "Zürich" in article.text
    assert article.flags[0].kind == "encoding_mismatch"


def test_html_events_equal_plain_text_events(pipeline, tmp_path: Path) -> None:
    page = write(tmp_path / "kenya.html", news_page(KENYA_TITLE, KENYA_PARAGRAPHS, url=URL))
    plain = write(
        tmp_path / "kenya.txt",
        f"{KENYA_TITLE} – Lakeside Gazette – 03/05/2024\n\n" + "\n\n".join(KENYA_PARAGRAPHS),
    )
    [from_html] = list(pipeline.code(read_articles([page])))
    [from_text] = list(pipeline.code(read_articles([plain])))
    assert from_html.article.text == from_text.article.text
    assert from_html.article.id == from_text.article.id
    assert from_html.events
    assert [e.to_dict() for e in from_html.events] == [e.to_dict() for e in from_text.events]
    assert [q.to_dict() for q in from_html.quotes] == [q.to_dict() for q in from_text.quotes]


@pytest.mark.shared
def test_seed_article_as_web_page_matches_plain_text(
    pipeline, shared_dir: Path, tmp_path: Path
) -> None:
    seed = shared_dir / "seed" / "dw-2023-06-24-putin-allies.txt"
    first, _, rest = seed.read_text(encoding="utf-8").partition("\n")
    title, outlet, stamp = re.split(r"\s+[–—-]\s+", first.strip())
    month, day, year = stamp.split("/")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", rest) if p.strip()]
    page = write(
        tmp_path / "seed.html",
        news_page(title, paragraphs, site=outlet, published=f"{year}-{month}-{day}"),
    )
    [from_html] = list(pipeline.code(read_articles([page])))
    [from_text] = list(pipeline.code(read_articles([seed])))
    html_article, text_article = from_html.article, from_text.article
    assert (html_article.title, html_article.outlet, html_article.published) == (
        text_article.title,
        text_article.outlet,
        text_article.published,
    )
    assert html_article.credits == text_article.credits == ["EFE", "AFP", "Reuters"]
    assert html_article.text == text_article.text
    assert len(html_article.removed) == len(text_article.removed)
    assert "Leave a Reply" in html_article.removed
    assert len(from_html.events) >= 4
    assert [e.to_dict() for e in from_html.events] == [e.to_dict() for e in from_text.events]
    assert [f.to_dict() for f in from_html.flags] == [f.to_dict() for f in from_text.flags]
