"""Loading the event patterns (``patterns/*.yaml``) and checking them against the ontology.

Patterns are data: a verb or noun trigger, optional object words, the PLOVER category,
CAMEO code and mode they assign, and where the recipient is found. This module only
reads and validates them; the coder decides how they apply to a parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.errors import EventWireError
from eventwire.events.ontology import Ontology, load_ontology

INTENTS = frozenset({"agree", "promise", "threaten", "refuse", "demand"})
KNOWN_FIELDS = frozenset(
    {
        "id",
        "lemmas",
        "objects",
        "object_preps",
        "modifiers",
        "event",
        "cameo",
        "mode",
        "contexts",
        "target",
        "target_preps",
        "source_preps",
        "reciprocal",
        "intent",
        "needs_target",
        "needs_actor_object",
        "needs_source_kind",
        "needs_no_object",
        "actor_kinds",
        "host",
        "protest",
        "protest_topic",
        "complement_only",
        "subjects",
        "obligation",
        "not_preps",
    }
)


def _words(values: list[str] | None) -> tuple[tuple[str, ...], ...]:
    """Phrases as lower-case word tuples: "tear gas" -> ("tear", "gas")."""
    _strings(values, "word list")
    return tuple(tuple(str(v).lower().split()) for v in values or [])


def _strings(values: list | None, what: str) -> list[str]:
    """YAML reads bare on/off/no as booleans; insist on quoted strings instead."""
    for value in values or []:
        if not isinstance(value, str):
            raise EventWireError(f'patterns: {what} holds {value!r}; quote it ("on", "off")')
    return list(values or [])


@dataclass(frozen=True)
class Pattern:
    """One trigger: verb (``kind='verb'``) or noun (``kind='noun'``)."""

    id: str
    kind: str
    lemmas: tuple[tuple[str, ...], ...]
    event: str
    cameo: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    objects: tuple[tuple[str, ...], ...] = ()
    object_preps: tuple[str, ...] = ()
    modifiers: tuple[tuple[str, ...], ...] = ()
    target: tuple[str, ...] = ("dobj",)
    source_preps: tuple[str, ...] = ()
    reciprocal: bool = False
    intent: str | None = None
    flags: frozenset[str] = field(default_factory=frozenset)
    subjects: tuple[tuple[str, ...], ...] = ()
    actor_kinds: tuple[str, ...] = ()
    not_preps: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        """Patterns that demand an object word beat bare verbs ("lift sanctions" > "lift")."""
        longest = max((len(lemma) for lemma in self.lemmas), default=1)
        return (
            (2 if self.objects else 0)
            + (2 if self.subjects else 0)
            + (1 if self.modifiers else 0)
            + longest
        )

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass
class PatternSet:
    verbs: list[Pattern]
    nouns: list[Pattern]
    light_verbs: frozenset[str]
    mode_cues: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    context_cues: dict[str, tuple[tuple[str, ...], ...]]
    intent_nouns: frozenset[str] = frozenset()
    verb_index: dict[str, list[Pattern]] = field(default_factory=dict)
    noun_index: dict[str, list[Pattern]] = field(default_factory=dict)
    # first word -> (context, phrase): a sentence looks up only the cues its words can start
    context_index: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for context, phrases in self.context_cues.items():
            for phrase in phrases:
                self.context_index.setdefault(phrase[0], []).append((context, phrase))
        for table, patterns in ((self.verb_index, self.verbs), (self.noun_index, self.nouns)):
            for pattern in patterns:
                for lemma in pattern.lemmas:
                    table.setdefault(lemma[-1] if pattern.kind == "noun" else lemma[0], []).append(
                        pattern
                    )
            for key in table:
                table[key].sort(key=lambda p: -p.specificity)


def _build(raw: dict, kind: str, where: str, ontology: Ontology) -> Pattern:
    unknown = set(raw) - KNOWN_FIELDS
    pid = raw.get("id", "?")
    if unknown:
        raise EventWireError(f"{where}: pattern {pid}: unknown fields {sorted(unknown)}")
    for required in ("id", "lemmas", "event", "cameo"):
        if required not in raw:
            raise EventWireError(f"{where}: pattern {pid}: missing {required!r}")
    event = raw["event"]
    ontology.category(event)
    ontology.check_mode(event, raw.get("mode"), f"{where}: {pid}")
    ontology.check_cameo(str(raw["cameo"]), f"{where}: {pid}")
    for context in raw.get("contexts", []):
        if context not in ontology.contexts and context != "humanitarian":
            raise EventWireError(f"{where}: {pid}: unknown context {context!r}")
    intent = raw.get("intent")
    if intent and intent not in INTENTS:
        raise EventWireError(f"{where}: {pid}: unknown intent {intent!r}")
    flags = frozenset(
        name
        for name in (
            "needs_target",
            "needs_actor_object",
            "needs_no_object",
            "host",
            "protest",
            "protest_topic",
            "complement_only",
            "obligation",
        )
        if raw.get(name)
    )
    target = raw.get("target_preps") if kind == "noun" else raw.get("target")
    return Pattern(
        id=pid,
        kind=kind,
        lemmas=_words(raw["lemmas"]),
        event=event,
        cameo=str(raw["cameo"]),
        mode=raw.get("mode"),
        contexts=tuple(c for c in raw.get("contexts", []) if c in ontology.contexts),
        objects=_words(raw.get("objects")),
        object_preps=tuple(_strings(raw.get("object_preps"), f"{pid} object_preps")),
        modifiers=_words(raw.get("modifiers")),
        target=tuple(
            _strings(target, f"{pid} target")
            if target is not None
            else ([] if kind == "noun" else ["dobj"])
        ),
        source_preps=tuple(_strings(raw.get("source_preps"), f"{pid} source_preps")),
        reciprocal=bool(raw.get("reciprocal")),
        intent=intent,
        flags=flags,
        subjects=_words(raw.get("subjects")),
        actor_kinds=tuple(raw.get("actor_kinds", [])),
        not_preps=tuple(_strings(raw.get("not_preps"), f"{pid} not_preps")),
    )


def _read(name: str):
    text = resources.files("eventwire.events").joinpath("patterns", name).read_text("utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise EventWireError(f"patterns/{name}: not valid YAML: {exc}") from None


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """Read every pattern file once and validate it against the ontology."""
    ontology = load_ontology()
    verbs = [_build(raw, "verb", "patterns/verbs.yaml", ontology) for raw in _read("verbs.yaml")]
    noun_file = _read("nouns.yaml")
    nouns = [_build(raw, "noun", "patterns/nouns.yaml", ontology) for raw in noun_file["nouns"]]
    ids = [p.id for p in verbs + nouns]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise EventWireError(f"patterns: duplicate ids {sorted(duplicates)}")
    mode_cues = {
        category: {mode: _words(words) for mode, words in modes.items()}
        for category, modes in _read("modes.yaml").items()
    }
    for category, modes in mode_cues.items():
        for mode in modes:
            ontology.check_mode(category, mode, "patterns/modes.yaml")
    context_cues = {context: _words(words) for context, words in _read("contexts.yaml").items()}
    for context in context_cues:
        if context not in ontology.contexts:
            raise EventWireError(f"patterns/contexts.yaml: unknown context {context!r}")
    return PatternSet(
        verbs,
        nouns,
        frozenset(noun_file.get("light_verbs", [])),
        mode_cues,
        context_cues,
        frozenset(noun_file.get("intent_nouns", [])),
    )
