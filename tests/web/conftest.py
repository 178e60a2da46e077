"""A real store written by `eventwire ingest` and the real server over it on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_helpers import start_server, stop_server
from typer.testing import CliRunner

from eventwire.cli import app

REPO = Path(__file__).resolve().parents[2]
SOURCES = [
    REPO / "examples",
    REPO / "tests" / "fixtures" / "store" / "phone_call",
    REPO / "tests" / "fixtures" / "web",
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our example articles and test texts, coded and stored by the ingest command."""
    db = tmp_path_factory.mktemp("web") / "events.duckdb"
    result = CliRunner().invoke(app, ["ingest", *map(str, SOURCES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def base_url(web_db: Path) -> Iterator[str]:
    url, server, thread = start_server(web_db)
    yield url
    stop_server(server, thread)
