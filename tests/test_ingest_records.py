"""JSON Lines, CSV/TSV and standard input: column mapping, bad rows reported, the rest read."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import DocumentError, EventWireError
from eventwire.ingest import read_articles
from eventwire.model import Article
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE

BODY = "\n\n".join(KENYA_PARAGRAPHS)


def test_jsonl_with_renamed_columns_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "body": BODY,
                "headline": KENYA_TITLE,
                "day": "2024-03-05",
                "link": "https://gazette.example/a",
                "key": "a1",
            }
        ),
        "{not json",
        json.dumps({"headline": "no body here"}),
        json.dumps({"body": BODY, "day": "5 March 2024"}),
        json.dumps({"body": BODY, "day": "sometime soon-ish maybe"}),
    ]
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    columns = {"text": "body", "title": "headline", "date": "day", "url": "link", "id": "key"}
    results = list(read_articles([path], columns=columns))
    first = results[0]
    assert isinstance(first, Article)
    assert (first.title, first.published, first.url) == (
        KENYA_TITLE,
        date(2024, 3, 5),
        "https://gazette.example/a",
    )
    assert first.source == f"{path}:1#a1" and first.published_basis == "column"
    assert [type(r).__name__ for r in results[1:]] == [
        "DocumentError",
        "DocumentError",
        "Article",
        "DocumentError",
    ]
    assert results[1].source == f"{path}:2" and "not valid JSON" in results[1].problem
    assert "no text in column 'body'" in results[2].problem
    assert results[3].published == date(2024, 3, 5)
    assert "cannot read date" in results[4].problem


def test_csv_and_tsv_rows(tmp_path: Path) -> None:
    for name, delimiter in (("rows.csv.bz2", ","), ("rows.tsv", "\t")):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(["id", "title", "date", "text"])
        writer.writerow(["r1", KENYA_TITLE, "2024-03-05", BODY])
        writer.writerow(["r2", "empty", "2024-03-06", ""])
        data = buffer.getvalue().encode("utf-8")
        (tmp_path / name).write_bytes(bz2.compress(data) if name.endswith(".bz2") else data)
    results = list(read_articles([tmp_path]))
    assert [type(r).__name__ for r in results] == ["Article", "DocumentError"] * 2
    assert results[0].text == BODY and results[0].title == KENYA_TITLE
    assert results[0].source.endswith("#r1")


def test_csv_without_the_text_column_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("headline,story\nA,B\n", encoding="utf-8")
    [problem] = list(read_articles([path]))
    assert isinstance(problem, DocumentError) and "--column text=" in problem.problem


def test_standard_input_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    record = json.dumps({"text": BODY, "title": KENYA_TITLE}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(record.encode("utf-8"))))
    [article] = list(read_articles(["-"]))
    assert article.title == KENYA_TITLE and article.source == "<stdin>:1"


def test_standard_input_gzip_with_explicit_format(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(f"{KENYA_TITLE}\n\n{BODY}".encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = list(read_articles(["-"], input_format="text"))
    assert article.text.startswith(KENYA_TITLE)


def test_unknown_format_and_column_are_user_errors() -> None:
    with pytest.raises(EventWireError, match="unknown input format"):
        list(read_articles(["x"], input_format="pdf"))
    with pytest.raises(EventWireError, match="unknown column"):
        list(read_articles(["x"], columns={"body": "text"}))
