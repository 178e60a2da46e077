"""Coding one noun trigger: a verbless or light-verb event ("talks between A and B",
"the attack on X", "held talks").

A noun is skipped when its clause reports no done act, when it is the wanted content of
an intent noun ("his call for a withdrawal"), a word of a name ("Doctors Under Fire"),
or an act its verb already coded. Its actor is read from a by/from phrase, a possessor,
the light verb's subject or the phrase it hangs from (``assign.noun_sources``); its
recipient from the family's prepositions, tried on the noun, the light verb and the
phrase it hangs from. A light verb in the future makes the act an announcement.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.assign import doer_preps, hanging_head, noun_sources
from eventwire.events.decide import apply_tense
from eventwire.events.match import Match, match_of
from eventwire.events.modality import intent_content, negated, reports_a_done_act
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import PatternSet
from eventwire.events.roles import ActorFinder, children, lemma, lower, prep_objects
from eventwire.events.triggers import governing_verb, name_part, noun_pattern, verb_pattern


def code_noun(
    noun: Token,
    verb_matches: dict[int, Match],
    consumed: set[int],
    finder: ActorFinder,
    patterns: PatternSet,
    ontology: Ontology,
) -> Match | None:
    """The finished match for a noun trigger, or None when it codes no event."""
    grammar = patterns.grammar
    pattern = noun_pattern(noun, patterns)
    if pattern is None:
        return None
    governor = governing_verb(noun)
    if noun.dep_ == "compound" and noun.head.i in consumed:
        return None
    if governor is not None and not reports_a_done_act(governor, patterns):
        return None  # "if X launches an attack", "X may hold talks": not (yet) done
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ == "NOUN"
        and lemma(noun.head.head) in patterns.intent_nouns
    ):
        return None  # "his call for a withdrawal", "conditions on a withdrawal": wanted
    if name_part(noun, finder):
        return None  # "Doctors Under Fire", "the Peace Corps": a word of a name
    if (
        governor is not None
        and governor.i in verb_matches
        and (noun.dep_ != "nsubj" or verb_matches[governor.i].pattern.event != pattern.event)
    ):
        return None  # the verb already coded this act (or the noun is its content)
    match = match_of(pattern, noun, "noun")
    sources, how = noun_sources(noun, pattern, governor, finder, patterns, ontology)
    targets = []
    holders = [noun] + ([noun.head] if noun.dep_ == "compound" else [])
    for holder in holders:
        preps = pattern.target
        if holder.i == noun.i and len(doer_preps(noun, pattern)) < len(pattern.source_preps):
            preps = (*preps, "of")  # "X's tour of Iraq": the possessor did it, to Iraq
        for item in prep_objects(holder, preps):
            targets += finder.actors(item, f"'{holder.text}' + preposition")
    hanging = hanging_head(noun)
    if not targets and governor is not None and lemma(governor) in patterns.light_verbs:
        for item in prep_objects(governor, pattern.target):
            targets += finder.actors(item, f"'{governor.text}' + preposition")
    if (
        not targets
        and noun.dep_ == "nsubj"
        and governor is not None
        and verb_pattern(governor, patterns) is not None
    ):
        # "US attacks have killed eight leaders": an event verb's object is what the act
        # did to someone; "the withdrawal poses a problem for X" names no recipient
        for obj in children(governor, "dobj"):
            targets += [r for r in finder.actors(obj, "object of the event's effect") if r.resolved]
        # "a roadside bomb killed four soldiers": with no doer named, the attacker is unknown
        match.unknown_doer = bool(targets) and not sources
    if not targets and hanging is not None:
        for item in prep_objects(hanging, pattern.target):
            targets += finder.actors(item, "preposition of the phrase it hangs from")
    if not targets and pattern.event in ("REQUEST", "THREATEN"):
        for clause in children(noun, "acl"):  # "the demand that X leave": X is asked
            owner = intent_content(clause, patterns)
            if owner is not None and owner.i == noun.i:
                subject = next(iter(children(clause, "nsubj")), None)
                targets += [
                    r for r in finder.actors(subject, "subject of the demanded act") if r.resolved
                ]
    source_ids = {id(s.mention) for s in sources if s.mention}
    targets = [t for t in targets if not (t.mention and id(t.mention) in source_ids)]
    if (
        pattern.reciprocal
        and len(targets) >= 2
        and not sources
        and lower(noun.head) != "with"
        and not prep_objects(noun, ("with",))
    ):
        # "talks between A and B": the members are the parties; "talks with A, B and C" names
        # only the partners of someone unnamed, never one member meeting the others
        sources, targets = targets[:1], targets[1:]
    if pattern.has("needs_target") and not targets:
        return None
    if not sources and not targets:
        return None
    match.sources, match.targets = sources, targets
    match.negated = governor is not None and negated(governor, grammar)
    match.notes.append(f"nominal event; actor from {how}")
    if governor is not None and lemma(governor) in patterns.light_verbs:
        match.extra_tokens.append(governor)
        if any(lower(c) in grammar.future_aux for c in children(governor, "aux")):
            # "will hold talks": the light verb's tense is the act's (an announcement)
            fake = Match(pattern, governor, match.event_type, match.cameo, match.mode, "verb")
            fake.negated = match.negated
            apply_tense(fake, patterns, ontology)
            match.event_type, match.cameo, match.mode = fake.event_type, fake.cameo, fake.mode
            match.notes += fake.notes
            match.negated = fake.negated
    return match
