"""The FastAPI application: API, pages, offline assets and docs, errors as 4xx with a message.

Safety by construction: the database is opened read-only; every statement binds
its values; assets are looked up by name in a fixed table; no CORS headers are
sent, so other sites' pages cannot read the API; a Content-Security-Policy keeps
the pages to this server's own scripts, styles, images and connections.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__
from eventwire.errors import EventWireError
from eventwire.web import api, pages
from eventwire.web.assets import asset_table
from eventwire.web.database import DEFAULT_QUERY_TIMEOUT_S, QueryTimeout, ReadOnlyDatabase
from eventwire.web.filters import BadRequest

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        b"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
        b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the security headers to every HTTP response (a plain ASGI wrapper, no overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/openapi.json"))


def error_response(request: Request, status_code: int, message: str, **extra: Any) -> Response:
    if wants_html(request):
        return pages.error_page(request, status_code, message)
    return JSONResponse({"error": message, **extra}, status_code=status_code)


def create_app(db_path: str | Path, query_timeout_s: float = DEFAULT_QUERY_TIMEOUT_S) -> FastAPI:
    """The server over one store; opening the store checks it (EventWireError if unusable)."""
    db = ReadOnlyDatabase(db_path, query_timeout_s)
    assets = asset_table()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="EventWire",
        version=__version__,
        summary="Read-only JSON API over an EventWire event store.",
        description=(
            "Every list takes the filters of `eventwire query` and answers a bad value with "
            "HTTP 400 and a message naming it. Pages: `/` overview, `/actor/{key}`, "
            "`/article/{id}`, `/event/{id}`."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.db = db
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> FileResponse:
        found = assets.get(name)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no asset named {name!r}")
        return FileResponse(
            found.path,
            media_type=found.media_type,
            headers={"cache-control": "public, max-age=86400"},
        )

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return pages.render("docs.html", request, title="API")

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            f"{'.'.join(str(part) for part in error['loc'][1:]) or error['loc'][0]}: {error['msg']}"
            for error in exc.errors()
        ]
        return error_response(request, 400, "; ".join(problems))

    @app.exception_handler(QueryTimeout)
    async def timed_out(request: Request, exc: QueryTimeout) -> Response:
        return error_response(request, 503, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(EventWireError)
    async def store_error(request: Request, exc: EventWireError) -> Response:
        return error_response(request, 500, str(exc))

    app.add_middleware(SecurityHeaders)
    return app
