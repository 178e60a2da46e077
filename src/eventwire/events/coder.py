"""The PLOVER event coder: triggers from the pattern files, roles from the parse.

For every sentence the coder finds verb triggers, then noun triggers, and for each
works out who acted (subject, or the passive agent), who was acted upon (the roles the
pattern names), and how the clause frames it:

* control verbs carry the category of their complement ("threatened to impose
  sanctions" is THREATEN, "agreed to cooperate" is AGREE, "refused to meet" REJECT);
* future tense turns cooperation into AGREE and force into THREATEN, as the manual's
  AGREE, CONCEDE and THREATEN sections say; "Y must Z" reported by X is X REQUEST Y;
* negation is kept on the event (``negated``) and left out of default output;
* reported speech ("X said Y attacked Z") codes Y -> Z, the speaker only standing in
  for a pronoun subject ("Hungary said it will ...");
* coordinated actors give reciprocal events (A and B met: A -> B) only for reciprocal
  patterns; otherwise each is a source of its own event; coordinated targets one event
  per target;
* only acts that took place are coded: not the content of a demand or plan noun ("the
  demand that X leave"), nor acts under may/might/could, in if-clauses, questions,
  forecasts ("is expected to", "likely to"), purposes ("a force to be stationed") or
  habits ("visit each year");
* a city compounded onto a violent event noun is its place ("the Paris attacks"), and a
  noun a participle describes is that participle's actor or patient, not the main subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.events.ontology import Ontology, load_ontology
from eventwire.events.patterns import Pattern, PatternSet, load_patterns
from eventwire.events.roles import (
    SPEECH_LEMMAS,
    ActorFinder,
    ActorRef,
    MentionIndex,
    children,
    clause_subject,
    conjuncts,
    direct_objects,
    inside_backer_modifier,
    is_passive,
    lemma,
    lower,
    participle_modified_noun,
    phrase_occurs,
    phrase_tokens,
    prep_objects,
    speaker_of,
    token_forms,
    verb_forms,
    words_match,
)
from eventwire.model import Actor, Article, Event, Mention
from eventwire.nlp import sentences

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
# Modals of possibility: "X may recognise Y", "X could attack" say what is possible, not
# what was done; PLOVER codes acts that took place ("could not" is a negated, failed act).
POSSIBILITY_AUX = frozenset({"may", "might", "could"})
# Entity kinds whose multi-word names may contain event words ("Doctors Under Fire").
NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "FAC", "LAW", "PRODUCT", "EVENT", "PERSON"})
# Adjectives of likelihood: "X is likely to attack" forecasts an act (manual codes acts).
LIKELIHOOD_WORDS = frozenset({"likely", "unlikely", "liable", "possible", "bound"})
# Words of frequency: "journalists visit each year" describes a habit, not an event.
FREQUENCY_WORDS = frozenset(
    {
        "usually",
        "often",
        "regularly",
        "routinely",
        "frequently",
        "sometimes",
        "typically",
        "generally",
        "normally",
        "always",
        "seldom",
        "rarely",
        "annually",
    }
)
# Subordinators of a condition: the act in "if X attacks" is supposed, not reported.
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Auxiliaries of an indicative clause: "insists that it cannot house them" asserts a fact;
# only a mandative clause ("insists that it leave / should leave") is a demand.
INDICATIVE_AUX = frozenset(
    {
        "can",
        "ca",
        "cannot",
        "will",
        "wo",
        "would",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "does",
        "did",
        "do",
        "'s",
        "'re",
        "'ve",
        "'ll",
        "may",
        "might",
        "could",
    }
)
OBLIGATION_AUX = frozenset({"must", "should"})
WILLING_WORDS = frozenset({"willing", "ready", "prepared", "determined", "eager", "committed"})
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
# Killing verbs and the office-holders whose killing is a targeted one (ASSAULT modes).
KILLING_LEMMAS = frozenset({"kill", "murder", "slay", "assassinate", "execute", "behead"})
LEADER_WORDS = frozenset(
    {"leader", "chief", "commander", "minister", "president", "premier", "mayor", "governor"}
)
# "X was unable to attack": an inability says the act did not occur (like "could not").
INABILITY_WORDS = frozenset({"unable", "incapable"})
# "seek/try/attempt to X" is the subject's own attempt at X, never a request to someone
ATTEMPT_LEMMAS = frozenset({"seek", "try", "attempt", "strive", "endeavour", "endeavor"})
# verbs that threaten only when what they warn of is coercive (manual: THREATEN)
WARNING_LEMMAS = frozenset({"warn", "caution"})
# "met to discuss X": verbs whose object is a topic, never a party acted upon
TOPIC_LEMMAS = frozenset({"discuss", "debate", "consider", "review", "examine", "address"})
# "travelling to X": where a motion verb leads is a place, not a party acted upon
MOTION_LEMMAS = frozenset({"travel", "go", "come", "move", "flee", "journey", "fly", "head"})
# verbs of aiming at or averting an outcome: their clause is no act that took place
ENSURE_LEMMAS = frozenset({"ensure", "insure"})
PREVENT_LEMMAS = frozenset({"prevent", "stop", "keep", "deter", "bar", "prohibit", "ban"})
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")
# Domestic acts whose recipient is often only the place they happen in.
IN_PLACE_CATEGORIES = frozenset({"CONCEDE", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def modal_auxes(verb: Token) -> list[Token]:
    """The verb's auxiliaries; a coordinated verb with none of its own shares those of the
    first verb ("will invade and occupy X": the occupying is as future as the invading)."""
    own = children(verb, "aux")
    if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return own
    first = verb.head
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    return [a for a in children(first, "aux") if lower(a) != "to"]


@dataclass
class Match:
    """A trigger token that matched a pattern, before roles are turned into events."""

    pattern: Pattern
    trigger: Token
    event_type: str
    cameo: str
    mode: str | None
    kind: str  # verb | control | future | obligation | noun
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    negated: bool = False
    notes: list[str] = field(default_factory=list)
    extra_tokens: list[Token] = field(default_factory=list)
    speaker: list[ActorRef] = field(default_factory=list)
    reciprocal_complement: bool = False  # "A and B decided to meet": the act is mutual


def is_resolved(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.sector)


def is_question(sentence: Span) -> bool:
    """A question ("Will Iran strike?") asserts no act, so it codes none."""
    words = [t for t in sentence if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text == "?"


def is_attributed(event: Event) -> bool:
    """An event record needs a known actor: who did it, or (agentless passive) whom it hit.

    A source phrase that names no actor ("the tent", "a lot of the children") means
    the trigger was not a political act between actors, so the event is dropped;
    "Isis fighters were killed" (no source phrase, a known target) is kept.
    """
    if event.source is not None:
        return is_resolved(event.source)
    return is_resolved(event.target)


class EventCoder:
    """Codes one parsed document into events; load once, call per document."""

    _cached: EventCoder | None = None

    def __init__(self, patterns: PatternSet, ontology: Ontology) -> None:
        self.patterns = patterns
        self.ontology = ontology

    @classmethod
    def load(cls) -> EventCoder:
        if cls._cached is None:
            cls._cached = cls(load_patterns(), load_ontology())
        return cls._cached

    # -- front door ---------------------------------------------------------------------

    def code(self, doc: Doc, mentions: list[Mention], article: Article) -> list[Event]:
        finder = ActorFinder(MentionIndex(doc, mentions))
        text = doc.text  # built once: Doc.text walks every token
        events: list[Event] = []
        for index, sentence in enumerate(sentences(doc)):
            if is_question(sentence):
                continue
            matches = self.sentence_matches(sentence, finder)
            if not matches:
                continue
            cue_contexts = self._cue_contexts(sentence)
            for match in matches:
                events.extend(self._events(match, sentence, index, text, cue_contexts, article.id))
        return [e for e in self._deduplicate(events) if is_attributed(e)]

    # -- finding triggers -----------------------------------------------------------------

    def sentence_matches(self, sentence: Span, finder: ActorFinder) -> list[Match]:
        consumed: set[int] = set()
        verb_matches: dict[int, Match] = {}
        for token in sentence:
            if (
                token.dep_ in ("acl", "amod")
                and token.tag_ == "VBN"
                and not any(direct_objects(v) for v in [token, *children(token, "conj")])
                and not self._named_agent(token, finder)
            ):
                continue  # "militiamen armed with machetes": a description, not an act
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                pattern = self._verb_pattern(token)
                if pattern is not None:
                    verb_matches[token.i] = Match(
                        pattern, token, pattern.event, pattern.cameo, pattern.mode, "verb"
                    )
        results: list[Match] = []
        # Control verbs first so their complements are consumed before being coded alone.
        ordered = sorted(
            verb_matches.values(), key=lambda m: (m.pattern.intent is None, m.trigger.i)
        )
        for match in ordered:
            if match.trigger.i in consumed or not self._reports_a_done_act(match.trigger):
                continue
            coded = self._code_verb(match, verb_matches, consumed, finder)
            if coded is not None:
                results.append(coded)
        for match in results:
            consumed.update(t.i for t in match.extra_tokens)
        # verbs that matched a pattern but coded nothing ("undertook a mission") are free
        verb_matches = {
            i: m
            for i, m in verb_matches.items()
            if i in consumed or any(r.trigger.i == i for r in results)
        }
        for token in sentence:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
                coded = self._code_noun(token, verb_matches, consumed, finder)
                if coded is not None:
                    results.append(coded)
        for match in results:
            self._localise(match, sentence, finder)
        return self._absorb_protest_topics(results)

    @staticmethod
    def _named_agent(participle: Token, finder: ActorFinder) -> bool:
        """ "the army, praised by France": a describing participle whose by-agent is a
        known actor reports that actor's act on the noun, so it is coded, not skipped."""
        return any(
            ref.resolved
            for agent in prep_objects(participle, ("by",))
            for ref in finder.actors(agent, "passive agent", guess=False)
        )

    def _reports_a_done_act(self, verb: Token) -> bool:
        """False for an act that is only wanted, supposed or possible (grammar tells which).

        Such verbs stay available as complements ("threatened to attack if ...").
        """
        if self._intent_content(verb) is not None:
            return False
        auxes = {lower(c) for c in modal_auxes(verb)} | {
            lower(c) for c in children(verb, "auxpass")
        }
        if auxes & POSSIBILITY_AUX and not (auxes == {"could"} and self._negated(verb)):
            return False
        if "would" in auxes and speaker_of(verb) is None:
            return False  # "something Assad would resist": a supposition, not reported intent
        clause = verb
        while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if self._habitual(verb) or self._inside_a_plan(verb):
            return False
        if clause.dep_ == "xcomp" and lemma(clause.head) in LIKELIHOOD_WORDS:
            return False
        if self._goal_clause(clause):
            return False
        if (
            clause.dep_ == "acl"
            and clause.head.pos_ in ("NOUN", "PROPN")
            and any(lower(c) == "to" for c in children(clause, "aux"))
        ):
            return False  # "a force to be stationed", "troops to protect": a purpose
        if any(lower(c) == "to" for c in children(clause, "aux")) and any(
            lower(m) == "for" for m in children(clause, "mark")
        ):
            return False  # "called for a force to be stationed": the wanted act
        return not (
            clause.dep_ == "advcl"
            and any(lower(m) in CONDITION_MARKS for m in children(clause, "mark"))
        )

    @staticmethod
    def _goal_clause(clause: Token) -> bool:
        """ "make sure (that) X does not attack", "ensure X withdraws", "prevent X from
        being killed": the clause names an outcome aimed at or averted, not a done act."""
        head = clause.head
        if clause.dep_ in ("ccomp", "csubj"):
            if lemma(head) in ENSURE_LEMMAS:
                return True
            return lower(head) in ("sure", "certain") and lemma(head.head) == "make"
        return (
            clause.dep_ == "pcomp" and lower(head) == "from" and lemma(head.head) in PREVENT_LEMMAS
        )

    def _inside_a_plan(self, verb: Token) -> bool:
        """ "aims to do more to help X", "camps set up to receive refugees": an infinitive
        further down a plan verb's complement, or the purpose of a describing participle,
        is intended, not done (the plan verb itself codes AGREE/THREATEN if anything)."""
        current = verb
        for depth in range(4):
            infinitive = any(lower(c) == "to" for c in children(current, "aux"))
            if current.dep_ not in ("xcomp", "advcl", "conj") or not (
                infinitive or current.dep_ != "advcl"
            ):
                return False
            head = current.head
            if depth and head.pos_ == "VERB" and self._plans(head):
                return True
            if infinitive and head.dep_ == "acl" and head.tag_ == "VBN":
                return True
            current = head
        return False

    def _plans(self, verb: Token) -> bool:
        return any(
            p.intent == "promise" and p.has("complement_only")
            for form in verb_forms(verb)
            for p in self.patterns.verb_index.get(form, [])
        )

    @staticmethod
    def _habitual(verb: Token) -> bool:
        """Simple present with a frequency word ("visit each year", "often protest"): a
        habit or a general truth, which PLOVER does not code as an event."""
        if verb.tag_ not in ("VBZ", "VBP") or children(verb, "aux", "auxpass"):
            return False
        for child in children(verb, "advmod", "npadvmod"):
            if lower(child) in FREQUENCY_WORDS:
                return True
            if any(lower(d) in ("each", "every") for d in children(child, "det")):
                return True
        return False

    def _intent_content(self, verb: Token) -> Token | None:
        """The noun whose content clause ``verb`` heads ("the demand that X leave"), if any.

        Such a clause names a wanted, planned or promised act, not one that took place;
        relative clauses ("the plan that X drafted") have no "that"/"to" marker and pass.
        """
        while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        head = verb.head
        if (
            verb.dep_ != "acl"
            or head.pos_ != "NOUN"
            or lemma(head) not in self.patterns.intent_nouns
        ):
            return None
        marked = any(lower(c) == "that" for c in children(verb, "mark")) or any(
            lower(c) == "to" for c in children(verb, "aux")
        )
        return head if marked else None

    @staticmethod
    def _absorb_protest_topics(results: list[Match]) -> list[Match]:
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
                    or other.event_type
                    not in (
                        "REQUEST",
                        "ACCUSE",
                    )
                ):
                    continue
                if protest.trigger in other.trigger.ancestors or (
                    other.trigger.head == protest.trigger.head
                    and other.trigger.i > protest.trigger.i
                ):
                    kept.remove(other)
                    if not any(t.resolved for t in protest.targets):
                        protest.targets = [t for t in other.targets if t.resolved]
                    protest.notes.append(f"topic '{other.trigger.text}' folded into the protest")
            if not protest.targets and protest.sources and protest.sources[0].actor.country:
                home = protest.sources[0].actor.country
                if home not in ("IGO", "NGO"):
                    government = Actor(name=f"government of {home}", country=home, sector="GOV")
                    protest.targets = [
                        ActorRef(government, protest.trigger, None, "default recipient")
                    ]
                    protest.notes.append("no recipient named: the protesters' own government")
        return kept

    def _verb_pattern(self, verb: Token, skip: frozenset[str] = frozenset()) -> Pattern | None:
        forms = verb_forms(verb)
        candidates: list[Pattern] = []
        for form in forms:
            candidates += [p for p in self.patterns.verb_index.get(form, []) if p not in candidates]
        candidates.sort(key=lambda p: -p.specificity)
        for pattern in candidates:
            if pattern.id in skip:
                continue
            if self._verb_fits(pattern, verb, forms):
                return pattern
        return None

    def _verb_fits(self, pattern: Pattern, verb: Token, forms: list[str]) -> bool:
        if not any(self._lemma_fits(words, verb) for words in pattern.lemmas if words[0] in forms):
            return False
        objects = self._verb_objects(verb, pattern)
        if pattern.objects and not any(
            words_match(phrase_tokens(o), pattern.objects) for o in objects
        ):
            return False
        if pattern.subjects:
            subject = clause_subject(verb)
            if subject is None or not words_match(list(subject.subtree), pattern.subjects):
                return False
        if pattern.not_preps and prep_objects(verb, pattern.not_preps):
            return False
        if pattern.has("needs_no_object") and children(verb, "dobj"):
            return False
        return not pattern.has("needs_actor_object") or any(
            o.pos_ in ("PROPN", "NOUN") for o in children(verb, "dobj", "nsubjpass")
        )

    @staticmethod
    def _lemma_fits(words: tuple[str, ...], verb: Token) -> bool:
        if len(words) == 1:
            return True
        near = {lower(c) for c in verb.children} | {lemma(c) for c in verb.children}
        for child in verb.children:
            near |= {lower(g) for g in child.children} | {lemma(g) for g in child.children}
        return all(word in near for word in words[1:])

    @staticmethod
    def _verb_objects(verb: Token, pattern: Pattern) -> list[Token]:
        found = direct_objects(verb) + children(verb, "obj", "attr", "oprd")
        if pattern.object_preps:
            found += prep_objects(verb, pattern.object_preps)
        expanded: list[Token] = []
        for obj in found:
            expanded.append(obj)
            expanded.extend(c for c in obj.children if c.dep_ == "conj")
        return expanded

    # -- verb triggers ------------------------------------------------------------------

    def _code_verb(
        self,
        match: Match,
        verb_matches: dict[int, Match],
        consumed: set[int],
        finder: ActorFinder,
    ) -> Match | None:
        verb = match.trigger
        pattern = match.pattern
        if pattern.has("obligation"):
            return self._code_obligation(match, verb_matches, finder)
        subject = clause_subject(verb)
        if (
            subject is not None
            and subject.dep_ == "nsubj"
            and subject.pos_ == "NOUN"
            and subject.head == verb
            and (noun_pattern := self._noun_pattern(subject)) is not None
            and noun_pattern.event == pattern.event
        ):
            return None  # "an attack on X by Y killed ten": the event noun carries the roles
        if (
            subject is not None
            and subject.dep_ == "nsubj"
            and subject.pos_ == "NOUN"
            and not is_passive(verb)
            and (
                lemma(subject) in self.patterns.intent_nouns
                or (children(subject, "poss") and self._noun_pattern(subject) is not None)
            )
        ):
            # "X's demand met a mixed response": an act is the subject, not an actor; its
            # possessor did the demanding, not the meeting (the noun is coded on its own)
            return None
        if pattern.intent == "demand" and self._asserts_instead(verb):
            return None
        if pattern.intent == "demand" and self._attempt_not_request(verb):
            # "sought to change his mind": the subject tries the act itself, it asks nobody
            other = self._verb_pattern(verb, skip=frozenset({pattern.id}))
            if other is None or other.intent == "demand":
                return None
            retry = Match(other, verb, other.event, other.cameo, other.mode, "verb")
            return self._code_verb(retry, verb_matches, consumed, finder)
        if pattern.intent == "promise" and (
            is_passive(verb)
            or (
                pattern.has("complement_only")
                and children(verb, "dobj")
                and children(verb, "xcomp")
            )
        ):
            # "X is expected to sign" is someone's forecast; "expect Y to sign" puts the act
            # on Y: in neither does the subject commit itself (manual: AGREE is a commitment)
            return None
        match.negated = self._negated(verb)
        complement = self._complement(verb, pattern, verb_matches, finder)
        if pattern.intent and complement is not None:
            consumed.add(complement.trigger.i)
            self._apply_intent(match, complement)
        elif pattern.has("complement_only") or (
            pattern.intent == "threaten" and self._warning_of_conditions(verb)
        ):
            return None  # an intent with no act; a warning that names no coercion
        self._assign_roles(match, finder)
        if pattern.actor_kinds and not any(
            src.actor.sector in pattern.actor_kinds for src in match.sources
        ):
            # "demonstrators protesting": not a diplomatic protest; try the verb's next pattern
            other = self._verb_pattern(verb, skip=frozenset({pattern.id}))
            if other is None or other.actor_kinds:
                return None
            retry = Match(other, verb, other.event, other.cameo, other.mode, "verb")
            return self._code_verb(retry, verb_matches, consumed, finder)
        if complement is not None and pattern.intent:
            if complement.kind == "noun" and pattern.intent == "refuse":
                inner_targets = [
                    ref
                    for item in prep_objects(complement.trigger, complement.pattern.source_preps)
                    for ref in finder.actors(
                        item, f"author of the refused '{complement.trigger.text}'"
                    )
                ]
            elif complement.kind == "noun":
                inner_targets = [
                    ref
                    for item in prep_objects(complement.trigger, complement.pattern.target)
                    for ref in finder.actors(item, f"'{complement.trigger.text}' + preposition")
                ]
            else:
                inner_targets = self._roles_of(complement, finder)[1]
            if inner_targets and (pattern.intent != "demand" or not match.targets):
                match.targets = inner_targets
            match.extra_tokens.append(complement.trigger)
        if not any(t.resolved for t in match.targets) and not pattern.has("needs_target"):
            fallback = self._fallback_targets(verb, match.sources, finder, match.event_type)
            if fallback:
                match.targets = fallback
                match.notes.append("recipient found in the clause around the trigger")
        if match.kind == "verb":
            if self._unspoken_norm(verb):
                return None
            self._apply_tense(match)
        if pattern.has("needs_target") and not match.targets:
            return None
        for obj in self._verb_objects(verb, pattern):
            match.extra_tokens.append(obj)
        if pattern.objects and match.event_type == pattern.event:
            self._mode_from_object(match)
        return match

    def _mode_from_object(self, match: Match) -> None:
        """ "started a hunger strike", "organized a general strike": a light verb only
        carries the act its object names, so the object's own mode and code apply."""
        for obj in self._verb_objects(match.trigger, match.pattern):
            noun = self._noun_pattern(obj)
            if noun is not None and noun.event == match.event_type and noun.mode:
                match.mode, match.cameo = noun.mode, noun.cameo
                return

    @staticmethod
    def _asserts_instead(verb: Token) -> bool:
        """ "insists (that) it cannot house them": a speech verb with an indicative clause
        states a fact; it demands only with "on", an object or a mandative clause."""
        if lemma(verb) not in SPEECH_LEMMAS or children(verb, "dobj"):
            return False
        if prep_objects(verb, ("on", "upon")):
            return False
        for clause in children(verb, "ccomp"):
            auxes = {lower(c) for c in children(clause, "aux", "auxpass")}
            if auxes & {"should", "must", "to"}:
                return False
            if auxes & INDICATIVE_AUX or clause.tag_ in ("VBZ", "VBD"):
                return True
        return False

    @staticmethod
    def _attempt_not_request(verb: Token) -> bool:
        """ "seek to" + infinitive with no object of its own is an attempt (try to), while
        "seek help/a meeting" and "seek X's release" ask someone for something."""
        return (
            lemma(verb) in ATTEMPT_LEMMAS
            and not children(verb, "dobj")
            and any(
                any(lower(c) == "to" for c in children(x, "aux")) and not children(x, "nsubj")
                for x in children(verb, "xcomp")
            )
        )

    def _warning_of_conditions(self, verb: Token) -> bool:
        """ "warned that services are overstretched": a warning whose clause names no
        coded act and no force, sanction or break of relations is a statement of concern,
        not a threat (manual: THREATEN is a coercive or forceful warning)."""
        if lemma(verb) not in WARNING_LEMMAS:
            return False
        clauses = children(verb, "ccomp")
        if not clauses:
            return False
        cues = self.patterns.mode_cues.get("THREATEN", {})
        tokens = [t for clause in clauses for t in clause.subtree]
        return not any(words_match(tokens, words) for words in cues.values())

    def _complement(
        self,
        verb: Token,
        pattern: Pattern,
        verb_matches: dict[int, Match],
        finder: ActorFinder,
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
                noun_pattern = self._noun_pattern(token)
                if noun_pattern is not None:
                    return Match(
                        noun_pattern,
                        token,
                        noun_pattern.event,
                        noun_pattern.cameo,
                        noun_pattern.mode,
                        "noun",
                    )
        return None

    @staticmethod
    def _fallback_targets(
        verb: Token, sources: list[ActorRef], finder: ActorFinder, category: str
    ) -> list[ActorRef]:
        """A recipient the pattern's roles missed: the object of a purpose clause ("to help
        defend X") or an "against X" phrase inside the verb's own phrase."""
        taken = {id(s.mention) for s in sources if s.mention}
        subject = clause_subject(verb)
        skip = set(t.i for t in subject.subtree) if subject is not None else set()
        candidates: list[Token] = []
        # "threatened to X unless Y ...": the party whose conduct is the condition
        for clause in [c for c in verb.subtree if c.dep_ == "advcl"]:
            if any(lower(m) in ("if", "unless") for m in children(clause, "mark")):
                candidates += children(clause, "nsubj")
        for clause in children(verb, "xcomp", "advcl"):
            if lemma(clause) in TOPIC_LEMMAS or lemma(clause) in MOTION_LEMMAS:
                continue  # "met to discuss X", "regrets travelling to X": a topic, a place
            if any(lower(c) == "to" for c in children(clause, "aux")) or clause.dep_ == "xcomp":
                candidates += [t for t in clause.subtree if t.dep_ in ("dobj", "pobj")]
        candidates += [
            t
            for t in verb.subtree
            if t.dep_ == "pobj" and lower(t.head) == "against" and t.i not in skip
        ]
        if category in IN_PLACE_CATEGORIES:  # acts done in a place bear on that place
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

    def _code_obligation(
        self, match: Match, verb_matches: dict[int, Match], finder: ActorFinder
    ) -> Match | None:
        """ "X said Y must Z": a demand by X on Y (manual: REQUEST covers demands)."""
        aux = match.trigger
        clause = aux.head
        if aux.dep_ != "aux" or clause.i in verb_matches:
            return None  # a coded act with must/should is handled by _apply_tense
        speaker = speaker_of(clause)
        if speaker is None:
            return None
        match.sources = finder.actors(speaker, "speaker of the demand", acting=True)
        match.targets = finder.actors(clause_subject(clause), "subject of the demanded act")
        match.kind = "obligation"
        match.notes.append(f"'{speaker.text} ... {aux.text} {clause.text}' -> REQUEST")
        match.extra_tokens.append(clause)
        if not any(t.resolved for t in match.targets):
            return None  # "children should not suffer": an opinion, not a demand on an actor
        return match if match.sources else None

    def _apply_intent(self, match: Match, complement: Match) -> None:
        intended = complement.pattern.event
        category = self.ontology.category(intended)
        intent = match.pattern.intent
        verbal = {
            "threaten": "THREATEN",
            "refuse": "REJECT",
            "demand": "REQUEST",
        }.get(intent or "")
        if verbal is None:  # agree / promise / plan: cooperation -> AGREE, force -> THREATEN
            if category.cooperative:
                verbal = "AGREE"
            elif intended in MATERIAL_CONFLICT:
                verbal = "THREATEN"
            else:
                verbal = intended
        if complement.negated and verbal == "AGREE":
            verbal = "REJECT"
        code, mode = self.ontology.intent_code(verbal, intended)
        if verbal == intended:
            code, mode = complement.cameo, complement.mode
        if verbal == "THREATEN":
            # the mode is what is threatened (manual): the act and its object say it first
            mode = self._threat_mode(complement, content_only=True) or mode
            mode = mode or self._threat_mode(complement)
        match.event_type, match.cameo, match.mode = verbal, code, mode
        match.kind = "control"
        match.reciprocal_complement = complement.pattern.reciprocal
        match.notes.append(
            f"control verb '{match.trigger.text}' + complement '{complement.trigger.text}' "
            f"({complement.pattern.id}: {intended}) -> {verbal}"
        )

    def _threat_mode(self, complement: Match, content_only: bool = False) -> str | None:
        """The THREATEN mode named by the threatened act: with ``content_only`` by the act
        word and its objects alone ("to stop negotiations"), else by its whole clause."""
        cues = self.patterns.mode_cues.get("THREATEN", {})
        verb = complement.trigger
        if content_only:
            objects = self._verb_objects(verb, complement.pattern) if verb.pos_ == "VERB" else []
            tokens = [verb, *(t for obj in objects for t in phrase_tokens(obj))]
        else:
            tokens = list(verb.subtree)
        for mode, words in cues.items():
            if words_match(tokens, words):
                return mode
        return None

    @staticmethod
    def _unspoken_norm(verb: Token) -> bool:
        """ "her activities must be investigated" with nobody saying so: the writer's view of
        what ought to happen, not an act and not anyone's demand (manual: REQUEST needs a
        source who asks)."""
        return EventCoder._normative(verb) and speaker_of(verb) is None

    @staticmethod
    def _normative(verb: Token) -> bool:
        """ "must/should X", "need to X", "ought to X", "has to X": what ought to happen.
        Past "had to withdraw" reports a forced act that happened, so it stays an act."""
        if any(lower(c) in OBLIGATION_AUX for c in modal_auxes(verb)):
            return True
        if verb.dep_ != "xcomp" or not any(lower(c) == "to" for c in children(verb, "aux")):
            return False
        head = verb.head
        return lemma(head) in ("need", "ought") or (
            lemma(head) == "have" and head.tag_ in ("VBZ", "VBP")
        )

    def _apply_tense(self, match: Match) -> None:
        """Future and obligation frames (manual: AGREE, CONCEDE, THREATEN, REQUEST)."""
        verb = match.trigger
        future = (
            any(lower(c) in FUTURE_AUX for c in modal_auxes(verb))
            or (verb.dep_ == "xcomp" and lower(verb.head) in WILLING_WORDS)
            or (verb.dep_ == "pcomp" and lower(verb.head.head) in WILLING_WORDS)
        )
        obligation = self._normative(verb)
        category = match.event_type
        if obligation:
            speaker = speaker_of(verb)
            if speaker is not None:
                match.targets = match.sources or match.targets
                match.extra_tokens.append(speaker)
                match.notes.append(f"'{speaker.text} ... {verb.text}' with must/should -> REQUEST")
                match.event_type, match.kind = "REQUEST", "obligation"
                match.cameo, match.mode = self.ontology.intent_code("REQUEST", category)
                match.sources = match.speaker
            return
        if not future:
            return
        new = None
        conditional = any(
            lower(m) == "unless"
            for clause in children(verb, "advcl")
            for m in children(clause, "mark")
        )
        if conditional and not match.negated:
            new = "THREATEN"  # "will withdraw its force unless Y ...": a conditional warning
            code, mode = self.ontology.intent_code(new, category)
            mode = mode or "relations"
            match.notes.append(f"future '{category}' on an 'unless' condition -> THREATEN")
            match.event_type, match.cameo, match.mode, match.kind = new, code, mode, "future"
            return
        if match.negated and self.ontology.category(category).cooperative:
            new = "REJECT"
            match.negated = False
        elif category in FUTURE_TO_AGREE:
            new = "AGREE"
        elif category == "RETREAT":
            new = "CONCEDE"
        elif category in MATERIAL_CONFLICT:
            new = "THREATEN"
        if new is None:
            return
        code, mode = self.ontology.intent_code(new, category)
        if new == "THREATEN" and mode is None:
            mode = self._threat_mode(match)
        match.notes.append(f"future '{category}' -> {new}")
        match.event_type, match.cameo, match.mode, match.kind = new, code, mode, "future"

    @staticmethod
    def _negated(verb: Token) -> bool:
        if any(c.dep_ == "neg" or lower(c) in NEGATION_WORDS for c in verb.children):
            return True
        aux_heads = [verb.head] if verb.dep_ in ("xcomp",) and lemma(verb.head) in ("be",) else []
        if verb.dep_ == "xcomp" and lower(verb.head) in INABILITY_WORDS:
            return True  # "was unable to attack": the act did not take place
        if verb.dep_ == "xcomp" and lower(verb.head) == "able" and verb.head.dep_ == "acomp":
            aux_heads.append(verb.head.head)  # "was not able to attack"
        return any(any(c.dep_ == "neg" for c in h.children) for h in aux_heads)

    # -- roles -------------------------------------------------------------------------

    def _assign_roles(self, match: Match, finder: ActorFinder) -> None:
        sources, targets = self._roles_of(match, finder)
        match.sources, match.targets = sources, targets
        speaker = speaker_of(match.trigger)
        if speaker is not None:
            match.speaker = finder.actors(speaker, "speaker of the reported clause", acting=True)
        passive = is_passive(match.trigger)
        if (not sources or all(not s.resolved for s in sources)) and match.speaker and not passive:
            subject = clause_subject(match.trigger)
            if subject is None or subject.pos_ == "PRON":
                match.sources = match.speaker
                match.notes.append("pronoun subject read as the speaker")
        subject = clause_subject(match.trigger)
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

    def _roles_of(self, match: Match, finder: ActorFinder) -> tuple[list[ActorRef], list[ActorRef]]:
        verb = match.trigger
        pattern = match.pattern
        patient = participle_modified_noun(verb)
        if patient is not None:
            agents = prep_objects(verb, ("by",))
            sources = finder.actors(agents[0], "passive agent", acting=True) if agents else []
            taken = {id(s.mention) for s in sources if s.mention}
            targets = finder.actors(patient, "noun the participle describes", guess=False)
            targets = [t for t in targets if id(t.mention) not in taken]
            if not targets and patient.dep_ == "dobj" and self._noun_pattern(patient):
                # "X launched an offensive backed by Y": backing the act backs its doer
                doer = clause_subject(patient.head)
                targets = finder.actors(doer, "doer of the act the participle describes")
            return sources, [t for t in targets if id(t.mention) not in taken]
        if is_passive(verb):
            agents = prep_objects(verb, ("by",))
            sources = finder.actors(agents[0], "passive agent", acting=True) if agents else []
            subject = next(iter(children(verb, "nsubjpass")), None)
            targets = finder.actors(subject, "passive subject")
            if not targets:
                targets = self._targets(verb, pattern, finder)
            return sources, targets
        subject = clause_subject(verb)
        sources = finder.actors(subject, "subject", acting=True)
        targets = self._targets(verb, pattern, finder)
        sources_ids = {id(s.mention) for s in sources if s.mention}
        targets = [t for t in targets if not (t.mention and id(t.mention) in sources_ids)]
        return sources, targets

    def _targets(self, verb: Token, pattern: Pattern, finder: ActorFinder) -> list[ActorRef]:
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
                    found += self._owners(obj, finder)
            elif role.startswith("obj_prep:"):
                owners = objects + [o for obj in objects for o in prep_objects(obj, ("of",))]
                for owner in owners:
                    for item in prep_objects(owner, (role[9:],)):
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

    @staticmethod
    def _owners(obj: Token, finder: ActorFinder) -> list[ActorRef]:
        refs: list[ActorRef] = []
        for child in obj.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = finder.index.at(child)
                if mention is not None:
                    refs.append(ActorRef(mention.actor, child, mention, "owner of the object"))
        return refs

    # -- noun triggers ------------------------------------------------------------------

    def _noun_pattern(self, noun: Token) -> Pattern | None:
        for pattern in self.patterns.noun_index.get(lower(noun), []) + self.patterns.noun_index.get(
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

    def _code_noun(
        self,
        noun: Token,
        verb_matches: dict[int, Match],
        consumed: set[int],
        finder: ActorFinder,
    ) -> Match | None:
        pattern = self._noun_pattern(noun)
        if pattern is None:
            return None
        governor = self._governing_verb(noun)
        if noun.dep_ == "compound" and noun.head.i in consumed:
            return None
        if governor is not None and not self._reports_a_done_act(governor):
            return None  # "if X launches an attack", "X may hold talks": not (yet) done
        if (
            noun.dep_ == "pobj"
            and noun.head.dep_ == "prep"
            and noun.head.head.pos_ == "NOUN"
            and lemma(noun.head.head) in self.patterns.intent_nouns
        ):
            return None  # "his call for a withdrawal", "conditions on a withdrawal": wanted
        if self._name_part(noun, finder):
            return None  # "Doctors Under Fire", "the Peace Corps": a word of a name
        if (
            governor is not None
            and governor.i in verb_matches
            and (noun.dep_ != "nsubj" or verb_matches[governor.i].pattern.event != pattern.event)
        ):
            return None  # the verb already coded this act (or the noun is its content)
        match = Match(pattern, noun, pattern.event, pattern.cameo, pattern.mode, "noun")
        sources, how = self._noun_sources(noun, pattern, governor, finder)
        targets = []
        holders = [noun] + ([noun.head] if noun.dep_ == "compound" else [])
        for holder in holders:
            preps = pattern.target
            if holder.i == noun.i and len(self._doer_preps(noun, pattern)) < len(
                pattern.source_preps
            ):
                preps = (*preps, "of")  # "X's tour of Iraq": the possessor did it, to Iraq
            for item in prep_objects(holder, preps):
                targets += finder.actors(item, f"'{holder.text}' + preposition")
        hanging = self._hanging_head(noun)
        if not targets and governor is not None and lemma(governor) in self.patterns.light_verbs:
            for item in prep_objects(governor, pattern.target):
                targets += finder.actors(item, f"'{governor.text}' + preposition")
        if not targets and noun.dep_ == "nsubj" and governor is not None:
            for obj in children(governor, "dobj"):  # "US attacks have killed eight leaders"
                targets += [
                    r for r in finder.actors(obj, "object of the event's effect") if r.resolved
                ]
        if not targets and hanging is not None:
            for item in prep_objects(hanging, pattern.target):
                targets += finder.actors(item, "preposition of the phrase it hangs from")
        if not targets and pattern.event in ("REQUEST", "THREATEN"):
            for clause in children(noun, "acl"):  # "the demand that X leave": X is asked
                owner = self._intent_content(clause)
                if owner is not None and owner.i == noun.i:
                    subject = next(iter(children(clause, "nsubj")), None)
                    targets += [
                        r
                        for r in finder.actors(subject, "subject of the demanded act")
                        if r.resolved
                    ]
        source_ids = {id(s.mention) for s in sources if s.mention}
        targets = [t for t in targets if not (t.mention and id(t.mention) in source_ids)]
        if pattern.reciprocal and len(targets) >= 2 and not sources and lower(noun.head) != "with":
            sources, targets = targets[:1], targets[1:]
        if pattern.has("needs_target") and not targets:
            return None
        if not sources and not targets:
            return None
        match.sources, match.targets = sources, targets
        match.negated = governor is not None and self._negated(governor)
        match.notes.append(f"nominal event; actor from {how}")
        if governor is not None and lemma(governor) in self.patterns.light_verbs:
            match.extra_tokens.append(governor)
            if any(lower(c) in FUTURE_AUX for c in children(governor, "aux")):
                fake = Match(pattern, governor, match.event_type, match.cameo, match.mode, "verb")
                fake.negated = match.negated
                self._apply_tense(fake)
                match.event_type, match.cameo, match.mode = fake.event_type, fake.cameo, fake.mode
                match.notes += fake.notes
                match.negated = fake.negated
        return match

    @staticmethod
    def _name_part(noun: Token, finder: ActorFinder) -> bool:
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

    @staticmethod
    def _governing_verb(noun: Token) -> Token | None:
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

    @staticmethod
    def _hanging_head(noun: Token) -> Token | None:
        """ "Putin by phone with X": the actor phrase a verbless event hangs from."""
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            head = noun.head.head
            if head.pos_ in ("NOUN", "PROPN"):
                return head
        if noun.dep_ == "appos" and noun.head.pos_ in ("NOUN", "PROPN"):
            return noun.head
        return None

    @staticmethod
    def _doer_preps(noun: Token, pattern: Pattern) -> tuple[str, ...]:
        """Prepositions naming who did a nominal act. With a possessor ("Rouhani's tour of
        Iraq") the possessor is the doer and "of" names what the act was of or to."""
        if children(noun, "poss") and "of" in pattern.source_preps:
            return tuple(p for p in pattern.source_preps if p != "of")
        return tuple(pattern.source_preps)

    def _noun_sources(
        self, noun: Token, pattern: Pattern, governor: Token | None, finder: ActorFinder
    ) -> tuple[list[ActorRef], str]:
        for item in prep_objects(noun, self._doer_preps(noun, pattern)):
            found = finder.actors(item, f"'{noun.text}' + by/from phrase", guess=False)
            if found:
                return found, "its by/from phrase"
        for child in noun.subtree:
            if child.i < noun.i and child.dep_ in ("poss", "amod", "compound", "nmod"):
                mention = finder.index.at(child)
                if mention is not None and self._place_modifier(child, mention, pattern):
                    continue  # "the Paris attacks": where it happened, not who did it
                if mention is not None:
                    return [ActorRef(mention.actor, child, mention, "owner of the event noun")], (
                        "its possessor or demonym"
                    )
        if governor is not None and lemma(governor) in self.patterns.light_verbs:
            if is_passive(governor):
                agents = prep_objects(governor, ("by",))
                if agents:
                    return finder.actors(agents[0], "agent of the light verb"), "the light verb"
            else:
                subject = clause_subject(governor)
                found = finder.actors(subject, "subject of the light verb", acting=True)
                if found:
                    return found, f"the subject of '{governor.text}'"
        hanging = self._hanging_head(noun)
        mention = finder.index.at(hanging) if hanging is not None else None
        if hanging is not None and mention is not None:
            ref = ActorRef(mention.actor, hanging, mention, "the phrase the event hangs from")
            return [ref], "the phrase it hangs from"
        return [], "nowhere (no actor named)"

    @staticmethod
    def _place_modifier(child: Token, mention: Mention, pattern: Pattern) -> bool:
        """A city name compounded onto a violent or domestic event noun names the place.

        "the Paris attacks", "the Kabul bombing": a city stands for a government only as
        the subject of a diplomatic act ("Moscow protested"), so on an event noun of a
        kind that happens *in* a place it is the location (the manual codes where, not who).
        """
        return (
            child.dep_ == "compound"
            and mention.basis == "metonym"
            and pattern.event in IN_PLACE_CATEGORIES
        )

    # -- from matches to events ---------------------------------------------------------

    @staticmethod
    def _place_countries(sentence: Span, finder: ActorFinder) -> set[str]:
        """Countries named in the sentence as states, capitals or places (GOV mentions)."""
        found = set()
        for token in sentence:
            mention = finder.index.at(token)
            if (
                mention is not None
                and not inside_backer_modifier(token)
                and mention.actor.sector == "GOV"
                and mention.actor.country not in (None, "IGO", "NGO")
            ):
                found.add(mention.actor.country)
        return found

    def _localise(self, match: Match, sentence: Span, finder: ActorFinder) -> None:
        """Sector-only actors ("rebels", "the opposition coalition") in a sentence about one
        country are taken to belong to it; an unnamed crowd protesting there too."""
        countries = self._place_countries(sentence, finder)
        if len(countries) != 1:
            return
        (home,) = countries
        for refs in (match.sources, match.targets):
            for position, ref in enumerate(refs):
                actor = ref.actor
                unnamed_crowd = (
                    match.event_type == "PROTEST" and ref.mention is None and refs is match.sources
                )
                if actor.country or not (actor.sector or unnamed_crowd):
                    continue
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
                    ref.how + f", country from the only country in the sentence ({home})",
                )

    def _events(
        self,
        match: Match,
        sentence: Span,
        index: int,
        text: str,
        cue_contexts: list[str],
        article_id: str,
    ) -> list[Event]:
        if not match.sources and not (
            match.kind != "noun"
            and is_passive(match.trigger)
            and any(t.resolved for t in match.targets)
        ):
            return []  # PLOVER codes no event without an actor, bar "X was attacked"
        pairs = self._pairs(match)
        events = []
        for source, target in pairs:
            tokens = [match.trigger] + [r.token for r in (source, target) if r is not None]
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            for ref in (source, target):
                if ref is not None and ref.mention is not None:
                    start = min(start, ref.mention.start_char)
                    end = max(end, ref.mention.end_char)
            mode = match.mode or self._cue_mode(match, sentence)
            events.append(
                Event(
                    article_id=article_id,
                    sentence_index=index,
                    sentence=sentence.text,
                    span=(start, end),
                    evidence=text[start:end],
                    source=source.actor if source else None,
                    target=target.actor if target else None,
                    event_type=match.event_type,
                    mode=mode,
                    context=self._contexts(match, cue_contexts),
                    cameo=match.cameo,
                    negated=match.negated,
                    confidence=self._confidence(match, source, target),
                    pattern=match.pattern.id,
                    explanation=self._explain(match, source, target),
                )
            )
        return events

    @staticmethod
    def _pairs(match: Match) -> list[tuple[ActorRef | None, ActorRef | None]]:
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
        pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
        if match.pattern.reciprocal or match.reciprocal_complement:
            # meeting or agreeing with oneself is no act between actors
            kept = [
                (s, t)
                for s, t in pairs
                if s is None or t is None or not (s.resolved and s.actor.code == t.actor.code)
            ]
            pairs = kept or [(s, None) for s in (sources or [None])]
        return pairs

    def _cue_mode(self, match: Match, sentence: Span) -> str | None:
        cues = self.patterns.mode_cues.get(match.event_type, {})
        trigger = match.trigger
        own = phrase_tokens(trigger) if trigger.pos_ in ("NOUN", "PROPN") else [trigger]
        for tokens in (own, list(sentence)):  # how the act is named beats words around it
            for mode, words in cues.items():
                if words_match(tokens, words):
                    return mode
        if match.event_type == "ASSAULT" and self._kills_a_leader(trigger):
            return "targeted"
        code = self.ontology.cameo.get(match.cameo)
        if code and code.mode and code.mode in self.ontology.category(match.event_type).modes:
            return code.mode
        return None

    @staticmethod
    def _kills_a_leader(verb: Token) -> bool:
        """ "guerrillas killed the deputy chief of X": killing a named office-holder is a
        targeted killing (manual: ASSAULT targeted, assassinations), when no weapon says
        more about how it was done."""
        if verb.pos_ != "VERB" or lemma(verb) not in KILLING_LEMMAS:
            return False
        victims = direct_objects(verb)
        return any(lemma(t) in LEADER_WORDS for v in victims for t in conjuncts(v))

    def _cue_contexts(self, sentence: Span) -> list[str]:
        """Contexts whose cue words occur in the sentence (computed once per sentence)."""
        forms = token_forms(sentence)
        found: set[str] = set()
        for word in {form for pair in forms for form in pair}:
            for context, phrase in self.patterns.context_index.get(word, ()):
                if context not in found and phrase_occurs(forms, phrase):
                    found.add(context)
        return [c for c in self.patterns.context_cues if c in found]

    def _contexts(self, match: Match, cue_contexts: list[str]) -> list[str]:
        found = list(match.pattern.contexts) + cue_contexts
        code = self.ontology.cameo.get(match.cameo)
        if code:
            found += [c for c in code.contexts if c in self.ontology.contexts]
        return sorted(set(found))

    def _confidence(self, match: Match, source: ActorRef | None, target: ActorRef | None) -> float:
        """Pattern strength plus how sure we are of each actor; 1.0 is never reached."""
        score = {"verb": 0.6, "control": 0.6, "future": 0.5, "obligation": 0.45, "noun": 0.4}[
            match.kind
        ]
        if source is None:
            score -= 0.2
        elif source.resolved:
            score += 0.2
        else:
            score -= 0.1
        if target is not None:
            score += 0.12 if target.resolved else -0.05
        elif self.ontology.category(match.event_type).requires_recipient:
            score -= 0.1
        if match.pattern.objects:
            score += 0.05
        return round(max(0.05, min(0.97, score)), 3)

    @staticmethod
    def _explain(match: Match, source: ActorRef | None, target: ActorRef | None) -> str:
        voice = " (passive)" if match.kind != "noun" and is_passive(match.trigger) else ""
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

    @staticmethod
    def _deduplicate(events: list[Event]) -> list[Event]:
        best: dict[tuple, Event] = {}
        for event in events:
            key = (
                event.sentence_index,
                event.event_type,
                event.source.code
                if event.source and event.source.country
                else (event.source.name if event.source else ""),
                event.target.code
                if event.target and event.target.country
                else (event.target.name if event.target else ""),
                event.negated,
            )
            if key not in best or event.confidence > best[key].confidence:
                best[key] = event
        return sorted(best.values(), key=lambda e: (e.sentence_index, e.span))
