"""The trained event-type classifier: the shipped model and a quick training run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.events.classifier import LABELS, NONE, EventClassifier

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "training" / "corpus.jsonl"


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    return EventClassifier.load()


def token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        (
            "Rebels attacked a police station in the north on Sunday, killing four.",
            "attacked",
            "ASSAULT",
        ),
        ("The foreign minister condemned the bombing of the embassy.", "condemned", "ACCUSE"),
        ("The city has a population of two million people.", "has", NONE),
        ("Workers went on strike at the port for a third day.", "strike", "PROTEST"),
        ("Riot police arrested dozens of students outside the university.", "arrested", "COERCE"),
        ("The two presidents met in the capital to discuss trade.", "met", "CONSULT"),
        ("The army did not attack the village, a spokesman said.", "attack", NONE),
    ],
)
def test_shipped_model_top_labels(classifier, nlp, text, word, label):
    scores = classifier.score(token(nlp, text, word))
    assert max(scores, key=scores.get) == label, scores


def test_probabilities_and_api(classifier, nlp):
    doc = nlp("Police fired tear gas at protesters. The minister praised the deal.")
    sents = list(doc.sents)
    candidates = [t for sent in sents for t in classifier.candidates(sent)]
    assert {t.text for t in candidates} >= {"fired", "praised"}
    rows = classifier.score_many(candidates)
    assert len(rows) == len(candidates)
    for row in rows:
        assert set(row) == set(LABELS)
        assert abs(sum(row.values()) - 1.0) < 1e-6
    assert classifier.score_many([]) == []
    assert len(classifier.version) == 12
    assert EventClassifier.load() is classifier


def test_quick_training_run(tmp_path):
    out = tmp_path / "model.joblib"
    result = CliRunner().invoke(
        app, ["train", "--corpus", str(CORPUS), "--out", str(out), "--quick", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["quick"] and metrics["heldout"]["examples"] > 0
    assert {row["bin"] for row in metrics["heldout"]["reliability"]}
    model = EventClassifier.load(out)
    assert model.version == metrics["model_version"]
    assert set(model.labels) == set(LABELS)


def test_train_reports_a_missing_corpus(tmp_path):
    result = CliRunner().invoke(
        app,
        ["train", "--corpus", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "m.joblib")],
    )
    assert result.exit_code == 1
    assert "cannot read training corpus" in result.output
