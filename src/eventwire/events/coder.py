"""The PLOVER event coder's front door: load once, code each parsed document.

For every sentence the coder finds verb triggers, then noun triggers, and turns each
into events. The steps live in modules of their own, each readable alone:

* ``triggers``: which lexicon family a verb or noun matches;
* ``modality``: whether the clause reports a done act (not a possibility, condition,
  forecast, habit, plan, purpose or question), and whether it is negated;
* ``decide``: control verbs and their complements, future tense, obligations;
* ``verbs`` / ``nouns``: the order those steps apply in for one verb or noun trigger;
* ``assign``: sources and targets, speakers, owners, localisation, reciprocal pairs;
* ``mode_and_context``: the PLOVER mode and contexts; ``confidence``: score and
  explanation;
* ``second_opinion``: the trained classifier, which adds verb triggers no family
  matches and vetoes family hits it finds implausible (``lexicon/classifier.yaml``).

Word lists come from ``lexicon/grammar.yaml`` (``patterns.grammar``) and per-category
rules from ``data/plover.yaml`` (``ontology``): code decides, data knows. This module
keeps only the per-sentence orchestration and the events it builds.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.events.assign import absorb_protest_topics, localise, pairs
from eventwire.events.calibration import Calibrator, event_features
from eventwire.events.confidence import confidence, explain
from eventwire.events.match import Match, is_resolved, match_of
from eventwire.events.modality import is_question, modal_auxes, reports_a_done_act
from eventwire.events.mode_and_context import contexts, cue_contexts, cue_mode
from eventwire.events.nouns import code_noun
from eventwire.events.ontology import Ontology, load_ontology
from eventwire.events.patterns import PatternSet, load_patterns
from eventwire.events.roles import (
    ActorFinder,
    MentionIndex,
    children,
    direct_objects,
    is_passive,
)
from eventwire.events.second_opinion import SecondOpinion
from eventwire.events.triggers import lexicon_knows, named_agent, verb_pattern
from eventwire.events.verbs import code_verb
from eventwire.model import Actor, Article, Event, Mention
from eventwire.nlp import sentences

__all__ = ["EventCoder", "Match", "is_attributed", "is_question", "is_resolved", "modal_auxes"]


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

    def __init__(
        self,
        patterns: PatternSet,
        ontology: Ontology,
        second_opinion: SecondOpinion | None = None,
        calibrator: Calibrator | None = None,
    ) -> None:
        self.patterns = patterns
        self.ontology = ontology
        self.second_opinion = second_opinion
        self.calibrator = calibrator

    @classmethod
    def load(cls) -> EventCoder:
        if cls._cached is None:
            ontology = load_ontology()
            cls._cached = cls(
                load_patterns(), ontology, SecondOpinion.load(ontology), Calibrator.load()
            )
        return cls._cached

    # -- front door ---------------------------------------------------------------------

    def code(self, doc: Doc, mentions: list[Mention], article: Article) -> list[Event]:
        finder = ActorFinder(MentionIndex(doc, mentions), self.patterns.grammar)
        text = doc.text  # built once: Doc.text walks every token
        events: list[Event] = []
        found = [
            (index, sentence, self.family_matches(sentence, finder))
            for index, sentence in enumerate(sentences(doc))
            if not is_question(sentence)
        ]
        if self.second_opinion is not None:
            self._consult_classifier(found, finder)
        for index, sentence, verb_matches in found:
            matches = self.sentence_matches(sentence, finder, verb_matches)
            if not matches:
                continue
            sentence_contexts = cue_contexts(sentence, self.patterns)
            for match in matches:
                events.extend(
                    self._events(match, sentence, index, text, sentence_contexts, article.id)
                )
        kept = [e for e in _deduplicate(events) if is_attributed(e)]
        if self.calibrator is not None:
            for event in kept:
                event.confidence = self.calibrator.probability(event.score_features or {})
        return kept

    # -- finding and coding triggers ----------------------------------------------------

    def family_matches(self, sentence: Span, finder: ActorFinder) -> dict[int, Match]:
        """The sentence's verbs that a lexicon family matches, by token index."""
        verb_matches: dict[int, Match] = {}
        for token in sentence:
            if describes(token, finder):
                continue
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                pattern = verb_pattern(token, self.patterns)
                if pattern is not None:
                    verb_matches[token.i] = match_of(pattern, token, "verb")
        return verb_matches

    def sentence_matches(
        self, sentence: Span, finder: ActorFinder, verb_matches: dict[int, Match]
    ) -> list[Match]:
        """Every coded trigger of the sentence: verbs first, then the nouns left free."""
        patterns, ontology = self.patterns, self.ontology
        consumed: set[int] = set()
        results: list[Match] = []
        # Control verbs first so their complements are consumed before being coded alone.
        ordered = sorted(
            verb_matches.values(), key=lambda m: (m.pattern.intent is None, m.trigger.i)
        )
        for match in ordered:
            if match.trigger.i in consumed or not reports_a_done_act(match.trigger, patterns):
                continue
            coded = code_verb(match, verb_matches, consumed, finder, patterns, ontology)
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
                coded = code_noun(token, verb_matches, consumed, finder, patterns, ontology)
                if coded is not None:
                    results.append(coded)
        for match in results:
            localise(match, sentence, finder, patterns.grammar)
        return absorb_protest_topics(results)

    def _consult_classifier(
        self, found: list[tuple[int, Span, dict[int, Match]]], finder: ActorFinder
    ) -> None:
        """Drop family hits the classifier finds implausible; add the verbs it is sure of.

        Only verbs the lexicon does not list are added (where a family lists the verb but
        none fits, as "beat" a team, the lexicon has judged its sense); only sentences that
        name an actor are scored, all of a document in one call."""
        opinion = self.second_opinion
        tokens = [
            token
            for _index, sentence, verb_matches in found
            if finder.index.in_span(list(sentence))
            for token in opinion.candidates(sentence)
            if opinion.vetoing or not lexicon_knows(token, self.patterns)
        ]
        if not tokens:
            return
        views = opinion.score(tokens)
        for _index, sentence, verb_matches in found:
            for i in [
                i for i, m in verb_matches.items() if opinion.vetoes(m.event_type, views.get(i))
            ]:
                del verb_matches[i]
            for token in sentence:
                view = views.get(token.i)
                family = opinion.addition(view) if view is not None else None
                if token.i in verb_matches or family is None or describes(token, finder):
                    continue
                match = match_of(family, token, "verb")
                match.classifier = view.probability
                match.notes.append(f"classifier: {view.label} at {view.probability:.2f}")
                verb_matches[token.i] = match

    # -- from matches to events ---------------------------------------------------------

    def _events(
        self,
        match: Match,
        sentence: Span,
        index: int,
        text: str,
        sentence_contexts: list[str],
        article_id: str,
    ) -> list[Event]:
        grammar = self.patterns.grammar
        if not match.sources and not (
            (match.unknown_doer or (match.kind != "noun" and is_passive(match.trigger, grammar)))
            and any(t.resolved for t in match.targets)
        ):
            return []  # no event without an actor, bar "X was attacked" and "a bomb killed X"
        events = []
        for source, target in pairs(match):
            tokens = [match.trigger] + [r.token for r in (source, target) if r is not None]
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            for ref in (source, target):
                if ref is not None and ref.mention is not None:
                    start = min(start, ref.mention.start_char)
                    end = max(end, ref.mention.end_char)
            mode = match.mode or cue_mode(match, sentence, self.patterns, self.ontology)
            score = confidence(match, source, target, self.ontology)
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
                    context=contexts(match, sentence_contexts, self.ontology),
                    cameo=match.cameo,
                    negated=match.negated,
                    confidence=score,
                    pattern=match.pattern.id,
                    explanation=explain(match, source, target, grammar),
                    score_features=event_features(match, source, target, score, sentence, index),
                )
            )
        return events


def describes(token, finder: ActorFinder) -> bool:
    """ "militiamen armed with machetes": a participle that describes a noun is no act."""
    return (
        token.dep_ in ("acl", "amod")
        and token.tag_ == "VBN"
        and not any(direct_objects(v) for v in [token, *children(token, "conj")])
        and not named_agent(token, finder)
    )


# Codes that name no one party: two organisations coded IGO (NATO, the UN) are two parties.
NON_STATE_CODES = frozenset({"IGO", "NGO"})


def _party(actor: Actor | None) -> str:
    """What makes an actor one party for deduplication: its country code, or for an
    international body (or an unresolved phrase) its own name."""
    if actor is None:
        return ""
    if actor.country and actor.country not in NON_STATE_CODES:
        return actor.code
    return f"{actor.code} {actor.kb_id or actor.name}" if actor.country else actor.name


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per sentence, type, party pair and polarity: the most confident. A list
    of organisations ("NATO, the EU and the UN called ...") stays one event per member."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (
            event.sentence_index,
            event.event_type,
            _party(event.source),
            _party(event.target),
            event.negated,
        )
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.span))
