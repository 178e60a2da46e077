"""Confidence as a probability: a logistic model over what the coder knew when it coded.

The coder's hand-set score (``confidence.confidence``) ranks events but says nothing
about how often an event of that score is right in real news. The calibration model
turns the score and a few facts about the event (trigger kind, whether each actor was
resolved, quotation, a domestic pair, the lede, the category) into the probability
that an analyst's hand coding holds the same event. It is fitted by
``eventwire calibrate`` on article gold that may be studied (the tuning split), never
on a blind split, and ships as a small JSON file of weights beside the classifier.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Span

from eventwire.errors import EventWireError
from eventwire.events.match import Match
from eventwire.events.roles import ActorRef

MODEL_FILE = Path(__file__).parent / "models" / "calibration.json"
# sectors of actors that take part in politics as institutions or armed forces
INSTITUTIONAL_SECTORS = frozenset({"GOV", "MIL", "REB", "IGO", "OPP", "COP", "JUD", "LEG"})
LEDE_SENTENCES = 3  # the first sentences of an article carry its news


def actor_state(ref: ActorRef | None) -> str:
    if ref is None:
        return "none"
    return "resolved" if ref.actor.country else "guessed"


def inside_quotation(match: Match, sentence: Span) -> bool:
    """The trigger stands inside quotation marks opened earlier in its sentence."""
    before = sentence.text[: match.trigger.idx - sentence.start_char]  # not doc.text: O(doc)
    curly = sum(ch in "“«" for ch in before) - sum(ch in "”»" for ch in before)
    return curly > 0 or before.count('"') % 2 == 1


def event_features(
    match: Match,
    source: ActorRef | None,
    target: ActorRef | None,
    score: float,
    sentence: Span,
    sentence_index: int,
) -> dict[str, float]:
    """What the calibration model weighs for one event (names are stable: they key the weights)."""
    kind = "classifier" if match.classifier is not None else match.kind
    features = {
        "score": score,
        f"kind={kind}": 1.0,
        f"source={actor_state(source)}": 1.0,
        f"target={actor_state(target)}": 1.0,
        f"category={match.event_type}": 1.0,
        "in_quotation": float(inside_quotation(match, sentence)),
        "lede": float(sentence_index < LEDE_SENTENCES),
        "negated": float(match.negated),
    }
    if source is not None and source.actor.sector in INSTITUTIONAL_SECTORS:
        features["source_institutional"] = 1.0
    if (
        source is not None
        and target is not None
        and source.actor.country
        and source.actor.country == target.actor.country
    ):
        features["domestic_pair"] = 1.0
    return features


@dataclass(frozen=True)
class Calibrator:
    """Logistic weights over ``event_features``; features it never saw weigh nothing."""

    intercept: float
    weights: dict[str, float]
    trained_on: str = ""

    def probability(self, features: dict[str, float]) -> float:
        logit = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return round(1.0 / (1.0 + math.exp(-logit)), 3)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Calibrator | None:
        """The shipped model, or None before one was fitted (scores stay the coder's own)."""
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                float(data["intercept"]),
                {str(k): float(v) for k, v in data["weights"].items()},
                str(data.get("trained_on", "")),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise EventWireError(f"{path}: not a calibration model ({error})") from error

    def save(self, path: Path = MODEL_FILE, details: dict[str, Any] | None = None) -> None:
        payload = {
            "about": "logistic calibration of event confidence; fitted by `eventwire calibrate`",
            "trained_on": self.trained_on,
            **(details or {}),
            "intercept": round(self.intercept, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
        }
        path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def fit(rows: list[tuple[dict[str, float], bool]], trained_on: str, c: float = 0.5) -> Calibrator:
    """An L2-regularised logistic regression over labelled event features (fixed solver:
    the same rows give the same weights)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len({right for _, right in rows}) < 2:
        raise EventWireError("calibration needs both right and wrong events to learn from")
    vectorizer = DictVectorizer(sparse=False, sort=True)
    matrix = vectorizer.fit_transform([features for features, _ in rows])
    labels = [int(right) for _, right in rows]
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs").fit(matrix, labels)
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    return Calibrator(
        float(model.intercept_[0]), {str(k): float(v) for k, v in weights.items()}, trained_on
    )
