"""``lookup`` explains every answer: the rule, the data row and term, and why others lost."""

from __future__ import annotations

import re
from datetime import date

import pytest

from eventwire.actors import ActorResolver

ROW = re.compile(r"[a-z_]+\.tsv:\d+")


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


@pytest.mark.parametrize(
    ("query", "when"),
    [
        ("Orban", date(2015, 6, 1)),
        ("the Kremlin", date(2023, 6, 1)),
        ("Hamas", date(2023, 6, 1)),
        ("Russian President", date(2010, 1, 1)),
        ("the NATO Secretary General", date(2025, 6, 1)),
        ("Hezbollah leader", date(2015, 1, 1)),
        ("Kasim-Jomart Tokayev", date(2023, 6, 1)),
    ],
)
def test_every_answer_cites_a_data_row(resolver: ActorResolver, query: str, when: date) -> None:
    resolution = resolver.lookup(query, when)
    assert resolution.actor is not None
    assert any(ROW.search(line) for line in resolution.explanation), resolution.explanation


def test_each_candidate_says_why_it_lost(resolver: ActorResolver) -> None:
    resolution = resolver.lookup("Orban", date(2015, 6, 1))
    assert resolution.actor.name == "Viktor Orbán"
    assert [c.name for c in resolution.candidates] == ["Ludovic Orban"]
    assert any(
        line.startswith("Ludovic Orban") and "lost" in line and "holds no role" in line
        for line in resolution.explanation
    )


def test_an_organisation_title_explains_the_rule_and_the_rivals(resolver: ActorResolver) -> None:
    lines = resolver.lookup("Hezbollah leader", date(2015, 1, 1)).explanation
    assert any(line.startswith("rule: a title ('leader'") for line in lines)
    assert any("Naim Qassem" in line and "lost" in line for line in lines)


def test_a_country_title_names_the_office_and_term(resolver: ActorResolver) -> None:
    lines = resolver.lookup("Russian President", date(2010, 1, 1)).explanation
    assert any("head_of_state of RUS" in line for line in lines)
    assert any("Dmitry Medvedev holds President" in line and "europe.tsv" in line for line in lines)


def test_an_unverified_term_is_explained_as_such(resolver: ActorResolver) -> None:
    lines = resolver.lookup("Viktor Orbán", date(2025, 6, 1)).explanation
    assert any("last verified day" in line for line in lines)


def test_no_answer_says_what_was_tried(resolver: ActorResolver) -> None:
    resolution = resolver.lookup("Zorblax Quuxington", date(2020, 1, 1))
    assert resolution.actor is None
    assert "no spelling variant" in resolution.explanation[0]
