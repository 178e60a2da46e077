"""The `serve` command and the server's safety rails: loopback, read-only, time limit."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.web.database import QueryTimeout, ReadOnlyDatabase
from eventwire.web.filters import parse_filter
from eventwire.web.highlight import Piece, mark_evidence, pieces
from eventwire.web.server import exposure_warning


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_hosts_get_no_warning(host: str) -> None:
    assert exposure_warning(host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "myhost.example"])
def test_other_hosts_get_one_line_of_warning(host: str) -> None:
    warning = exposure_warning(host)
    assert warning is not None and "\n" not in warning
    assert warning.startswith(f"warning: listening on {host}")


def test_serve_on_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such database" in result.stderr and "Traceback" not in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_serve_command_answers_on_loopback(web_db: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(web_db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.1)
        assert response.json() == {"status": "ok", "database": web_db.name, "read_only": True}
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert f"serving {web_db} read-only at http://127.0.0.1:{port}/" in stderr
    assert "warning" not in stderr


def test_the_connection_is_read_only(web_db: Path) -> None:
    db = ReadOnlyDatabase(web_db)
    try:
        with pytest.raises(duckdb.Error, match="read-only"), db.cursor() as cursor:
            cursor.execute("DELETE FROM events")
        assert db.value("SELECT count(*) FROM events") > 0
    finally:
        db.close()


def test_a_query_past_the_time_limit_is_stopped(web_db: Path) -> None:
    db = ReadOnlyDatabase(web_db, query_timeout_s=0.3)
    try:
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match=r"longer than 0\.3 s"):
            db.value(
                "SELECT count(*) FROM range(100000000) a, range(1000000) b WHERE a.range <> b.range"
            )
        assert time.monotonic() - started < 10
        assert db.value("SELECT 1") == 1  # the server goes on after a stopped query
    finally:
        db.close()


def test_overlapping_spans_cut_the_text_into_pieces() -> None:
    text = "Putin called Lukashenko and Tokayev today."
    spans = [(0, 23, "a"), (0, 35, "b"), (100, 120, "far"), (5, 5, "empty")]
    assert pieces(text, spans) == [
        Piece("Putin called Lukashenko", ("a", "b")),
        Piece(" and Tokayev", ("b",)),
        Piece(" today.", ()),
    ]
    assert "".join(piece.text for piece in pieces(text, spans)) == text


def test_evidence_is_marked_and_escaped() -> None:
    marked = mark_evidence("Police fired <tear> gas at them.", "fired <tear> gas")
    assert str(marked) == "Police <mark>fired &lt;tear&gt; gas</mark> at them."
    assert str(mark_evidence("A met B.", "")) == "A met B."


def test_filters_make_a_short_query_string() -> None:
    where = parse_filter({"type": "consult", "since": "2024-01-01", "negated": "include"})
    assert where.query_string() == "type=CONSULT&since=2024-01-01&negated=include"
    assert where.include_negated and where.active
    assert not parse_filter({}).active
