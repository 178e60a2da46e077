"""Latency of `eventwire serve` over a store of 100,000 events; prints one JSON line.

The store is built from real coded examples: `eventwire ingest` codes the example
articles and the web test texts, then their articles, mentions and merged events are
copied (in SQL) until there are ``--events`` mentions, each copy with new ids, dates
shifted across two years, and actor names and ids numbered by copy group so there are
thousands of distinct actors and dyads, as in a real store. The real command then
serves the file on a loopback port; the script measures its start-up (process start
to the first answer) and the p50/p95 latency of the main API calls and pages, over
sequential requests on one keep-alive connection.

    python benchmarks/serve.py [--events 100000] [--requests 30]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import httpx

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    REPO / "examples",
    REPO / "tests" / "fixtures" / "store" / "phone_call",
    REPO / "tests" / "fixtures" / "web",
]
ACTOR_GROUPS = 200
TARGET_P95_MS = 300


def eventwire() -> list[str]:
    return [sys.executable, "-m", "eventwire"]


def seed_store(db: Path) -> None:
    subprocess.run(
        [*eventwire(), "ingest", *map(str, SOURCES), "--db", str(db)],
        check=True,
        capture_output=True,
    )


def grow_store(db: Path, events: int) -> dict[str, int]:
    """Copy the seed's rows until the store holds ``events`` mentions."""
    with duckdb.connect(str(db)) as connection:
        (seed_events,) = connection.execute("SELECT count(*) FROM events").fetchone()
        copies = -(-events // seed_events)
        connection.execute("CREATE TEMP TABLE copy AS SELECT range AS n FROM range(1, ?)", [copies])
        actor_columns = ", ".join(
            f"CASE WHEN {side}_name IS NULL THEN NULL ELSE {side}_name || ' #' || "
            f"(c.n % {ACTOR_GROUPS}) END AS {side}_name, "
            f"CASE WHEN {side}_kb_id IS NULL THEN NULL ELSE {side}_kb_id || '-' || "
            f"(c.n % {ACTOR_GROUPS}) END AS {side}_kb_id"
            for side in ("source", "target")
        )
        shift = "((c.n * 7) % 730)"
        connection.execute("BEGIN TRANSACTION")
        connection.execute(
            "INSERT INTO articles SELECT a.* REPLACE ("
            "substr(md5(a.id || c.n), 1, 16) AS id, a.title || ' (' || c.n || ')' AS title, "
            f"a.published + CAST({shift} AS INTEGER) AS published) "
            "FROM articles a, copy c"
        )
        connection.execute(
            "INSERT INTO merged_events SELECT m.* REPLACE ("
            "substr(md5(m.id || c.n), 1, 16) AS id, m.merge_key || '/' || c.n AS merge_key, "
            f"m.first_date + CAST({shift} AS INTEGER) AS first_date, "
            f"m.last_date + CAST({shift} AS INTEGER) AS last_date) "
            "FROM merged_events m, copy c"
        )
        connection.execute(
            "INSERT INTO events SELECT e.* REPLACE ("
            "substr(md5(e.id || c.n), 1, 16) AS id, "
            "substr(md5(e.article_id || c.n), 1, 16) AS article_id, "
            "CASE WHEN e.merged_id IS NULL THEN NULL ELSE substr(md5(e.merged_id || c.n), 1, 16) "
            "END AS merged_id, "
            f"e.date + CAST({shift} AS INTEGER) AS date, {actor_columns}) "
            "FROM events e, copy c"
        )
        connection.execute(
            "DELETE FROM events WHERE id NOT IN (SELECT id FROM events ORDER BY id LIMIT ?)",
            [events],
        )
        connection.execute("COMMIT")
        connection.execute("CHECKPOINT")
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "merged_events")
        }
        counts["actors"] = connection.execute(
            "SELECT count(DISTINCT coalesce(source_kb_id, source_name)) FROM events"
        ).fetchone()[0]
    return counts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> tuple[subprocess.Popen, float]:
    """The real `eventwire serve`; seconds from process start to the first answer."""
    url = f"http://127.0.0.1:{port}/api/health"
    with httpx.Client(timeout=1) as probe:  # made first: a client costs time to set up
        started = time.perf_counter()
        process = subprocess.Popen(
            [*eventwire(), "serve", "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        while time.perf_counter() - started < 60:
            if process.poll() is not None:
                raise SystemExit(f"eventwire serve exited: {process.stderr.read()}")
            try:
                if probe.get(url).status_code == 200:
                    return process, time.perf_counter() - started
            except httpx.TransportError:
                time.sleep(0.01)
    process.kill()
    raise SystemExit("eventwire serve did not answer within 60 s")


def calls(client: httpx.Client) -> dict[str, str]:
    """The main API calls and pages, with ids taken from the store itself."""
    event = client.get("/api/events", params={"limit": 1, "type": "CONSULT"}).json()["items"][0]
    article_id = event["article_id"]
    actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["key"]
    return {
        "events": "/api/events",
        "events_type_country": "/api/events?type=CONSULT&country=RUS",
        "events_text": "/api/events?text=border",
        "events_actor_dates": "/api/events?actor=Putin&since=2024-01-01&until=2024-12-31",
        "event": f"/api/events/{event['id']}",
        "merged": "/api/merged",
        "actors": "/api/actors",
        "actor": f"/api/actors/{actor}",
        "dyads": "/api/dyads",
        "timeline_week_type": "/api/timeline?interval=week&by=type",
        "timeline_day_quad": "/api/timeline?interval=day&by=quad",
        "places": "/api/places",
        "articles": "/api/articles",
        "article": f"/api/articles/{article_id}",
        "stats": "/api/stats",
        "page_overview": "/",
        "page_overview_filtered": "/?type=ASSAULT&since=2024-01-01",
        "page_actor": f"/actor/{actor}",
        "page_article": f"/article/{article_id}",
        "page_event": f"/event/{event['id']}",
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(client: httpx.Client, path: str, requests: int) -> dict[str, float]:
    response = client.get(path)  # warm-up, not counted
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code} {response.text[:200]}")
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        response.raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per call")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-serve-bench-") as folder:
        db = Path(folder) / "events.duckdb"
        started = time.perf_counter()
        seed_store(db)
        counts = grow_store(db, args.events)
        build_s = time.perf_counter() - started
        process, startup_s = start_server(db, free_port())
        try:
            base = f"http://127.0.0.1:{process.args[process.args.index('--port') + 1]}"
            with httpx.Client(base_url=base, timeout=60) as client:
                results = {
                    name: measure(client, path, args.requests)
                    for name, path in calls(client).items()
                }
        finally:
            process.terminate()
            process.wait(timeout=10)
    worst = max(results, key=lambda name: results[name]["p95_ms"])
    print(
        json.dumps(
            {
                "benchmark": "serve",
                **counts,
                "db_build_s": round(build_s, 1),
                "startup_s": round(startup_s, 2),
                "requests_per_call": args.requests,
                "calls": results,
                "worst_p95_ms": results[worst]["p95_ms"],
                "worst_call": worst,
                "target_p95_ms": TARGET_P95_MS,
                "all_under_target": all(r["p95_ms"] < TARGET_P95_MS for r in results.values()),
                "cpus": os.cpu_count(),
                "load_avg_1m": round(os.getloadavg()[0], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
