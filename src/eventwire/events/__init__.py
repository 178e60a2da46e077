"""PLOVER event coding (placeholder until the coder lands)."""

from __future__ import annotations

from eventwire.model import Article, Event, Mention


class EventCoder:
    @classmethod
    def load(cls) -> EventCoder:
        return cls()

    def code(self, doc, mentions: list[Mention], article: Article) -> list[Event]:
        return []
