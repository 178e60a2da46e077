"""The article the project started from: the whole pipeline on real scraped text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> Path:
    return shared_dir / "seed"


def run_code(path: Path, output_format: str) -> str:
    command = [sys.executable, "-m", "eventwire", "code", str(path), "--format", output_format]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    return result.stdout


def test_putins_four_phone_calls(seed: Path) -> None:
    events = [
        json.loads(line)
        for line in run_code(seed / "dw-2023-06-24-putin-allies.txt", "jsonl").splitlines()
    ]
    calls = {
        (e["target"]["country"], e["target"]["sector"])
        for e in events
        if e["event_type"] == "CONSULT"
        and e["mode"] == "phone"
        and e["date"] == "2023-06-24"
        and (e["source"]["country"], e["source"]["sector"]) == ("RUS", "GOV")
        and e["target"]
    }
    assert calls >= {("BLR", "GOV"), ("UZB", "GOV"), ("KAZ", "GOV"), ("TUR", "GOV")}
    for event in events:
        assert event["evidence"] and event["explanation"] and event["cameo"]


def test_article_metadata_debris_and_flags(seed: Path) -> None:
    expected = json.loads((seed / "expected_article.json").read_text(encoding="utf-8"))
    result = json.loads(run_code(seed / "dw-2023-06-24-putin-allies.txt", "json"))
    article = result["article"]
    assert article["title"] == expected["title"]
    assert article["outlet"] == expected["outlet"]
    assert article["published"] == expected["published"]
    assert article["credits"] == expected["credits"]
    assert article["removed"] == expected["boilerplate_removed"]
    assert article["repairs"] == expected["repairs"]
    flags = [(f["kind"], f["text"]) for f in result["flags"]]
    assert [(f["kind"], f["text"]) for f in expected["flags"]] == flags
    quotes = {(q["speaker"]["name"] if q["speaker"] else None, q["text"]) for q in result["quotes"]}
    for quote in expected["quotes"]:
        assert (quote["speaker"], quote["text"]) in quotes
