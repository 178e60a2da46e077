"""Filling an event's roles: who acted (source) and who was acted upon (target).

Roles come from the parse around the trigger, as the family's ``target`` roles say:
subject and object, passive agent and subject, a participle's noun, the owner of the
object, a preposition's object; for nouns, a possessor, demonym or by/from phrase. Then
the match is completed: a reported clause's speaker stands in for a pronoun subject, a
host family swaps guest and host, a sector-only actor takes the sentence's only country,
a protest's demand is folded into the protest, and reciprocal acts pair their actors.
The token-level helpers live in ``roles``; this module applies them to a ``Match``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.match import Match
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Grammar, Pattern, PatternSet
from eventwire.events.roles import (
    ActorFinder,
    ActorRef,
    children,
    clause_subject,
    direct_objects,
    inside_backer_modifier,
    is_passive,
    lemma,
    lower,
    participle_modified_noun,
    prep_objects,
    speaker_of,
)
from eventwire.events.triggers import noun_pattern
from eventwire.model import Actor, Mention


def assign_roles(match: Match, finder: ActorFinder, patterns: PatternSet) -> None:
    """Sources, targets and the reporting speaker of a verb match."""
    grammar = patterns.grammar
    sources, targets = roles_of(match, finder, patterns)
    match.sources, match.targets = sources, targets
    speaker = speaker_of(match.trigger, grammar)
    if speaker is not None:
        match.speaker = finder.actors(speaker, "speaker of the reported clause", acting=True)
    passive = is_passive(match.trigger, grammar)
    if (not sources or all(not s.resolved for s in sources)) and match.speaker and not passive:
        subject = clause_subject(match.trigger, grammar)
        if subject is None or subject.pos_ == "PRON":
            match.sources = match.speaker
            match.notes.append("pronoun subject read as the speaker")
    subject = clause_subject(match.trigger, grammar)
    if (
        subject is not None
        and match.speaker
        and match.speaker[0].resolved
        and any(lower(c) in ("their", "its", "his", "her") for c in children(subject, "poss"))
        and all(not (s.actor.country) for s in match.sources)
    ):
        # "Bosnian Serbs said their forces ...": the forces belong to the speaker's side
        owner = match.speaker[0].actor
        match.sources = [
            ActorRef(
                Actor(
                    name=f"{owner.name} {s.actor.sector or ''}".strip(),
                    country=owner.country,
                    sector=s.actor.sector or owner.sector,
                    text=s.actor.text,
                ),
                s.token,
                s.mention,
                "possessive of the speaker",
            )
            for s in match.sources
        ] or match.speaker
        match.notes.append("possessive pronoun read as the speaker's side")
    if match.pattern.has("host"):
        match.sources, match.targets = match.targets, match.sources
        match.notes.append("host pattern: the guest is the actor, the host the recipient")


def roles_of(
    match: Match, finder: ActorFinder, patterns: PatternSet
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(sources, targets) of a verb: participle, passive or active clause."""
    grammar = patterns.grammar
    verb = match.trigger
    pattern = match.pattern
    patient = participle_modified_noun(verb)
    if patient is not None:
        agents = prep_objects(verb, ("by",))
        sources = finder.actors(agents[0], "passive agent", acting=True) if agents else []
        taken = {id(s.mention) for s in sources if s.mention}
        targets = finder.actors(patient, "noun the participle describes", guess=False)
        targets = [t for t in targets if id(t.mention) not in taken]
        if not targets and patient.dep_ == "dobj" and noun_pattern(patient, patterns):
            # "X launched an offensive backed by Y": backing the act backs its doer
            doer = clause_subject(patient.head, grammar)
            targets = finder.actors(doer, "doer of the act the participle describes")
        return sources, [t for t in targets if id(t.mention) not in taken]
    if is_passive(verb, grammar):
        agents = prep_objects(verb, ("by",))
        sources = finder.actors(agents[0], "passive agent", acting=True) if agents else []
        if agents and is_bare_instrument(agents[0], sources, grammar):
            sources = []  # "were hit by a missile": an agentless passive
        subject = next(iter(children(verb, "nsubjpass")), None)
        targets = finder.actors(subject, "passive subject")
        if not targets:
            targets = verb_targets(verb, pattern, finder)
        return sources, targets
    subject = clause_subject(verb, grammar)
    sources = finder.actors(subject, "subject", acting=True)
    if is_bare_instrument(subject, sources, grammar):
        sources, match.unknown_doer = [], True
        match.notes.append("a weapon as subject: the attacker is unknown")
    targets = verb_targets(verb, pattern, finder)
    sources_ids = {id(s.mention) for s in sources if s.mention}
    targets = [t for t in targets if not (t.mention and id(t.mention) in sources_ids)]
    return sources, targets


