"""Request parameters shared by the API and the pages (one definition, documented in OpenAPI)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Path, Query, Request

from eventwire.web.filters import BadRequest, WebFilter, parse_filter

MAX_PAGE = 500
MAX_OFFSET = 1_000_000
ID_PATTERN = re.compile(r"[0-9a-f]{1,64}")
MAX_KEY = 200


def event_filter(
    request: Request,
    actor: Annotated[
        str | None,
        Query(description="Source or target name contains this (accents ignored), or a KB id."),
    ] = None,
    country: Annotated[
        str | None,
        Query(description="ISO-3166 alpha-3 code or country name, as source or target."),
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT.")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode of the type, e.g. phone.")] = None,
    since: Annotated[
        str | None,
        Query(description="Events on or after this day (YYYY-MM-DD); publication date if undated."),
    ] = None,
    until: Annotated[
        str | None, Query(description="Events on or before this day (YYYY-MM-DD).")
    ] = None,
    text: Annotated[
        str | None, Query(description="Words in the evidence sentence or the article title.")
    ] = None,
    background: Annotated[
        str | None,
        Query(
            description="include (default), exclude or only events reported as past context "
            "(background: true)."
        ),
    ] = None,
    negated: Annotated[
        str | None,
        Query(description="exclude (default), include or only negated events ('did not meet')."),
    ] = None,
    min_confidence: Annotated[
        str | None,
        Query(description="Only events at least this confident (0-1, calibrated on real news)."),
    ] = None,
) -> WebFilter:
    """The filters of ``eventwire query``, checked (HTTP 400 names a bad value)."""
    values = {
        "actor": actor,
        "country": country,
        "type": type,
        "mode": mode,
        "since": since,
        "until": until,
        "text": text,
        "background": background,
        "negated": negated,
        "min_confidence": min_confidence,
    }
    return parse_filter(values)


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (1-{MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
HexId = Annotated[str, Path(description="A stored 16-digit hex id.")]


def checked_id(kind: str, value: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise BadRequest(f"{kind} id: {value[:80]!r} is not a hex id like 'c3da4b28b14983b4'")
    return value


def checked_key(value: str) -> str:
    if not value or len(value) > MAX_KEY:
        raise BadRequest(f"actor key: between 1 and {MAX_KEY} characters")
    return value


def checked_choice(name: str, value: str, allowed: dict[str, str] | tuple[str, ...]) -> str:
    if value not in allowed:
        raise BadRequest(f"{name}: {value[:80]!r} is not one of {', '.join(allowed)}")
    return value
