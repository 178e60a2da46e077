"""Article context (actors/context.py): bare titles and pronouns read through the publisher,
the dateline and the title line, each answer saying which (articles written for these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.context import load_publishers
from eventwire.errors import EventWireError
from eventwire.model import Article, Event


def coded(pipeline, **fields) -> list[Event]:
    article = Article(source="test", **fields)
    return [e for e in next(iter(pipeline.code([article]))).events if not e.negated]


def sources(events: list[Event]) -> set[str]:
    return {e.source.name for e in events if e.source}


def test_a_government_readout_speaks_of_its_own_prime_minister(pipeline) -> None:
    events = coded(
        pipeline,
        title="PM call with President Macron: 3 March 2022",
        url="https://www.gov.uk/government/news/pm-call-with-president-macron",
        text="The Prime Minister spoke to President Macron of France this afternoon.",
        published=date(2022, 3, 3),
    )
    assert [(e.event_type, e.source.name, e.target.name) for e in events] == [
        ("CONSULT", "Boris Johnson", "Emmanuel Macron")
    ]
    assert "context: the publisher (GOV.UK) is the government of GBR" in events[0].explanation


def test_a_readout_with_a_list_of_leaders(pipeline) -> None:
    events = coded(
        pipeline,
        url="https://www.gov.uk/government/news/pm-call",
        text="The Prime Minister spoke to the leaders of France, Germany, Italy and Canada.",
        published=date(2022, 3, 3),
    )
    assert sources(events) == {"Boris Johnson"}
    assert {e.target.country for e in events} == {"FRA", "DEU", "ITA", "CAN"}


def test_without_context_a_bare_title_names_nobody(pipeline) -> None:
    events = coded(
        pipeline,
        text="The Prime Minister spoke to the leaders of France, Germany, Italy and Canada.",
        published=date(2022, 3, 3),
    )
    assert events == []


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        (
            "NAIROBI — The president met the Ugandan foreign minister on Monday.",
            "William Ruto",
            "the dateline (Nairobi) is in KEN",
        ),
        (
            "LAGOS, Nigeria (Reuters) - The president criticised Niger on Monday.",
            "Bola Tinubu",
            "the dateline (Lagos, Nigeria) is in NGA",
        ),
    ],
)
def test_the_dateline_gives_a_bare_title_its_country(pipeline, text, name, why) -> None:
    events = coded(pipeline, title="Talks", text=text, published=date(2023, 9, 5))
    assert sources(events) == {name}
    assert f"context: {why}" in events[0].explanation


def test_the_title_line_names_the_holder_of_a_bare_title(pipeline) -> None:
    events = coded(
        pipeline,
        title="Ruto promises to reopen Ugandan border",
        text="The president met the Ugandan foreign minister on Monday.",
        published=date(2023, 6, 5),
    )
    assert sources(events) == {"William Ruto"}
    assert "context: the title line names William Ruto" in events[0].explanation


def test_a_pronoun_before_anyone_is_named_is_the_title_lines_person(pipeline) -> None:
    events = coded(
        pipeline,
        title="Ruto urges Uganda to reopen border",
        text="He asked Uganda to reopen the border crossing on Monday.",
        published=date(2023, 6, 5),
    )
    assert sources(events) == {"William Ruto"}
    assert {e.target.country for e in events} == {"UGA"}


def test_a_press_outlet_gives_its_home_country_last(pipeline) -> None:
    text = "The home secretary criticised France over the Channel crossings."
    events = coded(pipeline, outlet="Guardian", text=text, published=date(2019, 5, 5))
    assert [(e.source.name, e.source.code) for e in events] == [("Sajid Javid", "GBR GOV")]
    assert "the publisher (The Guardian) is from GBR" in events[0].explanation
    # a British "president" is nobody: the context never turns the King into one
    events = coded(
        pipeline,
        outlet="Guardian",
        text="The president criticised India.",
        published=date(2019, 5, 5),
    )
    assert events == []


def test_the_article_itself_comes_before_its_context(pipeline) -> None:
    named = coded(
        pipeline,
        outlet="Guardian",
        text="The prime minister, Imran Khan, criticised India.",
        published=date(2019, 5, 5),
    )
    assert sources(named) == {"Imran Khan"}
    earlier = coded(
        pipeline,
        outlet="Guardian",
        text="Pakistan's prime minister Imran Khan flew to Riyadh.\n\n"
        "The prime minister later criticised India.",
        published=date(2019, 5, 5),
    )
    assert sources([e for e in earlier if e.event_type == "ACCUSE"]) == {"Imran Khan"}


def test_publishers_by_domain_and_country_code(tmp_path: Path) -> None:
    table = ActorResolver.load().publishers
    assert table.by_url("https://www.theguardian.com/world/x").country == "GBR"
    assert table.by_url("https://nation.africa/kenya/news").country == "KEN"
    assert table.by_url("https://www.standardmedia.co.ke/article").country == "KEN"
    assert table.by_url("https://news.bbc.co.uk/2/hi/x.stm").country == "GBR"
    assert table.by_url("https://example.tv/story") is None
    assert table.by_url("https://example.com/story") is None
    assert table.by_name("The Washington Post").country == "USA"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Daily Example\tXXX\tpress\tnote", "unknown country code 'XXX'"),
        ("Daily Example\tGBR\tblog\tnote", "unknown kind 'blog'"),
        ("Daily Example\t-\tpress\tnote", "a generic domain has country -"),
        ("The Daily Example|Daily Example\tGBR\tpress\tnote", "'Daily Example' is listed twice"),
    ],
)
def test_bad_publisher_rows_name_the_file_and_line(tmp_path: Path, row, problem) -> None:
    path = tmp_path / "publishers.tsv"
    path.write_text(f"# names\tcountry\tkind\tnote\n{row}\n", encoding="utf-8")
    with pytest.raises(EventWireError, match=rf"publishers\.tsv:2: {problem}"):
        load_publishers(path, frozenset({"GBR"}))
