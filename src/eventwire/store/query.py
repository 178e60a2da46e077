"""Filtering stored events (mentions or merged events) and counting them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry

from eventwire.errors import EventWireError
from eventwire.store.database import EventStore

EVENT_DATE = "coalesce(e.date, a.published)"

MENTION_COLUMNS = (
    "e.id",
    f"{EVENT_DATE} AS date",
    "e.source_name",
    "e.source_country",
    "e.source_sector",
    "e.event_type",
    "e.mode",
    "e.target_name",
    "e.target_country",
    "e.target_sector",
    "e.cameo",
    "e.intensity",
    "e.quad_code",
    "e.negated",
    "e.background",
    "e.confidence",
    "e.merged_id",
    "e.article_id",
    "a.outlet",
    "e.sentence_index",
    "e.evidence",
    "e.sentence",
)


def country_code(value: str) -> str:
    """ISO alpha-3 (or IGO/NGO) for a code or a country name such as "Russia"."""
    text = value.strip()
    if text.upper() in {"IGO", "NGO"} or (len(text) == 3 and text.isalpha()):
        return text.upper()
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(text)[0].alpha_3
    except LookupError:
        pass
    raise EventWireError(f"--country {value!r}: not a country name or ISO-3166 alpha-3 code")


@dataclass
class EventFilter:
    """The query/export filters; empty fields do not filter."""

    actor: str | None = None
    country: str | None = None
    event_type: str | None = None
    mode: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    include_negated: bool = False
    include_background: bool = True
    min_confidence: float | None = None  # calibrated: the chance an analyst codes it too

    def where(self) -> tuple[str, list[Any]]:
        """A SQL condition over events ``e`` joined to articles ``a``, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_negated:
            clauses.append("NOT e.negated")
        if not self.include_background:
            clauses.append("NOT e.background")
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.actor:
            # Accent-blind, over canonical names and the article's own words ("Erdogan").
            pattern = f"%{self.actor}%"
            names = [
                f"strip_accents({side}_{col})"
                for side in ("e.source", "e.target")
                for col in ("name", "text")
            ]
            matches = " OR ".join(f"{name} ILIKE strip_accents(?)" for name in names)
            clauses.append(f"({matches} OR e.source_kb_id = ? OR e.target_kb_id = ?)")
            params += [pattern] * len(names) + [self.actor, self.actor]
        if self.country:
            code = country_code(self.country)
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [code, code]
        if self.event_type:
            clauses.append("upper(e.event_type) = upper(?)")
            params.append(self.event_type)
        if self.mode:
            clauses.append("lower(e.mode) = lower(?)")
            params.append(self.mode)
        if self.since:
            clauses.append(f"{EVENT_DATE} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{EVENT_DATE} <= ?")
            params.append(self.until)
        if self.text:
            clauses.append("(e.sentence ILIKE ? OR a.title ILIKE ?)")
            params += [f"%{self.text}%"] * 2
        return (" AND ".join(clauses) or "TRUE"), params


def query_mentions(
    store: EventStore, where: EventFilter, limit: int | None = None
) -> tuple[list[str], list[tuple]]:
    """Matching event mentions, oldest first: (column names, rows)."""
    condition, params = where.where()
    sql = (
        f"SELECT {', '.join(MENTION_COLUMNS)} FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE {condition} ORDER BY date NULLS LAST, e.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    cursor = store.connection.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def query_merged(
    store: EventStore, where: EventFilter, limit: int | None = None
) -> tuple[list[str], list[tuple]]:
    """Merged events with at least one matching mention: (column names, rows)."""
    condition, params = where.where()
    sql = (
        "SELECT * FROM merged_event_summary WHERE id IN (SELECT e.merged_id FROM events e "
        f"JOIN articles a ON a.id = e.article_id WHERE {condition}) "
        "ORDER BY first_date, id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    cursor = store.connection.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


STATS_QUERIES = {
    "type": (
        "SELECT e.event_type, count(*) AS mentions, count(DISTINCT e.merged_id) AS merged_events "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
        "GROUP BY ALL ORDER BY mentions DESC, e.event_type"
    ),
    "country_pair": (
        "SELECT coalesce(e.source_country, '-') AS source_country, "
        "coalesce(e.target_country, '-') AS target_country, count(*) AS mentions, "
        "count(DISTINCT e.merged_id) AS merged_events "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
        "GROUP BY ALL ORDER BY mentions DESC, source_country, target_country"
    ),
    "week": (
        f"SELECT CAST(date_trunc('week', {EVENT_DATE}) AS DATE) AS week, count(*) AS mentions, "
        "count(DISTINCT e.merged_id) AS merged_events "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
        "GROUP BY ALL ORDER BY week NULLS LAST"
    ),
}


def stats(store: EventStore, where: EventFilter) -> dict[str, tuple[list[str], list[tuple]]]:
    """Counts of mentions and merged events by type, by country pair and by ISO week."""
    condition, params = where.where()
    result = {}
    for name, sql in STATS_QUERIES.items():
        cursor = store.connection.execute(sql.format(where=condition), params)
        result[name] = ([d[0] for d in cursor.description], cursor.fetchall())
    return result
