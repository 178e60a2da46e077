"""Coordination: lists of countries ("Belarus, Uzbekistan and Kazakhstan, as well as
Turkey") that share one title, agent word or "counterparts" phrase, each member its own
mention."""

from __future__ import annotations

from eventwire.actors.kb import Agent
from eventwire.actors.names import ADJECTIVE, METONYM, REGION_ADJECTIVE, REGION_KINDS
from eventwire.actors.state import PassState
from eventwire.actors.words import LIST_INTRO, POSSESSIVE


class Coordination(PassState):
    """Coordinated countries sharing one head word."""

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

    def coordinated_country_words(self, i: int) -> tuple[list[int], list[tuple[int, str, str]]]:
        """Country words of one kind joined from ``i`` that may share the head after the last
        ("Turkish and Greek sides", "Russian and Belarusian presidents", "Egypt and Sudan's
        armies"): their starts and their ``country_hit`` results."""
        group = [self.country_hit(i)]
        starts = [i]
        j = group[0][0]
        while True:
            k = self.joiner_at(j)
            if k is None or self.country_hit(k) is None:
                break
            nxt = self.country_hit(k)
            if nxt[2] != group[0][2]:
                break
            starts.append(k)
            group.append(nxt)
            j = nxt[0]
        return starts, group

    def joiner_at(self, k: int) -> int | None:
        if k >= self.n:
            return None
        if self.lower[k] in {",", "and", "or", "&"}:
            return k + 1
        if self.lower[k : k + 3] == ["as", "well", "as"]:
            return k + 3
        return None

    def share_agent(self, agent: Agent, members: list[tuple[int, int, str]]) -> int | None:
        """ "the defence ministers of Denmark, Norway and Iceland", "the armies of Chad and
        Niger": each further member of the list is that agent of its own country. A member
        with a head of its own ("... and Hungary's government") ends the sharing; the walk
        reads it. Returns the end of the last member that shared, else None."""
        last = None
        for start, stop, code in members:
            if stop < self.n and (
                self.lower[stop] in POSSESSIVE or self.phrase_at(stop, self.r.agents)
            ):
                break
            self.add(start, stop, self.r.agent_actor(code, agent), "agent")
            last = stop
        return last

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
