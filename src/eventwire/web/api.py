"""The JSON API under ``/api``: the store's events, actors, dyads, time, places and articles."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from eventwire.store.export import ExportFormat, export_events
from eventwire.web import queries
from eventwire.web.database import CursorStore, ReadOnlyDatabase
from eventwire.web.filters import WebFilter
from eventwire.web.params import (
    MAX_PAGE,
    HexId,
    Limit,
    Offset,
    checked_choice,
    checked_id,
    checked_key,
    event_filter,
)

router = APIRouter(prefix="/api")
Filter = Annotated[WebFilter, Depends(event_filter)]


def database(request: Request) -> ReadOnlyDatabase:
    return request.app.state.db


Db = Annotated[ReadOnlyDatabase, Depends(database)]


def not_found(kind: str, value: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {kind} with id {value!r} in this store")


@router.get("/health", summary="The server is up; which store it reads")
def health(db: Db) -> dict[str, Any]:
    return {"status": "ok", "database": db.path.name, "read_only": True}


@router.get("/events", summary="Event mentions matching the filters, one page")
def events(
    db: Db,
    where: Filter,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str, Query(description=", ".join(queries.EVENT_SORTS))] = "-date",
) -> dict[str, Any]:
    checked_choice("sort", sort, queries.EVENT_SORTS)
    return queries.list_events(db, where, limit, offset, sort)


@router.get("/events/{event_id}", summary="One event: sentence, explanation, article, merge")
def event(db: Db, event_id: HexId) -> dict[str, Any]:
    found = queries.get_event(db, checked_id("event", event_id))
    if found is None:
        raise not_found("event", event_id)
    return found


@router.get("/merged", summary="Merged events (one per real-world event) with their mentions")
def merged(
    db: Db,
    where: Filter,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str, Query(description=", ".join(queries.MERGED_SORTS))] = "-mentions",
) -> dict[str, Any]:
    checked_choice("sort", sort, queries.MERGED_SORTS)
    return queries.list_merged(db, where, limit, offset, sort)


@router.get("/merged/{merged_id}", summary="One merged event with every mention")
def merged_event(db: Db, merged_id: HexId) -> dict[str, Any]:
    found = queries.get_merged(db, checked_id("merged event", merged_id))
    if found is None:
        raise not_found("merged event", merged_id)
    return found


@router.get("/actors", summary="Actors with the events they did (given) and underwent (received)")
def actors(
    db: Db,
    where: Filter,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[str, Query(description=", ".join(queries.ACTOR_SORTS))] = "-total",
) -> dict[str, Any]:
    checked_choice("sort", sort, queries.ACTOR_SORTS)
    return queries.list_actors(db, where, limit, offset, sort)


@router.get(
    "/actors/{key:path}",
    summary="One actor (KB id, or name for generic agents): weekly counts, partners, offices",
)
def actor(db: Db, key: str, where: Filter) -> dict[str, Any]:
    found = queries.get_actor(db, checked_key(key), where)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no actor {key!r} in the matching events")
    return found


@router.get("/dyads", summary="Source-to-target pairs, strongest first")
def dyads(db: Db, where: Filter, limit: Limit = 50) -> dict[str, Any]:
    return queries.list_dyads(db, where, limit)


@router.get("/timeline", summary="Mentions per day or week, by PLOVER type or quad class")
def timeline(
    db: Db,
    where: Filter,
    interval: Annotated[str, Query(description="day or week")] = "week",
    by: Annotated[str, Query(description="type (PLOVER type) or quad (quad class)")] = "type",
) -> dict[str, Any]:
    checked_choice("interval", interval, queries.INTERVALS)
    checked_choice("by", by, queries.GROUPINGS)
    return queries.timeline(db, where, interval, by)


@router.get("/places", summary="Located events grouped by place")
def places(db: Db, where: Filter, limit: Limit = MAX_PAGE) -> dict[str, Any]:
    return queries.list_places(db, where, limit)


@router.get("/articles", summary="Articles, newest first, with their matching event counts")
def articles(db: Db, where: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return queries.list_articles(db, where, limit, offset)


@router.get("/articles/{article_id}", summary="One article: text, event spans, flags, quotes")
def article(db: Db, article_id: HexId) -> dict[str, Any]:
    found = queries.get_article(db, checked_id("article", article_id))
    if found is None:
        raise not_found("article", article_id)
    return found


@router.get("/stats", summary="Store totals, matching counts, counts by type, pair and week")
def stats(db: Db, where: Filter) -> dict[str, Any]:
    return queries.stats(db, where)


def download(db: ReadOnlyDatabase, where: WebFilter, output_format: ExportFormat) -> FileResponse:
    """The store's own export of the current filter, written to a private temporary file."""
    folder = Path(tempfile.mkdtemp(prefix="eventwire-export-"))
    target = folder / f"eventwire-events.{output_format.value}"
    try:
        with db.cursor() as cursor:
            export_events(CursorStore(cursor), output_format, target, where)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    media = (
        "text/csv; charset=utf-8"
        if output_format is ExportFormat.csv
        else ("application/vnd.apache.parquet")
    )
    return FileResponse(
        target,
        media_type=media,
        filename=target.name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.get(
    "/export.csv",
    summary="CSV of every column of the matching events",
    response_class=FileResponse,
)
def export_csv(db: Db, where: Filter) -> FileResponse:
    return download(db, where, ExportFormat.csv)


@router.get(
    "/export.parquet",
    summary="Parquet of every column of the matching events",
    response_class=FileResponse,
)
def export_parquet(db: Db, where: Filter) -> FileResponse:
    return download(db, where, ExportFormat.parquet)
