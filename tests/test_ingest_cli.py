"""``eventwire code`` over mixed inputs: formats by name, column options, bad records reported."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE, Route, Site, news_page, serve, warc_bytes

BODY = "\n\n".join(KENYA_PARAGRAPHS)
OTHER = (
    "The energy ministers of Tanzania and Uganda signed an agreement in Dar es Salaam on "
    "Wednesday to finish the crude oil pipeline between the two countries by next year."
)


def test_code_reads_html_warc_and_mapped_jsonl(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(news_page(KENYA_TITLE, KENYA_PARAGRAPHS), encoding="utf-8")
    blank = b"<html><head><title>blank</title></head></html>"
    (tmp_path / "crawl.warc").write_bytes(
        warc_bytes([("https://gazette.example/blank", blank, 200, "text/html")])
    )
    (tmp_path / "dump.jsonl").write_text(
        json.dumps({"story": OTHER, "headline": "Pipeline deal", "day": "2024-03-06"}) + "\n",
        encoding="utf-8",
    )
    args = ["code", str(tmp_path), "-f", "json", "--column", "text=story"]
    args += ["--column", "title=headline", "--column", "date=day"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    titles = [r["article"]["title"] for r in records]
    assert titles == ["Pipeline deal", KENYA_TITLE]
    assert records[0]["article"]["published"] == "2024-03-06"
    assert "crawl.warc#https://gazette.example/blank" in result.stderr
    assert "no main text" in result.stderr


def test_code_fetches_feed_pages(tmp_path: Path) -> None:
    site = Site()
    site.routes["/a"] = Route(news_page(KENYA_TITLE, KENYA_PARAGRAPHS).encode("utf-8"))
    with serve(site):
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
            f"<item><title>Border</title><link>{site.base}/a</link></item>"
            "</channel></rss>"
        )
        site.routes["/feed"] = Route(feed.encode("utf-8"), "application/rss+xml")
        result = CliRunner().invoke(
            app, ["code", f"{site.base}/feed", "--fetch", "--input-format", "feed", "-f", "json"]
        )
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert record["article"]["title"] == KENYA_TITLE
    assert record["article"]["url"] == f"{site.base}/a"
    assert [p for p, _ in site.requests] == ["/feed", "/a"]
