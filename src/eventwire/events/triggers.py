"""Finding trigger words: which lexicon family, if any, a verb or a noun matches.

A verb matches a family when one of its lemmas fits (with the particle or object word a
phrasal family names) and the family's conditions on objects, subject and prepositions
hold; a noun matches when its phrase ends in a family's lemma and carries the modifiers
the family asks for. The most specific family wins. Nothing here decides the event type
or fills roles: that is ``decide`` and ``assign``.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.patterns import Grammar, Pattern, PatternSet
from eventwire.events.roles import (
    ActorFinder,
    children,
    clause_subject,
    direct_objects,
    lemma,
    lower,
    phrase_tokens,
    prep_objects,
    verb_forms,
    words_match,
)

# spaCy entity kinds whose multi-word names may contain event words ("Doctors Under Fire").
NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "FAC", "LAW", "PRODUCT", "EVENT", "PERSON"})


def lexicon_knows(verb: Token, patterns: PatternSet) -> bool:
    """Some family lists this verb: when none fits, the lexicon has judged its sense."""
    return any(form in patterns.verb_index for form in verb_forms(verb))


def verb_pattern(
    verb: Token, patterns: PatternSet, skip: frozenset[str] = frozenset()
) -> Pattern | None:
    """The most specific verb family the verb fits, leaving out the ids in ``skip``."""
    forms = verb_forms(verb)
    candidates: list[Pattern] = []
    for form in forms:
        candidates += [p for p in patterns.verb_index.get(form, []) if p not in candidates]
    candidates.sort(key=lambda p: -matched_specificity(p, verb, forms))
    for pattern in candidates:
        if pattern.id in skip:
            continue
        if verb_fits(pattern, verb, forms, patterns.grammar):
            return pattern
    return None


def matched_specificity(pattern: Pattern, verb: Token, forms: list[str]) -> int:
    """How specific the family is for this verb: the words of the lemma that fits it
    (not the family's longest one) plus what the family demands of its arguments."""
    fitting = [len(w) for w in pattern.lemmas if w[0] in forms and lemma_fits(w, verb)]
    return pattern.constraint_weight + max(fitting, default=0)


def verb_fits(pattern: Pattern, verb: Token, forms: list[str], grammar: Grammar) -> bool:
    """The family's lemma, object words, subject words and prepositions all hold."""
    if not any(lemma_fits(words, verb) for words in pattern.lemmas if words[0] in forms):
        return False
    objects = verb_objects(verb, pattern)
    if pattern.objects and not any(words_match(phrase_tokens(o), pattern.objects) for o in objects):
        return False
    if pattern.subjects:
        subject = clause_subject(verb, grammar)
        if subject is None or not words_match(list(subject.subtree), pattern.subjects):
            return False
    if pattern.not_preps and prep_objects(verb, pattern.not_preps):
        return False
    if pattern.has("needs_no_object") and children(verb, "dobj"):
        return False
    return not pattern.has("needs_actor_object") or any(
        o.pos_ in ("PROPN", "NOUN") for o in children(verb, "dobj", "nsubjpass")
    )


def lemma_fits(words: tuple[str, ...], verb: Token) -> bool:
    """A phrasal lemma ("call off", "hit out at"): its later words are near the verb."""
    if len(words) == 1:
        return True
    near = {lower(c) for c in verb.children} | {lemma(c) for c in verb.children}
    for child in verb.children:
        near |= {lower(g) for g in child.children} | {lemma(g) for g in child.children}
    return all(word in near for word in words[1:])


def verb_objects(verb: Token, pattern: Pattern) -> list[Token]:
    """The verb's objects as the family counts them, with coordinated ones."""
    found = direct_objects(verb) + children(verb, "obj", "attr", "oprd")
    if pattern.object_preps:
        found += prep_objects(verb, pattern.object_preps)
    expanded: list[Token] = []
    for obj in found:
        expanded.append(obj)
        expanded.extend(c for c in obj.children if c.dep_ == "conj")
    return expanded


def noun_pattern(noun: Token, patterns: PatternSet) -> Pattern | None:
    """The first noun family whose lemma ends the noun's phrase ("air strike")."""
    for pattern in patterns.noun_index.get(lower(noun), []) + patterns.noun_index.get(
        lemma(noun), []
    ):
        tokens = phrase_tokens(noun)
        if not any(
            words_match(tokens, (words,)) and words[-1] in (lower(noun), lemma(noun))
            for words in pattern.lemmas
        ):
            continue
        if pattern.modifiers and not words_match(tokens, pattern.modifiers):
            continue
        return pattern
    return None


def named_agent(participle: Token, finder: ActorFinder) -> bool:
    """ "the army, praised by France": a describing participle whose by-agent is a
    known actor reports that actor's act on the noun, so it is coded, not skipped."""
    return any(
        ref.resolved
        for agent in prep_objects(participle, ("by",))
        for ref in finder.actors(agent, "passive agent", guess=False)
    )


def name_part(noun: Token, finder: ActorFinder) -> bool:
    """A capitalised event word inside a multi-word name (organisation, title, law)."""
    if finder.index.at(noun) is not None:
        return True
    if noun.pos_ != "PROPN":
        return False
    before = noun.nbor(-1) if noun.i > noun.sent.start else None
    if before is not None and before.is_title and before.pos_ in ("ADP", "DET", "CCONJ"):
        return True  # "Doctors Under Fire": only names and titles capitalise "Under"
    if noun.ent_type_ not in NAME_ENTITIES:
        return False
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    return noun.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger hangs from ("held talks", "the start of an attack")."""
    current = noun
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if current.dep_ in ("pobj", "dobj", "conj", "compound", "appos") or head.dep_ == "prep":
            current = head
            continue
        return None
    return None
