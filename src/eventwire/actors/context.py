"""Article context: what an article says about itself outside its sentences, for the actors
its sentences leave unnamed.

A bare title ("The Prime Minister spoke to ...") or a pronoun with no antecedent in the
body is read, in this order, through: a name in apposition and the persons named earlier
(``titles``, ``coreference``); a government's own site as publisher (its titles are its
own); a person the title line names in that office; the dateline's country; the one
country the title line names; and the home country of an outlet written for a home
audience. Each answer says which of these it came from (the mention's ``basis``).

``read_context`` builds the context once per article; ``ContextReading`` is the pass's part
that asks it. Publishers come from ``data/publishers.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from eventwire.actors.kb import read_rows
from eventwire.actors.names import COUNTRY_KINDS, REGION_KINDS, fold, normalise_name
from eventwire.actors.state import PassState, ResolverParts
from eventwire.actors.words import LEADER_OFFICES
from eventwire.errors import EventWireError
from eventwire.model import Actor, Article, Mention

PUBLISHER_KINDS = frozenset({"government", "press", "generic"})
# Offices a bare title may take from the article's country (a bare "spokesman" names no office
# of any one country, and "counterpart" depends on the speaker).
CONTEXT_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "leader", "foreign_minister"}
    | {"defence_minister", "interior_minister"}
)
# Article flags that say its publication date is unknown (set by cleaning)
UNDATED_FLAGS = frozenset({"undated"})
# "NAIROBI —", "LAGOS, Nigeria (Reuters) -", "WASHINGTON (AP) —" at the start of the body
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s+(?P<where>[A-Z][A-Za-z.'’ -]+?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}(?:\s|$)"
)


@dataclass(frozen=True)
class Publisher:
    """One row of ``publishers.tsv``: whose outlet or site it is."""

    country: str | None
    kind: str
    name: str


@dataclass(frozen=True)
class TitlePerson:
    """A KB person the title line names, with their office on the article date."""

    actor: Actor
    office: str | None


@dataclass(frozen=True)
class ArticleContext:
    """Whose article it is and where it is from; empty for a bare sentence."""

    publisher: str | None = None  # country code of the publisher
    publisher_kind: str = ""  # government | press
    publisher_name: str = ""
    dateline: str | None = None  # country code of the dateline's place
    dateline_name: str = ""
    title_people: tuple[TitlePerson, ...] = ()
    title_countries: tuple[str, ...] = ()
    dated: bool = True  # False: no publication date, so no holder "on the date" is known

    def country_steps(self) -> list[tuple[str, str]]:
        """(country, why) in the order a bare title tries them, after the title's persons."""
        steps = []
        if self.dateline:
            steps.append(
                (self.dateline, f"the dateline ({self.dateline_name}) is in {self.dateline}")
            )
        if len(self.title_countries) == 1:
            (code,) = self.title_countries
            steps.append((code, f"the title line names {code}"))
        if self.publisher and self.publisher_kind == "press":
            steps.append(
                (self.publisher, f"the publisher ({self.publisher_name}) is from {self.publisher}")
            )
        return steps


NO_CONTEXT = ArticleContext()


class PublisherTable:
    """Outlet names, domains and country-code domains -> publisher."""

    def __init__(self, rows: dict[str, Publisher], countries: frozenset[str]) -> None:
        self.rows = rows
        self.countries = countries

    def by_name(self, outlet: str) -> Publisher | None:
        key = normalise_name(outlet).removeprefix("the ")
        found = self.rows.get(key) if key else None
        return found if found is not None and found.country else None

    def by_url(self, url: str) -> Publisher | None:
        """The publisher of a web address: its host or a domain above it, else its country-code
        domain; None for a domain that says nothing (``.com``, ``.tv``)."""
        found = self._by_host(url)
        return found if found is not None and found.country else None

    def _by_host(self, url: str) -> Publisher | None:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        host = host.removeprefix("www.")
        if not host:
            return None
        labels = host.split(".")
        for k in range(len(labels) - 1):  # the host, then each domain above it
            found = self.rows.get(".".join(labels[k:]))
            if found is not None:
                return found
        tld = labels[-1]
        found = self.rows.get(f".{tld}")
        if found is not None or len(tld) != 2:
            return found
        country = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
        if country is None or country.alpha_3 not in self.countries:
            return None
        return Publisher(country.alpha_3, "press", f".{tld}")


def load_publishers(path: Path, countries: frozenset[str]) -> PublisherTable:
    """Read and check ``publishers.tsv``: a known country (or - for a generic domain), a known
    kind, each name once."""
    rows: dict[str, Publisher] = {}
    for number, (names, country, kind, _note) in read_rows(path, 4):
        where = f"{path.name}:{number}"
        if kind not in PUBLISHER_KINDS:
            raise EventWireError(
                f"{where}: unknown kind {kind!r} (one of {sorted(PUBLISHER_KINDS)})"
            )
        if (country == "-") != (kind == "generic"):
            raise EventWireError(f"{where}: a generic domain has country -, any other row a code")
        if country != "-" and country not in countries:
            raise EventWireError(f"{where}: unknown country code {country!r}")
        first = names.split("|")[0]
        for name in names.split("|"):
            key = name.lower() if "." in name and " " not in name else normalise_name(name)
            key = key.removeprefix("the ")
            if not key:
                raise EventWireError(f"{where}: empty name")
            if key in rows:
                raise EventWireError(f"{where}: {name!r} is listed twice")
            rows[key] = Publisher(None if country == "-" else country, kind, first)
    return PublisherTable(rows, countries)


