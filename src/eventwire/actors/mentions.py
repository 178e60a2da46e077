"""Mention finding: the left-to-right walk over a document and the attempts tried at each
token (a known name, a country word heading a title or agent phrase, a region, a people
word, an organisation the KB does not know). Person names, agent phrases, titles and
lists have modules of their own; this one decides which of them to try, in what order.
"""

from __future__ import annotations

from eventwire.actors.kb import Agent, Region
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
)
from eventwire.actors.offices import title_after_entity, title_before_entity
from eventwire.actors.state import PassState
from eventwire.actors.words import (
    BACKING_WORDS,
    OBJECT_PRONOUNS,
    POSSESSIVE,
    PRONOUNS,
    RESIDENCE_SKIP,
)
from eventwire.model import Actor, Mention


class MentionFinding(PassState):
    """The walk and the country, region and organisation attempts."""

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
            or word in self.r.organisation_titles.sizes
            or word in self.r.agents.sizes
            or word in PRONOUNS
            or word in OBJECT_PRONOUNS
            or i in self.place_ents
            or i in self.person_ents
        )

    def step(self, i: int) -> int:
        """Try each kind of mention at token ``i``; return where to go on."""
        attempts = (
            self.at_organisation,
            self.at_hit,
            self.at_fuzzy,
            self.at_organisation_title,
            self.at_title,
            self.at_agent,
            self.at_pronoun,
        )
        for attempt in attempts:
            nxt = attempt(i)
            if nxt is not None:
                return max(nxt, i + 1)
        return i + 1

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
        titled = title_after_entity(self, i, end, target.ref)  # "the NATO Secretary General"
        if titled is not None:
            return titled
        actor = self.r.entity_actor(target.ref, "")
        end = self.extend_over_agents(end)
        self.add(i, end, actor, "alias")
        return end

    def at_organisation_title(self, i: int) -> int | None:
        return title_before_entity(self, i)  # "the head of the IAEA": see offices.py

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

    def at_country(self, i: int) -> int | None:
        """A country word, alone or heading a title/agent phrase; coordination shares the head."""
        starts, group = self.coordinated_country_words(i)
        j = group[-1][0]
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

    def adjective_alone(self, start: int, end: int, code: str) -> None:
        """ "Bosnian Serbs" -> a group inside that country (CVL); else the country itself,
        which PLOVER codes as the actor of "Israeli air raids" or "French mediation"."""
        people = self.hits.get(end)
        if people and any(t.kind == PEOPLE for t in people[1]) and end not in self.taken:
            self.add(start, people[0], self.r.country_actor(code, "", "CVL"), "demonym")
            return
        self.add(start, end, self.r.country_actor(code, ""), "demonym")
