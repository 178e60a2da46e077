"""Lists of parties in any role: one event per member, and none between the members of one
list unless the sentence says they acted on each other (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article, Event

WHEN = date(2023, 6, 24)


def coded(pipeline, text: str) -> list[Event]:
    results = list(pipeline.code([Article(text=text, source="test", published=WHEN)]))
    return [e for e in results[0].events if not e.negated]


def pairs(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {
        (
            e.event_type,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
        )
        for e in events
    }


def members_never_paired(events: list[Event], members: set[str]) -> bool:
    return not any(
        e.source and e.target and {e.source.country, e.target.country} <= members for e in events
    )


NORDIC = {"DNK", "NOR", "SWE", "FIN", "ISL"}


def test_an_agent_word_shared_by_a_list_of_targets(pipeline) -> None:
    events = coded(
        pipeline,
        "The French president spoke with the defence ministers of Denmark, Norway, Sweden, "
        "Finland and Iceland on Monday.",
    )
    assert {(e.source.country, e.target.country) for e in events} == {
        ("FRA", code) for code in NORDIC
    }
    assert all(e.event_type == "CONSULT" for e in events)
    # every member is that country's minister, not the bare country
    assert {e.target.name for e in events} == {
        "Denmark minister",
        "Norway minister",
        "Sweden minister",
        "Finland minister",
        "Iceland minister",
    }
    assert members_never_paired(events, NORDIC)


def test_a_title_shared_by_a_list_of_targets(pipeline) -> None:
    events = coded(
        pipeline, "Narendra Modi spoke to the leaders of Kenya, Ghana, Nigeria and Senegal."
    )
    assert pairs(events) == {("CONSULT", "IND", c) for c in ("KEN", "GHA", "NGA", "SEN")}
    assert all(e.target.kb_id and e.target.kb_id.startswith("person:") for e in events)


def test_a_title_shared_by_a_list_of_sources(pipeline) -> None:
    events = coded(pipeline, "The ministers of Japan, India and Australia criticised China.")
    assert pairs(events) == {("ACCUSE", c, "CHN") for c in ("JPN", "IND", "AUS")}
    assert all(e.source.sector == "GOV" for e in events)


def test_a_possessive_after_a_list_of_sources(pipeline) -> None:
    events = coded(pipeline, "Canada, Mexico and Brazil's leaders condemned Venezuela.")
    assert pairs(events) == {("ACCUSE", c, "VEN") for c in ("CAN", "MEX", "BRA")}
    assert members_never_paired(events, {"CAN", "MEX", "BRA"})


def test_a_possessive_after_a_list_of_targets(pipeline) -> None:
    events = coded(pipeline, "Blinken criticised Canada, Mexico and Brazil's leaders.")
    assert pairs(events) == {("ACCUSE", "USA", c) for c in ("CAN", "MEX", "BRA")}


def test_two_armies_as_sources(pipeline) -> None:
    events = coded(pipeline, "Egypt and Sudan's armies attacked rebel positions.")
    assert {(e.source.country, e.source.sector) for e in events} == {
        ("EGY", "MIL"),
        ("SDN", "MIL"),
    }
    assert members_never_paired(events, {"EGY", "SDN"})


def test_two_armies_as_targets(pipeline) -> None:
    events = coded(pipeline, "Rebels attacked Chad and Niger's armies near the border.")
    assert {(e.target.country, e.target.sector) for e in events} == {
        ("TCD", "MIL"),
        ("NER", "MIL"),
    }


def test_an_agent_of_a_list_of_countries_as_recipient(pipeline) -> None:
    events = coded(pipeline, "Germany sent weapons to the armies of Ukraine, Moldova and Georgia.")
    assert {(e.target.country, e.target.sector) for e in events} == {
        ("UKR", "MIL"),
        ("MDA", "MIL"),
        ("GEO", "MIL"),
    }


def test_a_list_of_country_adjectives_before_one_noun(pipeline) -> None:
    events = coded(pipeline, "Egyptian, Jordanian and Qatari ministers criticised Israel.")
    assert pairs(events) == {("ACCUSE", c, "ISR") for c in ("EGY", "JOR", "QAT")}


@pytest.mark.parametrize(
    ("text", "sources", "target"),
    [
        ("Macron, Scholz and Meloni condemned Russia.", {"FRA", "DEU", "ITA"}, "RUS"),
        (
            "Amnesty International and Human Rights Watch accused Ethiopia of war crimes.",
            {"Amnesty International", "Human Rights Watch"},
            "ETH",
        ),
    ],
)
def test_lists_of_persons_and_organisations_as_sources(pipeline, text, sources, target) -> None:
    events = coded(pipeline, text)
    assert all(e.target.country == target for e in events)
    found = {
        e.source.country if e.source.country not in ("NGO", "IGO") else e.source.name
        for e in events
    }
    assert found == sources


def test_organisations_sharing_a_code_stay_separate_parties(pipeline) -> None:
    events = coded(
        pipeline, "Russia accused NATO, the European Union and the United Nations of lying."
    )
    assert {e.target.name for e in events} == {"NATO", "European Union", "United Nations"}
    assert {e.source.country for e in events} == {"RUS"}


def test_no_event_between_the_members_of_a_list(pipeline) -> None:
    events = coded(
        pipeline,
        "Putin spoke by phone with the presidents of Armenia, Azerbaijan and Georgia.",
    )
    assert pairs(events) == {("CONSULT", "RUS", c) for c in ("ARM", "AZE", "GEO")}


def test_members_of_a_list_meet_each_other_when_the_text_says_so(pipeline) -> None:
    events = coded(pipeline, "The foreign ministers of Egypt, Jordan and Qatar met in Amman.")
    assert {e.event_type for e in events} == {"CONSULT"}
    assert all({e.source.country, e.target.country} <= {"EGY", "JOR", "QAT"} for e in events)
    assert events


def test_talks_with_a_list_never_pair_its_members(pipeline) -> None:
    events = coded(
        pipeline,
        "Talks with the defence ministers of Denmark, Norway, Sweden, Finland and Iceland "
        "took place in Oslo.",
    )
    assert members_never_paired(events, NORDIC)


def test_talks_between_a_list_are_between_its_members(pipeline) -> None:
    events = coded(
        pipeline,
        "Talks between the foreign ministers of Armenia, Azerbaijan and Georgia took place "
        "in Moscow.",
    )
    assert events and all(e.event_type == "CONSULT" for e in events)
    assert all({e.source.country, e.target.country} <= {"ARM", "AZE", "GEO"} for e in events)
