"""The trained classifier as a second opinion beside the lexicon.

Families give roles and high-precision types; the classifier scores every verb of a
sentence that names an actor. A verb no family lists becomes a trigger of the
classifier's type when it is sure enough, with a generic family of that category (its
recipient roles from ``lexicon/classifier.yaml``), so tense, negation, irrealis and role
rules apply to it exactly as to a lexicon trigger. A family hit the classifier finds
implausible (NONE near certain, the family's own category near impossible) is vetoed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from eventwire.errors import EventWireError
from eventwire.events.classifier import NONE, EventClassifier
from eventwire.events.ontology import Ontology
from eventwire.events.patterns import Pattern, _check_roles, _read

SETTINGS_FILE = "classifier.yaml"
SETTINGS_FIELDS = frozenset({"add_threshold", "veto_threshold", "veto_floor", "categories"})
CANDIDATE_POS = frozenset({"VERB"})
FAMILY_FIELDS = frozenset({"cameo", "target", "reciprocal", "needs_target"})


@dataclass(frozen=True)
class Opinion:
    """The classifier's view of one trigger token."""

    label: str
    probability: float
    scores: dict[str, float]


@dataclass
class SecondOpinion:
    classifier: EventClassifier
    add_threshold: float
    veto_threshold: float
    veto_floor: float
    families: dict[str, Pattern]  # category -> the generic family of classifier triggers

    @classmethod
    def load(cls, ontology: Ontology) -> SecondOpinion:
        return _load(ontology)

    def candidates(self, sentence: Span) -> list:
        return [t for t in self.classifier.candidates(sentence) if t.pos_ in CANDIDATE_POS]

    def score(self, tokens: list) -> dict[int, Opinion]:
        """One vectorised call per sentence: token index -> the classifier's opinion."""
        opinions = {}
        for token, scores in zip(tokens, self.classifier.score_many(tokens), strict=True):
            label = max(scores, key=scores.get)
            opinions[token.i] = Opinion(label, scores[label], scores)
        return opinions

    @property
    def vetoing(self) -> bool:
        """At a threshold of 1.0 no family hit is vetoed, so family hits need no score."""
        return self.veto_threshold < 1.0

    def vetoes(self, category: str, opinion: Opinion | None) -> bool:
        """A family hit is implausible when NONE is near certain and its category near impossible."""
        return (
            opinion is not None
            and opinion.scores.get(NONE, 0.0) >= self.veto_threshold
            and opinion.scores.get(category, 0.0) < self.veto_floor
        )

    def sure(self, opinion: Opinion) -> bool:
        """The classifier names an event type with at least ``add_threshold``."""
        return opinion.label != NONE and opinion.probability >= self.add_threshold

    def addition(self, opinion: Opinion) -> Pattern | None:
        """The generic family for a verb no family lists, when the classifier is sure."""
        return self.families.get(opinion.label) if self.sure(opinion) else None


def _read_settings() -> dict:
    data = _read(SETTINGS_FILE)
    where = f"lexicon/{SETTINGS_FILE}"
    if not isinstance(data, dict) or set(data) - SETTINGS_FIELDS:
        raise EventWireError(f"{where}: fields must be {sorted(SETTINGS_FIELDS)}")
    for name in ("add_threshold", "veto_threshold", "veto_floor"):
        value = data.get(name)
        if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            raise EventWireError(f"{where}: {name} must be a number from 0 to 1")
    return data


def _load(ontology: Ontology) -> SecondOpinion:
    data = _read_settings()
    where = f"lexicon/{SETTINGS_FILE}"
    families = {}
    for category, family in (data.get("categories") or {}).items():
        ontology.category(category)
        pid = f"classifier.{category.lower()}"
        if not isinstance(family, dict) or not {"cameo", "target"} <= set(family) <= FAMILY_FIELDS:
            raise EventWireError(f"{where}: {category} takes {sorted(FAMILY_FIELDS)}")
        cameo = str(family["cameo"])
        if ontology.check_cameo(cameo, f"{where}: {category}").plover != category:
            raise EventWireError(f"{where}: CAMEO {cameo} is not a {category} code")
        _check_roles(list(family["target"]), pid, where, "verb")
        families[category] = Pattern(
            id=pid,
            kind="verb",
            lemmas=(),
            event=category,
            cameo=cameo,
            target=tuple(family["target"]),
            reciprocal=bool(family.get("reciprocal")),
            # the classifier gives a type only: an event also needs the recipient it names
            flags=frozenset({"needs_target"}) if family.get("needs_target", True) else frozenset(),
        )
    return SecondOpinion(
        EventClassifier.load(),
        float(data["add_threshold"]),
        float(data["veto_threshold"]),
        float(data["veto_floor"]),
        families,
    )
