"""Coding one verb trigger: the checks and steps in the order they apply.

A verb match is dropped when an event noun or an act is its subject ("an attack on X
killed ten", "X's demand met a response"), when a demand verb only asserts or attempts,
or when a forecast puts the act on someone else; otherwise its control complement is
taken (``decide``), its roles filled (``assign``), its tense applied (``decide``) and
the objects it used are marked as consumed so they are not coded again as nouns.
"""

from __future__ import annotations

from eventwire.events import decide
from eventwire.events.assign import assign_roles, fallback_targets, roles_of
from eventwire.events.match import Match, match_of
from eventwire.events.modality import negated, unspoken_norm
from eventwire.events.mode_and_context import mode_from_object
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import PatternSet
from eventwire.events.roles import (
    ActorFinder,
    children,
    clause_subject,
    is_passive,
    lemma,
    prep_objects,
    verb_forms,
)
from eventwire.events.triggers import noun_pattern, verb_objects, verb_pattern


def code_verb(
    match: Match,
    verb_matches: dict[int, Match],
    consumed: set[int],
    finder: ActorFinder,
    patterns: PatternSet,
    ontology: Ontology,
) -> Match | None:
    """The finished match for a verb trigger, or None when the clause codes no event."""
    grammar = patterns.grammar
    verb = match.trigger
    pattern = match.pattern
    if pattern.has("obligation"):
        return decide.code_obligation(match, verb_matches, finder, grammar)
    subject = clause_subject(verb, grammar)
    if (
        subject is not None
        and subject.dep_ == "nsubj"
        and subject.pos_ == "NOUN"
        and subject.head == verb
        and (subject_pattern := noun_pattern(subject, patterns)) is not None
        and subject_pattern.event == pattern.event
    ):
        return None  # "an attack on X by Y killed ten": the event noun carries the roles
    if (
        subject is not None
        and subject.dep_ == "nsubj"
        and subject.pos_ == "NOUN"
        and not is_passive(verb, grammar)
        and (
            lemma(subject) in patterns.intent_nouns
            or (children(subject, "poss") and noun_pattern(subject, patterns) is not None)
        )
    ):
        # "X's demand met a mixed response": an act is the subject, not an actor; its
        # possessor did the demanding, not the meeting (the noun is coded on its own)
        return None
    if pattern.intent == "demand" and decide.asserts_instead(verb, grammar):
        return None
    if pattern.intent == "demand" and decide.attempt_not_request(verb, grammar):
        # "sought to change his mind": the subject tries the act itself, it asks nobody
        other = verb_pattern(verb, patterns, skip=frozenset({pattern.id}))
        if other is None or other.intent == "demand":
            return None
        retry = match_of(other, verb, "verb")
        return code_verb(retry, verb_matches, consumed, finder, patterns, ontology)
    if pattern.intent == "promise" and (
        is_passive(verb, grammar)
        or (pattern.has("complement_only") and children(verb, "dobj") and children(verb, "xcomp"))
    ):
        # "X is expected to sign" is someone's forecast; "expect Y to sign" puts the act
        # on Y: in neither does the subject commit itself (manual: AGREE is a commitment)
        return None
    match.negated = negated(verb, grammar)
    complement = decide.complement(verb, pattern, verb_matches, patterns)
    if pattern.intent == "promise" and not grammar.wish_lemmas.isdisjoint(verb_forms(verb)):
        if complement is not None:
            consumed.add(complement.trigger.i)  # the hoped-for act is not coded either
        return None
    if pattern.intent and complement is not None:
        consumed.add(complement.trigger.i)
        decide.apply_intent(match, complement, patterns, ontology)
    elif pattern.has("complement_only") or (
        pattern.intent == "threaten" and decide.warning_of_conditions(verb, patterns)
    ):
        return None  # an intent with no act; a warning that names no coercion
    assign_roles(match, finder, patterns)
    if pattern.actor_kinds and not any(
        src.actor.sector in pattern.actor_kinds for src in match.sources
    ):
        # "demonstrators protesting": not a diplomatic protest; try the verb's next pattern
        other = verb_pattern(verb, patterns, skip=frozenset({pattern.id}))
        if other is None or other.actor_kinds:
            return None
        retry = match_of(other, verb, "verb")
        return code_verb(retry, verb_matches, consumed, finder, patterns, ontology)
    if complement is not None and pattern.intent:
        if complement.kind == "noun" and pattern.intent == "refuse":
            inner_targets = [
                ref
                for item in prep_objects(complement.trigger, complement.pattern.source_preps)
                for ref in finder.actors(item, f"author of the refused '{complement.trigger.text}'")
            ]
        elif complement.kind == "noun":
            inner_targets = [
                ref
                for item in prep_objects(complement.trigger, complement.pattern.target)
                for ref in finder.actors(item, f"'{complement.trigger.text}' + preposition")
            ]
        else:
            inner_targets = roles_of(complement, finder, patterns)[1]
        if inner_targets and (pattern.intent != "demand" or not match.targets):
            match.targets = inner_targets
        match.extra_tokens.append(complement.trigger)
    if not any(t.resolved for t in match.targets) and not pattern.has("needs_target"):
        fallback = fallback_targets(
            verb, match.sources, finder, match.event_type, grammar, ontology
        )
        if fallback:
            match.targets = fallback
            match.notes.append("recipient found in the clause around the trigger")
    if match.kind == "verb":
        if unspoken_norm(verb, grammar):
            return None
        decide.apply_tense(match, patterns, ontology)
    mutual = pattern.reciprocal and len(match.sources) > 1  # "A and B met": each other
    if pattern.has("needs_target") and not match.targets and not mutual:
        return None
    for obj in verb_objects(verb, pattern):
        match.extra_tokens.append(obj)
    if pattern.objects and match.event_type == pattern.event:
        mode_from_object(match, patterns)
    return match
