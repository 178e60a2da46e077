"""``eventwire run``: sources in, a partitioned Parquet dataset out, resumable shard by shard.

The driver reads and cleans the sources (duplicate checks need the whole
stream, as in ``code``) and cuts the cleaned articles into shards by documents
and characters; the engine (local or Ray) parses and codes the shards; the
driver writes each finished shard's files and then records it in the manifest.
A rerun over the same sources cuts the same shards and skips the finished ones.
``load_run`` puts such a dataset into a store, shard by shard in input order,
with the store's usual skip of known articles and merging, so the store ends up
with the rows a local ``ingest`` of the same sources writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.engine import local
from eventwire.engine.manifest import Manifest, ShardRecord, shard_key
from eventwire.engine.parquet import read_shard, shard_tables, write_shard
from eventwire.errors import DocumentError
from eventwire.model import Article
from eventwire.nlp import text_batches
from eventwire.store.database import BatchResult, EventStore, now

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

SHARD_DOCS = 64  # articles in one shard at most ...
SHARD_CHARS = 200_000  # ... and characters (about 35,000 words): small enough to balance


@dataclass
class RunReport:
    shards: int = 0  # coded and written in this run
    finished_before: int = 0  # skipped: the manifest lists them
    articles: int = 0
    events: int = 0
    problems: list[DocumentError] = field(default_factory=list)


def run_to_parquet(
    pipeline: Pipeline,
    articles: Iterable[Article | DocumentError],
    out: Path,
    shard_docs: int = SHARD_DOCS,
    shard_chars: int = SHARD_CHARS,
    on_shard: Callable[[int, ShardRecord], None] | None = None,
) -> RunReport:
    """Code ``articles`` into the Parquet dataset ``out``; finished shards are skipped."""
    manifest = Manifest.open(out, shard_docs, shard_chars)
    report = RunReport()
    keys: dict[int, str] = {}
    first_problem = len(pipeline.problems)

    def unfinished() -> Iterator[tuple[int, list[Article]]]:
        cleaned = pipeline.clean_stream(articles)
        batches = text_batches(cleaned, manifest.shard_docs, manifest.shard_chars)
        for number, batch in enumerate(batches):
            shard = [article for _, article in batch]
            key = shard_key([article.id for article in shard])
            if manifest.finished(number, key):
                report.finished_before += 1
                continue
            keys[number] = key
            yield number, shard

    engine = pipeline.engine if pipeline.engine is not None else local
    for number, coded in engine.code_shards(pipeline, unfinished()):
        files = write_shard(out, number, shard_tables(number, coded, now()))
        events = sum(len(c.events) for c in coded)
        provenance = coded[0].provenance if coded else {}
        record = ShardRecord(keys.pop(number), len(coded), events, files, provenance)
        manifest.add(number, record)
        report.shards += 1
        report.articles += len(coded)
        report.events += events
        if on_shard:
            on_shard(number, record)
    manifest.complete = True
    manifest.save()
    report.problems = list(pipeline.problems)[first_problem:]
    return report


@dataclass
class LoadReport:
    articles: int = 0
    events: int = 0
    already_stored: int = 0
    shards: int = 0
    complete: bool = True


def load_run(
    store: EventStore, out: Path, on_batch: Callable[[BatchResult], None] | None = None
) -> LoadReport:
    """Store the finished shards of a run's dataset, in input order, one transaction each."""
    manifest = Manifest.read(out / "_manifest.json")
    report = LoadReport(complete=manifest.complete)
    for _, record in sorted(manifest.shards.items()):
        rows = read_shard(out, record.files)
        result = store.write_rows(rows["articles"], rows["events"], rows["quotes"], rows["flags"])
        report.articles += result.articles
        report.events += result.events
        report.already_stored += result.skipped
        report.shards += 1
        if on_batch:
            on_batch(result)
    return report
