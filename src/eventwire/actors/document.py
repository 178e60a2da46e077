"""One document's pass: find the actor mentions in a parsed Doc, left to right.

Mentions come from the name index (countries, regions, organisations, armed
groups, persons) and from two small word tables (titles and agent words). A
country word may carry a title ("the Belarusian president" -> the office holder
on the article date) or an agent word ("Sudanese troops" -> SDN MIL). Within
the document, surnames, bare titles and he/she point back to the persons
already resolved.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from spacy.attrs import IS_ALPHA, IS_STOP, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import OFFICE_RANK, OFFICE_WORDS, Agent, Person, Region
from eventwire.actors.names import (
    ADJECTIVE,
    COUNTRY_KINDS,
    KIND_PRIORITY,
    METONYM,
    PEOPLE,
    PERSON,
    REGION_ADJECTIVE,
    REGION_KINDS,
    SURNAME,
    Target,
    normalise_name,
    surnames_of,
)
from eventwire.model import Actor, Mention
from eventwire.nlp import sentences

if TYPE_CHECKING:
    from eventwire.actors.resolver import ActorResolver, PhraseTable

# Lower-case words inside personal names ("Omar al-Bashir", "Luiz Inácio Lula da Silva").
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "ben",
        "abu",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "du",
        "la",
        "le",
        "di",
        "del",
        "y",
    ]
)
# Agent words that name an organisation's (or a person's government's) own members.
MEMBER_SECTORS = frozenset({"GOV", "MIL", "UAF", "REB", "COP", "OPP", "PTY", "LEG", "JUD"})
# Entity types a lone surname cannot carry ("in May"); place tags are left out because the
# small model often tags a lone foreign surname as GPE ("met Erdogan").
NOT_PERSON_ENTS = frozenset(
    [
        "DATE",
        "TIME",
        "FAC",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "PRODUCT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "PERCENT",
        "LANGUAGE",
    ]
)
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nn"})
# "the parliament of Poland", "police in Nairobi", "students across Indonesia", "troops from Chad"
AGENT_PLACE_WORDS = frozenset({"of", "in", "across", "throughout", "from"})
LOCATED_WORDS = frozenset({"based", "headquartered", "located", "operating"})
FORMER_WORDS = frozenset({"former", "late", "ex", "ousted", "deposed"})
PRONOUN_WINDOW = 2  # "he"/"she" look back at most two sentences
POSSESSIVE = frozenset({"'s", "’s", "'"})
LIST_INTRO = frozenset({"from", "of", "in"})
# Verbs of coming and going: "arrived in Syria" says where people went, not whose they are.
MOTION_VERBS = frozenset(
    {"arrive", "travel", "flee", "come", "return", "go", "move", "cross", "enter", "reach"}
    | {"escape", "migrate", "relocate", "land", "fly", "end", "head", "smuggle", "deport"}
)
FOREIGN_WORDS = frozenset({"foreign", "international", "overseas", "expatriate", "visiting"})
LEADER_OFFICES = frozenset({"head_of_state", "head_of_government", "collective_head_of_state"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A verbless fragment ("Russian President Vladimir Putin by phone with ...") has its actor as root.
ANTECEDENT_DEPS = SUBJECT_DEPS | {"ROOT"}
PRONOUNS = frozenset({"he", "she"})
# Words between "ethnic Albanians in" and the country: "in (the) south(ern) Serbia".
RESIDENCE_SKIP = frozenset(
    {"the", "south", "southern", "north", "northern", "east", "eastern", "west", "western"}
    | {"central", "northeast", "northeastern", "northwest", "northwestern", "southeast"}
    | {"southeastern", "southwest", "southwestern"}
)
# A leader's name before these words names their government, in office or not ("the Bush
# administration", "the Assad regime").
NAMED_GOVERNMENT_WORDS = frozenset({"administration", "government", "regime", "cabinet"})
# "Iranian-backed militias", "US-funded forces": the country backs the actor, it is not its
# country (CAMEO codes the militia itself; the backer is no party to what the militia does).
BACKING_WORDS = frozenset(
    {"backed", "supported", "funded", "sponsored", "allied", "aligned", "armed", "trained"}
    | {"financed", "bankrolled", "equipped"}
)


@dataclass
class PersonRef:
    """A resolved person (or office) in the document, for later coreference."""

    actor: Actor | None  # None: a person the KB does not know (still blocks pronouns)
    office: str | None
    person_id: str | None
    subject: bool
    start: int = 0
    surname: str = ""  # an unknown person's last name word, for a later lone surname


class DocumentPass:
    """State of one document: the mentions so far and the persons to refer back to."""

    def __init__(self, resolver: ActorResolver, doc: Doc, when: date) -> None:
        self.r = resolver
        self.kb = resolver.kb
        self.doc = doc
        self.when = when
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

    def run(self) -> list[Mention]:
        i = 0
        while i < self.n:
            if i in self.taken or not self.may_start(i):
                i += 1
                continue
            i = self.step(i)
        return sorted(self.mentions, key=lambda m: m.start)

    def may_start(self, i: int) -> bool:
        """Could any attempt in ``step`` find something at ``i``? (Most tokens are plain words
        that no attempt can use; this check is the same tests, done once and cheaply.)"""
        word = self.lower[i]
        return (
            self.capitalised[i]
            or i in self.hits
            or word in self.r.titles.sizes
            or word in self.r.agents.sizes
            or word in PRONOUNS
            or i in self.place_ents
            or i in self.person_ents
        )

    def step(self, i: int) -> int:
        """Try each kind of mention at token ``i``; return where to go on."""
        attempts = (
            self.at_organisation,
            self.at_hit,
            self.at_fuzzy,
            self.at_title,
            self.at_agent,
            self.at_pronoun,
        )
        for attempt in attempts:
            nxt = attempt(i)
            if nxt is not None:
                return max(nxt, i + 1)
        return i + 1

    # ---- building blocks ------------------------------------------------------------

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

    def country_list(self, i: int, regions: bool = False) -> list[tuple[int, int, str]]:
        """Coordinated countries from token ``i``: "Belarus, Uzbekistan and Kazakhstan, as well as
        Turkey"; regions and capitals only where asked ("rebels in Darfur", "police in Nairobi";
        not "the president of Chechnya" or "..., the Kremlin said")."""
        found: list[tuple[int, int, str]] = []
        j = i
        while j < self.n:
            if self.lower[j] == "the":
                j += 1
            hit = self.country_hit(j)
            if hit is None:
                break
            end, code, kind = hit
            if kind in (ADJECTIVE, REGION_ADJECTIVE) or (
                kind in REGION_KINDS | {METONYM} and not regions
            ):
                break  # "the leaders of Belarus and Uzbekistan, the Kremlin said": list ends
            found.append((j, end, code))
            j = end
            k = j
            while k < self.n and self.joiner_at(k):
                k = self.joiner_at(k)
            if k == j:
                break
            j = k
        return found

    def joiner_at(self, k: int) -> int | None:
        if k >= self.n:
            return None
        if self.lower[k] in {",", "and", "or", "&"}:
            return k + 1
        if self.lower[k : k + 3] == ["as", "well", "as"]:
            return k + 3
        return None

    def name_after(
        self, j: int, code: str | None = None, office: str | None = None
    ) -> tuple[int, Actor | None, str] | None:
        """A person name right after a title: a KB person (end, actor, basis) or an unknown name.

        With a title's country and office, a KB person must fit them: "Israeli Prime
        Minister Benjamin" is not a South Sudanese minister surnamed Benjamin."""
        if j >= self.n or j in self.taken:
            return None
        found = self.resolve_name(j, after_title=True)
        if found is None:
            return None
        end, person, basis = found
        if person is None or not self.fits_title(person, end - j == 1, code, office):
            return end, None, "title"
        return end, self.r.person_actor(person, self.when, ""), basis

    def fits_title(
        self, person: Person, single: bool, code: str | None, office: str | None
    ) -> bool:
        if code and all(t.country != code for t in person.terms):
            return False
        if not single or office in (None, "counterpart", "leader"):
            return True
        if any(ref.person_id == person.person_id for ref in self.people):
            return True
        offices = {office, "collective_head_of_state"} if office == "head_of_state" else {office}
        return any(t.office in offices for t in person.terms)

    def resolve_name(
        self, j: int, after_title: bool = False
    ) -> tuple[int, Person | None, str] | None:
        """The person named by the run of name words at ``j``: (end, person or None, basis).

        The whole run decides: an exact name or alias covering it, else a
        spelling variant of a full name, else a known surname closing it whose
        other words belong to that person. "Hosni Mubarak" is not the Yemeni
        "bin Mubarak", and a first name alone ("Omar") never picks a person.
        """
        run_end = self.name_run_end(j)
        if not after_title and run_end == j:
            return None
        hit = self.hits.get(j)
        person_targets = [t for t in hit[1] if t.kind in (PERSON, SURNAME)] if hit else []
        if hit and not person_targets:
            return None  # a country or organisation name is no person's name
        if hit and person_targets and hit[0] >= run_end:
            return hit[0], self.pick_person(person_targets), "alias"
        if run_end - j >= 2:
            person_id, _score = self.r.fuzzy_person(self.doc[j:run_end].text, self.when)
            if person_id:
                return run_end, self.kb.persons[person_id], "fuzzy"
            for k in range(j + 1, run_end):
                inner = self.hits.get(k)
                if not inner or inner[0] != run_end:
                    continue
                fits = [
                    t
                    for t in inner[1]
                    if t.kind in (PERSON, SURNAME) and self.words_fit(j, k, t.ref)
                ]
                if fits:
                    return run_end, self.pick_person(fits), "alias"
        if run_end > j:
            return run_end, None, "unknown"
        return None

    def words_fit(self, start: int, end: int, person_id: str) -> bool:
        """Are the name words in start..end (first names) part of this person's names?"""
        person = self.kb.persons[person_id]
        surname = normalise_name(self.doc[end].text) if end < self.n else ""
        known = {
            word
            for name in (person.name, *person.aliases)
            for word in normalise_name(name).split()
            if word != surname  # "Hassan Hassan" is not Raya El Hassan
        }
        words = normalise_name(self.doc[start:end].text).split()
        return all(w in known or w in NAME_PARTICLES for w in words)

    def pick_person(self, targets: list[Target]) -> Person:
        """Several people share a name: the one already in the document, else the one in
        office on the date (the most senior office first), else the one nearest in time."""
        ids = list(dict.fromkeys(t.ref for t in targets))
        for ref in reversed(self.people):
            if ref.person_id in ids:
                return self.kb.persons[ref.person_id]
        persons = [self.kb.persons[i] for i in ids]

        def distance(person: Person) -> tuple[int, int]:
            term = person.term_at(self.when)
            if term:
                return 0, OFFICE_RANK.get(term.office, 9)
            near = person.nearest_term(self.when)
            if near is None:
                return 1, 10**6
            edge = near.end if near.end and near.end <= self.when else near.start
            return 1, abs((self.when - edge).days) if edge else 10**6

        return min(persons, key=distance)

    # ---- attempts -------------------------------------------------------------------

    def at_hit(self, i: int) -> int | None:
        if i not in self.hits:
            return None
        end, targets = self.hits[i]
        target = min(targets, key=lambda t: KIND_PRIORITY[t.kind])
        if target.kind in COUNTRY_KINDS:
            inside = self.token_ent(i)
            if inside is not None and inside.label_ == "PERSON" and inside.start < i:
                return None  # "Michael Jordan" is no country
            return self.at_country(i)
        if target.kind in (PERSON, SURNAME):
            return self.at_person(i)
        if target.kind == PEOPLE:
            return self.people_mention(i, end, target.ref)
        actor = self.r.entity_actor(target.ref, "")
        end = self.extend_over_agents(end)
        self.add(i, end, actor, "alias")
        return end

    def at_organisation(self, i: int) -> int | None:
        """A named organisation the KB does not know ("the Kenya Human Rights Commission").

        Its name's last word gives its sector (``organisation_words.tsv``), a country named
        in it or owning it ("Kenya's Orange Democratic Movement") its country; the actor has
        no KB id. Names the KB knows in full, or that hold a known organisation, person or
        armed group, are left to the other attempts.
        """
        ent = self.ent_of.get(i)
        if ent is None or ent.label_ != "ORG":
            return None
        start = ent.start + (self.lower[ent.start] == "the")
        if i != start or ent.end - start < 2:
            return None
        found = self.kb.organisation_words.get(self.lower[ent.end - 1])
        if found is None:
            return None
        country = None
        for k in range(start, ent.end):
            if k in self.hits:
                hit = self.country_hit(k)
                if hit is None:
                    return None  # a known name inside: the KB resolves it
                country = country or hit[1]
        if country is None and start >= 2 and self.lower[start - 1] in POSSESSIVE:
            owner = next((m for m in self.mentions if m.end == start - 1), None)
            country = owner.actor.country if owner else None
        sector = found[1] if country else found[0]
        if country is None and sector in ("NGO", "IGO"):
            country = sector  # an international NGO, as the KB codes Amnesty (NGO NGO)
        name = self.doc[start : ent.end].text
        self.add(start, ent.end, Actor(name, country, sector, None, None, ""), "organisation name")
        return ent.end

    def at_person(self, i: int) -> int | None:
        """A person's name (full, alias or surname), possibly heading an agent phrase."""
        ent = self.token_ent(i)
        if (
            ent is not None
            and ent.label_ == "PERSON"
            and ent.start < i
            and ent.start not in self.taken
        ):
            return None  # a surname inside a longer name the run at its start already judged
        found = self.resolve_name(i)
        if found is None:
            return None
        end, person, basis = found
        if person is None:
            self.note_unknown_person(i, end)
            return end  # an unknown person: skip the whole name, no mention
        single = end - i == 1
        known = any(p.person_id == person.person_id for p in self.people)
        if single and not self.lone_surname_is_kb_person(i, person):
            self.note_unknown_person(i, end)
            return end
        if single and not known and not self.surname_alone_fits(i, person):
            return self.leader_government(i, person)
        if known and basis == "alias" and single:
            basis = "coref"
        actor = self.r.person_actor(person, self.when, "")
        title = self.possessive_title(end) if actor.country in self.kb.countries else None
        if title:  # "Putin's spokesman Dmitry Peskov"
            words = self.doc[end + 1 : title[0]].text
            self.country_title(i, title[0], actor.country, title[1], True, words)
            return max(m.end for m in self.mentions)
        agent_end = self.extend_over_agents(end)
        if agent_end > end and actor.country:  # "Bush administration", "X's opposition party"
            agent = self.agent_ending(end, agent_end)
            self.add(i, agent_end, self.r.agent_actor(actor.country, agent), "agent")
            return agent_end
        term = person.term_at(self.when)
        self.add(i, end, actor, basis, term.office if term else None)
        return end

    def lone_surname_is_kb_person(self, i: int, person: Person) -> bool:
        """May a lone surname at ``i`` mean this KB person? Not when the last person of that
        surname named in full here is someone the KB does not know ("Ilham Ahmed ... Ahmed
        said" is not Abiy Ahmed), nor, for a surname many people share, before the KB
        person was named in full."""
        word = normalise_name(self.doc[i].text)
        for ref in reversed(self.people):
            if ref.person_id == person.person_id:
                return True
            if ref.actor is None and ref.surname == word:
                return False
        return word not in self.r.shared_surnames

    def shared_surname_unnamed(self, person: Person) -> bool:
        """Does this person have a surname many share and no full mention here yet?"""
        if any(ref.person_id == person.person_id for ref in self.people):
            return False
        surnames = {normalise_name(s) for s in surnames_of((person.name, *person.aliases))}
        return not surnames.isdisjoint(self.r.shared_surnames)

    def leader_government(self, i: int, person: Person) -> int | None:
        """ "the Bush administration": a national leader's surname before a government word is
        that leader's government, whatever the article date."""
        k = i + 1
        if k >= self.n or self.lower[k] not in NAMED_GOVERNMENT_WORDS:
            return None
        if self.parsed and self.doc[i].pos_ != "PROPN":
            return None
        leaders = [t for t in person.terms if t.office in LEADER_OFFICES]
        if not leaders:
            return None
        actor = self.r.country_actor(leaders[-1].country, "")
        actor = Actor(f"{self.doc[i : k + 1].text}", actor.country, "GOV", actor.kb_id)
        self.add(i, k + 1, actor, "agent")
        return k + 1

    def possessive_title(self, end: int) -> tuple[int, str] | None:
        """A title right after "'s" at ``end``: (title end, office)."""
        if end + 1 >= self.n or self.lower[end] not in POSSESSIVE:
            return None
        return self.phrase_at(end + 1, self.r.titles)

    def token_ent(self, i: int) -> Span | None:
        return self.ent_of.get(i)

    def surname_alone_fits(self, i: int, person: Person) -> bool:
        """A lone surname ("Trump", "Green") names a KB person only when that person holds an
        office on the article date and the word is used as a name here."""
        token = self.doc[i]
        if person.term_at(self.when) is None:
            return False
        if not self.parsed:
            return True
        return token.pos_ in ("PROPN", "NOUN") and token.ent_type_ not in NOT_PERSON_ENTS

    def agent_ending(self, start: int, end: int) -> Agent:
        """The agent whose words end at ``end`` (the last agent phrase in start..end)."""
        k = start + 1 if self.lower[start] in POSSESSIVE else start
        found = self.phrase_at(k, self.r.agents)
        return found[1]

    def extend_over_agents(self, j: int) -> int:
        """Swallow the organisation's own people after its name ("Wagner fighters", "Hamas's
        militants", "NATO officials"); "Isis families" are not the group itself."""
        k = j + 1 if j < self.n and self.lower[j] in POSSESSIVE else j
        found = self.phrase_at(k, self.r.agents)
        if found and found[1].sector in MEMBER_SECTORS:
            return found[0]
        return j

    def at_country(self, i: int) -> int | None:
        """A country word, alone or heading a title/agent phrase; coordination shares the head."""
        group = [self.country_hit(i)]
        starts = [i]
        j = group[0][0]
        while True:  # "Turkish and Greek sides", "Russian and Belarusian presidents"
            k = self.joiner_at(j)
            if k is None or self.country_hit(k) is None:
                break
            nxt = self.country_hit(k)
            if nxt[2] != group[0][2]:
                break
            starts.append(k)
            group.append(nxt)
            j = nxt[0]
        backed = self.backing_end(j)
        if backed is not None:
            return backed  # the backer: the militia after it is an actor of its own
        head_start = j + 1 if j < self.n and self.lower[j] in POSSESSIVE else j
        title = self.phrase_at(head_start, self.r.titles)
        agent = self.agent_phrase(head_start, starts[-1])
        if len(group) > 1 and not (title or agent):
            group, starts = group[:1], starts[:1]
            j = group[0][0]
            head_start = j + 1 if j < self.n and self.lower[j] in POSSESSIVE else j
            title = self.phrase_at(head_start, self.r.titles)
            agent = self.agent_phrase(head_start, starts[0])
        for n, (start, (end, code, kind)) in enumerate(zip(starts, group, strict=True)):
            last = n == len(group) - 1
            region = self.region_at(start) if kind in REGION_KINDS else None
            if region is not None:
                self.region_mention(start, end, region, title, agent, last)
                continue
            if title:
                words = self.doc[head_start : title[0]].text
                self.country_title(
                    start, end if not last else title[0], code, title[1], last, words, len(group)
                )
            elif agent:
                agent_end, found = agent
                actor = self.r.agent_actor(code, found)
                if last:
                    agent_end, actor = self.named_agent(agent_end, actor)
                self.add(start, agent_end if last else end, actor, "demonym")
            elif kind == ADJECTIVE:
                self.adjective_alone(start, end, code)
            else:
                self.add(
                    start,
                    end,
                    self.r.country_actor(code, ""),
                    "metonym" if kind == METONYM else "alias",
                )
        return max(m.end for m in self.mentions) if self.mentions else i + 1

    def backing_end(self, j: int) -> int | None:
        """End of "-backed" (or " backed") at ``j`` after a country word, else None."""
        k = j + 1 if j < self.n and self.lower[j] == "-" else j
        if k >= self.n or self.lower[k] not in BACKING_WORDS:
            return None
        if self.phrase_at(k, self.r.agents):
            return None  # "US armed forces" are the US military
        return k + 1 if k > j or self.hyphenless_ok(k) else None

    def hyphenless_ok(self, k: int) -> bool:
        """ "US backed forces": without a hyphen "backed" must describe the noun after it,
        not be the verb ("Russia backed the plan")."""
        if k + 1 >= self.n or not self.parsed:
            return False
        return self.doc[k].dep_ == "amod" or self.doc[k].head.i > k

    def region_mention(
        self,
        start: int,
        end: int,
        region: Region,
        title: tuple[int, str] | None,
        agent: tuple[int, Agent] | None,
        last: bool,
    ) -> None:
        """A region: its country with the agent's sector ("Darfur rebels"), a regional official
        ("the Chechen leader": never the national office holder), or the region itself."""
        if title and last:
            name = self.name_after(title[0], region.country)
            if name and name[1] is not None:
                self.add(start, name[0], name[1], "title", title[1])
                return
            role = f"{title[1].replace('_', ' ').capitalize()} of {region.name}"
            if name:
                actor = Actor(self.doc[title[0] : name[0]].text, region.country, "GOV", None, role)
                self.add(start, name[0], actor, "title", title[1])
                return
            actor = Actor(role, region.country, "GOV", region.kb_id, role)
            self.add(start, title[0], actor, "title", title[1])
            return
        if agent and last:
            agent_end, found = agent
            name = f"{region.name} {found.agent_id.replace('_', ' ')}"
            actor = Actor(name, region.country, found.sector, region.kb_id)
            self.add(start, agent_end, actor, "region")
            return
        self.add(start, end, Actor(region.name, region.country, None, region.kb_id), "region")

    def people_mention(self, i: int, end: int, code: str) -> int:
        """A people word ("Russians") is that country's civilians, except where the text says they
        live elsewhere: CAMEO codes an ethnic group by its country of residence ("ethnic Albanians
        in Serbia", "the Albanians of southern Serbia" -> SRB CVL)."""
        ethnic = i > 0 and self.lower[i - 1] == "ethnic"
        found = self.residence_after(end, code, ethnic)
        if found is not None:
            stop, home = found
            self.add(i - 1 if ethnic else i, stop, self.r.country_actor(home, "", "CVL"), "demonym")
            return stop
        home = self.other_country_in_sentence(i, code) if ethnic else None
        start = i - 1 if ethnic and home else i
        self.add(start, end, self.r.country_actor(home or code, "", "CVL"), "demonym")
        return end

    def residence_after(self, end: int, code: str, ethnic: bool) -> tuple[int, str] | None:
        """ "... of (southern) Serbia" (or "in", after "ethnic"): (end, country) of residence."""
        if end >= self.n or self.lower[end] not in (("of", "in") if ethnic else ("of",)):
            return None
        k = end + 1
        while k < self.n and self.lower[k] in RESIDENCE_SKIP:
            k += 1
        hit = self.country_hit(k)
        if hit is None or hit[2] in (ADJECTIVE, REGION_ADJECTIVE) or hit[1] == code:
            return None
        return hit[0], hit[1]

    def other_country_in_sentence(self, i: int, code: str) -> str | None:
        """The first country in the sentence of ``i`` other than ``code`` (an ethnic group's
        country of residence when no "in"/"of" says it: "ethnic Turks ... Sweden's decision")."""
        start, stop = self.sentence_bounds(i)
        for k in range(start, stop):
            hit = self.country_hit(k) if k != i else None
            if hit is not None and hit[2] not in (ADJECTIVE, REGION_ADJECTIVE) and hit[1] != code:
                return hit[1]
        return None

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token ``i`` (the whole doc when unparsed)."""
        if not self.sentence_starts:
            return 0, self.n
        n = bisect_right(self.sentence_starts, i)
        stop = self.sentence_starts[n] if n < len(self.sentence_starts) else self.n
        return self.sentence_starts[n - 1], stop

    def adjective_alone(self, start: int, end: int, code: str) -> None:
        """ "Bosnian Serbs" -> a group inside that country (CVL); else the country itself,
        which PLOVER codes as the actor of "Israeli air raids" or "French mediation"."""
        people = self.hits.get(end)
        if people and any(t.kind == PEOPLE for t in people[1]) and end not in self.taken:
            self.add(start, people[0], self.r.country_actor(code, "", "CVL"), "demonym")
            return
        self.add(start, end, self.r.country_actor(code, ""), "demonym")

    def modifies_other_noun(self, start: int, end: int) -> bool:
        """An adjective that only describes a thing ("a Russian matter") is no actor."""
        if not self.parsed:
            return False
        head = self.doc[start:end].root
        return head.dep_ in ("amod", "compound", "nmod") and head.head.i >= end

    def country_title(
        self,
        start: int,
        end: int,
        code: str,
        office: str,
        last: bool,
        words: str = "",
        sharing: int = 1,
    ) -> None:
        """ "Russian President [Vladimir Putin]", "Kazakhstan's leader", "his Turkish counterpart"."""
        if office == "counterpart":
            office = self.speaker_office()
        if last:
            name = self.name_after(end, code, office)
            if name:
                name_end, actor, basis = name
                if actor is None:
                    actor = Actor(
                        self.doc[end:name_end].text,
                        code,
                        "GOV",
                        None,
                        self.title_role(office, code),
                    )
                if not self.is_former(start):
                    actor = self.as_titled(actor, office)
                self.add(start, name_end, actor, basis if basis != "alias" else "title", office)
                return
        if sharing == 1 and self.is_plural(end - 1):  # "Turkish leaders": the government
            actor = self.r.country_actor(code, "")
            self.add(start, end, actor, "title")
            return
        if self.is_former(start):  # "the former Russian president": not today's holder
            role = f"former {self.title_role(office, code)}"
            self.add(start, end, Actor(role, code, "ELI", f"country:{code}", role), "title")
            return
        phrase = self.doc[start:end].text
        actor, office = self.r.office_actor(code, office, self.when, "", words, phrase)
        self.add(start, end, actor, "title", office)

    def as_titled(self, actor: Actor, office: str) -> Actor:
        """The text itself gives a KB person their title ("President Kagame"): it holds then,
        whatever the date says, so they act for their government, not as an elite."""
        if not actor.kb_id or not actor.kb_id.startswith("person:") or actor.sector != "ELI":
            return actor
        person = self.kb.persons[actor.kb_id[7:]]
        wanted = {office, "collective_head_of_state"} if office == "head_of_state" else {office}
        terms = [t for t in person.terms if t.office in wanted] or person.terms
        term = min(terms, key=lambda t: abs(((t.start or self.when) - self.when).days))
        country = self.kb.countries.get(term.country)
        role = f"{term.title} of {country.in_text}" if country else term.title
        return Actor(actor.name, term.country, term.sector, actor.kb_id, role, actor.text)

    def is_former(self, start: int) -> bool:
        """Is the phrase at ``start`` preceded by "former", "late" or "ex-"?"""
        before = self.lower[max(0, start - 2) : start]
        return bool(before) and (before[-1] in FORMER_WORDS or before[-2:] == ["ex", "-"])

    def title_role(self, office: str, code: str) -> str:
        country = self.kb.countries.get(code)
        return f"{OFFICE_WORDS.get(office, office)} of {country.in_text if country else code}"

    def speaker_office(self) -> str:
        """The office of the last person mentioned: a counterpart holds the same one abroad,
        and a national leader's counterpart is the other country's leader (a president's
        British counterpart is the prime minister)."""
        for ref in reversed(self.people):
            if ref.office in ("head_of_state", "head_of_government"):
                return "leader"
            if ref.office:
                return ref.office
        return "leader"

    def agent_phrase(self, j: int, owner: int | None = None) -> tuple[int, Agent] | None:
        """Agent words after a country word, with up to two plain modifiers before them
        ("Kenyan riot police", "Algerian security forces", "Syrian army officer"). In a
        parsed doc the country word (at ``owner``) must belong to that noun phrase, so
        "Iran gains full force" has no Iranian force."""
        for skip in range(0, 4):
            k = j + skip
            if k >= self.n or (skip and not self.plain_modifier(self.doc[k - 1])):
                return None
            if skip > 1 and self.doc[k - 1].text == "-":
                return None  # "Vietnamese-led forces", but "Algeria's first multi-party elections"
            found = self.phrase_at(k, self.r.agents)
            if found:
                end, agent = found
                more = self.next_agent(end)
                while more:  # "army officer" -> MIL: a weak word never overrides a strong one
                    end, nxt = more
                    if agent.weak or not nxt.weak:
                        agent = nxt
                    more = self.next_agent(end)
                if owner is not None and not self.attached(owner, j, end):
                    return None
                return end, agent
        return None

    def next_agent(self, end: int) -> tuple[int, Agent] | None:
        """Agent words right after others, also across a possessive ("workers' union")."""
        found = self.phrase_at(end, self.r.agents)
        if found is None and end < self.n and self.lower[end] in POSSESSIVE:
            found = self.phrase_at(end + 1, self.r.agents)
        return found

    def attached(self, owner: int, start: int, end: int) -> bool:
        """Does the word at ``owner`` hang (within three steps) from a token in start..end, or
        modify the same noun as the agent word ("Russian civilian advisers")?"""
        if not self.parsed:
            return True
        token = self.doc[owner]
        last = self.doc[end - 1]
        if (
            token.dep_ in MODIFIER_DEPS
            and last.dep_ in MODIFIER_DEPS
            and token.head.i == last.head.i
        ):
            return True
        for _ in range(3):
            if start <= token.head.i < end:
                return True
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    def plain_modifier(self, token: Token) -> bool:
        if token.text == "-" or token.lower_ == "led":  # "Vietnamese-led forces"
            return True
        if not token.is_alpha or token.i in self.hits or token.i in self.taken:
            return False
        if (token.lower_,) in self.r.titles:
            return False
        return not self.parsed or token.pos_ in ("ADJ", "NOUN")

    def at_title(self, i: int) -> int | None:
        found = self.phrase_at(i, self.r.titles)
        if not found:
            return None
        end, office = found
        j = end
        if j < self.n and self.lower[j] == "of":
            k = j + 1
            while k < self.n and self.lower[k] in ("the", "republic", "state", "of"):
                k += 1  # "President of the Republic of Turkey"
            countries = self.country_list(k)
            if not countries:
                countries = self.country_list(j + 1)
            if countries:
                return self.title_for_countries(i, office, countries, self.doc[i:end].text)
            group = self.group_after(j + 1)
            if group is not None:  # "the leader of the Syrian Kurds": the group's own leader
                group_end, code, agent = group
                role = self.doc[i:group_end].text
                actor = Actor(role, code, agent.sector, f"agent:{agent.agent_id}", role)
                self.add(i, group_end, actor, "title")
                return group_end
        if office == "counterpart":
            return self.counterparts(i, end)
        name = self.name_after(end, None, office)
        if name and name[0] > end:
            name_end, actor, basis = name
            if actor is None:  # a title before an unknown name with no country: nothing to code
                self.note_unknown_person(end, name_end)
                return name_end
            if not self.is_former(i):
                actor = self.as_titled(actor, office)
            office = self.known_office(actor) or office
            self.add(i, name_end, actor, "title" if basis == "alias" else basis, office)
            return name_end
        if self.is_plural(end - 1) or self.is_former(i):
            return None  # "the leaders" or "the former president" are not the last one named
        ref = self.last_person(office, self.sentence_countries(i))
        if ref and ref.actor:
            actor = Actor(**{**ref.actor.to_dict(), "text": ""})
            self.add(i, end, actor, "coref", ref.office)
            return end
        return None

    def group_after(self, k: int) -> tuple[int, str | None, Agent] | None:
        """A group that is not a government after "of": "(the) Syrian Kurds", "the rebels"
        -> (end, its country or None, agent). A title over it is the group's own leader."""
        if k < self.n and self.lower[k] == "the":
            k += 1
        hit = self.country_hit(k)
        code = None
        start = k
        if hit is not None:
            if hit[2] not in (ADJECTIVE, REGION_ADJECTIVE):
                return None
            code = hit[1]
            start = hit[0]
        found = self.phrase_at(start, self.r.agents)
        if found is None or found[1].sector in ("GOV", "MIL", "JUD", "LEG", "SPY"):
            return None
        return found[0], code, found[1]

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

    def known_office(self, actor: Actor) -> str | None:
        if actor.kb_id and actor.kb_id.startswith("person:"):
            term = self.kb.persons[actor.kb_id[7:]].term_at(self.when)
            return term.office if term else None
        return None

    def title_for_countries(
        self, i: int, office: str, countries: list[tuple[int, int, str]], words: str
    ) -> int:
        if office == "counterpart":
            office = self.speaker_office()
        for n, (start, end, code) in enumerate(countries):
            actor, real_office = self.r.office_actor(code, office, self.when, "", words)
            self.add(i if n == 0 else start, end, actor, "title", real_office)
        return countries[-1][1]

    def counterparts(self, i: int, end: int) -> int | None:
        """ "his counterparts from Belarus, Uzbekistan and Kazakhstan, as well as Turkey"."""
        if end >= self.n or self.lower[end] not in LIST_INTRO:
            return None
        countries = self.country_list(end + 1)
        if not countries:
            return None
        office = self.speaker_office()
        for start, stop, code in countries:
            actor, real_office = self.r.office_actor(code, office, self.when, "")
            self.add(start, stop, actor, "counterpart", real_office)
        return countries[-1][1]

    def last_person(self, office: str, countries: set[str] | None = None) -> PersonRef | None:
        """The last person in the document who holds ``office`` ("the president"), preferring
        one from a country already named in the sentence ("Kremlin spokesman Dmitry Peskov said
        the president ..."), then one who was a subject over one only spoken to or about."""
        leaders = ("head_of_state", "head_of_government")
        fits = [
            ref
            for ref in self.people
            if ref.actor
            and (ref.office == office or (office == "leader" and ref.office in leaders))
        ]
        local = [ref for ref in fits if countries and ref.actor and ref.actor.country in countries]
        fits = local or fits
        subjects = [ref for ref in fits if ref.subject]
        return (subjects or fits)[-1] if fits else None

    def at_agent(self, i: int) -> int | None:
        found = self.phrase_at(i, self.r.agents)
        if not found:
            return None
        end, agent = found
        j = end
        if j + 2 < self.n and self.lower[j] in LOCATED_WORDS and self.lower[j + 1] == "in":
            j += 1  # "a rights group based in Chile" is a Chilean group
        if j + 1 < self.n and self.lower[j] in AGENT_PLACE_WORDS:
            k = j + 1
            while agent.local and k < self.n and self.lower[k] in RESIDENCE_SKIP:
                k += 1  # "rebels in (the) eastern Ukraine" (not "forces in eastern Syria")
            countries = self.country_list(k, regions=True)
            if countries:  # "the parliament of Poland", "rebels in Darfur"
                _start, stop, code = countries[0]
                more = self.phrase_at(stop, self.r.agents)  # "commander of US forces"
                stop = more[0] if more and len(countries) == 1 else stop
                self.add(i, stop, self.r.agent_actor(code, agent), "agent")
                return stop
        if self.parsed and self.doc[end - 1].pos_ in ("VERB", "AUX"):
            return None  # "to press Russia": a verb, not the press
        place = self.clause_place(i, end) if agent.local else None
        if place is not None:  # "police fired tear gas in Kenya": Kenyan police
            if self.modifies_other_noun(i, end):
                return None
            named_end, named = self.named_agent(end, self.r.agent_actor(place, agent))
            self.add(i, named_end, named, "place")
            return named_end
        if not agent.alone:
            return None
        # with no country word, an NGO or IGO agent is coded as the KB codes such bodies
        country = agent.sector if agent.sector in ("NGO", "IGO") else None
        actor = Actor(
            agent.agent_id.replace("_", " "), country, agent.sector, f"agent:{agent.agent_id}"
        )
        named_end, named = self.named_agent(end, actor)
        if named_end == end and self.modifies_other_noun(i, end):
            return None  # "opposition leader Raila Odinga" is named; "military alliance" is not
        self.add(i, named_end, named, "agent")
        return named_end

    def clause_place(self, start: int, end: int) -> str | None:
        """The country its own clause puts a subject in: "Hundreds of thousands of people blocked
        streets in Hong Kong" -> HKG. Only "in" on the verb or its object counts, and only a
        country or region name, never a capital ("the two sides met in Moscow"). People
        marked as from elsewhere ("foreign women", "children from 46 countries", "whose
        citizens") or moving ("arrived in Syria") take nothing from the place."""
        if not self.parsed:
            return None
        agent = self.doc[start:end].root
        head = agent
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
            head = head.head.head  # "thousands of people": the subject is the quantity
        if head.dep_ not in SUBJECT_DEPS or head.head.lemma_.lower() in MOTION_VERBS:
            return None
        for token in {agent, head}:
            for child in token.children:
                if (
                    (child.dep_ == "amod" and child.lower_ in FOREIGN_WORDS)
                    or (child.dep_ == "poss" and child.lower_ == "whose")
                    or (child.dep_ == "prep" and child.lower_ == "from")
                ):
                    return None
        verb = head.head
        holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "attr"))]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for obj in prep.children:
                    code = self.place_named(obj) if obj.dep_ == "pobj" else None
                    if code:
                        return code
        return None

    def place_named(self, obj: Token) -> str | None:
        """The country of a country or region name heading ``obj`` ("(southern) Serbia")."""
        k = obj.left_edge.i
        while k < obj.i and self.lower[k] in RESIDENCE_SKIP:
            k += 1
        hit = self.country_hit(k)
        if hit is None or hit[2] in (ADJECTIVE, REGION_ADJECTIVE, METONYM) or hit[0] <= obj.i:
            return None
        return hit[1]

    def named_agent(self, end: int, actor: Actor) -> tuple[int, Actor]:
        """An agent phrase followed by a name ("Russian opposition leader Alexei Navalny"):
        the mention takes the name; a KB person keeps their own record."""
        found = self.name_after(end) if end < self.n else None
        if not found or found[0] <= end:
            return end, actor
        name_end, person_actor, _basis = found
        if person_actor is not None and person_actor.sector == "ELI":
            # out of office on the date: the words before the name say what they are now
            sector = actor.sector or "ELI"
            return name_end, Actor(**{**person_actor.to_dict(), "sector": sector})
        if person_actor is not None:
            return name_end, person_actor
        named = Actor(self.doc[end:name_end].text, actor.country, actor.sector, None, actor.name)
        return name_end, named

    def at_pronoun(self, i: int) -> int | None:
        if self.lower[i] not in PRONOUNS:
            return None
        token = self.doc[i]
        if self.parsed and token.dep_ not in SUBJECT_DEPS:
            return None
        pronoun = token.lower_
        near = [
            p
            for p in self.people
            if self.sentence_distance(p.start, i) <= PRONOUN_WINDOW
            and self.pronoun_of.get(p.person_id or "", pronoun) == pronoun
        ]
        ref = next((p for p in reversed(near) if p.subject), None)
        ref = ref or (near[-1] if near else None)
        if ref is None or ref.actor is None:
            return None
        if ref.person_id:  # once "he", never "she" in the same article, and the reverse
            self.pronoun_of[ref.person_id] = pronoun
        actor = Actor(**{**ref.actor.to_dict(), "text": ""})
        self.add(i, i + 1, actor, "coref", ref.office)
        return i + 1

    def sentence_distance(self, earlier: int, later: int) -> int:
        """How many sentence starts lie between two tokens (0 = same sentence)."""
        if not self.sentence_starts:
            return 0
        return bisect_right(self.sentence_starts, later) - bisect_right(
            self.sentence_starts, earlier
        )

    def at_fuzzy(self, i: int) -> int | None:
        """A person name no exact form matched: maybe a spelling variant of a KB person.

        Tried on PERSON entities and on runs of capitalised words (the small
        model sometimes tags a transliterated name as ORG).
        """
        if i in self.hits:
            return None
        place = self.place_ents.get(i)
        if place is None and i not in self.person_ents and not self.capitalised[i]:
            return None  # no entity and no run of name words starts here
        if place is not None and self.taken.isdisjoint(range(place.start, place.end)):
            target = self.r.fuzzy_place(place.text)
            if target is not None:
                sector = "CVL" if target.kind == PEOPLE else "GOV"
                self.add(
                    place.start, place.end, self.r.country_actor(target.ref, "", sector), "fuzzy"
                )
                return place.end
        ent = self.person_ents.get(i)
        ends = {ent.end} if ent is not None else set()
        run_end = self.name_run_end(i)
        if run_end - i >= 2:
            ends.add(run_end)
        for end in sorted(ends, reverse=True):
            if not self.taken.isdisjoint(range(i, end)):
                continue
            person_id, _score = self.r.fuzzy_person(self.doc[i:end].text, self.when)
            if person_id is None:
                continue
            person = self.kb.persons[person_id]
            if end - i == 1 and self.shared_surname_unnamed(person):
                continue  # "Ahmmed" alone is no more Abiy Ahmed than "Ahmed" is
            term = person.term_at(self.when)
            actor = self.r.person_actor(person, self.when, "")
            self.add(i, end, actor, "fuzzy", term.office if term else None)
            return end
        if ent is not None:
            self.note_unknown_person(ent.start, ent.end)
        return None

    def other_name_at(self, j: int) -> bool:
        """Does a country, organisation or group name start at ``j`` (ending a person's name)?"""
        hit = self.hits.get(j)
        return hit is not None and not any(t.kind in (PERSON, SURNAME) for t in hit[1])

    def name_run_end(self, i: int) -> int:
        """End of a run of name words from ``i``: "Kasim-Jomart Tokayev", "Omar al-Bashir"."""
        j = i
        doc = self.doc
        while j < len(doc) and j - i < 7:
            token = doc[j]
            capitalised = self.capitalised[j]
            joined = token.text == "-" and j > i and not doc[j - 1].whitespace_ and j + 1 < len(doc)
            particle = (
                token.lower_ in NAME_PARTICLES
                and j > i
                and j + 1 < len(doc)
                and (doc[j + 1].text[:1].isupper() or doc[j + 1].text == "-")
            )
            if not (capitalised or joined or particle) or (j > i and self.other_name_at(j)):
                break
            j += 1
        while j > i and not doc[j - 1].is_alpha:
            j -= 1
        return j
