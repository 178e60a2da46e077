"""The manifest beside a run's Parquet output: which shards are finished, and what they hold.

The manifest is the run's commit point. A shard counts as finished only once
the manifest lists it (its files were written first, under fixed names), so a
run killed at any moment is resumed by running it again: finished shards are
skipped, a shard cut short is written anew over its own files, and a load
reads only the files the manifest lists. The manifest is replaced atomically.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import EventWireError
from eventwire.model import stable_id

MANIFEST_NAME = "_manifest.json"
FORMAT = "eventwire-run"
FORMAT_VERSION = 1


def is_run_output(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST_NAME).is_file()


def shard_key(article_ids: list[str]) -> str:
    """What a shard holds: a rerun over the same sources must cut the same shards."""
    return stable_id("shard", *article_ids)


@dataclass
class ShardRecord:
    key: str
    articles: int
    events: int
    files: list[str]
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class Manifest:
    path: Path
    shard_docs: int
    shard_chars: int
    shards: dict[int, ShardRecord] = field(default_factory=dict)
    complete: bool = False

    @classmethod
    def open(cls, out: Path, shard_docs: int, shard_chars: int) -> Manifest:
        """The manifest of ``out``: read (a resumed run keeps its shard sizes) or new."""
        path = out / MANIFEST_NAME
        if path.exists():
            return cls.read(path)
        if out.exists() and any(out.iterdir()):
            raise EventWireError(f"{out}: not empty and not the output of `eventwire run`")
        return cls(path, shard_docs, shard_chars)

    @classmethod
    def read(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, not {FORMAT!r}")
            if data.get("version", 0) > FORMAT_VERSION:
                raise ValueError(f"written by a newer EventWire (version {data['version']})")
            shards = {int(k): ShardRecord(**v) for k, v in data["shards"].items()}
            return cls(path, data["shard_docs"], data["shard_chars"], shards, data["complete"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise EventWireError(f"{path}: not a readable run manifest: {exc}") from exc

    def finished(self, shard: int, key: str) -> bool:
        """True when the shard is done; a done shard that holds other articles is an error."""
        record = self.shards.get(shard)
        if record is None:
            return False
        if record.key != key:
            raise EventWireError(
                f"{self.path.parent}: shard {shard} was cut from other articles; these sources "
                "are not the ones this output was made from. Pick a new --out folder."
            )
        return True

    def add(self, shard: int, record: ShardRecord) -> None:
        self.shards[shard] = record
        self.save()

    def save(self) -> None:
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "shard_docs": self.shard_docs,
            "shard_chars": self.shard_chars,
            "complete": self.complete,
            "shards": {str(k): asdict(v) for k, v in sorted(self.shards.items())},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)
