"""The actor knowledge base: plain TSV files under ``data/``, read and validated once.

Every row is checked on load, and a bad row raises ``EventWireError`` naming
the file, the line and the problem, so a typo in a data file is found at once
and never turns into a silent wrong code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from eventwire.errors import EventWireError

DATA_DIR = Path(__file__).parent / "data"

# PLOVER/CAMEO agent (sector) codes the KB may use. The KB writes media as MED and health
# as HLH (CAMEO, as docs/architecture.md lists them); PLOVER renamed these JRN and MED.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "REB",
        "UAF",
        "OPP",
        "PTY",
        "BUS",
        "MED",
        "CVL",
        "EDU",
        "HLH",
        "REL",
        "REF",
        "LAB",
        "CRM",
        "NGO",
        "IGO",
        "ECN",
        "AGR",
        "ENV",
        "ELI",
        "SPY",
        "JRN",
        "PRE",
        "SOC",
        "PRM",
        "UNK",
    ]
)
# Country codes that are not ISO-3166: organisations, CAMEO's transnational movements, Kosovo.
NON_ISO_CODES = frozenset({"IGO", "NGO", "ISM", "IMG", "XKX"})
OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "collective_head_of_state",
        "foreign_minister",
        "defence_minister",
        "interior_minister",
        "spokesperson",
        "head_of_organisation",
        "other",
    }
)
# Offices several people may hold at once in one country.
COLLECTIVE_OFFICES = frozenset({"collective_head_of_state", "other", "spokesperson"})
PERSON_COLUMNS = (
    "person_id",
    "name",
    "aliases",
    "country",
    "sector",
    "office",
    "title",
    "start",
    "end",
    "note",
)
HEADER_FIRST_CELLS = frozenset(
    {"code", "words", "agent_id", "org_id", "group_id", "person_id", "entity_id", "region_id"}
)
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ALPHA3 = re.compile(r"^[A-Z]{3}$")


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def split_list(value: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into its non-empty, trimmed parts."""
    return tuple(part.strip() for part in value.split("|") if part.strip())


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    metonyms: tuple[str, ...]
    leader_office: str  # head_of_state or head_of_government

    @property
    def kb_id(self) -> str:
        return f"country:{self.code}"

    @property
    def in_text(self) -> str:
        """The name as a sentence uses it: "the United States" where the data lists that form."""
        return f"the {self.name}" if f"the {self.name}" in self.aliases else self.name


@dataclass(frozen=True)
class Region:
    """A part of a country that news names as a place or an actor ("Darfur", "Crimea")."""

    region_id: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str

    @property
    def kb_id(self) -> str:
        return f"region:{self.region_id}"


@dataclass(frozen=True)
class Entity:
    """An organisation or an armed group: one fixed country and sector."""

    kind: str  # organisation | armed_group
    entity_id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str

    @property
    def kb_id(self) -> str:
        prefix = "org" if self.kind == "organisation" else "group"
        return f"{prefix}:{self.entity_id}"


@dataclass(frozen=True)
class Agent:
    agent_id: str
    words: tuple[str, ...]
    sector: str
    weak: bool  # yields to a more specific agent word beside it ("army officer" -> MIL)
    alone: bool  # an actor even without a country word ("police")
    # without a country word, belongs to the country its clause happens in ("police fired
    # tear gas in Nairobi"); not for words often naming foreigners ("tourists", "troops")
    local: bool = False


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    office: str  # an office, or "leader" / "counterpart"


