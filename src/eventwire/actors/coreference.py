"""Coreference: surnames, bare titles and he/she pointing back to the persons the document
has already named, and which of several same-named people is meant."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.kb import OFFICE_RANK, Person
from eventwire.actors.names import Target, normalise_name, person_surnames
from eventwire.actors.state import PassState, PersonRef
from eventwire.actors.words import OBJECT_DEPS, OBJECT_PRONOUNS, PRONOUNS, SUBJECT_DEPS
from eventwire.model import Actor

# Clauses whose subject is understood from the clause above ("X met Y, praising him").
SUBJECTLESS_CLAUSES = frozenset({"advcl", "xcomp", "conj", "acl", "ccomp"})


class Coreference(PassState):
    """Pointing back to persons already named in the document."""

    def at_pronoun(self, i: int) -> int | None:
        token = self.doc[i]
        if self.lower[i] in OBJECT_PRONOUNS:
            return self.at_object_pronoun(i) if self.parsed and token.dep_ in OBJECT_DEPS else None
        if self.lower[i] not in PRONOUNS:
            return None
        if self.parsed and token.dep_ not in SUBJECT_DEPS:
            return None
        pronoun = token.lower_
        near = self.people_near(i, pronoun)
        ref = next((p for p in reversed(near) if p.subject), None)
        ref = ref or (near[-1] if near else None)
        if ref is None:
            return self.pronoun_from_context(i)
        return self.refer(i, ref, pronoun)

    def at_object_pronoun(self, i: int) -> int | None:
        """ "him"/"her": the nearest person named before who is not the subject of the
        pronoun's own clause ("X accused him" never means X; "X met Y, praising him" is Y)."""
        pronoun = OBJECT_PRONOUNS[self.lower[i]]
        own_subjects = clause_subject_tokens(self.doc[i])
        near = [p for p in self.people_near(i, pronoun) if p.start not in own_subjects]
        return self.refer(i, near[-1], pronoun) if near else None

    def people_near(self, i: int, pronoun: str) -> list[PersonRef]:
        return [
            p
            for p in self.people
            if p.start < i
            and self.sentence_distance(p.start, i) <= self.settings.pronoun_window
            and self.pronoun_of.get(p.person_id or "", pronoun) == pronoun
        ]

    def refer(self, i: int, ref: PersonRef, pronoun: str) -> int | None:
        if ref.actor is None:
            return None
        if ref.person_id:  # once "he", never "she" in the same article, and the reverse
            self.pronoun_of[ref.person_id] = pronoun
        actor = Actor(**{**ref.actor.to_dict(), "text": ""})
        self.add(i, i + 1, actor, "coref", ref.office)
        return i + 1

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

    def last_named_holder(self, office: str, title_word: str) -> PersonRef | None:
        """The KB person named in the document who held ``office`` at any time, preferring one
        whose own title was the word used ("prime minister" is Blair, not the taoiseach
        Ahern), then a subject, then the last: in an article without a date, the people it
        names are the only clue to who "the prime minister" is (never today's holder)."""
        word = title_word.lower()
        leaders = {"head_of_state", "head_of_government", "collective_head_of_state"}
        held: list[tuple[PersonRef, bool]] = []
        for ref in self.people:
            if ref.actor is None or ref.person_id is None:
                continue
            terms = self.kb.persons[ref.person_id].terms
            offices = {t.office for t in terms}
            if office in offices or (office == "leader" and offices & leaders):
                titled = any(
                    t.title.lower() == word or t.title.lower().startswith(word + " of")
                    for t in terms
                )
                held.append((ref, titled))
        for keep in (
            lambda ref, titled: titled and ref.subject,
            lambda ref, titled: titled,
            lambda ref, titled: ref.subject,
            lambda ref, titled: True,
        ):
            found = [ref for ref, titled in held if keep(ref, titled)]
            if found:
                return found[-1]
        return None

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
        surnames = {normalise_name(s) for s in person_surnames(person)}
        return not surnames.isdisjoint(self.r.shared_surnames)


def clause_subject_tokens(pronoun: Token) -> set[int]:
    """Token indices of the subjects of the pronoun's clause and of the clauses above it
    that lend it their subject (walking up while a clause has no subject of its own)."""
    found: set[int] = set()
    verb = pronoun.head
    for _ in range(4):  # a few clauses up is enough; bounded on any parse
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        for subject in subjects:
            found.update(t.i for t in subject.subtree)
        if subjects or verb.dep_ not in SUBJECTLESS_CLAUSES or verb.head is verb:
            break
        verb = verb.head
    return found
