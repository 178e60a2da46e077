"""store.ingest: the pipeline into the store, known articles skipped before any work."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import DocumentError
from eventwire.model import Article
from eventwire.store import EventStore
from eventwire.store.ingest import ingest_articles

BODY = (
    "The county council of Kisumu met on Monday to debate a new bus depot. "
    "A vote is expected next month, officials said."
)


def test_known_articles_are_skipped_before_cleaning_and_parsing(pipeline, tmp_path: Path) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        original = Article(text=BODY, source="kisumu.txt")
        assert ingest_articles(store, pipeline, [original]).articles == 1
        # Same id, but a body that cleaning would reject: only a skip by id keeps it quiet.
        same_id = Article(text="", source="kisumu-again.txt", id=original.id)
        report = ingest_articles(store, pipeline, [same_id])
        assert (report.articles, report.already_stored, report.problems) == (0, 1, [])
        assert store.counts()["articles"] == 1


def test_repeats_within_one_stream_are_stored_once(pipeline, tmp_path: Path) -> None:
    with EventStore(tmp_path / "events.duckdb") as store:
        article = Article(text=BODY, source="kisumu.txt")
        copy = Article(text=BODY, source="mirror/kisumu.txt")
        report = ingest_articles(store, pipeline, [article, copy], batch_size=1)
        assert (report.articles, report.already_stored) == (1, 1)


def test_bad_documents_are_reported_and_the_rest_stored(pipeline, tmp_path: Path) -> None:
    unreadable = DocumentError("scan.pdf", "binary file, not text")
    empty = Article(text="   ", source="blank.txt")
    good = Article(text=BODY, source="kisumu.txt")
    with EventStore(tmp_path / "events.duckdb") as store:
        report = ingest_articles(store, pipeline, [unreadable, empty, good])
        assert report.articles == 1
        assert sorted(problem.source for problem in report.problems) == ["blank.txt", "scan.pdf"]


def test_batches_are_reported_as_they_commit(pipeline, tmp_path: Path) -> None:
    articles = [Article(text=f"{BODY} Item {n}.", source=f"{n}.txt") for n in range(5)]
    committed: list[int] = []
    with EventStore(tmp_path / "events.duckdb") as store:
        ingest_articles(
            store, pipeline, articles, batch_size=2,
            on_batch=lambda result, report: committed.append(report.articles),
        )  # fmt: skip
    assert committed == [2, 4, 5]
