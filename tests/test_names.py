"""Which word of a name stands alone: the family name by the name order of the country."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.kb import Person, RoleTerm
from eventwire.actors.names import person_surnames


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def person(name: str, order: str, *aliases: str) -> Person:
    term = RoleTerm("XXX", "GOV", "other", "Minister", None, None, "test")
    return Person("p", name, set(aliases), [term], order)


@pytest.mark.parametrize(
    ("name", "order", "aliases", "alone"),
    [
        ("Xi Jinping", "family_first", (), {"Xi"}),
        ("Yoon Suk Yeol", "family_first", (), {"Yoon"}),
        ("Lai Ching-te", "family_first", ("William Lai",), {"Lai"}),
        ("Nguyen Phu Trong", "family_first_given_used", (), {"Nguyen", "Trong"}),
        ("Viktor Orbán", "native_alias", (), {"Orbán"}),
        ("Shinzo Abe", "native_alias", (), {"Abe"}),
        ("Ban Ki-moon", "given_first", (), {"Ban"}),  # the "Family Given-name" form
        ("Vladimir Putin", "given_first", (), {"Putin"}),
    ],
)
def test_the_family_name_stands_alone_by_name_order(name, order, aliases, alone) -> None:
    assert person_surnames(person(name, order, *aliases)) == alone


@pytest.mark.parametrize(
    ("query", "when", "name"),
    [
        ("Xi", date(2020, 1, 1), "Xi Jinping"),
        ("Yoon", date(2023, 6, 1), "Yoon Suk Yeol"),
        ("Moon", date(2019, 6, 1), "Moon Jae-in"),
        ("Orbán", date(2015, 6, 1), "Viktor Orbán"),
        ("Orbán Viktor", date(2015, 6, 1), "Viktor Orbán"),
        ("Abe Shinzo", date(2015, 6, 1), "Shinzo Abe"),
        ("Abe", date(2015, 6, 1), "Shinzo Abe"),
        ("Ban", date(2010, 6, 1), "Ban Ki-moon"),
        ("Trong", date(2020, 6, 1), "Nguyen Phu Trong"),
    ],
)
def test_lookup_finds_people_by_family_name(resolver, query, when, name) -> None:
    actor = resolver.lookup(query, when).actor
    assert actor is not None and actor.name == name


def test_a_given_name_written_last_is_not_a_surname(resolver: ActorResolver) -> None:
    assert resolver.lookup("Jinping", date(2020, 1, 1)).actor is None
    assert resolver.lookup("Yeol", date(2023, 6, 1)).actor is None


def test_a_family_name_in_a_sentence(nlp, resolver: ActorResolver) -> None:
    doc = nlp("Xi met Orbán in Beijing, and Orbán later called Abe.")
    names = [m.actor.name for m in resolver.find_mentions(doc, date(2015, 6, 1))]
    assert {"Xi Jinping", "Viktor Orbán", "Shinzo Abe"} <= set(names)