def is_bare_instrument(phrase: Token | None, refs: list[ActorRef], grammar: Grammar) -> bool:
    """A weapon or blast that names no doer ("a roadside bomb", "a missile"): not an actor.

    The act then has no known source, like an agentless passive, and is kept when its
    target is known; "a Taliban bomb" or "Russian missiles" name their doer and keep it.
    """
    if phrase is None or lemma(phrase) not in grammar.instrument_words:
        return False
    return not any(ref.resolved for ref in refs)


def verb_targets(verb: Token, pattern: Pattern, finder: ActorFinder) -> list[ActorRef]:
    """The recipient, from the family's ``target`` roles tried in order."""
    objects = direct_objects(verb) + prep_objects(verb, pattern.object_preps)
    for role in pattern.target:
        found: list[ActorRef] = []
        if role in ("dobj", "dobj_actor"):
            for obj in objects:
                found += finder.actors(obj, "object", guess=role == "dobj")
        elif role == "dative":
            for dative in children(verb, "dative"):
                pobjs = children(dative, "pobj") or [dative]
                for item in pobjs:
                    found += finder.actors(item, "indirect object")
        elif role.startswith("prep:"):
            for item in prep_objects(verb, (role[5:],)):
                found += finder.actors(item, f"'{role[5:]}' phrase")
        elif role == "obj_owner":
            for obj in objects:
                found += owners(obj, finder)
        elif role.startswith("obj_prep:"):
            holders = objects + [o for obj in objects for o in prep_objects(obj, ("of",))]
            for holder in holders:
                for item in prep_objects(holder, (role[9:],)):
                    found += finder.actors(item, f"object's '{role[9:]}' phrase")
        elif role == "ccomp_subj":
            for clause in children(verb, "ccomp", "xcomp"):
                subject = next(iter(children(clause, "nsubj", "nsubjpass")), None)
                found += finder.actors(subject, "subject of the demanded act")
        elif role == "obj_acl_subj":
            for obj in objects:
                for clause in children(obj, "acl", "relcl"):
                    subject = next(iter(children(clause, "nsubj")), None)
                    found += finder.actors(subject, "subject of the demanded act")
        elif role == "obj_acl_obj":
            for obj in objects:
                for clause in children(obj, "acl", "relcl", "advcl"):
                    found += finder.actors(next(iter(children(clause, "dobj")), None), "object")
            for clause in children(verb, "advcl", "xcomp"):
                found += finder.actors(next(iter(children(clause, "dobj")), None), "object")
        found = [f for f in found if f.resolved] or found
        if any(f.resolved for f in found):
            return found
    for role in pattern.target:  # second pass: accept guessed actors in pattern order
        if role in ("dobj",):
            for obj in objects:
                guessed = finder.actors(obj, "object")
                if guessed:
                    return guessed
    return []


def owners(obj: Token, finder: ActorFinder) -> list[ActorRef]:
    """Actors owning an object ("Uganda's decision", "the Russian proposal")."""
    refs: list[ActorRef] = []
    for child in obj.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            mention = finder.index.at(child)
            if mention is not None:
                refs.append(ActorRef(mention.actor, child, mention, "owner of the object"))
    return refs


