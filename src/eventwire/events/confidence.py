"""How sure the coder is of an event, and the explanation a user reads for it.

The score is the strength of the trigger's kind (a plain verb beats a nominal event)
plus how sure each actor is (resolved, guessed, missing); it never reaches 1.0. The
explanation names the family, the trigger, each framing step and each actor decision,
so that "why this event?" has an answer on every record.
"""

from __future__ import annotations

from eventwire.events.match import Match
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Grammar
from eventwire.events.roles import ActorRef, is_passive

# the base score of each kind of match, before the actors are weighed
KIND_SCORES = {"verb": 0.6, "control": 0.6, "future": 0.5, "obligation": 0.45, "noun": 0.4}


def confidence(
    match: Match, source: ActorRef | None, target: ActorRef | None, ontology: Ontology
) -> float:
    """Pattern strength plus how sure we are of each actor; 1.0 is never reached."""
    score = KIND_SCORES[match.kind]
    if source is None:
        score -= 0.2
    elif source.resolved:
        score += 0.2
    else:
        score -= 0.1
    if target is not None:
        score += 0.12 if target.resolved else -0.05
    elif ontology.category(match.event_type).requires_recipient:
        score -= 0.1
    if match.pattern.objects:
        score += 0.05
    if match.classifier is not None:  # found by the classifier alone: only as sure as it is
        score *= match.classifier
    return round(max(0.05, min(0.97, score)), 3)


def explain(
    match: Match, source: ActorRef | None, target: ActorRef | None, grammar: Grammar
) -> str:
    """The family, trigger, framing notes and actor decisions behind one event."""
    passive = match.kind != "noun" and is_passive(match.trigger, grammar)
    voice = " (passive)" if passive else ""
    parts = [
        f"{match.event_type} by pattern {match.pattern.id} on {match.kind} "
        f"'{match.trigger.text}'{voice}"
    ]
    parts += match.notes
    if match.negated:
        parts.append("negated")
    parts.append("source: " + (source.describe() if source else "none named"))
    parts.append("target: " + (target.describe() if target else "none named"))
    return "; ".join(parts)
