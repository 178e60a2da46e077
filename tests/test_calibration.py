"""Calibrated confidence: features, the shipped model, and fitting it on article gold."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import EventWireError
from eventwire.evaluate import labelled_events
from eventwire.events.calibration import Calibrator, fit
from eventwire.model import Article

ARTICLE = (
    "Kenya and Uganda sign border pact\n\n"
    "NAIROBI - Kenya's president met Uganda's president in Nairobi on Monday. "
    "Kenya accused Somalia of backing the militants. "
    "Ethiopia sent food aid to Kenya."
)


def coded(pipeline, text: str):
    return next(iter(pipeline.code([Article(text=text, source="t", published=date(2024, 5, 6))])))


def test_every_event_carries_its_features_and_a_probability(pipeline) -> None:
    events = coded(pipeline, ARTICLE).events
    assert events
    for event in events:
        features = event.score_features
        assert features and "score" in features
        assert sum(k.startswith("kind=") for k in features) == 1
        assert features[f"category={event.event_type}"] == 1.0
        assert 0.0 < event.confidence < 1.0


def test_quoted_trigger_is_marked(pipeline) -> None:
    [event] = [
        e
        for e in coded(pipeline, '"Kenya condemned Somalia," the Ugandan minister said.').events
        if e.event_type == "ACCUSE"
    ]
    assert event.score_features["in_quotation"] == 1.0


def test_calibrator_weighs_only_features_it_knows() -> None:
    calibrator = Calibrator(intercept=0.0, weights={"score": 2.0})
    assert calibrator.probability({"score": 0.0, "unseen": 5.0}) == 0.5
    assert calibrator.probability({"score": 1.0}) > 0.85


def test_fit_learns_the_direction_of_a_feature() -> None:
    rows = [({"target=resolved": 1.0}, True)] * 8 + [({"target=none": 1.0}, False)] * 8
    rows += [({"target=resolved": 1.0}, False), ({"target=none": 1.0}, True)]
    model = fit(rows, trained_on="toy")
    assert (
        model.probability({"target=resolved": 1.0}) > 0.6 > model.probability({"target=none": 1.0})
    )
    with pytest.raises(EventWireError):
        fit([({"score": 1.0}, True)], trained_on="toy")


def write_gold(folder, frozen: bool = False):
    (folder / "border.txt").write_text(ARTICLE, encoding="utf-8")
    gold = folder / "gold.jsonl"
    record = {
        "article": "border.txt",
        "event": "CONSULT",
        "source": {"country": "KEN", "sector": "GOV"},
        "target": {"country": "UGA", "sector": "GOV"},
        "date": "2024-05-06",
        "core": True,
    }
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    if frozen:
        digest = hashlib.sha256(gold.read_bytes()).hexdigest()
        (folder / "gold.sha256").write_text(digest + "\n", encoding="utf-8")
    return gold


def test_labelled_events_mark_the_gold_match(pipeline, tmp_path) -> None:
    rows = labelled_events(write_gold(tmp_path), pipeline)
    assert any(right for _, right in rows) and not all(right for _, right in rows)


def test_calibrate_refuses_a_frozen_blind_split(tmp_path) -> None:
    gold = write_gold(tmp_path, frozen=True)
    result = CliRunner().invoke(app, ["calibrate", str(gold), "--out", str(tmp_path / "c.json")])
    assert result.exit_code != 0
    assert "frozen blind split" in result.output
    assert not (tmp_path / "c.json").exists()


def test_calibrate_writes_a_model_that_loads(tmp_path) -> None:
    gold = write_gold(tmp_path)
    out = tmp_path / "c.json"
    result = CliRunner().invoke(app, ["calibrate", str(gold), "--out", str(out)])
    assert result.exit_code == 0, result.output
    model = Calibrator.load(out)
    assert model is not None and model.trained_on == "gold.jsonl" and model.weights


def test_shipped_model_was_fitted_on_the_tuning_split_only() -> None:
    model = Calibrator.load()
    assert model is not None
    assert model.trained_on == "guardian_tuning.jsonl"