def read_context(
    parts: ResolverParts, article: Article, when: date, title_mentions: list[Mention]
) -> ArticleContext:
    """The context of one article from its outlet, URL, dateline and title line's mentions."""
    table = parts.publishers
    publisher = None
    if article.url:
        publisher = table.by_url(article.url)
    if publisher is None and article.outlet:
        publisher = table.by_name(article.outlet)
    dateline_name, dateline = read_dateline(parts, article)
    people = []
    countries = []
    for mention in title_mentions:
        actor = mention.actor
        if actor.kb_id and actor.kb_id.startswith("person:"):
            term = parts.kb.persons[actor.kb_id[7:]].term_at(when)
            people.append(TitlePerson(actor, term.office if term else None))
        elif actor.country in parts.kb.countries and actor.country not in countries:
            countries.append(actor.country)
    return ArticleContext(
        publisher=publisher.country if publisher else None,
        publisher_kind=publisher.kind if publisher else "",
        publisher_name=publisher.name if publisher else "",
        dateline=dateline,
        dateline_name=dateline_name,
        title_people=tuple(people),
        title_countries=tuple(countries),
        dated=article.published is not None
        and not any(flag.kind in UNDATED_FLAGS for flag in article.flags),
    )


def read_dateline(parts: ResolverParts, article: Article) -> tuple[str, str | None]:
    """(place, its country) of the dateline: the one cleaning read off ("Lagos, Nigeria"),
    else the opening words of the body ("NAIROBI —"); places the KB knows (countries,
    capitals, regions) or a country written after the place."""
    written = getattr(article, "dateline", "") or ""  # set by cleaning where it reads one
    if written:
        place, _, where = written.partition(",")
    else:
        # cleaning keeps an agency's dateline among the removed lines ("LAGOS (Reuters) -")
        openings = [*article.removed, article.text]
        match = next((m for text in openings if (m := DATELINE.match(text))), None)
        if match is None:
            return "", None
        place, where = match.group("place"), match.group("where") or ""
    place, where = place.strip(), where.strip()
    for name in (where, place):
        code = place_country(parts, name) if name else None
        if code:
            return (f"{place.title()}, {where}" if where else place.title()), code
    return "", None


def place_country(parts: ResolverParts, name: str) -> str | None:
    """The country of a country, capital or region name, in any case ("NAIROBI")."""
    for form in dict.fromkeys((name, name.title(), fold(name).title())):
        for target in parts.names.targets.get(form, ()):
            if target.kind in REGION_KINDS:
                return parts.kb.regions[target.ref].country
            if target.kind in COUNTRY_KINDS:
                return target.ref
    return None


class ContextReading(PassState):
    """Bare titles and antecedent-less pronouns read through the article's context."""

    def title_from_context(self, start: int, end: int, office: str) -> int | None:
        """A bare title no name and no earlier person resolved: the holder of that office
        the article's context points to, else nothing."""
        if office not in CONTEXT_OFFICES:
            return None
        context = self.context
        title_word = self.doc[start:end].text
        steps: list[tuple[str, str]] = []
        if context.publisher and context.publisher_kind == "government":
            why = (
                f"the publisher ({context.publisher_name}) is the government of {context.publisher}"
            )
            steps.append((context.publisher, why))
        for person in context.title_people:
            if same_office(person.office, office):
                actor = Actor(**{**person.actor.to_dict(), "text": ""})
                self.add(
                    start, end, actor, f"context: the title line names {actor.name}", person.office
                )
                return end
        for code, why in steps + context.country_steps():
            actor = self.context_holder(code, office, title_word)
            if actor is not None:
                self.add(start, end, actor, f"context: {why}", office)
                return end
        return None

    def context_holder(self, code: str, office: str, title_word: str) -> Actor | None:
        """The one holder of the office in ``code`` on the date whose title is the word used
        (a British "president" is nobody: the UK's head of state is the King)."""
        if office in LEADER_OFFICES or office == "leader":
            country = self.kb.countries.get(code)
            if office == "leader":
                holders = self.kb.holders(code, country.leader_office, self.when) if country else []
            else:
                holders = self.r.titled_holders(code, title_word, self.when)
        else:
            holders = self.kb.holders(code, office, self.when)
        if len({person.person_id for person, _term in holders}) != 1:
            return None
        person, term = holders[0]
        return Actor(
            person.name,
            term.country,
            term.sector,
            person.kb_id,
            self.r.role_text(term, self.when),
            "",
        )

    def pronoun_from_context(self, i: int) -> int | None:
        """ "He" before anyone is named in the body: the one KB person of the title line."""
        people = self.context.title_people
        if len(people) != 1 or any(ref.start < i for ref in self.people):
            return None
        actor = Actor(**{**people[0].actor.to_dict(), "text": ""})
        self.add(i, i + 1, actor, f"context: the title line names {actor.name}", people[0].office)
        return i + 1


def same_office(held: str | None, asked: str) -> bool:
    if held is None:
        return False
    if asked == "leader":
        return held in LEADER_OFFICES
    if asked == "head_of_state":
        return held in ("head_of_state", "collective_head_of_state")
    return held == asked
