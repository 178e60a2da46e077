"""The analyst's pages: overview, actor, article and event, rendered on the server.

Filters live in the query string (the same parameters as the API), so a view can
be bookmarked and shared; a plain GET form changes them, which works from the
keyboard and without JavaScript. Tables and text are HTML from the server; the
charts are drawn in the browser by Plotly from JSON embedded in the page, into
boxes of fixed size, so nothing jumps while they draw.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from eventwire.web import queries
from eventwire.web.database import ReadOnlyDatabase
from eventwire.web.filters import WebFilter
from eventwire.web.highlight import mark_evidence, pieces
from eventwire.web.params import (
    Offset,
    checked_choice,
    checked_id,
    checked_key,
    event_filter,
)
from eventwire.web.vocabulary import QUADS, plover_modes

router = APIRouter(include_in_schema=False)
Filter = Annotated[WebFilter, Depends(event_filter)]
TABLE_ROWS = 50
DYADS_SHOWN = 40
PLACES_SHOWN = 500


def actor_url(key: str | None) -> str:
    return "/actor/" + quote(key or "", safe="")


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("eventwire.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["evidence"] = mark_evidence
    env.globals.update(actor_url=actor_url, quads=QUADS, plover_modes=plover_modes)
    env.policies["json.dumps_kwargs"] = {"default": str, "ensure_ascii": False}
    return env


ENVIRONMENT = make_environment()


def render(name: str, request: Request, status_code: int = 200, **context: Any) -> HTMLResponse:
    db: ReadOnlyDatabase = request.app.state.db

    def url_with(**changes: Any) -> str:
        """This page's URL with some query parameters changed (None or "" drops one)."""
        params = dict(request.query_params)
        params.update(
            {key: str(value) for key, value in changes.items() if value not in (None, "")}
        )
        for key, value in changes.items():
            if value in (None, ""):
                params.pop(key, None)
        query = urlencode({key: value for key, value in params.items() if value})
        return request.url.path + ("?" + query if query else "")

    html = ENVIRONMENT.get_template(name).render(
        request=request, db_name=db.path.name, url_with=url_with, **context
    )
    return HTMLResponse(html, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render("error.html", request, status_code, title="Error", message=message)


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    where: Filter,
    offset: Offset = 0,
    sort: Annotated[str, Query()] = "-date",
    interval: Annotated[str, Query()] = "week",
    by: Annotated[str, Query()] = "type",
) -> HTMLResponse:
    db: ReadOnlyDatabase = request.app.state.db
    checked_choice("sort", sort, queries.EVENT_SORTS)
    checked_choice("interval", interval, queries.INTERVALS)
    checked_choice("by", by, queries.GROUPINGS)
    charts = {
        "timeline": queries.timeline(db, where, interval, by),
        "dyads": queries.list_dyads(db, where, DYADS_SHOWN)["items"],
        "places": queries.list_places(db, where, PLACES_SHOWN)["items"],
    }
    summary = queries.summary(db, where)
    return render(
        "overview.html",
        request,
        title="Overview",
        where=where,
        summary=summary,
        events=queries.list_events(db, where, TABLE_ROWS, offset, sort, summary["mentions"]),
        charts=charts,
        interval=interval,
        by=by,
        sort=sort,
        export_query=where.query_string(),
    )


@router.get("/actor/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, where: Filter, offset: Offset = 0) -> HTMLResponse:
    db: ReadOnlyDatabase = request.app.state.db
    found = queries.get_actor(db, checked_key(key), where)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no actor {key!r} in the matching events")
    return render(
        "actor.html",
        request,
        title=found["name"] or key,
        actor=found,
        where=where,
        events=queries.list_events(db, where, TABLE_ROWS, offset, "-date"),
        charts={"actor_timeline": found["timeline"]},
    )


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    db: ReadOnlyDatabase = request.app.state.db
    found = queries.get_article(db, checked_id("article", article_id))
    if found is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    spans = [(e["span_start"], e["span_end"], e["id"]) for e in found["events"]]
    return render(
        "article.html",
        request,
        title=found["title"] or "Article",
        article=found,
        pieces=pieces(found["text"] or "", spans),
        events_by_id={event["id"]: event for event in found["events"]},
    )


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    db: ReadOnlyDatabase = request.app.state.db
    found = queries.get_event(db, checked_id("event", event_id))
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
    return render("event.html", request, title=f"{found['event_type']} event", event=found)
