"""Loading the trigger lexicon (``lexicon/*.yaml``) and checking it against the ontology.

The lexicon is data: one file per PLOVER category, each a list of families (a verb or
noun trigger, optional object words, the CAMEO code and mode they assign, and where the
recipient is found) with example sentences of our own. This module only reads and
validates it (a misspelt field, role or category stops the load with the file and family
named); the coder decides how families apply to a parse. See ``lexicon/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.errors import EventWireError
from eventwire.events.ontology import Ontology, load_ontology

HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
INTENTS = frozenset({"agree", "promise", "threaten", "refuse", "demand"})
KINDS = frozenset({"verb", "noun"})
# Where a recipient can be read from (assign.verb_targets); WORD is any preposition.
TARGET_ROLES = frozenset(
    {"dobj", "dobj_actor", "dative", "obj_owner", "ccomp_subj", "obj_acl_subj", "obj_acl_obj"}
)
PREPOSITION_ROLES = ("prep:", "obj_prep:")
EXAMPLE_FIELDS = frozenset({"text", "source", "target", "event", "none"})
KNOWN_FIELDS = frozenset(
    {
        "id",
        "kind",
        "examples",
        "lemmas",
        "objects",
        "object_preps",
        "modifiers",
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


def _phrases(values: list[str] | None) -> tuple[tuple[str, ...], ...]:
    """Object, subject and cue phrases as the tokenizer sees them: it splits a hyphen
    between letters into its own token ("sit-in" -> sit - in), so the phrase must too."""
    return tuple(tuple(HYPHEN.sub(" - ", " ".join(words)).split()) for words in _words(values))


def _strings(values: list | None, what: str) -> list[str]:
    """YAML reads bare on/off/no as booleans; insist on quoted strings instead."""
    for value in values or []:
        if not isinstance(value, str):
            raise EventWireError(f'patterns: {what} holds {value!r}; quote it ("on", "off")')
    return list(values or [])


@dataclass(frozen=True)
class Example:
    """A sentence of our own a family must code (or, with ``none``, must not code)."""

    family: str
    text: str
    event: str
    source: str | None = None
    target: str | None = None
    none: bool = False


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
    examples: tuple[Example, ...] = ()

    @property
    def specificity(self) -> int:
        """Patterns that demand an object word beat bare verbs ("lift sanctions" > "lift")."""
        longest = max((len(lemma) for lemma in self.lemmas), default=1)
        return self.constraint_weight + longest

    @property
    def constraint_weight(self) -> int:
        """What the family demands beyond its lemma: object, subject or modifier words."""
        return (
            (2 if self.objects else 0) + (2 if self.subjects else 0) + (1 if self.modifiers else 0)
        )

    def has(self, flag: str) -> bool:
        return flag in self.flags


GRAMMAR_KEYS = (
    "light_verbs",
    "intent_nouns",
    "future_aux",
    "possibility_aux",
    "likelihood_words",
    "frequency_words",
    "condition_marks",
    "indicative_aux",
    "obligation_aux",
    "willing_words",
    "negation_words",
    "inability_words",
    "ensure_lemmas",
    "prevent_lemmas",
    "attempt_lemmas",
    "warning_lemmas",
    "speech_lemmas",
    "killing_lemmas",
    "leader_words",
    "topic_lemmas",
    "motion_lemmas",
    "counterpart_lemmas",
    "own_country_participles",
    "stative_participles",
    "allegation_lemmas",
    "wish_lemmas",
    "instrument_words",
)


@dataclass(frozen=True)
class Grammar:
    """The grammar words of ``lexicon/grammar.yaml``: one lower-case word set per key.

    The coder's modules read these instead of keeping word lists in code; what each list
    is for is written next to it in the YAML file and in ``lexicon/README.md``.
    """

    light_verbs: frozenset[str]
    intent_nouns: frozenset[str]
    future_aux: frozenset[str]
    possibility_aux: frozenset[str]
    likelihood_words: frozenset[str]
    frequency_words: frozenset[str]
    condition_marks: frozenset[str]
    indicative_aux: frozenset[str]
    obligation_aux: frozenset[str]
    willing_words: frozenset[str]
    negation_words: frozenset[str]
    inability_words: frozenset[str]
    ensure_lemmas: frozenset[str]
    prevent_lemmas: frozenset[str]
    attempt_lemmas: frozenset[str]
    warning_lemmas: frozenset[str]
    speech_lemmas: frozenset[str]
    killing_lemmas: frozenset[str]
    leader_words: frozenset[str]
    topic_lemmas: frozenset[str]
    motion_lemmas: frozenset[str]
    counterpart_lemmas: frozenset[str]
    own_country_participles: frozenset[str]
    stative_participles: frozenset[str]
    allegation_lemmas: frozenset[str]
    wish_lemmas: frozenset[str]
    instrument_words: frozenset[str]


def _grammar(raw: object, where: str = "lexicon/grammar.yaml") -> Grammar:
    """Validate the grammar file: every key known and present, each a list of words."""
    if not isinstance(raw, dict):
        raise EventWireError(f"{where}: must be a mapping of word lists")
    unknown = set(raw) - set(GRAMMAR_KEYS)
    if unknown:
        raise EventWireError(f"{where}: unknown keys {sorted(unknown)}; see lexicon/README.md")
    missing = [key for key in GRAMMAR_KEYS if key not in raw]
    if missing:
        raise EventWireError(f"{where}: missing keys {missing}")
    lists = {}
    for key in GRAMMAR_KEYS:
        words = raw[key]
        if not isinstance(words, list) or not words:
            raise EventWireError(f"{where}: {key} must be a non-empty list of words")
        for word in _strings(words, f"grammar {key}"):
            if word != word.lower() or not word.strip():
                raise EventWireError(f"{where}: {key}: {word!r} must be a lower-case word")
        lists[key] = frozenset(words)
    return Grammar(**lists)


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """Read ``lexicon/grammar.yaml`` once per process and validate it."""
    return _grammar(_read("grammar.yaml"))


@dataclass
class PatternSet:
    verbs: list[Pattern]
    nouns: list[Pattern]
    light_verbs: frozenset[str]
    mode_cues: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    context_cues: dict[str, tuple[tuple[str, ...], ...]]
    intent_nouns: frozenset[str] = frozenset()
    grammar: Grammar = field(default_factory=load_grammar)
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


def _examples(raw: list | None, pid: str, event: str, where: str) -> tuple[Example, ...]:
    examples = []
    for item in raw or []:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise EventWireError(f"{where}: {pid}: an example needs a 'text' string")
        unknown = set(item) - EXAMPLE_FIELDS
        if unknown:
            raise EventWireError(f"{where}: {pid}: example has unknown fields {sorted(unknown)}")
        examples.append(
            Example(
                family=pid,
                text=item["text"],
                event=item.get("event", event),
                source=item.get("source"),
                target=item.get("target"),
                none=bool(item.get("none")),
            )
        )
    return tuple(examples)


def _check_roles(roles: list[str], pid: str, where: str, kind: str) -> None:
    for role in roles:
        if kind == "noun" or role.startswith(PREPOSITION_ROLES):
            word = role.split(":", 1)[-1] if kind == "verb" else role
            if not word or " " in word.strip():
                raise EventWireError(f"{where}: {pid}: bad role {role!r}")
        elif role not in TARGET_ROLES:
            raise EventWireError(
                f"{where}: {pid}: unknown target role {role!r}; use one of "
                f"{sorted(TARGET_ROLES)} or prep:WORD / obj_prep:WORD"
            )


def _build(raw: dict, event: str, where: str, ontology: Ontology) -> Pattern:
    if not isinstance(raw, dict):
        raise EventWireError(f"{where}: a family must be a mapping, not {raw!r}")
    unknown = set(raw) - KNOWN_FIELDS
    pid = raw.get("id", "?")
    if unknown:
        raise EventWireError(f"{where}: family {pid}: unknown fields {sorted(unknown)}")
    for required in ("id", "lemmas", "cameo"):
        if required not in raw:
            raise EventWireError(f"{where}: family {pid}: missing {required!r}")
    kind = raw.get("kind", "verb")
    if kind not in KINDS:
        raise EventWireError(f"{where}: {pid}: kind must be verb or noun, not {kind!r}")
    ontology.check_mode(event, raw.get("mode"), f"{where}: {pid}")
    ontology.check_cameo(str(raw["cameo"]), f"{where}: {pid}")
    for context in raw.get("contexts", []):
        if context not in ontology.contexts:
            raise EventWireError(f"{where}: {pid}: unknown context {context!r}")
    intent = raw.get("intent")
    if intent and intent not in INTENTS:
        raise EventWireError(f"{where}: {pid}: unknown intent {intent!r}")
    if kind == "verb" and "target_preps" in raw:
        raise EventWireError(f"{where}: {pid}: a verb family names 'target', not 'target_preps'")
    if kind == "noun" and "target" in raw:
        raise EventWireError(f"{where}: {pid}: a noun family names 'target_preps', not 'target'")
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
    target = _strings(target, f"{pid} target") if target is not None else None
    if target is None:
        target = [] if kind == "noun" else ["dobj"]
    _check_roles(target, pid, where, kind)
    for sector in raw.get("actor_kinds", []):
        if not isinstance(sector, str) or not sector.isupper():
            raise EventWireError(f"{where}: {pid}: actor_kinds holds {sector!r}, not a sector code")
    return Pattern(
        id=pid,
        kind=kind,
        lemmas=_words(raw["lemmas"]),
        event=event,
        cameo=str(raw["cameo"]),
        mode=raw.get("mode"),
        contexts=tuple(raw.get("contexts", [])),
        objects=_phrases(raw.get("objects")),
        object_preps=tuple(_strings(raw.get("object_preps"), f"{pid} object_preps")),
        modifiers=_phrases(raw.get("modifiers")),
        target=tuple(target),
        source_preps=tuple(_strings(raw.get("source_preps"), f"{pid} source_preps")),
        reciprocal=bool(raw.get("reciprocal")),
        intent=intent,
        flags=flags,
        subjects=_phrases(raw.get("subjects")),
        actor_kinds=tuple(raw.get("actor_kinds", [])),
        not_preps=tuple(_strings(raw.get("not_preps"), f"{pid} not_preps")),
        examples=_examples(raw.get("examples"), pid, event, where),
    )


def _read(name: str):
    text = resources.files("eventwire.events").joinpath("lexicon", name).read_text("utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise EventWireError(f"lexicon/{name}: not valid YAML: {exc}") from None


def _read_category(category: str, ontology: Ontology) -> list[Pattern]:
    name = f"{category.lower()}.yaml"
    where = f"lexicon/{name}"
    data = _read(name)
    if not isinstance(data, dict) or data.get("category") != category:
        raise EventWireError(f"{where}: must start with 'category: {category}'")
    unknown = set(data) - {"category", "families"}
    if unknown:
        raise EventWireError(f"{where}: unknown top-level fields {sorted(unknown)}")
    return [_build(raw, category, where, ontology) for raw in data.get("families") or []]


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """Read every lexicon file once and validate it against the ontology.

    Categories are read in the manual's order (verbal cooperation to material conflict),
    which is also the order families of equal specificity are tried in.
    """
    ontology = load_ontology()
    families = [p for category in ontology.categories for p in _read_category(category, ontology)]
    ids = [p.id for p in families]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise EventWireError(f"lexicon: duplicate family ids {sorted(duplicates)}")
    grammar = load_grammar()
    mode_cues = {
        category: {mode: _phrases(words) for mode, words in modes.items()}
        for category, modes in _read("modes.yaml").items()
    }
    for category, modes in mode_cues.items():
        for mode in modes:
            ontology.check_mode(category, mode, "lexicon/modes.yaml")
    context_cues = {context: _phrases(words) for context, words in _read("contexts.yaml").items()}
    for context in context_cues:
        if context not in ontology.contexts:
            raise EventWireError(f"lexicon/contexts.yaml: unknown context {context!r}")
    return PatternSet(
        [p for p in families if p.kind == "verb"],
        [p for p in families if p.kind == "noun"],
        grammar.light_verbs,
        mode_cues,
        context_cues,
        grammar.intent_nouns,
        grammar,
    )
