"""Actor knowledge base and resolution: who is named in a text, as country + sector."""

from __future__ import annotations

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.resolver import ActorResolver, Resolution

__all__ = ["ActorResolver", "KnowledgeBase", "Resolution"]