@dataclass(frozen=True)
class RoleTerm:
    """One term of one person in one office, half-open [start, end)."""

    country: str
    sector: str
    office: str
    title: str
    start: date | None
    end: date | None
    source: str  # file:line, for explanations

    def active(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class Person:
    person_id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    terms: list[RoleTerm] = field(default_factory=list)

    @property
    def kb_id(self) -> str:
        return f"person:{self.person_id}"

    def term_at(self, when: date) -> RoleTerm | None:
        """The role held at ``when``; the most senior one if several overlap."""
        active = [t for t in self.terms if t.active(when)]
        return min(active, key=lambda t: OFFICE_RANK.get(t.office, 9)) if active else None

    def nearest_term(self, when: date) -> RoleTerm | None:
        """The role at ``when``, else the last one before it, else the first one after it."""
        current = self.term_at(when)
        if current or not self.terms:
            return current
        before = [t for t in self.terms if t.end is not None and t.end <= when]
        if before:
            return max(before, key=lambda t: t.end or date.max)
        return min(self.terms, key=lambda t: t.start or date.min)


# How roles read when the KB knows the office but not its holder.
OFFICE_WORDS = {
    "head_of_state": "Head of state",
    "head_of_government": "Head of government",
    "foreign_minister": "Foreign minister",
    "defence_minister": "Defence minister",
    "interior_minister": "Interior minister",
    "spokesperson": "Spokesperson",
}

OFFICE_RANK = {
    "head_of_state": 0,
    "collective_head_of_state": 1,
    "head_of_government": 2,
    "head_of_organisation": 3,
    "foreign_minister": 4,
    "defence_minister": 5,
    "interior_minister": 6,
    "spokesperson": 7,
    "other": 8,
}


def read_rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of a TSV file, skipping comments, blanks and a header row.

    A header row is one whose first cell is a column name ending in ``_id`` or
    ``code``/``words`` (files may also keep their header as a ``#`` comment).
    """
    if not path.is_file():
        raise EventWireError(f"actor data file {path} is missing")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if cells[0] in HEADER_FIRST_CELLS:
                continue
            if len(cells) != columns:
                raise EventWireError(
                    f"{path.name}:{number}: expected {columns} tab-separated columns, got {len(cells)}"
                )
            yield number, [c.strip() for c in cells]


def parse_day(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise EventWireError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


@dataclass
class KnowledgeBase:
    countries: dict[str, Country]
    entities: dict[str, Entity]
    persons: dict[str, Person]
    agents: list[Agent]
    titles: list[Title]
    regions: dict[str, Region] = field(default_factory=dict)
    # last word of an unknown organisation's name -> (sector, sector when a country owns it)
    organisation_words: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def load(
        cls, data_dir: Path = DATA_DIR, extra_person_dirs: tuple[Path, ...] = ()
    ) -> KnowledgeBase:
        """Read every data file; ``extra_person_dirs`` adds person files (tests, local lists)."""
        if not data_dir.is_dir():
            raise EventWireError(f"actor data folder {data_dir} is missing")
        countries = load_countries(data_dir / "countries.tsv")
        entities: dict[str, Entity] = {}
        for kind, file_name in (
            ("organisation", "organisations.tsv"),
            ("armed_group", "armed_groups.tsv"),
        ):
            for entity in load_entities(data_dir / file_name, kind, countries):
                if entity.kb_id in entities:
                    raise EventWireError(f"{file_name}: duplicate id {entity.entity_id!r}")
                entities[entity.kb_id] = entity
        persons: dict[str, Person] = {}
        person_files = [
            p for d in (data_dir / "persons", *extra_person_dirs) for p in d.glob("*.tsv")
        ]
        for path in sorted(person_files):
            load_persons(path, countries, persons)
        return cls(
            countries=countries,
            entities=entities,
            persons=persons,
            agents=load_agents(data_dir / "agents.tsv"),
            titles=load_titles(data_dir / "titles.tsv"),
            regions=load_regions(data_dir / "regions.tsv", countries),
            organisation_words=load_organisation_words(data_dir / "organisation_words.tsv"),
        )

    @cached_property
    def office_index(self) -> dict[tuple[str, str], list[tuple[Person, RoleTerm]]]:
        index: dict[tuple[str, str], list[tuple[Person, RoleTerm]]] = {}
        for person in self.persons.values():
            for term in person.terms:
                index.setdefault((term.country, term.office), []).append((person, term))
        return index

    def holders(self, country: str, office: str, when: date) -> list[tuple[Person, RoleTerm]]:
        """Who held ``office`` in ``country`` on ``when`` (several for collective offices)."""
        offices = [office]
        if office == "head_of_state":
            offices.append("collective_head_of_state")
        return [
            (person, term)
            for name in offices
            for person, term in self.office_index.get((country, name), [])
            if term.active(when)
        ]

    def counts(self) -> dict[str, int]:
        return {
            "countries": len(self.countries),
            "organisations": sum(e.kind == "organisation" for e in self.entities.values()),
            "armed_groups": sum(e.kind == "armed_group" for e in self.entities.values()),
            "regions": len(self.regions),
            "persons": len(self.persons),
            "person_terms": sum(len(p.terms) for p in self.persons.values()),
            "agents": len(self.agents),
        }


def load_countries(path: Path) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for number, cells in read_rows(path, 8):
        code, name, aliases, adjectives, people, metonyms, leader, _note = cells
        where = f"{path.name}:{number}"
        if not ALPHA3.match(code):
            raise EventWireError(f"{where}: {code!r} is not an alpha-3 country code")
        if code in countries:
            raise EventWireError(f"{where}: duplicate country code {code}")
        if leader not in ("hos", "hog"):
            raise EventWireError(f"{where}: leader must be hos or hog, not {leader!r}")
        countries[code] = Country(
            code=code,
            name=name,
            aliases=split_list(aliases),
            adjectives=split_list(adjectives),
            people=split_list(people),
            metonyms=split_list(metonyms),
            leader_office="head_of_state" if leader == "hos" else "head_of_government",
        )
    return countries


def check_country(code: str, countries: dict[str, Country], where: str) -> None:
    if code not in countries and code not in NON_ISO_CODES:
        raise EventWireError(f"{where}: unknown country code {code!r}")


def check_sector(sector: str, where: str) -> None:
    if sector not in SECTORS:
        raise EventWireError(f"{where}: unknown sector {sector!r}")


def load_entities(path: Path, kind: str, countries: dict[str, Country]) -> Iterator[Entity]:
    for number, cells in read_rows(path, 6):
        entity_id, name, aliases, country, sector, _note = cells
        where = f"{path.name}:{number}"
        if not SLUG.match(entity_id):
            raise EventWireError(f"{where}: id {entity_id!r} is not a lowercase slug")
        check_country(country, countries, where)
        check_sector(sector, where)
        yield Entity(kind, entity_id, name, split_list(aliases), country, sector)


def load_regions(path: Path, countries: dict[str, Country]) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for number, cells in read_rows(path, 6):
        region_id, name, aliases, adjectives, country, _note = cells
        where = f"{path.name}:{number}"
        if not SLUG.match(region_id) or region_id in regions:
            raise EventWireError(f"{where}: region id {region_id!r} is not a new lowercase slug")
        if country not in countries:
            raise EventWireError(f"{where}: unknown country code {country!r}")
        regions[region_id] = Region(
            region_id, name, split_list(aliases), split_list(adjectives), country
        )
    return regions


AGENT_FLAGS = frozenset({"weak", "alone", "local"})


def load_agents(path: Path) -> list[Agent]:
    agents = []
    for number, cells in read_rows(path, 5):
        agent_id, words, sector, flags, _note = cells
        check_sector(sector, f"{path.name}:{number}")
        flag_set = set(split_list(flags.replace(",", "|")))
        if flag_set - AGENT_FLAGS:
            raise EventWireError(
                f"{path.name}:{number}: unknown flag(s) {sorted(flag_set - AGENT_FLAGS)}"
            )
        agents.append(
            Agent(
                agent_id,
                split_list(words),
                sector,
                "weak" in flag_set,
                "alone" in flag_set,
                "local" in flag_set,
            )
        )
    return agents


def load_organisation_words(path: Path) -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    for number, cells in read_rows(path, 4):
        word, sector, in_country, _note = cells
        where = f"{path.name}:{number}"
        check_sector(sector, where)
        check_sector(in_country or sector, where)
        if word.lower() in words:
            raise EventWireError(f"{where}: {word!r} is listed twice")
        words[word.lower()] = (sector, in_country or sector)
    return words


def load_titles(path: Path) -> list[Title]:
    titles = []
    for number, cells in read_rows(path, 3):
        words, office, _note = cells
        if office not in OFFICES | {"leader", "counterpart"}:
            raise EventWireError(f"{path.name}:{number}: unknown office {office!r}")
        titles.append(Title(split_list(words), office))
    return titles


def load_persons(path: Path, countries: dict[str, Country], persons: dict[str, Person]) -> None:
    """Add the role terms of one person file; a person may span several lines and files."""
    for number, cells in read_rows(path, len(PERSON_COLUMNS)):
        person_id, name, aliases, country, sector, office, title, start, end, _note = cells
        where = f"persons/{path.name}:{number}"
        if not SLUG.match(person_id):
            raise EventWireError(f"{where}: person_id {person_id!r} is not a lowercase slug")
        if not name:
            raise EventWireError(f"{where}: empty name")
        check_country(country, countries, where)
        check_sector(sector, where)
        if office not in OFFICES:
            raise EventWireError(f"{where}: unknown office {office!r}")
        start_day, end_day = parse_day(start, where), parse_day(end, where)
        if start_day and end_day and not start_day < end_day:
            raise EventWireError(f"{where}: start {start} is not before end {end}")
        person = persons.setdefault(person_id, Person(person_id, name))
        if person.name != name and fold_accents(person.name) == fold_accents(name):
            person.aliases.add(name)  # the same name with and without accents: keep both forms
        elif person.name != name:
            raise EventWireError(
                f"{where}: {person_id} is named {name!r} here but {person.name!r} elsewhere"
            )
        person.aliases.update(split_list(aliases))
        person.terms.append(
            RoleTerm(country, sector, office, title, start_day, end_day, f"{path.name}:{number}")
        )
