"""JSON Lines: one JSON object per line, read line by line from any binary stream."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import DocumentError
from eventwire.ingest.records import ColumnMap, record_article
from eventwire.model import Article


def read_jsonl(
    stream: BinaryIO, source: str, columns: ColumnMap
) -> Iterator[Article | DocumentError]:
    lines = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    records_read = 0
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            name = f"{source}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = f"not valid JSON: {exc.msg} at column {exc.colno}"
                if (
                    records_read == 0
                ):  # a pretty-printed .json file, say: one report, not one a line
                    yield DocumentError(source, f"not JSON Lines (line {number}: {problem})")
                    return
                yield DocumentError(name, problem)
                continue
            records_read += 1
            if not isinstance(record, dict):
                yield DocumentError(name, "a line must hold a JSON object")
                continue
            try:
                yield record_article(record, columns, name)
            except DocumentError as problem:
                yield problem
    except (OSError, EOFError) as exc:
        yield DocumentError(source, f"file is damaged or truncated: {exc}")
    finally:
        lines.detach()
