"""Person names: exact names and aliases, spelling variants, surnames, and the run of
name words after a title ("Russian President Vladimir Putin")."""

from __future__ import annotations

from eventwire.actors.kb import Person
from eventwire.actors.names import PEOPLE, PERSON, SURNAME, normalise_name
from eventwire.actors.state import PassState
from eventwire.actors.words import (
    LEADER_OFFICES,
    NAME_PARTICLES,
    NAMED_GOVERNMENT_WORDS,
    NOT_PERSON_ENTS,
)
from eventwire.model import Actor


class NameReading(PassState):
    """Reading the run of name words at a token as a KB person, an unknown person or nothing."""

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

    def other_name_at(self, j: int) -> bool:
        """Does a country, organisation or group name start at ``j`` (ending a person's name)?"""
        hit = self.hits.get(j)
        return hit is not None and not any(t.kind in (PERSON, SURNAME) for t in hit[1])

    def name_run_end(self, i: int) -> int:
        """End of a run of name words from ``i``: "Kasim-Jomart Tokayev", "Omar al-Bashir"."""
        j = i
        doc = self.doc
        while j < len(doc) and j - i < self.settings.name_run_max:
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

    def surname_alone_fits(self, i: int, person: Person) -> bool:
        """A lone surname ("Trump", "Green") names a KB person only when that person holds an
        office on the article date and the word is used as a name here."""
        token = self.doc[i]
        if person.term_at(self.when) is None:
            return False
        if not self.parsed:
            return True
        return token.pos_ in ("PROPN", "NOUN") and token.ent_type_ not in NOT_PERSON_ENTS

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
