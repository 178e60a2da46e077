"""WARC archives: HTML 200 responses only, record URLs kept, damage reported, the rest read."""

from __future__ import annotations

import bz2
import gzip
from datetime import date
from pathlib import Path

from eventwire.clean import clean_article
from eventwire.errors import DocumentError
from eventwire.ingest import read_articles
from eventwire.model import Article
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE, news_page, warc_bytes

FILLER = "<aside>" + "<p>Most read: an unrelated story about weather</p>" * 400 + "</aside>"


def pages(count: int) -> list[tuple[str, bytes, int, str]]:
    """Distinct articles (each names its own town), plus a 404 and a non-HTML response."""
    towns = ["Moyale", "Mandera", "Lodwar", "Marsabit", "Garissa", "Wajir"]
    result = []
    for i in range(count):
        town = towns[i % len(towns)]
        paragraphs = [p.replace("Moyale", town) for p in KENYA_PARAGRAPHS]
        body = news_page(f"{KENYA_TITLE} at {town}", paragraphs, extras=FILLER)
        result.append((f"https://gazette.example/news/{i}", body.encode("utf-8"), 200, "text/html"))
    result.insert(1, ("https://gazette.example/missing", b"<html>gone</html>", 404, "text/html"))
    result.insert(2, ("https://gazette.example/logo.png", b"\x89PNG....", 200, "image/png"))
    return result


def test_warc_yields_html_200_responses_with_record_urls(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(warc_bytes(pages(3)))
    articles = list(read_articles([archive]))
    assert [a.url for a in articles] == [f"https://gazette.example/news/{i}" for i in range(3)]
    assert all(isinstance(a, Article) for a in articles)
    first = clean_article(articles[0])
    assert first.title == f"{KENYA_TITLE} at Moyale"
    assert first.published == date(2024, 3, 5)
    assert first.outlet == "Lakeside Gazette"
    assert first.text.split("\n\n") == KENYA_PARAGRAPHS
    assert articles[0].source == f"{archive}#https://gazette.example/news/0"


def test_warc_gz_and_bz2_read_the_same(tmp_path: Path) -> None:
    plain = warc_bytes(pages(2))
    (tmp_path / "a.warc.gz").write_bytes(warc_bytes(pages(2), compress=True))
    (tmp_path / "b.warc.bz2").write_bytes(bz2.compress(plain))
    (tmp_path / "c.warc").write_bytes(plain)
    results = list(read_articles([tmp_path]))
    assert len(results) == 6
    texts = [a.text for a in results]
    assert texts[0:2] == texts[2:4] == texts[4:6]


def test_truncated_warc_gz_reports_the_damage_after_the_good_records(tmp_path: Path) -> None:
    data = warc_bytes(pages(6), compress=True)
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(data[: int(len(data) * 0.7)])
    later = tmp_path / "later.html"
    later.write_text(news_page(KENYA_TITLE, KENYA_PARAGRAPHS), encoding="utf-8")
    results = list(read_articles([archive, later]))
    good = [r for r in results[:-1] if isinstance(r, Article)]
    problems = [r for r in results if isinstance(r, DocumentError)]
    assert 2 <= len(good) < 6
    assert len(problems) == 1
    assert problems[0].source.startswith(str(archive))
    assert "truncated" in problems[0].problem
    assert isinstance(results[-1], Article) and results[-1].source == str(later)


def test_record_without_body_is_reported_and_the_archive_goes_on(tmp_path: Path) -> None:
    records = pages(2)
    records.insert(
        1, ("https://gazette.example/blank", b"<html><head></head></html>", 200, "text/html")
    )
    archive = tmp_path / "mixed.warc"
    archive.write_bytes(warc_bytes(records))
    results = list(read_articles([archive]))
    assert [type(r).__name__ for r in results] == ["Article", "DocumentError", "Article"]
    assert results[1].source == f"{archive}#https://gazette.example/blank"


def test_truncated_gzip_text_file_is_reported(tmp_path: Path) -> None:
    data = gzip.compress(("\n\n".join(KENYA_PARAGRAPHS) * 50).encode("utf-8"))
    broken = tmp_path / "story.txt.gz"
    broken.write_bytes(data[: len(data) // 2])
    [problem] = list(read_articles([broken]))
    assert isinstance(problem, DocumentError)
    assert problem.source == str(broken)
