"""A trigger that matched a lexicon family: the record the coder's steps fill in.

Triggers are found first (``triggers``), then the type is decided (``decide``), the roles
filled (``assign``) and finally each match becomes one or more events (``coder``); every
step reads and writes this one record, so a step can be read without the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.patterns import Pattern
from eventwire.events.roles import ActorRef
from eventwire.model import Actor


@dataclass
class Match:
    """A trigger token that matched a pattern, before roles are turned into events."""

    pattern: Pattern
    trigger: Token
    event_type: str
    cameo: str
    mode: str | None
    kind: str  # verb | control | future | obligation | noun
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    negated: bool = False
    notes: list[str] = field(default_factory=list)
    extra_tokens: list[Token] = field(default_factory=list)
    speaker: list[ActorRef] = field(default_factory=list)
    reciprocal_complement: bool = False  # "A and B decided to meet": the act is mutual
    classifier: float | None = None  # the classifier's probability, for a trigger it added
    unknown_doer: bool = False  # the subject is a weapon naming no doer ("a bomb killed")


def match_of(pattern: Pattern, trigger: Token, kind: str) -> Match:
    """A fresh match carrying the pattern's own type, code and mode."""
    return Match(pattern, trigger, pattern.event, pattern.cameo, pattern.mode, kind)


def is_resolved(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.sector)
