"""The actor resolver: the knowledge base with its compiled matchers, and the actors it
builds (a country's government, an office holder on a date, a person in their role).

``find_mentions`` hands each document to ``document.find_mentions``; ``lookup``
answers the CLI for one name or short phrase, with the reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache

import spacy
from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from eventwire.actors import context, document, explain
from eventwire.actors.context import NO_CONTEXT, ArticleContext
from eventwire.actors.kb import (
    DATA_DIR,
    OFFICE_RANK,
    OFFICE_WORDS,
    Agent,
    Country,
    KnowledgeBase,
    Person,
    RoleTerm,
)
from eventwire.actors.names import (
    ADJECTIVE,
    COUNTRY,
    ENTITY,
    KIND_PRIORITY,
    METONYM,
    NATIONAL_KINDS,
    PEOPLE,
    PERSON,
    REGION,
    REGION_ADJECTIVE,
    REGION_KINDS,
    SURNAME,
    NameIndex,
    Target,
    fold,
    normalise_name,
    person_surnames,
    strip_article,
)
from eventwire.actors.phrases import PhraseTable
from eventwire.actors.settings import DEFAULT_SETTINGS, ResolverSettings
from eventwire.model import Actor, Article, Mention

KIND_WORDS = {
    COUNTRY: "country name",
    ADJECTIVE: "country adjective (demonym)",
    PEOPLE: "name for a country's people",
    METONYM: "capital or seat of government standing for its country",
    REGION: "region of a country",
    REGION_ADJECTIVE: "adjective of a region of a country",
    ENTITY: "organisation or armed group name",
    PERSON: "person name",
    SURNAME: "surname of a known person",
}
BASIS_WORDS = {
    "title": "a title with a country or an organisation: the office holder on the date",
    "demonym": "a country word with an agent word (that country's sector), or a people word "
    "(its civilians; an ethnic group's country of residence)",
    "agent": "a generic agent word",
    "fuzzy": "a spelling variant of a known name",
    "alias": "a known name",
    "metonym": "a capital or seat of government",
    "region": "a region: its country (and the agent's sector)",
    "place": "an agent word without a country word: the country its clause happens in",
}


@dataclass
class Resolution:
    """What ``lookup`` found for a name: the actor, the alternatives and why."""

    query: str
    actor: Actor | None
    candidates: list[Actor] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    basis: str = ""

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "actor": self.actor.to_dict() if self.actor else None,
            "basis": self.basis,
            "candidates": [c.to_dict() for c in self.candidates],
            "explanation": list(self.explanation),
        }


class ActorResolver:
    """Knowledge base plus compiled matchers; load once with ``ActorResolver.load()``."""

    def __init__(self, kb: KnowledgeBase, settings: ResolverSettings = DEFAULT_SETTINGS) -> None:
        self.kb = kb
        self.settings = settings
        self.names = NameIndex(kb)
        self.titles = PhraseTable(
            (tuple(w.lower().split()), t.office) for t in kb.titles for w in t.words
        )
        self.agents: PhraseTable = PhraseTable(
            (tuple(w.lower().split()), a) for a in kb.agents for w in a.words
        )
        tokenizer = spacy.blank("en").tokenizer  # "secretary-general": three tokens
        self.organisation_titles = PhraseTable(
            (tuple(t.lower_ for t in tokenizer(w)), kind)
            for w, kind in kb.organisation_titles.items()
        )
        self.longest_phrase = max(len(k) for k in (*self.titles, *self.agents))
        self.fuzzy_full = {
            normalise_name(term): target.ref
            for term, targets in self.names.targets.items()
            for target in targets
            if target.kind == PERSON and " " in term
        }
        self.fuzzy_places = {
            normalise_name(term): target
            for term, targets in self.names.targets.items()
            for target in targets
            if target.kind in NATIONAL_KINDS | {PEOPLE} and len(term) >= settings.fuzzy_min_length
        }
        self.fuzzy_surnames = {
            normalise_name(surname): p.person_id
            for p in kb.persons.values()
            for surname in person_surnames(p)
        }
        self.fuzzy_full_keys = list(self.fuzzy_full)
        self.fuzzy_surname_keys = list(self.fuzzy_surnames)
        self._fuzzy_cache: dict[tuple[str, bool], list[tuple[str, float]]] = {}

    @classmethod
    def load(cls) -> ActorResolver:
        return _load_default()

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Lower-cased single words of person and country names (for glued-word repair)."""
        words: set[str] = set()
        for person in self.kb.persons.values():
            for name in (person.name, *person.aliases):
                words.update(w.lower() for w in fold(name).replace("-", " ").split())
        for country in self.kb.countries.values():
            for name in (country.name, *country.aliases, *country.adjectives):
                words.update(w.lower() for w in fold(name).split())
        # Four letters at least: a shorter name ("Gro") is the start of too many English words.
        return frozenset(
            w
            for w in words
            if len(w) >= self.settings.glue_name_min_length and w.isalpha() and w not in STOP_WORDS
        )

    @cached_property
    def publishers(self) -> context.PublisherTable:
        """Outlets and web domains -> their country (``data/publishers.tsv``)."""
        return context.load_publishers(DATA_DIR / "publishers.tsv", frozenset(self.kb.countries))

    @cached_property
    def shared_surnames(self) -> frozenset[str]:
        """Surnames too common to name one office holder alone, judged from the KB itself:
        the surname of three KB persons or more, or a word another KB person has as a first
        name ("Ahmed", "Khan", "Hassan"). A lone one names a KB person only once the
        document has named that person in full."""
        owners: dict[str, set[str]] = {}
        first_names: dict[str, set[str]] = {}
        for person in self.kb.persons.values():
            names = (person.name, *person.aliases)
            for surname in person_surnames(person):
                owners.setdefault(normalise_name(surname), set()).add(person.person_id)
            for name in names:
                words = normalise_name(name).split()
                if len(words) >= 2:
                    first_names.setdefault(words[0], set()).add(person.person_id)
        return frozenset(
            surname
            for surname, people in owners.items()
            if len(people) >= 3 or first_names.get(surname, set()) - people
        )

    # ---- actors for KB entries ------------------------------------------------

    def country_actor(self, code: str, text: str, sector: str = "GOV") -> Actor:
        country = self.kb.countries.get(code)
        name = country.name if country else code
        return Actor(name, code, sector, f"country:{code}" if country else None, None, text)

    def person_actor(self, person: Person, when: date, text: str) -> Actor:
        term = person.nearest_term(when)
        if term is None:
            return Actor(person.name, None, None, person.kb_id, None, text)
        # CAMEO codes people out of office (former leaders, future ones) as elites, ELI.
        sector = term.sector if term.active(when) else "ELI"
        role = self.role_text(term, when)
        return Actor(person.name, term.country, sector, person.kb_id, role, text)

    def role_text(self, term: RoleTerm, when: date) -> str:
        country = self.kb.countries.get(term.country)
        says_whose = names_country(term.title, country) if country else True
        where = (
            "" if says_whose or term.source in self.kb.term_entities else f" of {country.in_text}"
        )
        if term.start and when < term.start:
            return f"{term.title}{where} (from {term.start.year})"
        former = "" if term.active(when) else "former "
        return f"{former}{term.title}{where}"

    def office_actor(
        self, code: str, office: str, when: date, text: str, title_word: str = "", phrase: str = ""
    ) -> tuple[Actor, str]:
        """The holder of an office on ``when``; the country's government if unknown.

        The title word decides first where the data has it: Iran's "president"
        is the holder titled President, not the head of state (the Supreme Leader).
        """
        country = self.kb.countries.get(code)
        if office == "leader" and country:
            office = country.leader_office
        holders = self.titled_holders(code, title_word, when) or self.kb.holders(code, office, when)
        if len(holders) > 1 and phrase:  # several spokespeople: "Kremlin spokesman" is the one
            words = {w for w in phrase.lower().replace("’s", "").split() if len(w) > 3}
            named = [(p, t) for p, t in holders if words <= set(t.title.lower().split())]
            holders = named or holders
        if len(holders) == 1:
            person, term = holders[0]
            actor = Actor(
                person.name,
                term.country,
                term.sector,
                person.kb_id,
                self.role_text(term, when),
                text,
            )
            return actor, office
        role = f"{OFFICE_WORDS.get(office, office)} of {country.in_text if country else code}"
        return Actor(role, code, "GOV", f"country:{code}", role, text), office

    def titled_holders(self, code: str, title_word: str, when: date) -> list:
        """Holders on ``when`` whose own title is the word used ("president" -> "President")."""
        word = (
            title_word.lower().rstrip("s")
            if title_word.lower().endswith("ents")
            else title_word.lower()
        )
        if not word:
            return []
        found = []
        for office in OFFICE_RANK:
            for person, term in self.kb.holders(code, office, when):
                title = term.title.lower()
                if title == word or title.startswith(word + " of"):
                    found.append((person, term))
        return found if len({p.person_id for p, _ in found}) == 1 else []

    def agent_actor(self, code: str, agent: Agent) -> Actor:
        """A country's agent ("Sudanese troops" -> "Sudan troops", SDN MIL)."""
        country = self.kb.countries.get(code)
        name = f"{country.name if country else code} {agent.agent_id.replace('_', ' ')}"
        return Actor(name, code, agent.sector, f"agent:{agent.agent_id}", None, "")

    def entity_actor(self, kb_id: str, text: str) -> Actor:
        entity = self.kb.entities[kb_id]
        return Actor(entity.name, entity.country, entity.sector, kb_id, None, text)

    # ---- the document pass ------------------------------------------------------

    def find_mentions(
        self, doc: Doc, when: date | None, article: Article | None = None
    ) -> list[Mention]:
        """Every actor mention in ``doc``, non-overlapping, in token order. With the
        ``article``, bare titles and pronouns may be read through its context (publisher,
        dateline, title line: ``context``)."""
        day = as_day(when)
        found = self.article_context(article, day) if article is not None else NO_CONTEXT
        return document.find_mentions(self, doc, day, found)

    def article_context(self, article: Article, when: date) -> ArticleContext:
        """The article's context; its title line is read without a parse (a few words)."""
        title = article.title.strip()
        mentions = self.find_mentions(self.names.tokenizer(title), when) if title else []
        return context.read_context(self, article, when, mentions)

    def lookup(self, name: str, when: date | None = None) -> Resolution:
        """Resolve a name or a short phrase ("Russian President") for the CLI."""
        when = as_day(when)
        query = strip_article(name.strip())
        explanation: list[str] = []
        targets = self.names.targets.get(query) or self.names.targets.get(fold(query))
        if not targets:
            norm = normalise_name(query)
            targets = [
                t
                for term, ts in self.names.targets.items()
                if normalise_name(term) == norm
                for t in ts
            ]
            if targets:
                explanation.append(f"{query!r} matches a known name ignoring case and punctuation")
        if targets:
            ordered = sorted(
                targets, key=lambda t: (KIND_PRIORITY[t.kind], self.time_rank(t, when))
            )
            actors = [self.target_actor(t, when, query) for t in ordered]
            kind = KIND_WORDS[ordered[0].kind]
            row = explain.target_row(self, ordered[0], when)
            explanation.append(f"{query!r} is a known {kind} ({actors[0].kb_id}; {row})")
            explanation += self.role_explanation(ordered[0], when)
            explanation += explain.candidate_reasons(self, ordered, when, KIND_WORDS)
            return Resolution(query, actors[0], actors[1:], explanation, "alias")
        person_id, score = self.fuzzy_person(query)
        if person_id:
            person = self.kb.persons[person_id]
            explanation.append(
                f"{query!r} is close to {person.name!r} (similarity {score:.0f} >= "
                f"{self.settings.fuzzy_full_name_cutoff:.0f}): a spelling or transliteration "
                "variant; no name matched exactly"
            )
            explanation += self.role_explanation(Target(PERSON, person_id), when)
            return Resolution(
                query, self.person_actor(person, when, query), [], explanation, "fuzzy"
            )
        doc = self.names.tokenizer(query)
        mentions = self.find_mentions(doc, when)
        if mentions:
            best = max(mentions, key=lambda m: m.end - m.start)
            explanation.append(
                f"{best.text!r} resolved by {best.basis}: {BASIS_WORDS.get(best.basis, '')}"
            )
            if best.actor.kb_id and best.actor.kb_id.startswith("person:"):
                explanation += self.role_explanation(Target(PERSON, best.actor.kb_id[7:]), when)
            explanation += explain.mention_reasons(self, doc, mentions, best, when)
            return Resolution(query, best.actor, [], explanation, best.basis)
        return Resolution(
            query,
            None,
            [],
            [
                f"{query!r} is not in the knowledge base: no name or alias, no spelling "
                f"variant (similarity >= {self.settings.fuzzy_full_name_cutoff:.0f}), title or "
                "agent word "
                "matched"
            ],
            "",
        )

    def time_rank(self, target: Target, when: date) -> tuple[int, int]:
        """People sharing a name: the one in office on ``when`` first, then the nearest in time."""
        if target.kind not in (PERSON, SURNAME):
            return 0, 0
        person = self.kb.persons[target.ref]
        term = person.term_at(when)
        if term:
            return 0, OFFICE_RANK.get(term.office, 9)
        near = person.nearest_term(when)
        edge = (near.end or near.start) if near else None
        return 1, abs((when - edge).days) if edge else 10**6

    def role_explanation(self, target: Target, when: date) -> list[str]:
        if target.kind not in (PERSON, SURNAME):
            return []
        person = self.kb.persons[target.ref]
        term = person.nearest_term(when)
        if term is None:
            return [f"{person.name} has no dated role in the KB"]
        span = f"{term.start or '…'} to {term.end or 'now'}"
        if term.unverified_after:  # the data stops there; it does not know an end of office
            span = f"{term.start or '…'} to {term.end}, its last verified day"
        status = "holds" if term.active(when) else "held"
        if term.start and when < term.start:
            status = "had not yet taken office as"
        return [f"on {when} {person.name} {status} {term.title} ({span}; {term.source})"]

    def target_actor(self, target: Target, when: date, text: str) -> Actor:
        if target.kind in (PERSON, SURNAME):
            return self.person_actor(self.kb.persons[target.ref], when, text)
        if target.kind == ENTITY:
            return self.entity_actor(target.ref, text)
        if target.kind == PEOPLE:
            return self.country_actor(target.ref, text, "CVL")
        if target.kind in REGION_KINDS:
            region = self.kb.regions[target.ref]
            return Actor(region.name, region.country, None, region.kb_id, None, text)
        return self.country_actor(target.ref, text)

    def fuzzy_place(self, text: str) -> Target | None:
        """A country, adjective or capital misspelt ("Afganistan", "Khatmandu")."""
        norm = normalise_name(text)
        if len(norm) < self.settings.fuzzy_min_length:
            return None
        best = process.extractOne(
            norm,
            self.fuzzy_places.keys(),
            scorer=fuzz.ratio,
            score_cutoff=self.settings.fuzzy_place_cutoff,
        )
        if best is None or best[0][0] != norm[0]:
            return None
        return self.fuzzy_places[best[0]]

    def fuzzy_candidates(self, norm: str, single: bool) -> list[tuple[str, float]]:
        """The nearest KB names (``settings.fuzzy_candidates``) to ``norm`` over the cutoff, remembered: an article
        repeats its names, and this scan over every KB name is the pass's costliest step."""
        key = (norm, single)
        found = self._fuzzy_cache.get(key)
        if found is None:
            choices = self.fuzzy_surname_keys if single else self.fuzzy_full_keys
            settings = self.settings
            cutoff = settings.fuzzy_surname_cutoff if single else settings.fuzzy_full_name_cutoff
            found = [
                (candidate, score)
                for candidate, score, _ in process.extract(
                    norm,
                    choices,
                    scorer=fuzz.ratio,
                    score_cutoff=cutoff,
                    limit=settings.fuzzy_candidates,
                )
            ]
            if len(self._fuzzy_cache) < settings.fuzzy_cache_size:
                self._fuzzy_cache[key] = found
        return found

    def fuzzy_person(self, text: str, when: date | None = None) -> tuple[str | None, float]:
        """A KB person whose name is a spelling variant of ``text``, with the score.

        A full name is compared with full names; a single word only with the
        surnames of people in office on ``when`` (when given), since a lone
        word close to some surname is too weak a clue on its own.
        """
        norm = HONORIFIC.sub("", normalise_name(text))
        if not norm:
            return None, 0.0
        single = " " not in norm
        if single and len(norm) < self.settings.fuzzy_min_length:
            return None, 0.0
        choices = self.fuzzy_surnames if single else self.fuzzy_full
        for candidate, score in self.fuzzy_candidates(norm, single):
            person_id = choices[candidate]
            if candidate[0] != norm[0] or not same_initials(norm, candidate):
                continue
            if single and when and self.kb.persons[person_id].term_at(when) is None:
                continue
            return person_id, score
        return None, 0.0


HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|dame|madam|mme|m) ")
# Short lower-case words that belong to names without being initials.
NAME_LINKS = frozenset(
    {
        "al",
        "el",
        "ad",
        "as",
        "an",
        "ar",
        "bin",
        "ibn",
        "de",
        "da",
        "do",
        "du",
        "la",
        "le",
        "di",
        "y",
    }
)


def same_initials(first: str, second: str) -> bool:
    """Initials must agree exactly: "George HW Bush" is not "George W. Bush"."""
    a, b = first.split(), second.split()
    if len(a) != len(b):
        return True
    return all(
        x == y
        for x, y in zip(a, b, strict=True)
        if min(len(x), len(y)) <= 2 and x not in NAME_LINKS and y not in NAME_LINKS
    )


def as_day(when: date | None) -> date:
    """The article date as a plain date (a datetime is cut to its day; None is today)."""
    if isinstance(when, datetime):
        return when.date()
    return when or date.today()


def names_country(title: str, country: Country) -> bool:
    """Does a title already say whose it is ("Kremlin Spokesman", "President of Russia")?"""
    words = set(title.replace("'s", "").split())
    forms = (country.name, *country.aliases, *country.adjectives, *country.metonyms)
    return any(
        strip_article(form) in title if " " in form else strip_article(form) in words
        for form in forms
    )


@lru_cache(maxsize=1)
def _load_default() -> ActorResolver:
    return ActorResolver(KnowledgeBase.load())
