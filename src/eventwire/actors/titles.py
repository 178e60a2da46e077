"""Titles and dates: a title with a country is the office holder on the article date; a
title before a name gives that person their office; "former" keeps today's holder out."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.kb import OFFICE_WORDS
from eventwire.actors.state import PassState
from eventwire.actors.words import FORMER_WORDS, NOT_PERSON_ENTS, POSSESSIVE
from eventwire.model import Actor

# Offices of a state's government: whoever holds one acts for it (CAMEO GOV)
STATE_OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "interior_minister",
    }
)


class TitleReading(PassState):
    """Titles: the office holder on the date, or the named person in that office."""

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
            if actor is None:  # a title before a name the KB does not know
                if office not in STATE_OFFICES or self.is_former(i):
                    self.note_unknown_person(end, name_end)
                    return name_end
                # "President Dos Santos": an office holder acts for a government; which
                # country's, the sentence or the article says (events.assign.localise)
                role = self.doc[i:end].text
                self.add(
                    i,
                    name_end,
                    Actor(self.doc[i:name_end].text, None, "GOV", None, role),
                    "title before a name the KB does not know",
                    office,
                )
                return name_end
            if not self.is_former(i):
                actor = self.as_titled(actor, office)
            office = self.known_office(actor) or office
            self.add(i, name_end, actor, "title" if basis == "alias" else basis, office)
            return name_end
        if self.is_plural(end - 1):
            return None  # "the leaders" are not the last one named
        apposed = self.apposed_name(i, end, None, office)
        if apposed is not None:  # "the prime minister, Tony Blair,": the name wins
            if apposed[0] is not None:
                self.add(i, end, apposed[0], apposed[1], office)
            return end
        if self.is_former(i):
            return None  # "the former president" is not the last one named
        ref = self.last_person(office, self.sentence_countries(i))
        if ref and ref.actor:
            actor = Actor(**{**ref.actor.to_dict(), "text": ""})
            self.add(i, end, actor, "coref", ref.office)
            return end
        if not self.context.dated:
            ref = self.last_named_holder(office, self.doc[i:end].text)
            if ref is not None and ref.actor is not None:
                actor = self.as_titled(Actor(**{**ref.actor.to_dict(), "text": ""}), office)
                self.add(
                    i, end, actor, "coref (undated article: the person named who held it)", office
                )
                return end
            return None  # never today's holder for an article of unknown date
        return self.title_from_context(i, end, office)

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
        apposed = self.apposed_name(start, end, code, office) if last else None
        if apposed is not None:  # "the Russian president, Boris Yeltsin,": the name wins
            self.add(start, end, apposed[0], apposed[1], office)
            return
        if self.is_former(start):  # "the former Russian president": not today's holder
            role = f"former {self.title_role(office, code)}"
            self.add(start, end, Actor(role, code, "ELI", f"country:{code}", role), "title")
            return
        phrase = self.doc[start:end].text
        actor, office = self.r.office_actor(code, office, self.when, "", words, phrase)
        self.add(start, end, actor, "title", office)

    def apposed_name(
        self, start: int, end: int, code: str | None, office: str
    ) -> tuple[Actor | None, str] | None:
        """The person a title stands in apposition to: "the prime minister, Tony Blair," or
        "Tony Blair, the prime minister". The sentence names them, so the name wins over
        whoever held the title on the article date (an undated or misdated article must
        not turn Blair into a successor). Returns (actor, basis), the actor None for a
        person the KB does not know when no country says whose title it is; None when no
        name stands in apposition."""
        if not self.parsed:
            return None
        root = self.doc[start:end].root
        name_text = ""
        person_actor = None
        if end + 1 < self.n and self.lower[end] == ",":
            found = self.resolve_name(end + 1)
            if found is not None and not self.set_off_name(root, end, found[0]):
                found = None
            if found is not None:
                name_end, person, _basis = found
                name_text = self.doc[end + 1 : name_end].text
                if person is not None and not (
                    code and all(t.country != code for t in person.terms)
                ):
                    person_actor = self.r.person_actor(person, self.when, "")
        if not name_text and root.dep_ == "appos" and root.head.i < start:
            head = root.head
            mention = next((m for m in reversed(self.mentions) if m.start <= head.i < m.end), None)
            if (
                mention is not None
                and mention.actor.kb_id
                and mention.actor.kb_id.startswith("person:")
            ):
                name_text, person_actor = mention.text, mention.actor
                if not self.is_former(start):  # "Blair, the prime minister": he holds it then
                    mention.actor = self.as_titled(mention.actor, office)
            elif mention is None and self.unknown_name_at(head):
                ent = self.ent_of.get(head.i)
                name_text = ent.text if ent is not None else head.text
        if not name_text:
            return None
        if person_actor is None:
            if code is None:
                return None, "title"
            role = self.title_role(office, code)
            return Actor(name_text, code, "GOV", None, role), "title in apposition to a name"
        actor = Actor(**{**person_actor.to_dict(), "text": ""})
        if not self.is_former(start):
            actor = self.as_titled(actor, office)
        return actor, "title in apposition to a name"

    def set_off_name(self, title: Token, comma: int, name_end: int) -> bool:
        """Is the name run after ``comma`` an apposition to the title: parsed so, or set off
        by a closing comma or full stop ("the Irish taoiseach, Bertie Ahern, on Tuesday"),
        not the start of a list or a clause ("the president, Macron said")?"""
        if any(c.dep_ == "appos" and comma < c.i < name_end for c in title.children):
            return True
        return name_end >= self.n or self.lower[name_end] in (",", ".")

    def unknown_name_at(self, token: Token) -> bool:
        """Is ``token`` a name the KB does not know (the small model tags some surnames as
        places: "Yeltsin, Russia's president")?"""
        if token.ent_type_ == "PERSON":
            return True
        return (
            token.pos_ == "PROPN"
            and token.i not in self.hits
            and token.ent_type_ not in NOT_PERSON_ENTS
            and self.capitalised[token.i]
        )

    def possessive_title(self, end: int) -> tuple[int, str] | None:
        """A title right after "'s" at ``end``: (title end, office)."""
        if end + 1 >= self.n or self.lower[end] not in POSSESSIVE:
            return None
        return self.phrase_at(end + 1, self.r.titles)

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
        """Is the phrase at ``start`` preceded by "former", "late" or "ex-"? In a parsed doc
        also further left in its noun phrase ("the former Liberal Democrat leader")."""
        before = self.lower[max(0, start - 2) : start]
        if before and (before[-1] in FORMER_WORDS or before[-2:] == ["ex", "-"]):
            return True
        if not self.parsed:
            return False
        token = self.doc[start]
        noun = token.head if token.dep_ in ("amod", "compound") else token
        return any(t.lower_ in FORMER_WORDS for t in noun.lefts if t.i < start)

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
