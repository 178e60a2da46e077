"""Office holders of organisations and armed groups reached by a title, in sentences and in
``lookup``, and the defence-ministry sector rule."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.offices import organisation_holder, title_pattern


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


@pytest.fixture(scope="module")
def people(nlp, resolver):
    """(text, actor name, code) of each mention of a parsed text on a date."""

    def run(text: str, when: date) -> list[tuple[str, str, str]]:
        return [
            (m.text, m.actor.name, m.actor.code) for m in resolver.find_mentions(nlp(text), when)
        ]

    return run


@pytest.mark.parametrize(
    ("phrase", "when", "holder"),
    [
        ("the UN Secretary-General", date(2015, 6, 1), "Ban Ki-moon"),
        ("the UN Secretary-General", date(2019, 6, 1), "António Guterres"),
        ("the NATO Secretary General", date(2025, 6, 1), "Mark Rutte"),
        ("the NATO Secretary General", date(2016, 6, 1), "Jens Stoltenberg"),
        ("the Secretary-General of the United Nations", date(2010, 1, 1), "Ban Ki-moon"),
        ("the head of the IAEA", date(2015, 1, 1), "Yukiya Amano"),
        ("the WHO chief", date(2020, 3, 1), "Tedros Adhanom Ghebreyesus"),
        ("the IMF managing director", date(2013, 1, 1), "Christine Lagarde"),
        ("the World Bank president", date(2020, 1, 1), "David Malpass"),
        ("the European Commission president", date(2021, 1, 1), "Ursula von der Leyen"),
        ("the AU Commission chair", date(2020, 1, 1), "Moussa Faki"),
        ("the European Council president", date(2022, 1, 1), "Charles Michel"),
        ("the head of the International Criminal Court", date(2015, 1, 1), None),
        ("the ICC prosecutor", date(2015, 1, 1), "Fatou Bensouda"),
        ("the OPEC secretary general", date(2010, 1, 1), "Abdalla Salem El-Badri"),
        ("the Arab League chief", date(2005, 1, 1), "Amr Moussa"),
        ("the ASEAN secretary-general", date(2010, 1, 1), "Surin Pitsuwan"),
        ("Hezbollah's leader", date(2015, 1, 1), "Hassan Nasrallah"),
        ("the Hezbollah leader", date(2025, 3, 1), "Naim Qassem"),
        ("the Hamas leader", date(2020, 1, 1), "Ismail Haniyeh"),
        ("the Hamas political chief", date(2010, 1, 1), "Khaled Meshaal"),
        ("the Wagner chief", date(2022, 10, 1), "Yevgeny Prigozhin"),
        ("the RSF commander", date(2024, 1, 1), "Mohamed Hamdan Dagalo"),
        ("the Pentagon spokesman", date(2023, 6, 1), "Pat Ryder"),
    ],
)
def test_a_title_with_an_organisation_is_its_holder_on_the_date(
    resolver: ActorResolver, phrase: str, when: date, holder: str
) -> None:
    resolution = resolver.lookup(phrase, when)
    assert resolution.actor is not None
    if holder is None:  # the court's head is its president, not in the KB: the court itself
        assert resolution.actor.kb_id == "org:icc"
        return
    assert resolution.actor.name == holder
    assert resolution.basis == "title"


def test_a_holder_keeps_the_organisations_country_and_sector(resolver: ActorResolver) -> None:
    nasrallah = resolver.lookup("Hezbollah's leader", date(2015, 1, 1)).actor
    assert (nasrallah.code, nasrallah.role) == ("LBN REB", "Secretary-General of Hezbollah")
    rutte = resolver.lookup("the NATO chief", date(2025, 6, 1)).actor
    assert (rutte.code, rutte.role) == ("IGO IGO", "Secretary General of NATO")


def test_a_named_person_wins_over_the_holder_on_the_date(people) -> None:
    # December 2024: out of office between NATO and Norway's finance ministry (from 2025-02-04)
    found = people("NATO Secretary General Jens Stoltenberg visited Kyiv.", date(2024, 12, 1))
    assert found[0] == ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg", "IGO ELI")


def test_an_unknown_named_official_gets_the_organisations_codes(people) -> None:
    found = people("Hamas spokesman Fawzi Testbarhum said the talks had failed.", date(2020, 1, 1))
    assert found[0] == ("Hamas spokesman Fawzi Testbarhum", "Fawzi Testbarhum", "PSE REB")


def test_former_and_plural_titles_are_not_the_holder(people) -> None:
    found = people("The former NATO chief met Hamas leaders in Doha.", date(2025, 6, 1))
    names = [name for _, name, _ in found]
    assert "Mark Rutte" not in names and "Ismail Haniyeh" not in names
    assert "Hamas" in names


def test_an_ambiguous_title_leaves_the_organisation(resolver: ActorResolver) -> None:
    """Three Hezbollah commanders served in 2015: "the Hezbollah commander" is none of them."""
    resolution = resolver.lookup("the Hezbollah commander", date(2015, 1, 1))
    assert resolution.actor.name == "Hezbollah"
    assert any("none is chosen" in line for line in resolution.explanation)


def test_a_generic_title_wants_the_organisations_own_leader(resolver: ActorResolver) -> None:
    """The EU has no single leader: "the EU chief" is not its High Representative, who is
    still reached by the specific title."""
    assert resolver.lookup("the EU chief", date(2025, 6, 1)).actor.name == "European Union"
    high = resolver.lookup("the EU High Representative", date(2025, 6, 1)).actor
    assert high.name == "Kaja Kallas"


def test_a_group_leader_never_answers_a_countrys_title(resolver: ActorResolver) -> None:
    """Lebanon had no president in 2023; its title must not fall to Hezbollah's leader."""
    actor = resolver.lookup("the Lebanese leader", date(2023, 6, 1)).actor
    assert actor.name != "Hassan Nasrallah"
    actor = resolver.lookup("the Iraqi leader", date(2015, 1, 1)).actor
    assert actor.name != "Muqtada al-Sadr"


def test_the_holder_explains_who_else_was_considered(resolver: ActorResolver) -> None:
    choice = organisation_holder(resolver.kb, "group:hezbollah", "leader", "head", date(2015, 1, 1))
    assert choice.holder is not None and choice.holder[0].name == "Hassan Nasrallah"
    assert any("Naim Qassem" in line and "not its leader" in line for line in choice.reasons)


def test_a_title_word_matches_hyphen_or_space() -> None:
    assert title_pattern("secretary general").search("Secretary-General of the United Nations")
    assert not title_pattern("commander").search("Secretary General of NATO")


@pytest.mark.parametrize(
    "phrase",
    [
        "the Pentagon",
        "the defence ministry",
        "the Ministry of Defence",
        "the US Defense Department",
    ],
)
def test_defence_ministries_and_their_metonyms_are_military(
    resolver: ActorResolver, phrase: str
) -> None:
    text = phrase if "ministry" not in phrase.lower() else f"Russia's {phrase[4:]}"
    actor = resolver.lookup(text, date(2020, 1, 1)).actor
    assert actor is not None and actor.sector == "MIL", text


def test_a_defence_minister_keeps_the_government_title(resolver: ActorResolver) -> None:
    actor = resolver.lookup("the Russian defence minister", date(2020, 1, 1)).actor
    assert (actor.name, actor.sector) == ("Sergei Shoigu", "GOV")


def test_the_pentagon_in_a_sentence_is_the_us_military(people) -> None:
    found = people("The Pentagon said its troops would stay.", date(2020, 1, 1))
    assert found[0][1:] == ("US Department of Defense", "USA MIL")
