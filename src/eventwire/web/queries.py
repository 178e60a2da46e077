"""What the API and the pages read from the store: one function per view, all SQL bound.

Every query filters with :meth:`WebFilter.where` (the store's own filter logic);
only whitelisted fragments (a sort order, a time unit, a grouping column) are
written into the SQL text, and they come from the tables below, never from a
request.
"""

from __future__ import annotations

import json
import re
from typing import Any

from eventwire.store.query import EVENT_DATE, MENTION_COLUMNS
from eventwire.store.query import stats as store_stats
from eventwire.web.database import CursorStore, ReadOnlyDatabase
from eventwire.web.filters import WebFilter, actor_key_sql
from eventwire.web.vocabulary import QUADS

FROM = "FROM events e JOIN articles a ON a.id = e.article_id"
ARTICLE_COLUMN = re.compile(r"\ba\.")


def source(condition: str) -> str:
    """FROM for a count over events: the article join only when the filter reads an article.

    Every event has its article, so leaving the join out changes no count; it is the
    costliest step of an unfiltered aggregate.
    """
    return FROM if ARTICLE_COLUMN.search(condition) else "FROM events e"


COOPERATIVE = "e.quad_code IN (1, 2)"
CONFLICTUAL = "e.quad_code IN (3, 4)"
SOURCE_KEY, TARGET_KEY = actor_key_sql("source"), actor_key_sql("target")

EVENT_COLUMNS = (
    *MENTION_COLUMNS,
    "e.confidence",
    "e.date_precision",
    "e.date_basis",
    "e.location_name",
    "e.location_country",
    "e.latitude",
    "e.longitude",
    "e.source_kb_id",
    "e.target_kb_id",
    "e.source_role",
    "e.target_role",
    f"{SOURCE_KEY} AS source_key",
    f"{TARGET_KEY} AS target_key",
    "a.title AS article_title",
)

EVENT_SORTS = {
    "-date": "date DESC NULLS LAST, e.id",
    "date": "date NULLS LAST, e.id",
    "-confidence": "e.confidence DESC NULLS LAST, date DESC NULLS LAST, e.id",
    "confidence": "e.confidence NULLS LAST, date DESC NULLS LAST, e.id",
    "type": "e.event_type, date DESC NULLS LAST, e.id",
}
MERGED_SORTS = {
    "-mentions": "mention_count DESC, first_date DESC, id",
    "-date": "first_date DESC, id",
    "date": "first_date, id",
}
ACTOR_SORTS = {
    "-total": "total DESC, key",
    "-given": "given DESC, total DESC, key",
    "-received": "received DESC, total DESC, key",
    "name": "name, key",
}
INTERVALS = {"day": "day", "week": "week"}
GROUPINGS = {"type": "e.event_type", "quad": "e.quad_code"}


def quad_name(code: int | None) -> str | None:
    return QUADS.get(code) if code is not None else None


def event_columns(db: ReadOnlyDatabase) -> str:
    return ", ".join(EVENT_COLUMNS)


def with_quad(row: dict[str, Any]) -> dict[str, Any]:
    row["quad"] = quad_name(row.get("quad_code"))
    return row


# -- events -------------------------------------------------------------------


def count_events(db: ReadOnlyDatabase, where: WebFilter) -> int:
    condition, params = where.where()
    return db.value(f"SELECT count(*) {source(condition)} WHERE {condition}", params)


def list_events(
    db: ReadOnlyDatabase,
    where: WebFilter,
    limit: int,
    offset: int = 0,
    sort: str = "-date",
    total: int | None = None,
) -> dict[str, Any]:
    """One page of matching mentions, with the total for paging (counted unless given)."""
    condition, params = where.where()
    rows = db.rows(
        f"SELECT {event_columns(db)} {FROM} WHERE {condition} "
        f"ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "total": count_events(db, where) if total is None else total,
        "limit": limit,
        "offset": offset,
        "sort": sort,
        "items": [with_quad(row) for row in rows],
    }


def get_event(db: ReadOnlyDatabase, event_id: str) -> dict[str, Any] | None:
    """One mention with every stored column, its article, and its merged event."""
    rows = db.rows(
        f"SELECT e.*, {EVENT_DATE} AS event_date, {SOURCE_KEY} AS source_key, "
        f"{TARGET_KEY} AS target_key, a.title AS article_title, a.outlet, a.url, a.published "
        f"{FROM} WHERE e.id = ?",
        [event_id],
    )
    if not rows:
        return None
    event = with_quad(rows[0])
    event["article"] = {
        "id": event["article_id"],
        "title": event.pop("article_title"),
        "outlet": event.pop("outlet"),
        "url": event.pop("url"),
        "published": event.pop("published"),
    }
    event["merged"] = get_merged(db, event["merged_id"]) if event["merged_id"] else None
    return event


