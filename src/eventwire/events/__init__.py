"""PLOVER event coding: ontology, patterns as data, and the coder."""

from __future__ import annotations

from eventwire.events.coder import EventCoder

__all__ = ["EventCoder"]
