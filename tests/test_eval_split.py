"""The team's Guardian evaluation split: drawn before annotation, the blind half frozen."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1] / "eval"


def rows_of(name: str) -> set[int]:
    lines = (EVAL / name).read_text("utf-8").splitlines()
    return {json.loads(line)["row"] for line in lines if line.strip()}


def test_the_halves_are_disjoint_and_each_gold_keeps_to_its_half() -> None:
    split = json.loads((EVAL / "guardian_split.json").read_text("utf-8"))
    tuning, blind = set(split["tuning"]), set(split["blind"])
    assert len(tuning) == len(blind) == 32 and not tuning & blind
    assert rows_of("guardian_tuning.jsonl") <= tuning
    assert rows_of("guardian_blind_v2.jsonl") == blind


def test_the_blind_half_is_the_frozen_file() -> None:
    """A changed blind gold is a new split: it needs a new hash and is reported as new."""
    digest = hashlib.sha256((EVAL / "guardian_blind_v2.jsonl").read_bytes()).hexdigest()
    assert digest == (EVAL / "guardian_blind_v2.sha256").read_text("utf-8").strip()
