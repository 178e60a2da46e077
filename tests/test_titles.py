"""Titles and dates (actors/titles.py): when the sentence names the person, the name wins over
whoever held the title on the article date (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorResolver
from eventwire.model import Article, Mention


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def mention_at(found: list[Mention], text: str) -> Mention:
    return next(m for m in found if m.text == text)


@pytest.mark.parametrize("when", [date(2005, 1, 12), date(2025, 6, 1)])
def test_a_name_in_apposition_after_the_title_wins(nlp, resolver, when) -> None:
    found = resolver.find_mentions(
        nlp("The British prime minister, Tony Blair, met the Irish taoiseach, Bertie Ahern."),
        when,
    )
    title = mention_at(found, "British prime minister")
    assert title.actor.name == "Tony Blair"
    assert title.actor.sector == "GOV"  # the text gives him the office, whatever the date
    assert mention_at(found, "Irish taoiseach").actor.name == "Bertie Ahern"
    assert "apposition" in title.basis


@pytest.mark.parametrize("when", [date(2005, 1, 12), date(2025, 6, 1)])
def test_a_name_in_apposition_before_the_title_wins(nlp, resolver, when) -> None:
    found = resolver.find_mentions(nlp("Tony Blair, the prime minister, criticised Iran."), when)
    assert mention_at(found, "prime minister").actor.name == "Tony Blair"
    # the person mention takes the office the apposition gives him
    assert mention_at(found, "Tony Blair").actor.sector == "GOV"


def test_an_unknown_name_in_apposition_keeps_the_office_holder_out(nlp, resolver) -> None:
    found = resolver.find_mentions(
        nlp("The Russian president, Boris Yeltsin, criticised Iran."), date(2025, 6, 1)
    )
    title = mention_at(found, "Russian president")
    assert title.actor.name == "Boris Yeltsin"
    assert title.actor.code == "RUS GOV"
    assert title.actor.kb_id is None


def test_without_a_name_the_title_is_the_holder_on_the_date(nlp, resolver) -> None:
    found = resolver.find_mentions(
        nlp("The British prime minister criticised Iran."), date(2005, 1, 12)
    )
    assert mention_at(found, "British prime minister").actor.name == "Tony Blair"


def test_an_article_from_2005_never_names_the_successor(pipeline) -> None:
    text = (
        "The British prime minister, Tony Blair, spoke by telephone with the Irish "
        "taoiseach, Bertie Ahern, on Tuesday.\n\nThe prime minister later criticised Iran."
    )
    for published in (date(2005, 1, 12), None):
        article = Article(text=text, source="test", published=published)
        events = next(iter(pipeline.code([article]))).events
        names = {e.source.name for e in events if e.source}
        assert names == {"Tony Blair"}, (published, names)
        assert {e.target.name for e in events if e.target} >= {"Bertie Ahern"}


def test_an_undated_article_takes_a_bare_title_from_the_people_it_names(pipeline) -> None:
    text = "Tony Blair met Bertie Ahern in London.\n\nThe prime minister criticised Iran."
    undated = Article(text=text, source="test", outlet="Guardian")
    events = next(iter(pipeline.code([undated]))).events
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert [(e.source.name, e.source.sector) for e in accuse] == [("Tony Blair", "GOV")]
    assert "undated article" in accuse[0].explanation
    # dated, the same words name the holder on the date: Blair is no longer prime minister
    dated = Article(text=text, source="test", outlet="Guardian", published=date(2025, 6, 1))
    events = next(iter(pipeline.code([dated]))).events
    assert {e.source.name for e in events if e.event_type == "ACCUSE"} == {"Keir Starmer"}


def test_an_undated_article_never_names_todays_holder(pipeline) -> None:
    article = Article(text="The prime minister criticised Iran.", source="test", outlet="Guardian")
    assert next(iter(pipeline.code([article]))).events == []


def test_former_further_left_in_the_title_phrase_keeps_a_former_leader_former(
    nlp, resolver
) -> None:
    """ "Nick Clegg, the former Liberal Democrat leader," in 2019: not the party's leader then."""
    text = "Nick Clegg, the former Liberal Democrat leader, criticised the minister."
    found = resolver.find_mentions(nlp(text), date(2019, 7, 1))
    assert {(m.text, m.actor.code) for m in found} >= {("Nick Clegg", "GBR ELI")}
    assert all(m.actor.sector != "OPP" for m in found)