# -- merged events -------------------------------------------------------------


def mentions_of(db: ReadOnlyDatabase, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every mention of the given merged events, oldest first, keyed by merged id."""
    if not merged_ids:
        return {}
    rows = db.rows(
        f"SELECT e.merged_id, e.id, e.article_id, a.title AS article_title, a.outlet, "
        f"a.published, {EVENT_DATE} AS date, e.evidence, e.sentence, e.negated "
        f"{FROM} WHERE list_contains(?, e.merged_id) ORDER BY date NULLS LAST, e.id",
        [merged_ids],
    )
    grouped: dict[str, list[dict[str, Any]]] = {merged_id: [] for merged_id in merged_ids}
    for row in rows:
        grouped[row.pop("merged_id")].append(row)
    return grouped


def list_merged(
    db: ReadOnlyDatabase, where: WebFilter, limit: int, offset: int = 0, sort: str = "-mentions"
) -> dict[str, Any]:
    """Merged events with at least one matching mention, each with all its mentions.

    The page's ids are chosen from the tables first; only those go through the
    ``merged_event_summary`` view, whose aggregates are costly over a whole store.
    """
    condition, params = where.where()
    page = db.rows(
        "SELECT id, count(*) OVER () AS total_rows FROM ("
        "SELECT c.id, m.first_date, c.mention_count FROM ("
        f"SELECT e.merged_id AS id, count(*) AS mention_count, bool_or({condition}) AS matches "
        f"{source(condition)} WHERE e.merged_id IS NOT NULL GROUP BY e.merged_id) c "
        "JOIN merged_events m ON m.id = c.id WHERE c.matches"
        f") ORDER BY {MERGED_SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    ids = [row["id"] for row in page]
    found = {
        row["id"]: row
        for row in (
            db.rows("SELECT * FROM merged_event_summary WHERE list_contains(?, id)", [ids])
            if ids
            else []
        )
    }
    mentions = mentions_of(db, ids)
    rows = [found[merged_id] | {"mentions": mentions[merged_id]} for merged_id in ids]
    total = page[0]["total_rows"] if page else 0
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "items": rows}


def get_merged(db: ReadOnlyDatabase, merged_id: str) -> dict[str, Any] | None:
    rows = db.rows("SELECT * FROM merged_event_summary WHERE id = ?", [merged_id])
    if not rows:
        return None
    rows[0]["mentions"] = mentions_of(db, [merged_id])[merged_id]
    return rows[0]


# -- actors and dyads ------------------------------------------------------------

ACTOR_SIDES = f"""
WITH f AS (
    SELECT {SOURCE_KEY} AS source_key, {TARGET_KEY} AS target_key, e.source_name, e.source_country,
           e.source_sector, e.source_kb_id, e.target_name, e.target_country, e.target_sector,
           e.target_kb_id
    {{source}} WHERE {{condition}}
), sides AS (
    SELECT source_key AS key, source_name AS name, source_country AS country,
           source_sector AS sector, source_kb_id AS kb_id, TRUE AS given
    FROM f WHERE source_key IS NOT NULL
    UNION ALL
    SELECT target_key, target_name, target_country, target_sector, target_kb_id, FALSE
    FROM f WHERE target_key IS NOT NULL AND target_key IS DISTINCT FROM source_key
)
SELECT key, any_value(name) AS name, any_value(country) AS country, any_value(sector) AS sector,
       any_value(kb_id) AS kb_id, CAST(count(*) FILTER (WHERE given) AS INTEGER) AS given,
       CAST(count(*) FILTER (WHERE NOT given) AS INTEGER) AS received,
       CAST(count(*) AS INTEGER) AS total
FROM sides GROUP BY key
"""


def actor_sides(condition: str) -> str:
    return ACTOR_SIDES.format(condition=condition, source=source(condition))


def list_actors(
    db: ReadOnlyDatabase, where: WebFilter, limit: int, offset: int = 0, sort: str = "-total"
) -> dict[str, Any]:
    """Actors of the matching events with how many events they did (given) and underwent."""
    condition, params = where.where()
    rows = db.rows(
        f"SELECT *, count(*) OVER () AS total_rows FROM ({actor_sides(condition)}) "
        f"ORDER BY {ACTOR_SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    total = rows[0]["total_rows"] if rows else count_actors(db, where)
    for row in rows:
        del row["total_rows"]
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "items": rows}


def count_actors(db: ReadOnlyDatabase, where: WebFilter) -> int:
    condition, params = where.where()
    return db.value(
        f"SELECT count(*) FROM ({actor_sides(condition)})",
        params,
    )


def get_actor(db: ReadOnlyDatabase, key: str, where: WebFilter) -> dict[str, Any] | None:
    """One actor: counts, weekly given/received by quad class, partners, offices held."""
    where.actor_key = key
    condition, params = where.where()
    summary = db.rows(
        f"SELECT * FROM ({actor_sides(condition)}) WHERE key = ?",
        [*params, key],
    )
    if not summary:
        return None
    actor = summary[0]
    timeline = db.rows(
        f"SELECT CAST(date_trunc('week', {EVENT_DATE}) AS DATE) AS period, "
        f"CASE WHEN {SOURCE_KEY} = ? THEN 'given' ELSE 'received' END AS direction, "
        f"e.quad_code, count(*) AS mentions {FROM} WHERE {condition} AND {EVENT_DATE} IS NOT NULL "
        "GROUP BY ALL ORDER BY period, direction, e.quad_code",
        [key, *params],
    )
    actor["timeline"] = [with_quad(row) for row in timeline]
    actor["partners"] = db.rows(
        "SELECT partner_key AS key, any_value(partner_name) AS name, "
        "any_value(partner_country) AS country, "
        f"count(*) AS mentions, count(*) FILTER (WHERE {COOPERATIVE}) AS cooperative, "
        f"count(*) FILTER (WHERE {CONFLICTUAL}) AS conflictual, "
        "round(avg(e.intensity), 2) AS mean_intensity FROM ("
        f"SELECT e.*, CASE WHEN {SOURCE_KEY} = ? THEN {TARGET_KEY} ELSE {SOURCE_KEY} END AS partner_key, "
        f"CASE WHEN {SOURCE_KEY} = ? THEN e.target_name ELSE e.source_name END AS partner_name, "
        f"CASE WHEN {SOURCE_KEY} = ? THEN e.target_country ELSE e.source_country END "
        f"AS partner_country {source(condition)} WHERE {condition}) e "
        "WHERE partner_key IS NOT NULL AND partner_key <> ? "
        "GROUP BY partner_key ORDER BY mentions DESC, partner_key LIMIT 25",
        [key, key, key, *params, key],
    )
    actor["roles"] = db.rows(
        "SELECT role, min(date) AS first_date, max(date) AS last_date, count(*) AS mentions FROM ("
        f"SELECT CASE WHEN {SOURCE_KEY} = ? THEN e.source_role ELSE e.target_role END AS role, "
        f"{EVENT_DATE} AS date {FROM} WHERE {condition}) "
        "WHERE role IS NOT NULL AND role <> '' GROUP BY role ORDER BY first_date, role",
        [key, *params],
    )
    return actor


def list_dyads(db: ReadOnlyDatabase, where: WebFilter, limit: int) -> dict[str, Any]:
    """Source-to-target pairs, strongest first, with cooperative and conflictual counts."""
    condition, params = where.where()
    rows = db.rows(
        "SELECT source_key, any_value(e.source_name) AS source_name, "
        "any_value(e.source_country) AS source_country, target_key, "
        "any_value(e.target_name) AS target_name, any_value(e.target_country) AS target_country, "
        f"count(*) AS mentions, count(DISTINCT e.merged_id) AS merged_events, "
        f"count(*) FILTER (WHERE {COOPERATIVE}) AS cooperative, "
        f"count(*) FILTER (WHERE {CONFLICTUAL}) AS conflictual, "
        "round(avg(e.intensity), 2) AS mean_intensity, count(*) OVER () AS total_rows FROM ("
        "SELECT e.source_name, e.source_country, e.target_name, e.target_country, e.merged_id, "
        f"e.quad_code, e.intensity, {SOURCE_KEY} AS source_key, {TARGET_KEY} AS target_key "
        f"{source(condition)} "
        f"WHERE {condition}) e WHERE source_key IS NOT NULL AND target_key IS NOT NULL "
        "GROUP BY source_key, target_key ORDER BY mentions DESC, source_key, target_key LIMIT ?",
        [*params, limit],
    )
    total = rows[0]["total_rows"] if rows else 0
    for row in rows:
        del row["total_rows"]
    return {"total": total, "limit": limit, "items": rows}


# -- time, places, articles, stats ------------------------------------------------


def timeline(db: ReadOnlyDatabase, where: WebFilter, interval: str, by: str) -> dict[str, Any]:
    """Mention counts per day or week, one series per PLOVER type or quad class."""
    condition, params = where.where()
    rows = db.rows(
        f"SELECT CAST(date_trunc('{INTERVALS[interval]}', {EVENT_DATE}) AS DATE) AS period, "
        f"{GROUPINGS[by]} AS grp, count(*) AS mentions {FROM} "
        f"WHERE {condition} AND {EVENT_DATE} IS NOT NULL GROUP BY ALL ORDER BY period, grp",
        params,
    )
    periods = sorted({row["period"] for row in rows})
    index = {period: i for i, period in enumerate(periods)}
    series: dict[str, list[int]] = {}
    for row in rows:
        name = (quad_name(row["grp"]) or "UNSCORED") if by == "quad" else row["grp"]
        counts = series.setdefault(name, [0] * len(periods))
        counts[index[row["period"]]] += row["mentions"]
    return {"interval": interval, "by": by, "periods": periods, "series": series}


def list_places(db: ReadOnlyDatabase, where: WebFilter, limit: int) -> dict[str, Any]:
    """Located events grouped by place, most reported first."""
    condition, params = where.where()
    rows = db.rows(
        "SELECT e.location_name AS name, e.location_country AS country, e.latitude, e.longitude, "
        f"count(*) AS mentions, count(*) FILTER (WHERE {COOPERATIVE}) AS cooperative, "
        f"count(*) FILTER (WHERE {CONFLICTUAL}) AS conflictual {source(condition)} "
        f"WHERE {condition} AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL "
        "GROUP BY ALL ORDER BY mentions DESC, name LIMIT ?",
        [*params, limit],
    )
    return {"limit": limit, "items": rows}


def list_articles(
    db: ReadOnlyDatabase, where: WebFilter, limit: int, offset: int = 0
) -> dict[str, Any]:
    """Articles, newest first, with their matching events (only those with one when filtered)."""
    condition, params = where.where()
    having = "HAVING count(e.id) > 0" if where.active else ""
    sql = (
        "SELECT a.id, a.title, a.outlet, a.url, a.published, a.duplicate_of, "
        "count(e.id) AS events, count(*) OVER () AS total_rows FROM articles a "
        f"LEFT JOIN events e ON e.article_id = a.id AND {condition} "
        f"GROUP BY a.id, a.title, a.outlet, a.url, a.published, a.duplicate_of {having} "
        "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
    )
    rows = db.rows(sql, [*params, limit, offset])
    total = rows[0]["total_rows"] if rows else 0
    for row in rows:
        del row["total_rows"]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def get_article(db: ReadOnlyDatabase, article_id: str) -> dict[str, Any] | None:
    """An article's cleaned text with the character spans of its events, flags and quotes."""
    rows = db.rows("SELECT * EXCLUDE (ingested_at) FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    article = rows[0]
    if isinstance(article.get("repairs"), str):
        article["repairs"] = json.loads(article["repairs"] or "{}")
    article["events"] = [
        with_quad(row)
        for row in db.rows(
            f"SELECT e.id, e.span_start, e.span_end, e.evidence, e.sentence_index, e.event_type, "
            "e.mode, e.cameo, e.quad_code, e.intensity, e.negated, e.confidence, e.pattern, "
            "e.explanation, e.source_name, e.source_country, e.source_sector, e.source_role, "
            "e.target_name, e.target_country, e.target_sector, e.target_role, e.merged_id, "
            f"{SOURCE_KEY} AS source_key, {TARGET_KEY} AS target_key, {EVENT_DATE} AS date, "
            f"e.date_basis, e.location_name {FROM} WHERE e.article_id = ? "
            "ORDER BY e.span_start NULLS LAST, e.id",
            [article_id],
        )
    ]
    article["flags"] = db.rows(
        "SELECT kind, text, detail FROM flags WHERE article_id = ? ORDER BY flag_index",
        [article_id],
    )
    article["quotes"] = db.rows(
        "SELECT speaker_name, speaker_country, speaker_sector, text, span_start, span_end "
        "FROM quotes WHERE article_id = ? ORDER BY quote_index",
        [article_id],
    )
    return article


def summary(db: ReadOnlyDatabase, where: WebFilter) -> dict[str, Any]:
    """How many mentions, merged events and articles match, and their date range."""
    condition, params = where.where()
    return db.rows(
        "SELECT count(*) AS mentions, count(DISTINCT e.merged_id) AS merged_events, "
        f"count(DISTINCT e.article_id) AS articles, min({EVENT_DATE}) AS first_date, "
        f"max({EVENT_DATE}) AS last_date {FROM} WHERE {condition}",
        params,
    )[0]


def stats(db: ReadOnlyDatabase, where: WebFilter) -> dict[str, Any]:
    """Totals of the store, counts of the matching events, and the store's stats groups."""
    with db.cursor() as cursor:
        totals = {
            table: cursor.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "merged_events", "quotes", "flags")
        }
        groups = store_stats(CursorStore(cursor), where)
    return {
        "store": totals,
        "matching": summary(db, where),
        **{
            f"by_{name}": [dict(zip(columns, row, strict=True)) for row in rows]
            for name, (columns, rows) in groups.items()
        },
    }
