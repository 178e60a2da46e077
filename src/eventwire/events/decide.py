"""Deciding an event's type when the clause frames the act: control, tense, obligation.

The trigger's family gives a type; the clause can change it, as the PLOVER manual says:

* a control verb carries the category of its complement ("threatened to impose
  sanctions" is THREATEN, "agreed to cooperate" AGREE, "refused to meet" REJECT);
* a future act is its announcement: each category's ``future`` in ``data/plover.yaml``
  (future cooperation is AGREE, a future withdrawal CONCEDE, future force THREATEN);
* "Y must Z" reported by X is X's REQUEST of Y; a demand verb that only asserts a fact,
  an attempt ("seek to"), or a warning of no coercion is no demand or threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.match import Match, match_of
from eventwire.events.modality import is_future, normative
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Grammar, Pattern, PatternSet
from eventwire.events.roles import (
    ActorFinder,
    children,
    clause_subject,
    lemma,
    lower,
    phrase_tokens,
    prep_objects,
    speaker_of,
    words_match,
)
from eventwire.events.triggers import noun_pattern, verb_objects

# what a control verb's intent makes of its complement, when not decided by the category
VERBAL_INTENTS = {"threaten": "THREATEN", "refuse": "REJECT", "demand": "REQUEST"}


def complement(
    verb: Token, pattern: Pattern, verb_matches: dict[int, Match], patterns: PatternSet
) -> Match | None:
    """The coded act inside "threatened to X", "demanded that Y X", "agreed to X"."""
    if not pattern.intent:
        return None
    candidates = children(verb, "xcomp", "ccomp")
    for prep in children(verb, "prep"):
        candidates += children(prep, "pcomp")
    for obj in children(verb, "dobj"):
        candidates += [  # "women who were detained" describes them: no complement
            c
            for c in children(obj, "acl", "relcl")
            if not any(r.tag_ in ("WP", "WDT") for r in children(c, "nsubj", "nsubjpass"))
        ]
    for candidate in candidates:
        if candidate.i in verb_matches:
            return verb_matches[candidate.i]
        for conj in candidate.children:
            if conj.dep_ == "conj" and conj.i in verb_matches:
                return verb_matches[conj.i]
    # "promised to continue military aid", "demanded a meeting": an act named by a noun
    nouns = [t for c in candidates for t in c.subtree]
    if not pattern.has("complement_only"):  # "undertook a mediation mission" is no intent
        nouns += [t for obj in children(verb, "dobj") for t in obj.subtree]
    for token in nouns:
        if token.pos_ in ("NOUN", "PROPN") and token.i not in verb_matches:
            found = noun_pattern(token, patterns)
            if found is not None:
                return match_of(found, token, "noun")
    return None


def apply_intent(match: Match, complement: Match, patterns: PatternSet, ontology: Ontology) -> None:
    """A control verb + its complement: the verbal act about the intended one."""
    intended = complement.pattern.event
    category = ontology.category(intended)
    intent = match.pattern.intent
    verbal = VERBAL_INTENTS.get(intent or "")
    if verbal is None:  # agree / promise / plan: cooperation -> AGREE, force -> THREATEN
        if category.cooperative:
            verbal = "AGREE"
        elif category.material_conflict:
            verbal = "THREATEN"
        else:
            verbal = intended
    if complement.negated and verbal == "AGREE":
        verbal = "REJECT"
    code, mode = ontology.intent_code(verbal, intended)
    if verbal == intended:
        code, mode = complement.cameo, complement.mode
    if verbal == "THREATEN":
        # the mode is what is threatened (manual): the act and its object say it first
        mode = threat_mode(complement, patterns, content_only=True) or mode
        mode = mode or threat_mode(complement, patterns)
    match.event_type, match.cameo, match.mode = verbal, code, mode
    match.kind = "control"
    match.reciprocal_complement = complement.pattern.reciprocal
    match.notes.append(
        f"control verb '{match.trigger.text}' + complement '{complement.trigger.text}' "
        f"({complement.pattern.id}: {intended}) -> {verbal}"
    )


def threat_mode(complement: Match, patterns: PatternSet, content_only: bool = False) -> str | None:
    """The THREATEN mode named by the threatened act: with ``content_only`` by the act
    word and its objects alone ("to stop negotiations"), else by its whole clause."""
    cues = patterns.mode_cues.get("THREATEN", {})
    verb = complement.trigger
    if content_only:
        objects = verb_objects(verb, complement.pattern) if verb.pos_ == "VERB" else []
        tokens = [verb, *(t for obj in objects for t in phrase_tokens(obj))]
    else:
        tokens = list(verb.subtree)
    for mode, words in cues.items():
        if words_match(tokens, words):
            return mode
    return None


def apply_tense(match: Match, patterns: PatternSet, ontology: Ontology) -> None:
    """Future and obligation frames (manual: AGREE, CONCEDE, THREATEN, REQUEST)."""
    grammar = patterns.grammar
    verb = match.trigger
    future = is_future(verb, grammar)
    obligation = normative(verb, grammar)
    category = match.event_type
    if obligation:
        speaker = speaker_of(verb, grammar)
        if speaker is not None:
            match.targets = match.sources or match.targets
            match.extra_tokens.append(speaker)
            match.notes.append(f"'{speaker.text} ... {verb.text}' with must/should -> REQUEST")
            match.event_type, match.kind = "REQUEST", "obligation"
            match.cameo, match.mode = ontology.intent_code("REQUEST", category)
            match.sources = match.speaker
        return
    if not future:
        return
    new = None
    conditional = any(
        lower(m) == "unless" for clause in children(verb, "advcl") for m in children(clause, "mark")
    )
    if conditional and not match.negated:
        new = "THREATEN"  # "will withdraw its force unless Y ...": a conditional warning
        code, mode = ontology.intent_code(new, category)
        mode = mode or "relations"
        match.notes.append(f"future '{category}' on an 'unless' condition -> THREATEN")
        match.event_type, match.cameo, match.mode, match.kind = new, code, mode, "future"
        return
    if match.negated and ontology.category(category).cooperative:
        new = "REJECT"
        match.negated = False
    else:
        new = ontology.category(category).future
    if new is None:
        return
    code, mode = ontology.intent_code(new, category)
    if new == "THREATEN" and mode is None:
        mode = threat_mode(match, patterns)
    match.notes.append(f"future '{category}' -> {new}")
    match.event_type, match.cameo, match.mode, match.kind = new, code, mode, "future"


def code_obligation(
    match: Match, verb_matches: dict[int, Match], finder: ActorFinder, grammar: Grammar
) -> Match | None:
    """ "X said Y must Z": a demand by X on Y (manual: REQUEST covers demands)."""
    aux = match.trigger
    clause = aux.head
    if aux.dep_ != "aux" or clause.i in verb_matches:
        return None  # a coded act with must/should is handled by apply_tense
    speaker = speaker_of(clause, grammar)
    if speaker is None:
        return None
    match.sources = finder.actors(speaker, "speaker of the demand", acting=True)
    match.targets = finder.actors(clause_subject(clause, grammar), "subject of the demanded act")
    match.kind = "obligation"
    match.notes.append(f"'{speaker.text} ... {aux.text} {clause.text}' -> REQUEST")
    match.extra_tokens.append(clause)
    if not any(t.resolved for t in match.targets):
        return None  # "children should not suffer": an opinion, not a demand on an actor
    return match if match.sources else None


def asserts_instead(verb: Token, grammar: Grammar) -> bool:
    """ "insists (that) it cannot house them": a speech verb with an indicative clause
    states a fact; it demands only with "on", an object or a mandative clause."""
    if lemma(verb) not in grammar.speech_lemmas or children(verb, "dobj"):
        return False
    if prep_objects(verb, ("on", "upon")):
        return False
    for clause in children(verb, "ccomp"):
        auxes = {lower(c) for c in children(clause, "aux", "auxpass")}
        if auxes & {"should", "must", "to"}:
            return False
        if auxes & grammar.indicative_aux or clause.tag_ in ("VBZ", "VBD"):
            return True
    return False


def attempt_not_request(verb: Token, grammar: Grammar) -> bool:
    """ "seek to" + infinitive with no object of its own is an attempt (try to), while
    "seek help/a meeting" and "seek X's release" ask someone for something."""
    return (
        lemma(verb) in grammar.attempt_lemmas
        and not children(verb, "dobj")
        and any(
            any(lower(c) == "to" for c in children(x, "aux")) and not children(x, "nsubj")
            for x in children(verb, "xcomp")
        )
    )


def warning_of_conditions(verb: Token, patterns: PatternSet) -> bool:
    """ "warned that services are overstretched": a warning whose clause names no
    coded act and no force, sanction or break of relations is a statement of concern,
    not a threat (manual: THREATEN is a coercive or forceful warning)."""
    if lemma(verb) not in patterns.grammar.warning_lemmas:
        return False
    clauses = children(verb, "ccomp")
    if not clauses:
        return False
    cues = patterns.mode_cues.get("THREATEN", {})
    tokens = [t for clause in clauses for t in clause.subtree]
    return not any(words_match(tokens, words) for words in cues.values())
