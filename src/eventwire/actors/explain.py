"""Why ``ActorResolver.lookup`` answered as it did.

Every answer names the rule that matched, the data row (file:line) behind it and,
for people, the dated term in force on the date; every other candidate gets the
reason it lost. Kept apart from the resolver so the explanations can grow without
touching how mentions are found.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.actors.names import ENTITY, KIND_PRIORITY, PERSON, REGION_KINDS, SURNAME, Target
from eventwire.actors.offices import POSSESSIVE, organisation_holder
from eventwire.model import Mention

if TYPE_CHECKING:  # the resolver passes itself in; this module never imports it
    from eventwire.actors.state import ResolverParts as ActorResolver

PERSON_KINDS = (PERSON, SURNAME)


def target_row(r: ActorResolver, target: Target, when: date) -> str:
    """The data row a target comes from: a person's term on the date, or the entry's line."""
    if target.kind in PERSON_KINDS:
        term = r.kb.persons[target.ref].nearest_term(when)
        return term.source if term else "no dated role"
    if target.kind == ENTITY:
        return r.kb.entities[target.ref].source
    if target.kind in REGION_KINDS:
        return "regions.tsv"
    country = r.kb.countries.get(target.ref)
    return country.source if country else ""


def target_name(r: ActorResolver, target: Target) -> str:
    if target.kind in PERSON_KINDS:
        return r.kb.persons[target.ref].name
    if target.kind == ENTITY:
        return r.kb.entities[target.ref].name
    if target.kind in REGION_KINDS:
        return r.kb.regions[target.ref].name
    country = r.kb.countries.get(target.ref)
    return country.name if country else target.ref


def why_lost(
    r: ActorResolver, winner: Target, loser: Target, when: date, kind_words: dict[str, str]
) -> str:
    """One line: why ``loser`` is only a candidate next to ``winner``."""
    name = f"{target_name(r, loser)} ({target_row(r, loser, when)})"
    if KIND_PRIORITY[winner.kind] < KIND_PRIORITY[loser.kind]:
        return f"{name} lost: a {kind_words[winner.kind]} comes before a {kind_words[loser.kind]}"
    if loser.kind in PERSON_KINDS and winner.kind in PERSON_KINDS:
        person = r.kb.persons[loser.ref]
        term = person.term_at(when)
        if term is None:
            near = person.nearest_term(when)
            edge = (near.end or near.start) if near else None
            if r.kb.persons[winner.ref].term_at(when):
                return f"{name} lost: holds no role on {when} (the other does)"
            return f"{name} lost: its nearest term ({edge or 'undated'}) is further from {when}"
        return f"{name} lost: holds a less senior office on {when} ({term.title})"
    return f"{name} lost: listed after the first match of the same kind"


def candidate_reasons(
    r: ActorResolver, ordered: list[Target], when: date, kind_words: dict[str, str]
) -> list[str]:
    """``kind_words``: how the resolver names each kind of target ("person name")."""
    return [why_lost(r, ordered[0], loser, when, kind_words) for loser in ordered[1:]]


def organisation_title_reasons(r: ActorResolver, doc: Doc, when: date) -> list[str]:
    """For "NATO Secretary General" or "the head of the IAEA": the office-holder rule."""
    lower = [t.lower_ for t in doc]
    for start, end, targets in r.names.matches(doc):
        entities = [t for t in targets if t.kind == ENTITY]
        if not entities:
            continue
        kb_id = entities[0].ref
        k = end + 1 if end < len(lower) and lower[end] in POSSESSIVE else end
        found = r.organisation_titles.longest_at(lower, k)
        title = lower[k : found[0]] if found else []
        if not found:  # "<title> of (the) <organisation>"
            before = start - 1 - (start >= 2 and lower[start - 1] == "the")
            for i in range(before):
                hit = r.organisation_titles.longest_at(lower, i)
                if hit and hit[0] == before and lower[before] == "of":
                    found, title = hit, lower[i : hit[0]]
        if not found:
            continue
        word = " ".join(title).replace(" - ", "-")
        entity = r.kb.entities[kb_id]
        choice = organisation_holder(r.kb, kb_id, word, str(found[1]), when)
        rule = (
            f"rule: a title ('{word}', organisation_titles.tsv) with an organisation "
            f"({entity.name}, {entity.source}) means its office holder on the date"
        )
        if choice.holder is None:
            return [rule, *choice.reasons, f"so the organisation itself, {entity.name}, answers"]
        return [rule, *choice.reasons]
    return []


def office_reasons(r: ActorResolver, mention: Mention, when: date) -> list[str]:
    """For a country title ("the Russian president"): the office, its holders, the pick."""
    actor = mention.actor
    if actor.kb_id and actor.kb_id.startswith("person:"):
        person = r.kb.persons[actor.kb_id[7:]]
        term = person.term_at(when)
        if term is None:
            return [f"the text names {person.name}, who holds no role on {when}"]
        others = [
            p.name
            for p, _ in r.kb.holders(term.country, term.office, when)
            if p.person_id != person.person_id
        ]
        lines = [
            f"rule: a title with a country means the holder of that office on the date "
            f"(titles.tsv): {term.office} of {term.country}"
        ]
        if others:
            lines.append(f"also in a {term.office} office then: {', '.join(others)}")
        return lines
    if actor.kb_id and actor.kb_id.startswith("country:"):
        return [
            f"the KB has no single holder of this office on {when}: the country's "
            f"government ({actor.country} {actor.sector}) stands for it"
        ]
    return []


def mention_reasons(
    r: ActorResolver, doc: Doc, mentions: list[Mention], best: Mention, when: date
) -> list[str]:
    """Why the longest mention in a phrase answers, by the rule that made it."""
    lines: list[str] = []
    if best.basis in ("title", "alias"):
        lines = organisation_title_reasons(r, doc, when)
    if best.basis == "title" and not lines:
        lines = office_reasons(r, best, when)
    elif best.actor.kb_id and best.actor.kb_id.startswith("agent:"):
        agent_id = best.actor.kb_id[6:]
        agent = next(a for a in r.kb.agents if a.agent_id == agent_id)
        lines.append(f"agent word row '{agent_id}' (agents.tsv): sector {agent.sector}")
    for other in mentions:
        if other is not best:
            lines.append(
                f"{other.text!r} -> {other.actor.name} ({other.basis}) lost: "
                "the longest mention in the phrase answers"
            )
    return lines
