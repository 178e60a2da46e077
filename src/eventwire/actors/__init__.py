"""Actor knowledge base and resolution (placeholder until the resolver lands)."""

from __future__ import annotations

from datetime import date

from eventwire.model import Mention


class ActorResolver:
    @classmethod
    def load(cls) -> ActorResolver:
        return cls()

    def find_mentions(self, doc, when: date | None) -> list[Mention]:
        return []
