"""Shared fixtures: one loaded pipeline per test session, and ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Unexpected exceptions inside a document re-raise in tests (eventwire.errors.strict).
os.environ.setdefault("EVENTWIRE_STRICT", "1")
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"{SHARED} is absent")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp
