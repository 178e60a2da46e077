"""Merging mentions of one event reported by several articles.

Two mentions are the same event when they share the source actor, target
actor, PLOVER type and mode, and their dates lie within a window (default 1
day) of the merged event's date range.

Why incremental assignment rather than a full SQL recomputation: ingest runs
batch by batch and commits each batch, so a new mention must find its merged
event inside the batch's transaction. Each batch reads only the merged events
whose key it touches, attaches every new
mention to the nearest one whose widened date range holds the mention's date
(widening the range), or opens a new merged event. Membership is one column
(``events.merged_id``); mention count, source count, article list and first and
last seen are never stored but computed by the ``merged_event_summary`` view,
so they cannot drift out of date. When the window changes, ``remerge`` replays
the same assignment over all mentions in date order in one transaction — cheap,
since it reads one table and writes one column. Two merged events are not fused
later when a mention falls between them; a ``remerge`` does that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.model import normalise_text, stable_id

DEFAULT_WINDOW_DAYS = 1


def actor_key(row: dict[str, Any], side: str) -> str:
    """The knowledge-base id when the resolver found one, else country, sector and name."""
    if row.get(f"{side}_kb_id"):
        return f"kb:{row[f'{side}_kb_id']}"
    if not row.get(f"{side}_name"):
        return "-"
    parts = (row.get(f"{side}_country") or "", row.get(f"{side}_sector") or "")
    return "/".join(parts) + "/" + normalise_text(row[f"{side}_name"])


def merge_key(row: dict[str, Any]) -> str:
    """Who did what (and how) to whom: the part of an event all its mentions share."""
    return "|".join(
        (
            actor_key(row, "source"),
            actor_key(row, "target"),
            row["event_type"],
            row.get("mode") or "",
        )
    )


@dataclass
class MergedEvent:
    id: str
    merge_key: str
    event_type: str
    mode: str | None
    first_date: date
    last_date: date
    is_new: bool = False
    changed: bool = False

    def distance(self, when: date) -> int:
        """Days from the merged event's date range to ``when`` (0 inside it)."""
        if when < self.first_date:
            return (self.first_date - when).days
        if when > self.last_date:
            return (when - self.last_date).days
        return 0

    def as_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "merge_key": self.merge_key,
            "event_type": self.event_type,
            "mode": self.mode,
            "first_date": self.first_date,
            "last_date": self.last_date,
        }


@dataclass
class Merger:
    """Assigns mentions to merged events; holds the merged events it has read or made."""

    window_days: int = DEFAULT_WINDOW_DAYS
    by_key: dict[str, list[MergedEvent]] = field(default_factory=dict)

    def add_existing(self, merged: Iterable[MergedEvent]) -> None:
        for event in merged:
            self.by_key.setdefault(event.merge_key, []).append(event)

    def assign(self, row: dict[str, Any], when: date | None) -> str | None:
        """Set and return the row's merged id; negated or undated mentions merge with nothing."""
        if row["negated"] or when is None:
            return None
        key = merge_key(row)
        candidates = [m for m in self.by_key.get(key, []) if m.distance(when) <= self.window_days]
        if candidates:
            chosen = min(candidates, key=lambda m: (m.distance(when), m.first_date, m.id))
            if when < chosen.first_date or when > chosen.last_date:
                chosen.first_date = min(chosen.first_date, when)
                chosen.last_date = max(chosen.last_date, when)
                chosen.changed = True
        else:
            chosen = MergedEvent(
                id=stable_id("merged", key, row["id"]),
                merge_key=key,
                event_type=row["event_type"],
                mode=row.get("mode"),
                first_date=when,
                last_date=when,
                is_new=True,
            )
            self.by_key.setdefault(key, []).append(chosen)
        return chosen.id

    def new_rows(self) -> list[dict[str, Any]]:
        return [m.as_row() for group in self.by_key.values() for m in group if m.is_new]

    def changed_rows(self) -> list[dict[str, Any]]:
        return [
            m.as_row()
            for group in self.by_key.values()
            for m in group
            if m.changed and not m.is_new
        ]


def mention_date(event_date: date | None, published: date | None) -> date | None:
    """The date a mention is merged on: its own, else its article's publication date."""
    return event_date or published
