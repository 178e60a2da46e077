"""The PLOVER mode and contexts of an event, when its family leaves them open.

A mode comes from cue words (``lexicon/modes.yaml``): first in how the act is named,
then anywhere in the sentence; then from the CAMEO code. Contexts are the family's own,
those whose cue words (``lexicon/contexts.yaml``) occur in the sentence, and the CAMEO
code's. A light verb ("started a hunger strike") takes the mode its object noun names.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.match import Match
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Grammar, PatternSet
from eventwire.events.roles import (
    conjuncts,
    direct_objects,
    lemma,
    phrase_occurs,
    phrase_tokens,
    token_forms,
    words_match,
)
from eventwire.events.triggers import noun_pattern, verb_objects


def cue_mode(match: Match, sentence: Span, patterns: PatternSet, ontology: Ontology) -> str | None:
    """The mode cue words name, else a targeted killing, else the CAMEO code's mode."""
    cues = patterns.mode_cues.get(match.event_type, {})
    trigger = match.trigger
    own = phrase_tokens(trigger) if trigger.pos_ in ("NOUN", "PROPN") else [trigger]
    for tokens in (own, list(sentence)):  # how the act is named beats words around it
        for mode, words in cues.items():
            if words_match(tokens, words):
                return mode
    if match.event_type == "ASSAULT" and kills_a_leader(trigger, patterns.grammar):
        return "targeted"
    code = ontology.cameo.get(match.cameo)
    if code and code.mode and code.mode in ontology.category(match.event_type).modes:
        return code.mode
    return None


def kills_a_leader(verb: Token, grammar: Grammar) -> bool:
    """ "guerrillas killed the deputy chief of X": killing a named office-holder is a
    targeted killing (manual: ASSAULT targeted, assassinations), when no weapon says
    more about how it was done."""
    if verb.pos_ != "VERB" or lemma(verb) not in grammar.killing_lemmas:
        return False
    victims = direct_objects(verb)
    return any(lemma(t) in grammar.leader_words for v in victims for t in conjuncts(v))


def cue_contexts(sentence: Span, patterns: PatternSet) -> list[str]:
    """Contexts whose cue words occur in the sentence (computed once per sentence)."""
    forms = token_forms(sentence)
    found: set[str] = set()
    for word in {form for pair in forms for form in pair}:
        for context, phrase in patterns.context_index.get(word, ()):
            if context not in found and phrase_occurs(forms, phrase):
                found.add(context)
    return [c for c in patterns.context_cues if c in found]


def contexts(match: Match, cue_contexts: list[str], ontology: Ontology) -> list[str]:
    """The family's contexts, the sentence's cue contexts and the CAMEO code's."""
    found = list(match.pattern.contexts) + cue_contexts
    code = ontology.cameo.get(match.cameo)
    if code:
        found += [c for c in code.contexts if c in ontology.contexts]
    return sorted(set(found))


def mode_from_object(match: Match, patterns: PatternSet) -> None:
    """ "started a hunger strike", "organized a general strike": a light verb only
    carries the act its object names, so the object's own mode and code apply."""
    for obj in verb_objects(match.trigger, match.pattern):
        noun = noun_pattern(obj, patterns)
        if noun is not None and noun.event == match.event_type and noun.mode:
            match.mode, match.cameo = noun.mode, noun.cameo
            return
