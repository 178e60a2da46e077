"""The filters of ``eventwire query``, read from a URL and checked before any SQL runs.

Every endpoint and page takes the same query-string parameters (``actor``,
``country``, ``type``, ``mode``, ``since``, ``until``, ``text``, ``background``,
``negated``); :func:`parse_filter` turns them into a :class:`WebFilter`, which is the
store's own :class:`~eventwire.store.query.EventFilter` with the two choices the
web adds. A bad value raises :class:`BadRequest` with a message naming the
parameter, which the server answers with HTTP 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from eventwire.errors import EventWireError
from eventwire.store.query import EventFilter, country_code
from eventwire.web.vocabulary import all_modes, plover_modes

MAX_TEXT = 200
# Free text is matched as words, never as SQL (every value is a bound parameter); these
# marks have no use in a name or a phrase search and are refused so that a probing
# request gets a clear answer instead of an empty list.
SQL_MARKS = re.compile(r";|--|/\*|\*/|[\x00-\x1f\x7f]")
CHOICES = ("include", "exclude", "only")
FILTER_PARAMS = (
    "actor",
    "country",
    "type",
    "mode",
    "since",
    "until",
    "text",
    "background",
    "negated",
    "min_confidence",
)


class BadRequest(EventWireError):
    """A request value the server refuses (HTTP 400)."""


@dataclass
class WebFilter(EventFilter):
    """EventFilter with background and negated as include/exclude/only, and one exact actor."""

    background: str = "include"
    negated: str = "exclude"
    actor_key: str | None = None

    def __post_init__(self) -> None:
        self.include_negated = self.negated != "exclude"
        self.include_background = self.background != "exclude"

    def where(self) -> tuple[str, list[Any]]:
        condition, params = super().where()
        clauses = [condition]
        if self.negated == "only":
            clauses.append("e.negated")
        if self.background == "only":
            clauses.append("e.background")
        if self.actor_key:
            clauses.append(f"({actor_key_sql('source')} = ? OR {actor_key_sql('target')} = ?)")
            params = [*params, self.actor_key, self.actor_key]
        return " AND ".join(clauses), params

    def query_string(self, **extra: Any) -> str:
        """These filters as a URL query (empty and default values left out)."""
        return urlencode({**self.as_params(), **{k: v for k, v in extra.items() if v}})

    def as_params(self) -> dict[str, str]:
        values = {
            "actor": self.actor,
            "country": self.country,
            "type": self.event_type,
            "mode": self.mode,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "text": self.text,
            "background": None if self.background == "include" else self.background,
            "negated": None if self.negated == "exclude" else self.negated,
            "min_confidence": None if self.min_confidence is None else f"{self.min_confidence:g}",
        }
        return {key: value for key, value in values.items() if value}

    @property
    def active(self) -> bool:
        """True when any filter narrows the events beyond the defaults."""
        return bool(self.as_params()) or bool(self.actor_key)


def actor_key_sql(side: str) -> str:
    """The key an actor page is addressed by: its knowledge-base id, or its name.

    Generic agents ("police", "protesters") share one knowledge-base id across
    countries, so they are keyed by their name ("Kenya police") instead.
    """
    kb_id, name = f"e.{side}_kb_id", f"e.{side}_name"
    return f"(CASE WHEN {kb_id} IS NOT NULL AND NOT starts_with({kb_id}, 'agent:') THEN {kb_id} ELSE {name} END)"


def parse_filter(params: dict[str, str | None]) -> WebFilter:
    """A checked WebFilter from raw query-string values; BadRequest names what is wrong."""
    raw = {key: (params.get(key) or "").strip() or None for key in FILTER_PARAMS}
    event_type = raw["type"].upper() if raw["type"] else None
    if event_type and event_type not in plover_modes():
        raise BadRequest(
            f"type: {raw['type']!r} is not a PLOVER event type; use one of "
            + ", ".join(plover_modes())
        )
    mode = raw["mode"].lower() if raw["mode"] else None
    if mode:
        allowed = plover_modes()[event_type] if event_type else all_modes()
        if mode not in allowed:
            where = f"of {event_type}" if event_type else "of any PLOVER type"
            raise BadRequest(
                f"mode: {raw['mode']!r} is not a mode {where}; use one of "
                + (", ".join(allowed) or "(none: this type has no modes)")
            )
    since, until = parse_day("since", raw["since"]), parse_day("until", raw["until"])
    if since and until and since > until:
        raise BadRequest(f"since ({since}) is after until ({until}); swap them")
    return WebFilter(
        actor=free_text("actor", raw["actor"]),
        country=parse_country(raw["country"]) if raw["country"] else None,
        event_type=event_type,
        mode=mode,
        since=since,
        until=until,
        text=free_text("text", raw["text"]),
        background=choice("background", raw["background"], "include"),
        negated=choice("negated", raw["negated"], "exclude"),
        min_confidence=parse_confidence(raw["min_confidence"]),
    )


def parse_confidence(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise BadRequest(f"min_confidence: {value!r} is not a number from 0 to 1")
    return number


def parse_day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name}: {value!r} is not a date in YYYY-MM-DD form") from None


def free_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise BadRequest(f"{name}: at most {MAX_TEXT} characters (got {len(value)})")
    if SQL_MARKS.search(value):
        raise BadRequest(
            f"{name}: {value!r} holds ';', '--', a comment mark or a control character; "
            "this filter matches words in the text, not SQL"
        )
    return value


@lru_cache(maxsize=512)
def parse_country(value: str) -> str:
    """ISO alpha-3 code for a code or a name (cached: fuzzy name search is slow)."""
    if len(value) > 60 or SQL_MARKS.search(value):
        raise BadRequest(f"country: {value[:60]!r} is not a country name or ISO-3166 alpha-3 code")
    try:
        return country_code(value)
    except EventWireError:
        raise BadRequest(
            f"country: {value!r} is not a country name or ISO-3166 alpha-3 code"
        ) from None


def choice(name: str, value: str | None, default: str) -> str:
    if value is None:
        return default
    if value.lower() not in CHOICES:
        raise BadRequest(f"{name}: {value!r} is not one of {', '.join(CHOICES)}")
    return value.lower()
