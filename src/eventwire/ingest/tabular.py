"""CSV and TSV files with a header row, read row by row from any binary stream."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import DocumentError
from eventwire.ingest.records import ColumnMap, record_article
from eventwire.model import Article

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies are long fields


def read_table(
    stream: BinaryIO, source: str, columns: ColumnMap, delimiter: str = ","
) -> Iterator[Article | DocumentError]:
    lines = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    try:
        reader = csv.DictReader(lines, delimiter=delimiter)
        if reader.fieldnames is None:
            yield DocumentError(source, "empty table: no header row")
            return
        if columns.text not in reader.fieldnames:
            yield DocumentError(
                source,
                f"no column {columns.text!r} for the text (columns: {', '.join(reader.fieldnames)});"
                " name it with --column text=NAME",
            )
            return
        for row in reader:
            name = f"{source}:{reader.line_num}"
            try:
                yield record_article(row, columns, name)
            except DocumentError as problem:
                yield problem
    except csv.Error as exc:
        yield DocumentError(source, f"malformed CSV: {exc}")
    except (OSError, EOFError) as exc:
        yield DocumentError(source, f"file is damaged or truncated: {exc}")
    finally:
        lines.detach()
