"""Header lines of plain-text articles: title and metadata in any order, dates in any form."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.clean import clean_article
from eventwire.headers import parse_header_date, read_header
from eventwire.model import Article

BODY = "The governor of the province dismissed the council on Tuesday after weeks of protests."


def _clean(text: str) -> Article:
    return clean_article(Article(text=text, source="a.txt"))


def test_documented_layout_keeps_its_date_and_gives_no_flags() -> None:
    article = _clean(f"Governor dismisses council\nPublished: 2005-01-12\n\n{BODY}")
    assert article.title == "Governor dismisses council"
    assert article.published == date(2005, 1, 12)
    assert article.published_basis == "published_line"
    assert article.flags == []
    assert article.text == BODY
    assert "Published" not in article.title


@pytest.mark.parametrize(
    "header",
    [
        "Governor dismisses council\nBy Ada Okafor\nPublished: 12 January 2005\nSource: Daily Ledger",
        "Governor dismisses council\n\nSource: Daily Ledger\n\nDate: January 12, 2005\n\nBy Ada Okafor",
        "Governor dismisses council\nURL: https://ledger.example/a/1\nPublished: Wed 12 Jan 2005 09:30 GMT",
        "Governor dismisses council\nDate: 2005-01-12T09:30:00Z\nBy Ada Okafor",
        "Governor dismisses council\nPosted on: 01/12/2005",
    ],
)
def test_metadata_lines_in_any_order_with_or_without_blank_lines(header: str) -> None:
    article = _clean(f"{header}\n\n{BODY}")
    assert article.title == "Governor dismisses council"
    assert article.published == date(2005, 1, 12)
    assert article.text == BODY
    assert article.flags == []


def test_source_url_and_byline_are_read_not_coded() -> None:
    article = _clean(
        f"Governor dismisses council\nBy Ada Okafor\nSource: Daily Ledger\n"
        f"URL: https://ledger.example/a/1\nPublished: 2005-01-12\n{BODY}"
    )
    assert (article.outlet, article.url) == ("Daily Ledger", "https://ledger.example/a/1")
    assert "By Ada Okafor" in article.removed
    assert article.text == BODY


def test_agency_byline_is_a_credit() -> None:
    assert _clean(f"Council dismissed\nBy Reuters\nDate: 2005-01-12\n\n{BODY}").credits == [
        "Reuters"
    ]


def test_a_date_line_inside_the_body_is_news_not_header() -> None:
    text = (
        f"Council dismissed\nPublished: 2005-01-12\n\n{BODY}\n\nDate: to be confirmed by the court."
    )
    article = _clean(text)
    assert article.published == date(2005, 1, 12)
    assert article.text.endswith("Date: to be confirmed by the court.")


def test_known_title_from_a_page_is_not_read_twice() -> None:
    header = read_header(f"Published: 2005-01-12\n\n{BODY}", known_title="Council dismissed")
    assert (header.title, header.published, header.body.strip()) == ("", date(2005, 1, 12), BODY)


def test_undated_article_says_so() -> None:
    article = _clean(f"Council dismissed\n\n{BODY}")
    assert article.published is None
    assert [f.kind for f in article.flags] == ["undated"]
    assert "today" in article.flags[0].detail


def test_date_inferred_from_the_text_when_one_is_clear() -> None:
    text = (
        "Council dismissed\n\nThe governor dismissed the council on 11 January 2005, officials said. "
        "It had been elected in March 2003. A new vote will be held on 4 May 2006."
    )
    article = _clean(text)
    assert article.published == date(2005, 1, 11)
    assert article.published_basis == "inferred"
    assert [(f.kind, f.text) for f in article.flags] == [("date_inferred", "11 January 2005")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2005-01-12", date(2005, 1, 12)),
        ("12/01/2005", date(2005, 12, 1)),
        ("31/01/2005", date(2005, 1, 31)),
        ("12.01.2005", date(2005, 1, 12)),
        ("12th January 2005", date(2005, 1, 12)),
        ("Jan 12, 2005", date(2005, 1, 12)),
        ("tomorrow", None),
        ("January 2005", None),
        ("2005-02-30", None),
    ],
)
def test_header_dates(text: str, expected: date | None) -> None:
    assert parse_header_date(text) == expected


def test_titles_resolve_as_of_the_header_date(pipeline) -> None:
    text = (
        "Blair meets Chirac\nPublished: 2005-01-12\n\n"
        "The British prime minister met the French president in Paris on Tuesday."
    )
    (result,) = pipeline.code([Article(text=text, source="t.txt")])
    assert result.flags == []
    names = {e.source.name for e in result.events if e.source} | {
        e.target.name for e in result.events if e.target
    }
    assert {"Tony Blair", "Jacques Chirac"} <= names
