"""The Ray engine: an actor pool, one loaded Pipeline per actor, shards coded in order.

Why actors and not Ray Data's map_batches: loading the pipeline (spaCy model,
knowledge base, classifier) takes seconds and half a GiB, so each worker loads
it once and keeps it; shards go to whichever actor is free, at most two per
actor in flight (bounded memory), and come back in input order, which keeps
output order, store merging and the run manifest exactly as with the local
engine. Ray is an optional extra (``pip install eventwire[ray]``); without
``address`` a local Ray instance starts with ``workers`` CPUs and stops with
the engine, with ``address`` the engine joins that cluster, whose nodes need
EventWire installed.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import DocumentError, EventWireError
from eventwire.model import Article, CodedArticle
from eventwire.nlp import BATCH_CHARS, BATCH_SIZE, DEFAULT_MODEL, text_batches

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

OBJECT_STORE_BYTES = 512 * 1024 * 1024  # shards are small; do not claim 30% of memory


QUIET = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}


def start_local_ray(num_cpus: int) -> None:
    """A Ray instance on this machine whose workers import this very EventWire."""
    ray = import_ray()
    source = str(Path(__file__).resolve().parents[2])
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if source not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([source, *paths])
    ray.init(num_cpus=num_cpus, object_store_memory=OBJECT_STORE_BYTES, **QUIET)


def import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise EventWireError(
            "the Ray engine needs Ray: pip install 'eventwire[ray]' (or use --engine local)"
        ) from exc
    return ray


class CodingWorker:
    """One Ray actor: loads the pipeline once, then parses and codes shard after shard."""

    def __init__(self, model: str, batch_size: int) -> None:
        from eventwire.pipeline import Pipeline

        self.pipeline = Pipeline.load(model, batch_size=batch_size)

    def code(self, articles: list[Article]) -> tuple[list[CodedArticle], list[DocumentError]]:
        first = len(self.pipeline.problems)
        coded = list(self.pipeline.code_cleaned((a.text, a) for a in articles))
        return coded, list(self.pipeline.problems)[first:]

    def peak_memory_mib(self) -> float:
        """Peak resident memory of this worker process (Linux reports KiB)."""
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class RayEngine:
    """Runs ``Pipeline`` stages on Ray actors; plug in as ``Pipeline.engine``."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        address: str | None = None,
        workers: int | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.ray = import_ray()
        self.started = False
        if not self.ray.is_initialized():
            self._connect(address, workers)
        cpus = int(self.ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, min(workers or cpus, cpus))
        actor = self.ray.remote(num_cpus=1)(CodingWorker)
        self.actors = [actor.remote(model, batch_size) for _ in range(self.workers)]
        self.batch_size = batch_size

    def _connect(self, address: str | None, workers: int | None) -> None:
        try:
            if address:
                self.ray.init(address=address, **QUIET)
            else:
                start_local_ray(workers or os.cpu_count() or 1)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = f"the Ray cluster at {address}" if address else "a local Ray instance"
            raise EventWireError(f"cannot start or join {where}: {exc}") from exc
        self.started = True

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []
        if self.started:
            self.ray.shutdown()
            self.started = False

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the engine protocol (see Pipeline.code_cleaned and engine.run) --------------------

    def code(
        self, pipeline: Pipeline, cleaned: Iterable[tuple[str, Article]]
    ) -> Iterator[CodedArticle]:
        """Code a stream of cleaned articles in input order; problems go to the pipeline."""
        batches = text_batches(cleaned, pipeline.batch_size, BATCH_CHARS)
        shards = (
            (number, [article for _, article in batch]) for number, batch in enumerate(batches)
        )
        for _, coded in self.code_shards(pipeline, shards):
            yield from coded

    def code_shards(
        self, pipeline: Pipeline, shards: Iterable[tuple[int, list[Article]]]
    ) -> Iterator[tuple[int, list[CodedArticle]]]:
        """Shards to free actors, at most two per actor in flight, results in input order."""
        from ray.util import ActorPool

        pool = ActorPool(self.actors)
        numbers: list[int] = []
        try:
            for number, shard in shards:
                pool.submit(lambda actor, articles: actor.code.remote(articles), shard)
                numbers.append(number)
                if len(numbers) >= 2 * self.workers:
                    yield self._next(pool, pipeline, numbers.pop(0))
            while numbers:
                yield self._next(pool, pipeline, numbers.pop(0))
        except self.ray.exceptions.RayActorError as exc:
            raise EventWireError(f"a Ray worker died ({exc}); rerun to resume") from exc

    def _next(self, pool: Any, pipeline: Pipeline, number: int) -> tuple[int, list[CodedArticle]]:
        coded, problems = pool.get_next()
        for problem in problems:
            pipeline.problems.append(problem)
        return number, coded

    def peak_memory_mib(self) -> list[float]:
        return self.ray.get([actor.peak_memory_mib.remote() for actor in self.actors])
