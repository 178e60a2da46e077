"""Event locations from locative place names."""

from __future__ import annotations

from eventwire.model import Event
from eventwire.places import assign_locations


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
