"""Agent phrases: generic actor words ("police", "rebels", "the parliament of Poland"), the
country their phrase or clause gives them, and a name after them ("opposition leader X")."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.kb import Agent
from eventwire.actors.names import ADJECTIVE, METONYM, REGION_ADJECTIVE
from eventwire.actors.state import PassState
from eventwire.actors.words import (
    AGENT_PLACE_WORDS,
    FOREIGN_WORDS,
    LOCATED_WORDS,
    MEMBER_SECTORS,
    MODIFIER_DEPS,
    MOTION_VERBS,
    POSSESSIVE,
    RESIDENCE_SKIP,
    SUBJECT_DEPS,
)
from eventwire.model import Actor


class AgentReading(PassState):
    """Agent words with their country, from the phrase, the clause or a name after them."""

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
                return self.share_agent(agent, countries[1:]) or stop
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

    def agent_phrase(self, j: int, owner: int | None = None) -> tuple[int, Agent] | None:
        """Agent words after a country word, with up to two plain modifiers before them
        ("Kenyan riot police", "Algerian security forces", "Syrian army officer"). In a
        parsed doc the country word (at ``owner``) must belong to that noun phrase, so
        "Iran gains full force" has no Iranian force."""
        for skip in range(0, self.settings.agent_modifier_reach + 1):
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
        for _ in range(self.settings.attach_steps):
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

    def extend_over_agents(self, j: int) -> int:
        """Swallow the organisation's own people after its name ("Wagner fighters", "Hamas's
        militants", "NATO officials"); "Isis families" are not the group itself."""
        k = j + 1 if j < self.n and self.lower[j] in POSSESSIVE else j
        found = self.phrase_at(k, self.r.agents)
        if found and found[1].sector in MEMBER_SECTORS:
            return found[0]
        return j

    def agent_ending(self, start: int, end: int) -> Agent:
        """The agent whose words end at ``end`` (the last agent phrase in start..end)."""
        k = start + 1 if self.lower[start] in POSSESSIVE else start
        found = self.phrase_at(k, self.r.agents)
        return found[1]

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
