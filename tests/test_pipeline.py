"""The whole stream: order, problems, and parallel workers giving the same records."""

from __future__ import annotations

from pathlib import Path

from eventwire.ingest import read_articles
from eventwire.pipeline import Pipeline


def event_records(pipeline: Pipeline, paths: list[Path]) -> list[tuple[str, list[dict]]]:
    coded = pipeline.code(read_articles(paths))
    return [(c.article.source, [e.to_dict() for e in c.events]) for c in coded]


def test_workers_give_the_same_records_in_the_same_order(
    examples_dir: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    paths = [examples_dir, empty, examples_dir / "putin-calls-allies.txt"]
    serial = Pipeline.load()
    parallel = Pipeline.load(batch_size=1, workers=2)
    expected = event_records(serial, paths)
    assert sum(len(events) for _, events in expected) > 0
    assert event_records(parallel, paths) == expected
    repeated = str(examples_dir / "putin-calls-allies.txt")  # a repeat is skipped, as in serial
    assert [p.source for p in parallel.problems] == [str(empty), repeated]
    assert [p.source for p in serial.problems] == [str(empty), repeated]


def test_pretty_printed_json_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text('{\n  "text": "A story."\n}\n', encoding="utf-8")
    items = list(read_articles([path]))
    assert len(items) == 1
    assert items[0].source == str(path) and "not JSON Lines" in items[0].problem
