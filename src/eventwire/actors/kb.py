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
        # any further office of state: cabinet ministers, vice presidents, deputy prime
        # ministers, chiefs of defence and intelligence, speakers, chief justices (several at once)
        "official",
    }
)
# Sectors of people who act for no state: rebels, militias, opposition, parties, criminals.
# Their terms never answer "the Lebanese leader"; their organisation's title does (offices.py).
NON_STATE_SECTORS = frozenset({"REB", "UAF", "OPP", "PTY", "CRM"})
# Offices several people may hold at once in one country.
COLLECTIVE_OFFICES = frozenset({"collective_head_of_state", "other", "official", "spokesperson"})
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
# A note saying the data could not confirm a term ("not verified", "to verify") must give the
# term's last verified day: an open term with such a note ends there instead of running on.
UNVERIFIED_NOTE = re.compile(
    r"not verified|to verify|unverified|to be verified|not recorded here", re.IGNORECASE
)
VERIFIED_TO = re.compile(r"verified to (\d{4}-\d{2}-\d{2})")
NAME_ORDERS = frozenset({"given_first", "family_first", "family_first_given_used", "native_alias"})
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ALPHA3 = re.compile(r"^[A-Z]{3}$")


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def strip_the(term: str) -> str:
    return term[4:] if term.startswith("the ") else term


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
    source: str = ""  # file:line, for explanations

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
    source: str = ""  # file:line, for explanations

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
    # The data could not confirm the term went on past ``end``: ``end`` is its last verified
    # day ("verified to YYYY-MM-DD" in the note), not a known end of office.
    unverified_after: bool = False

    def active(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class Person:
    person_id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    terms: list[RoleTerm] = field(default_factory=list)
    # How the name is ordered (name_order.tsv, by the country of the first term): decides
    # which word is the family name that stands alone ("Xi", "Yoon", "Orbán").
    name_order: str = "given_first"
    native_names: set[str] = field(default_factory=set)  # reversed-order aliases added on load

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
    "official": 8,
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
    # UN member -> the first day since 2000 it had its own head of state (un_members.tsv)
    un_members: dict[str, date] = field(default_factory=dict)
    # title word -> head | spokesperson | founder, for organisations' office holders
    organisation_titles: dict[str, str] = field(default_factory=dict)

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
        apply_name_orders(persons, load_name_orders(data_dir / "name_order.tsv", countries))
        return cls(
            countries=countries,
            entities=entities,
            persons=persons,
            agents=load_agents(data_dir / "agents.tsv"),
            titles=load_titles(data_dir / "titles.tsv"),
            regions=load_regions(data_dir / "regions.tsv", countries),
            organisation_words=load_organisation_words(data_dir / "organisation_words.tsv"),
            un_members=load_un_members(data_dir / "un_members.tsv", countries),
            organisation_titles=load_organisation_titles(data_dir / "organisation_titles.tsv"),
        )

    @cached_property
    def office_index(self) -> dict[tuple[str, str], list[tuple[Person, RoleTerm]]]:
        index: dict[tuple[str, str], list[tuple[Person, RoleTerm]]] = {}
        for person in self.persons.values():
            for term in person.terms:
                index.setdefault((term.country, term.office), []).append((person, term))
        return index

    @cached_property
    def entity_terms(self) -> dict[str, list[tuple[Person, RoleTerm]]]:
        """Organisation or group kb_id -> the role terms whose title names it.

        A person's row has no organisation column: the title says whose office it is
        ("Secretary General of NATO", "Secretary-General of Hezbollah"). The longest known
        name or alias of an organisation inside the title, case and word-bounded, decides.
        """
        forms = {
            strip_the(term): kb_id
            for kb_id, entity in self.entities.items()
            for term in (entity.name, *entity.aliases)
            if len(strip_the(term)) >= 2
        }
        ordered = sorted(forms, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")
        index: dict[str, list[tuple[Person, RoleTerm]]] = {}
        for person in self.persons.values():
            for term in person.terms:
                found = max(pattern.findall(term.title), key=len, default=None)
                if found:
                    index.setdefault(forms[found], []).append((person, term))
        return index

    @cached_property
    def term_entities(self) -> dict[str, str]:
        """A role term's source (file:line) -> the organisation its title names."""
        return {t.source: kb_id for kb_id, pairs in self.entity_terms.items() for _, t in pairs}

    def holders(self, country: str, office: str, when: date) -> list[tuple[Person, RoleTerm]]:
        """Who held ``office`` in ``country`` on ``when`` (several for collective offices)."""
        offices = [office]
        if office == "head_of_state":
            offices.append("collective_head_of_state")
        return [
            (person, term)
            for name in offices
            for person, term in self.office_index.get((country, name), [])
            if term.active(when) and term.sector not in NON_STATE_SECTORS
        ]

    def counts(self) -> dict[str, int]:
        return {
            "countries": len(self.countries),
            "organisations": sum(e.kind == "organisation" for e in self.entities.values()),
            "armed_groups": sum(e.kind == "armed_group" for e in self.entities.values()),
            "regions": len(self.regions),
            "persons": len(self.persons),
            "person_terms": sum(len(p.terms) for p in self.persons.values()),
            "non_state_leaders": sum(
                any(t.sector in NON_STATE_SECTORS for t in p.terms) for p in self.persons.values()
            ),
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
            source=where,
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
        yield Entity(kind, entity_id, name, split_list(aliases), country, sector, where)


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


ORGANISATION_TITLE_KINDS = frozenset({"head", "spokesperson", "founder"})


def load_organisation_titles(path: Path) -> dict[str, str]:
    """Title word -> which holder of an organisation it means (organisation_titles.tsv)."""
    titles: dict[str, str] = {}
    for number, cells in read_rows(path, 3):
        words, kind, _note = cells
        where = f"{path.name}:{number}"
        if kind not in ORGANISATION_TITLE_KINDS:
            raise EventWireError(f"{where}: unknown kind {kind!r}")
        for word in split_list(words):
            if word.lower() in titles:
                raise EventWireError(f"{where}: {word!r} is listed twice")
            titles[word.lower()] = kind
    return titles


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
        person_id, name, aliases, country, sector, office, title, start, end, note = cells
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
        unverified = not end_day and bool(UNVERIFIED_NOTE.search(note))
        if unverified:
            end_day = last_verified_day(note, where)
        skip = unverified and start_day is not None and end_day <= start_day
        if start_day and end_day and not start_day < end_day and not skip:
            raise EventWireError(f"{where}: start {start} is not before end {end}")
        person = persons.setdefault(person_id, Person(person_id, name))
        if person.name != name and fold_accents(person.name) == fold_accents(name):
            person.aliases.add(name)  # the same name with and without accents: keep both forms
        elif person.name != name:
            raise EventWireError(
                f"{where}: {person_id} is named {name!r} here but {person.name!r} elsewhere"
            )
        person.aliases.update(split_list(aliases))
        if skip:  # the term's very start is unverified: the name is known, the term is not
            continue
        person.terms.append(
            RoleTerm(
                country,
                sector,
                office,
                title,
                start_day,
                end_day,
                f"{path.name}:{number}",
                unverified,
            )
        )


def last_verified_day(note: str, where: str) -> date:
    """The "verified to YYYY-MM-DD" day an unverified open term ends on (rule in kb docs)."""
    found = VERIFIED_TO.search(note)
    if found is None:
        raise EventWireError(
            f"{where}: the note says the term is not verified but gives no "
            "'verified to YYYY-MM-DD' day for it to end on"
        )
    day = parse_day(found.group(1), where)
    assert day is not None
    return day


def load_name_orders(path: Path, countries: dict[str, Country]) -> dict[str, str]:
    """Country code -> how its people's names are ordered (see name_order.tsv)."""
    orders: dict[str, str] = {}
    for number, cells in read_rows(path, 3):
        code, order, _note = cells
        where = f"{path.name}:{number}"
        check_country(code, countries, where)
        if order not in NAME_ORDERS:
            raise EventWireError(f"{where}: unknown name order {order!r}")
        if code in orders:
            raise EventWireError(f"{where}: country {code} is listed twice")
        orders[code] = order
    return orders


def load_un_members(path: Path, countries: dict[str, Country]) -> dict[str, date]:
    """UN member code -> the first day it had a head of state of its own since 2000."""
    members: dict[str, date] = {}
    for number, cells in read_rows(path, 3):
        code, since, _note = cells
        where = f"{path.name}:{number}"
        if code not in countries:
            raise EventWireError(f"{where}: unknown country code {code!r}")
        day = parse_day(since, where)
        if day is None or code in members:
            raise EventWireError(f"{where}: {code} needs one 'since' date")
        members[code] = day
    return members


def apply_name_orders(persons: dict[str, Person], orders: dict[str, str]) -> None:
    """Give each person their country's name order; where English news writes the given name
    first but the native order is the reverse (Japanese, Hungarian), accept that order too."""
    for person in persons.values():
        order = orders.get(person.terms[0].country, "given_first") if person.terms else ""
        person.name_order = order or "given_first"
        if order == "native_alias":
            for name in (person.name, *sorted(person.aliases)):
                words = name.split()
                if len(words) == 2 and all(w[:1].isupper() for w in words):
                    native = f"{words[1]} {words[0]}"
                    if native not in person.aliases and native != person.name:
                        person.aliases.add(native)
                        person.native_names.add(native)


DUPLICATE_NAME_SCORE = 95.0  # "Bajamal" ~ "Bajammal" scores 97; two Saudi princes at most 93


def comparable_name(name: str) -> str:
    """Folded, lower-case, punctuation-free form for telling whether two rows name one person."""
    text = re.sub(r"[-‐–.,'’()]", " ", fold_accents(name).replace("ı", "i").lower())
    return " ".join(text.split())


def duplicate_persons(kb: KnowledgeBase) -> list[str]:
    """Pairs of person ids that look like one person listed twice.

    Two ids are one person when one of their names (or aliases) is the same or nearly
    the same (spelling variants) and either they held terms in one country at overlapping
    times, or one of them is an international official (an IGO term) with a national
    career under the other id. Two people of one name at different times (Latvia's two
    Andris Bērziņš) are not flagged.
    """
    from rapidfuzz import fuzz

    names = {
        p.person_id: {comparable_name(n) for n in (p.name, *p.aliases)} for p in kb.persons.values()
    }
    by_word: dict[str, set[str]] = {}
    for person_id, forms in names.items():
        for form in forms:
            if len(form.split()) >= 2:
                by_word.setdefault(form.split()[-1][:4], set()).add(person_id)
    found: set[tuple[str, str]] = set()
    for ids in by_word.values():
        ordered = sorted(ids)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                score = max(fuzz.ratio(a, b) for a in names[first] for b in names[second])
                if score >= DUPLICATE_NAME_SCORE and same_career(
                    kb.persons[first], kb.persons[second]
                ):
                    found.add((first, second))
    return [f"{a} and {b}" for a, b in sorted(found)]


def same_career(first: Person, second: Person) -> bool:
    """Overlapping terms in one country, or an international official and a national one."""
    for a in first.terms:
        for b in second.terms:
            if "IGO" in (a.country, b.country) and a.country != b.country:
                return True
            if a.country != b.country:
                continue
            if (a.start or date.min) < (b.end or date.max) and (b.start or date.min) < (
                a.end or date.max
            ):
                return True
    return False
