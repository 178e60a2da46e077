"""The state one document's pass shares between its jobs: the parsed doc, the name-index
hits, per-token arrays, the mentions found so far and the persons to refer back to, plus
the small questions every job asks (is this token's sentence, is this a country word)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from spacy.attrs import IS_ALPHA, IS_STOP, LOWER, ORTH
from spacy.tokens import Doc, Span

from eventwire.actors.kb import Agent, KnowledgeBase, Person, Region, RoleTerm
from eventwire.actors.names import (
    COUNTRY_KINDS,
    KIND_PRIORITY,
    REGION_KINDS,
    NameIndex,
    Target,
    normalise_name,
)
from eventwire.actors.phrases import PhraseTable
from eventwire.actors.settings import ResolverSettings
from eventwire.actors.words import ANTECEDENT_DEPS
from eventwire.model import Actor, Mention
from eventwire.nlp import sentences

if TYPE_CHECKING:  # the context's module builds on this one
    from eventwire.actors.context import ArticleContext, PublisherTable


class ResolverParts(Protocol):
    """What the pass asks of the resolver: the KB, its compiled tables, the settings and
    the builders of actors for KB entries (``resolver.ActorResolver`` provides them)."""

    kb: KnowledgeBase
    names: NameIndex
    settings: ResolverSettings
    titles: PhraseTable
    agents: PhraseTable
    organisation_titles: PhraseTable  # "secretary-general", "chief": offices.py
    shared_surnames: frozenset[str]
    publishers: PublisherTable

    def country_actor(self, code: str, text: str, sector: str = "GOV") -> Actor: ...
    def person_actor(self, person: Person, when: date, text: str) -> Actor: ...
    def office_actor(
        self, code: str, office: str, when: date, text: str, title_word: str = "", phrase: str = ""
    ) -> tuple[Actor, str]: ...
    def agent_actor(self, code: str, agent: Agent) -> Actor: ...
    def entity_actor(self, kb_id: str, text: str) -> Actor: ...
    def fuzzy_person(self, text: str, when: date | None = None) -> tuple[str | None, float]: ...
    def fuzzy_place(self, text: str) -> Target | None: ...
    def titled_holders(self, code: str, title_word: str, when: date) -> list: ...
    def role_text(self, term: RoleTerm, when: date) -> str: ...


@dataclass
class PersonRef:
    """A resolved person (or office) in the document, for later coreference."""

    actor: Actor | None  # None: a person the KB does not know (still blocks pronouns)
    office: str | None
    person_id: str | None
    subject: bool
    start: int = 0
    surname: str = ""  # an unknown person's last name word, for a later lone surname


class PassState:
    """State of one document: the mentions so far and the persons to refer back to."""

    def __init__(
        self, resolver: ResolverParts, doc: Doc, when: date, context: ArticleContext
    ) -> None:
        self.r = resolver
        self.kb = resolver.kb
        self.settings = resolver.settings
        self.doc = doc
        self.when = when
        self.context = context
        self.parsed = doc.has_annotation("DEP")
        self.hits = {start: (end, targets) for start, end, targets in resolver.names.matches(doc)}
        self.mentions: list[Mention] = []
        self.taken: set[int] = set()
        self.people: list[PersonRef] = []
        # Per-token arrays computed once: the pass looks at every token several times.
        # (to_array reads the C struct: no Token objects, the slow part of a Python loop)
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, ORTH, IS_ALPHA, IS_STOP]).tolist()
        self.lower = [strings[row[0]] for row in rows]
        self.capitalised = [
            bool(alpha) and not stop and strings[orth][:1].isupper()
            for _lower, orth, alpha, stop in rows
        ]
        self.n = len(self.lower)
        ents = list(doc.ents)
        self.ent_of = {k: e for e in ents for k in range(e.start, e.end)}
        self.person_ents = {e.start: e for e in ents if e.label_ == "PERSON"}
        self.pronoun_of: dict[str, str] = {}
        self.sentence_starts = [sent.start for sent in sentences(doc)] if self.parsed else []
        self.place_ents = {e.start: e for e in ents if e.label_ in ("GPE", "LOC")}

    def add(
        self, start: int, end: int, actor: Actor, basis: str, office: str | None = None
    ) -> None:
        span = self.doc[start:end]
        actor.text = span.text
        self.mentions.append(
            Mention(start, end, span.start_char, span.end_char, span.text, actor, basis)
        )
        self.taken.update(range(start, end))
        is_person = bool(actor.kb_id and actor.kb_id.startswith("person:"))
        if is_person or office:
            person_id = actor.kb_id[7:] if is_person else None
            subject = self.is_subject(span)
            self.people.append(PersonRef(actor, office, person_id, subject, start))

    def note_unknown_person(self, start: int, end: int) -> None:
        """A named person the KB does not know: later "he"/"she" may mean them, not a KB person."""
        span = self.doc[start:end]
        words = [t.text for t in span if t.is_alpha]
        surname = normalise_name(words[-1]) if len(words) >= 2 else ""
        self.people.append(PersonRef(None, None, None, self.is_subject(span), start, surname))

    def is_subject(self, span: Span) -> bool:
        return self.parsed and span.root.dep_ in ANTECEDENT_DEPS

    def phrase_at(self, i: int, table: PhraseTable) -> tuple[int, object] | None:
        """Longest phrase of ``table`` (titles or agents) starting at token ``i``."""
        return table.longest_at(self.lower, i)

    def country_hit(self, i: int) -> tuple[int, str, str] | None:
        """(end, country code, kind) when a country name, adjective or metonym starts at ``i``."""
        if i not in self.hits or i in self.taken:
            return None
        end, targets = self.hits[i]
        for target in sorted(targets, key=lambda t: KIND_PRIORITY[t.kind]):
            if target.kind in REGION_KINDS:
                return end, self.kb.regions[target.ref].country, target.kind
            if target.kind in COUNTRY_KINDS:
                return end, target.ref, target.kind
        return None

    def region_at(self, i: int) -> Region | None:
        """The region named at ``i``, when ``country_hit`` found a region there."""
        targets = self.hits.get(i, (0, []))[1]
        ref = next((t.ref for t in targets if t.kind in REGION_KINDS), None)
        return self.kb.regions[ref] if ref else None

    def token_ent(self, i: int) -> Span | None:
        return self.ent_of.get(i)

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token ``i`` (the whole doc when unparsed)."""
        if not self.sentence_starts:
            return 0, self.n
        n = bisect_right(self.sentence_starts, i)
        stop = self.sentence_starts[n] if n < len(self.sentence_starts) else self.n
        return self.sentence_starts[n - 1], stop

    def sentence_distance(self, earlier: int, later: int) -> int:
        """How many sentence starts lie between two tokens (0 = same sentence)."""
        if not self.sentence_starts:
            return 0
        return bisect_right(self.sentence_starts, later) - bisect_right(
            self.sentence_starts, earlier
        )

    def sentence_countries(self, i: int) -> set[str]:
        """Countries of the mentions already found in the sentence of token ``i``."""
        if not self.parsed:
            return set()
        start = self.sentence_bounds(i)[0]
        return {m.actor.country for m in self.mentions if start <= m.start < i and m.actor.country}

    def is_plural(self, k: int) -> bool:
        token = self.doc[k]
        if self.parsed and token.tag_:
            return token.tag_ in ("NNS", "NNPS")
        return token.lower_.endswith("s") and not token.lower_.endswith("ss")

    def modifies_other_noun(self, start: int, end: int) -> bool:
        """An adjective that only describes a thing ("a Russian matter") is no actor."""
        if not self.parsed:
            return False
        head = self.doc[start:end].root
        return head.dep_ in ("amod", "compound", "nmod") and head.head.i >= end

    def known_office(self, actor: Actor) -> str | None:
        if actor.kb_id and actor.kb_id.startswith("person:"):
            term = self.kb.persons[actor.kb_id[7:]].term_at(self.when)
            return term.office if term else None
        return None