def fallback_targets(
    verb: Token,
    sources: list[ActorRef],
    finder: ActorFinder,
    category: str,
    grammar: Grammar,
    ontology: Ontology,
) -> list[ActorRef]:
    """A recipient the pattern's roles missed: the object of a purpose clause ("to help
    defend X") or an "against X" phrase inside the verb's own phrase."""
    taken = {id(s.mention) for s in sources if s.mention}
    subject = clause_subject(verb, grammar)
    skip = set(t.i for t in subject.subtree) if subject is not None else set()
    candidates: list[Token] = []
    # "threatened to X unless Y ...": the party whose conduct is the condition
    for clause in [c for c in verb.subtree if c.dep_ == "advcl"]:
        if any(lower(m) in ("if", "unless") for m in children(clause, "mark")):
            candidates += children(clause, "nsubj")
    for clause in children(verb, "xcomp", "advcl"):
        if lemma(clause) in grammar.topic_lemmas or lemma(clause) in grammar.motion_lemmas:
            continue  # "met to discuss X", "regrets travelling to X": a topic, a place
        if any(lower(c) == "to" for c in children(clause, "aux")) or clause.dep_ == "xcomp":
            candidates += [t for t in clause.subtree if t.dep_ in ("dobj", "pobj")]
    candidates += [
        t
        for t in verb.subtree
        if t.dep_ == "pobj" and lower(t.head) == "against" and t.i not in skip
    ]
    if ontology.category(category).in_place:  # acts done in a place bear on that place
        candidates += [
            t
            for t in verb.subtree
            if t.dep_ == "pobj" and lower(t.head) in ("in", "into") and t.i not in skip
        ]
    for token in candidates:
        refs = [
            r
            for r in finder.actors(token, "recipient from the surrounding clause", guess=False)
            if r.resolved and id(r.mention) not in taken
        ]
        if refs:
            return refs
    return []


