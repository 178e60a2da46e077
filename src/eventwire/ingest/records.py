"""Turning one row of a table or one JSON object into an Article through a column mapping."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime

import dateparser

from eventwire.errors import DocumentError
from eventwire.model import Article


@dataclass(frozen=True)
class ColumnMap:
    """Which column (or JSON key) holds each field; rename them for other layouts."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    id: str = "id"
    outlet: str = "outlet"

    @classmethod
    def from_options(cls, columns: Mapping[str, str | None] | None) -> ColumnMap:
        known = {f.name for f in fields(cls)}
        given = {k: v for k, v in (columns or {}).items() if v}
        unknown = set(given) - known
        if unknown:
            raise ValueError(f"unknown column field(s): {', '.join(sorted(unknown))}")
        return cls(**given)


def parse_record_date(value: object) -> date | None:
    """ISO dates and timestamps directly; other spellings through dateparser."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value).date()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def record_article(record: Mapping[str, object], columns: ColumnMap, name: str) -> Article:
    """One record -> Article; a missing or empty text column is a DocumentError for the record."""

    def value(key: str) -> str:
        found = record.get(key)
        return "" if found is None else str(found).strip()

    text = value(columns.text)
    if not text:
        raise DocumentError(name, f"no text in column {columns.text!r}")
    record_id = value(columns.id)
    raw_date = record.get(columns.date)
    published = parse_record_date(raw_date)
    if raw_date not in (None, "") and published is None:
        raise DocumentError(name, f"cannot read date {raw_date!r} in column {columns.date!r}")
    return Article(
        text=text,
        title=value(columns.title),
        outlet=value(columns.outlet),
        url=value(columns.url),
        published=published,
        published_basis="column" if published else "",
        source=f"{name}#{record_id}" if record_id else name,
    )
