"""Event locations from locative place names."""

from __future__ import annotations

from eventwire.model import Article, Event
from eventwire.places import assign_locations, gazetteer


def _event(text: str, word: str) -> Event:
    start = text.index(word)
    return Event("a", 0, text, (start, start + len(word)), word, None, None, "CONSULT")


def test_locative_city_gives_coordinates(nlp) -> None:
    text = "The presidents of Kenya and Uganda met in Kampala to discuss the drought."
    event = _event(text, "met")
    assign_locations([event], nlp(text))
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Kampala", "UGA")
    assert event.location.geonames_id and 0 < event.location.lat < 1


def test_capital_as_actor_is_not_a_place(nlp) -> None:
    text = "Moscow accused Kyiv of shelling the power plant."
    event = _event(text, "accused")
    assign_locations([event], nlp(text))
    assert event.location is None


def _located(pipeline, text: str) -> list[Event]:
    (result,) = pipeline.code([Article(text=text, source="p.txt")])
    return result.events


def _place(event: Event) -> tuple[str, str | None, str | None] | None:
    return (
        (event.location.name, event.location.country, event.location.precision)
        if event.location
        else None
    )


def test_a_call_about_a_place_is_not_located_there(pipeline) -> None:
    (call,) = _located(
        pipeline,
        "Talks\nPublished: 2019-01-10\n\nThe Kenyan president spoke by phone with the Ugandan "
        "president on Tuesday to discuss the situation in Somalia.",
    )
    assert call.event_type == "CONSULT" and call.location is None


def test_a_meeting_takes_its_own_place_not_the_topic(nlp) -> None:
    text = "The presidents of Kenya and Uganda met in Kampala to discuss the situation in Somalia."
    event = _event(text, "met")
    assign_locations([event], nlp(text))
    assert _place(event) == ("Kampala", "UGA", "city")
    assert "own place" in event.explanation


def test_plain_dateline_places_local_events_only(pipeline) -> None:
    text = (
        "NAIROBI — Kenyan police fired tear gas at protesters on Tuesday, witnesses said. "
        "Ethiopian troops attacked Eritrean positions on the same day."
    )
    (result,) = pipeline.code(
        [Article(text=f"Unrest\nPublished: 2024-06-26\n\n{text}", source="d.txt")]
    )
    assert result.article.dateline == "Nairobi"
    assert "NAIROBI —" in result.article.removed and not result.article.text.startswith("NAIROBI")
    places = {e.source.country if e.source else None: _place(e) for e in result.events}
    assert places["KEN"] == ("Nairobi", "KEN", "city")
    assert places.get("ETH") is None


def test_agency_dateline_with_country(pipeline) -> None:
    text = "LAGOS, Nigeria (Reuters) - Nigerian soldiers arrested 20 militants on Monday, the army said."
    (result,) = pipeline.code(
        [Article(text=f"Arrests\nPublished: 2024-06-26\n\n{text}", source="l.txt")]
    )
    assert result.article.dateline == "Lagos, Nigeria"
    assert result.article.credits == ["Reuters"]
    (event,) = result.events
    assert _place(event) == ("Lagos", "NGA", "city")
    assert "dateline" in event.explanation


def test_a_statement_is_not_placed_at_the_dateline(pipeline) -> None:
    text = "NAIROBI — The Kenyan foreign minister accused Ethiopia of violating the border deal."
    events = _located(pipeline, f"Row\nPublished: 2024-06-26\n\n{text}")
    assert events and all(e.location is None for e in events)


def test_regions_and_countries_have_precision() -> None:
    tigray, syria, california = (gazetteer().lookup(n) for n in ("Tigray", "Syria", "California"))
    assert (tigray.country, tigray.precision) == ("ETH", "region")
    assert (syria.country, syria.precision) == ("SYR", "country") and 32 < syria.lat < 37
    assert (california.precision, california.country) == ("region", "USA") and california.lon < -115
    assert gazetteer().lookup("Georgia").country == "GEO"  # the country before the US state
    assert gazetteer().lookup("Lagos", "NGA").precision == "city"