def hanging_head(noun: Token) -> Token | None:
    """ "Putin by phone with X": the actor phrase a verbless event hangs from."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        head = noun.head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
    if noun.dep_ == "appos" and noun.head.pos_ in ("NOUN", "PROPN"):
        return noun.head
    return None


def doer_preps(noun: Token, pattern: Pattern) -> tuple[str, ...]:
    """Prepositions naming who did a nominal act. With a possessor ("Rouhani's tour of
    Iraq") the possessor is the doer and "of" names what the act was of or to."""
    if children(noun, "poss") and "of" in pattern.source_preps:
        return tuple(p for p in pattern.source_preps if p != "of")
    return tuple(pattern.source_preps)


def noun_sources(
    noun: Token,
    pattern: Pattern,
    governor: Token | None,
    finder: ActorFinder,
    patterns: PatternSet,
    ontology: Ontology,
) -> tuple[list[ActorRef], str]:
    """Who did a nominal act, and where that was read (for the explanation)."""
    for item in prep_objects(noun, doer_preps(noun, pattern)):
        found = finder.actors(item, f"'{noun.text}' + by/from phrase", guess=False)
        if found:
            return found, "its by/from phrase"
    for child in noun.subtree:
        if child.i < noun.i and child.dep_ in ("poss", "amod", "compound", "nmod"):
            mention = finder.index.at(child)
            if mention is not None and place_modifier(child, mention, pattern, ontology):
                continue  # "the Paris attacks": where it happened, not who did it
            if mention is not None:
                return [ActorRef(mention.actor, child, mention, "owner of the event noun")], (
                    "its possessor or demonym"
                )
    if governor is not None and lemma(governor) in patterns.light_verbs:
        if is_passive(governor, patterns.grammar):
            agents = prep_objects(governor, ("by",))
            if agents:
                return finder.actors(agents[0], "agent of the light verb"), "the light verb"
        else:
            subject = clause_subject(governor, patterns.grammar)
            found = finder.actors(subject, "subject of the light verb", acting=True)
            if found:
                return found, f"the subject of '{governor.text}'"
    hanging = hanging_head(noun)
    mention = finder.index.at(hanging) if hanging is not None else None
    if hanging is not None and mention is not None:
        ref = ActorRef(mention.actor, hanging, mention, "the phrase the event hangs from")
        return [ref], "the phrase it hangs from"
    return [], "nowhere (no actor named)"


def place_modifier(child: Token, mention: Mention, pattern: Pattern, ontology: Ontology) -> bool:
    """A city name compounded onto a violent or domestic event noun names the place.

    "the Paris attacks", "the Kabul bombing": a city stands for a government only as
    the subject of a diplomatic act ("Moscow protested"), so on an event noun of a
    kind that happens *in* a place (``in_place`` in ``data/plover.yaml``) it is the
    location (the manual codes where, not who).
    """
    return (
        child.dep_ == "compound"
        and mention.basis == "metonym"
        and ontology.category(pattern.event).in_place
    )


def place_countries(sentence: Span, finder: ActorFinder, grammar: Grammar) -> set[str]:
    """Countries named in the sentence as states, capitals or places (GOV mentions)."""
    found = set()
    for token in sentence:
        mention = finder.index.at(token)
        if (
            mention is not None
            and not inside_backer_modifier(token, grammar)
            and mention.actor.sector == "GOV"
            and mention.actor.country not in (None, "IGO", "NGO")
        ):
            found.add(mention.actor.country)
    return found


# CAMEO's transnational movement code: such a group is coded where it acts
TRANSNATIONAL_CODES = frozenset({"ISM"})


def localise(match: Match, sentence: Span, finder: ActorFinder, grammar: Grammar) -> None:
    """Sector-only actors ("rebels", "the opposition coalition") in a sentence about one
    country are taken to belong to it; an unnamed crowd protesting there too, and a
    transnational movement (CAMEO ISM: "Islamic State fighters in Iraq") fighting there.
    A sentence that names no country takes the country the whole article is about."""
    countries = place_countries(sentence, finder, grammar)
    if len(countries) == 1:
        (home,) = countries
        how = f"the only country in the sentence ({home})"
    elif not countries and finder.index.home_country:
        home = finder.index.home_country
        how = f"the country the article is about ({home})"
    else:
        return
    for refs, others in ((match.sources, match.targets), (match.targets, match.sources)):
        for position, ref in enumerate(refs):
            actor = ref.actor
            unnamed_crowd = (
                match.event_type == "PROTEST" and ref.mention is None and refs is match.sources
            )
            transnational = actor.country in TRANSNATIONAL_CODES
            if (actor.country and not transnational) or not (actor.sector or unnamed_crowd):
                continue
            if actor.sector == "GOV" and any(
                (o.actor.country, o.actor.sector) == (home, "GOV") and o.how == "object"
                for o in others
            ):
                continue  # "Minister X condemned Germany": not Germany's own government
            refs[position] = ActorRef(
                Actor(
                    name=f"{actor.name} ({home})",
                    country=home,
                    sector=actor.sector or "CVL",
                    kb_id=actor.kb_id,
                    text=actor.text,
                ),
                ref.token,
                ref.mention,
                ref.how + f", country from {how}",
            )


def absorb_protest_topics(results: list[Match]) -> list[Match]:
    """The demand a protest makes is its topic, not a separate event (manual: PROTEST).

    Its recipient becomes the protest's recipient; with none named, the protest is
    read as addressed to the government of the protesters' own country.
    """
    kept = list(results)
    for protest in [m for m in results if m.event_type == "PROTEST"]:
        for other in results:
            if (
                other is protest
                or other not in kept
                or other.event_type not in ("REQUEST", "ACCUSE")
            ):
                continue
            if protest.trigger in other.trigger.ancestors or (
                other.trigger.head == protest.trigger.head and other.trigger.i > protest.trigger.i
            ):
                kept.remove(other)
                if not any(t.resolved for t in protest.targets):
                    protest.targets = [t for t in other.targets if t.resolved]
                protest.notes.append(f"topic '{other.trigger.text}' folded into the protest")
        if not protest.targets and protest.sources and protest.sources[0].actor.country:
            home = protest.sources[0].actor.country
            if home not in ("IGO", "NGO"):
                government = Actor(name=f"government of {home}", country=home, sector="GOV")
                protest.targets = [ActorRef(government, protest.trigger, None, "default recipient")]
                protest.notes.append("no recipient named: the protesters' own government")
    return kept


def pairs(match: Match) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """(source, target) pairs, one event each: every source with every target, except
    that a reciprocal act ("A and B met") pairs its coordinated subjects."""
    sources = match.sources
    targets = match.targets
    # Only a reciprocal act ("A and B met") pairs coordinated subjects; "A and B
    # prosecute X" is two acts by two sources, never A acting on B.
    if (
        (match.pattern.reciprocal or match.reciprocal_complement)
        and len(sources) >= 2
        and not any(t.resolved for t in targets)
    ):
        distinct = []
        for ref in sources:
            if all(ref.actor.code != d.actor.code or not ref.resolved for d in distinct):
                distinct.append(ref)
        if len(distinct) >= 2:
            first = distinct[0]
            return [(first, other) for other in distinct[1:]]
        sources = distinct
    found = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
    if match.pattern.reciprocal or match.reciprocal_complement:
        # meeting or agreeing with oneself is no act between actors
        kept = [
            (s, t)
            for s, t in found
            if s is None or t is None or not (s.resolved and s.actor.code == t.actor.code)
        ]
        found = kept or [(s, None) for s in (sources or [None])]
    return found
