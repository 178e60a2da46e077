"""The store commands end to end: ingest (reruns, a killed run), query, export, stats."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import EventStore

REPO = Path(__file__).resolve().parents[1]
PHONE_CALL = REPO / "tests" / "fixtures" / "store" / "phone_call"

TOWNS = ["Kisumu", "Nakuru", "Eldoret", "Mombasa", "Thika", "Malindi", "Garissa", "Kitale"]
TOPICS = ["a new bus depot", "water tariffs", "a market upgrade", "street lighting"]


def write_town_articles(folder: Path, count: int) -> Path:
    """Short articles of our own, each different, with an outlet/date header line."""
    folder.mkdir()
    for number in range(count):
        town, topic = TOWNS[number % len(TOWNS)], TOPICS[number // len(TOWNS) % len(TOPICS)]
        day = number % 28 + 1
        (folder / f"town-{number:02d}.txt").write_text(
            f"{town} council debates {topic} – County Wire – 03/{day:02d}/2024\n\n"
            f"The county council of {town} met on Monday to debate {topic}. "
            f"Councillor number {number} asked for more time to study the proposal. "
            "A vote is expected next month, officials said.\n\n"
            "Residents who attended the meeting raised concerns about the cost and asked "
            "for the plans to be published before the vote.\n",
            encoding="utf-8",
        )
    return folder


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    # rich wraps long lines on a narrow console; compare messages with whitespace collapsed
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def table_counts(path: Path) -> dict[str, int]:
    with EventStore(path, read_only=True) as store:
        return store.counts()


def test_ingest_twice_gives_identical_counts(pipeline, tmp_path: Path) -> None:
    articles = write_town_articles(tmp_path / "news", 5)
    db = tmp_path / "events.duckdb"
    code, _, stderr = run_cli("ingest", str(articles), "--db", str(db), "--batch-size", "2")
    assert code == 0, stderr
    first = table_counts(db)
    assert first["articles"] == 5
    code, _, stderr = run_cli("ingest", str(articles), "--db", str(db))
    assert code == 0
    assert "5 already stored" in stderr
    assert table_counts(db) == first


def test_bad_documents_are_reported_and_skipped(pipeline, tmp_path: Path) -> None:
    articles = write_town_articles(tmp_path / "news", 2)
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02 binary junk")
    (articles / "empty.txt").write_text("   \n")
    db = tmp_path / "events.duckdb"
    code, _, stderr = run_cli("ingest", str(articles), "--db", str(db))
    assert code == 0
    assert "broken.txt" in stderr and "empty.txt" in stderr
    assert table_counts(db)["articles"] == 2


def test_killed_ingest_leaves_a_database_a_rerun_completes(pipeline, tmp_path: Path) -> None:
    articles = write_town_articles(tmp_path / "news", 40)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "eventwire", "ingest", str(articles), "--db", str(killed_db)]
    process = subprocess.Popen(
        [*command, "--batch-size", "2", "--verbose"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("committed batch"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"

    partial = table_counts(killed_db)  # opens cleanly after the kill
    assert 2 <= partial["articles"] < 40

    assert run_cli("ingest", str(articles), "--db", str(killed_db), "--batch-size", "2")[0] == 0
    assert run_cli("ingest", str(articles), "--db", str(clean_db))[0] == 0
    assert table_counts(killed_db) == table_counts(clean_db)
    ids = "SELECT id FROM articles UNION ALL SELECT id FROM events ORDER BY 1"
    with (
        duckdb.connect(str(killed_db), read_only=True) as killed,
        duckdb.connect(str(clean_db), read_only=True) as clean,
    ):
        assert killed.execute(ids).fetchall() == clean.execute(ids).fetchall()


def test_database_of_another_version_is_refused_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "future.duckdb"
    EventStore(db).close()
    with duckdb.connect(str(db)) as connection:
        connection.execute("UPDATE schema_version SET version = version + 1")
    code, _, stderr = run_cli("query", "--db", str(db))
    assert code == 1
    assert str(db) in stderr and "schema version" in stderr
    assert "Traceback" not in stderr


def test_query_on_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, _, stderr = run_cli("stats", "--db", str(tmp_path / "nothing.duckdb"))
    assert code == 1
    assert "no such database" in stderr


# -- with real coded events (pass once the actor resolver and event coder are merged) ---


@pytest.fixture
def phone_call_db(pipeline, tmp_path: Path) -> Path:
    db = tmp_path / "calls.duckdb"
    code, _, stderr = run_cli("ingest", str(PHONE_CALL), "--db", str(db))
    assert code == 0, stderr
    return db


def test_three_articles_on_one_call_become_one_merged_event(phone_call_db: Path) -> None:
    code, stdout, _ = run_cli(
        "query", "--db", str(phone_call_db), "--merged", "--type", "CONSULT",
        "--country", "TUR", "--format", "jsonl",
    )  # fmt: skip
    assert code == 0
    records = [json.loads(line) for line in stdout.splitlines()]
    calls = [r for r in records if r["source_country"] == "RUS" and r["target_country"] == "TUR"]
    assert len(calls) == 1
    (call,) = calls
    assert call["mode"] == "phone"
    assert call["mention_count"] == 3
    assert call["source_count"] == 3
    assert len(call["article_ids"]) == 3


def test_query_lists_each_mention_with_its_evidence(phone_call_db: Path) -> None:
    code, stdout, _ = run_cli(
        "query", "--db", str(phone_call_db), "--actor", "Erdogan", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert len(rows) >= 3
    names = (unicodedata.normalize("NFKD", r["source_name"] + r["target_name"]) for r in rows)
    assert all("Erdogan" in name.encode("ascii", "ignore").decode() for name in names)
    assert all(row["evidence"] and row["evidence"] in row["sentence"] for row in rows)


def test_exports_and_stats_from_the_command_line(phone_call_db: Path, tmp_path: Path) -> None:
    parquet, icews = tmp_path / "calls.parquet", tmp_path / "calls.tab"
    assert (
        run_cli("export", "--db", str(phone_call_db), "-f", "parquet", "-o", str(parquet))[0] == 0
    )
    assert run_cli("export", "--db", str(phone_call_db), "-f", "icews", "-o", str(icews))[0] == 0
    exported = duckdb.sql(f"SELECT id FROM read_parquet('{parquet}') ORDER BY id").fetchall()
    with duckdb.connect(str(phone_call_db), read_only=True) as connection:
        stored = connection.execute(
            "SELECT id FROM events WHERE NOT negated ORDER BY id"
        ).fetchall()
    assert exported == stored and len(stored) >= 3
    assert len(icews.read_text().splitlines()) == len(stored) + 1
    code, stdout, _ = run_cli("stats", "--db", str(phone_call_db), "--format", "jsonl")
    assert code == 0
    by_type = [json.loads(line) for line in stdout.splitlines() if '"by": "type"' in line]
    assert any(r["event_type"] == "CONSULT" and r["mentions"] >= 3 for r in by_type)


def test_background_events_are_stored_and_can_be_left_out(pipeline, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Kenya and Uganda hold talks\nPublished: 2019-01-10\n\n"
        "The Kenyan president met the Ugandan president in Kampala on Tuesday. "
        "Kenya and Uganda signed a trade agreement in March 2016.\n",
        encoding="utf-8",
    )
    db = tmp_path / "talks.duckdb"
    assert run_cli("ingest", str(folder), "--db", str(db))[0] == 0

    def dates(*extra: str) -> list[tuple[str, bool]]:
        code, stdout, _ = run_cli("query", "--db", str(db), "--format", "jsonl", *extra)
        assert code == 0
        rows = [json.loads(line) for line in stdout.splitlines()]
        return sorted((r["date"], r["background"]) for r in rows)

    assert dates() == [("2016-03-01", True), ("2019-01-08", False)]
    assert dates("--no-background") == [("2019-01-08", False)]
    out = tmp_path / "news.jsonl"
    assert (
        run_cli("export", "--db", str(db), "-f", "jsonl", "-o", str(out), "--no-background")[0] == 0
    )
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["background"], r["location_precision"]) for r in exported] == [(False, "city")]


def test_min_confidence_keeps_only_events_at_least_that_sure(tmp_path) -> None:
    runner = CliRunner()
    db = tmp_path / "c.duckdb"
    assert runner.invoke(app, ["ingest", str(REPO / "examples"), "--db", str(db)]).exit_code == 0

    def confidences(*options: str) -> list[float]:
        result = runner.invoke(app, ["query", "--db", str(db), "--format", "jsonl", *options])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["confidence"] for line in result.output.splitlines() if line]

    every = sorted(confidences())
    cut = every[len(every) // 2]
    kept = confidences("--min-confidence", str(cut))
    assert 0 < len(kept) < len(every) and min(kept) >= cut
    bad = runner.invoke(app, ["query", "--db", str(db), "--min-confidence", "1.5"])
    assert bad.exit_code != 0
