"""The data model every stage shares: the contract between stages.

Stages never talk through globals; they pass these records. Each record can
turn itself into plain JSON-ready dicts (``to_dict``) so the CLI, the store
and the exports all see the same field names.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts: the same input always gives the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def normalise_text(text: str) -> str:
    """Case- and whitespace-insensitive form used for article ids and duplicate checks."""
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class Flag:
    """Something a reader should know about an article or event (a conflict, a repair)."""

    kind: str
    text: str = ""
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    """One news document, before and after cleaning.

    ``text`` holds the body only, paragraphs separated by a blank line, so the
    title never runs into the first sentence.
    """

    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    published_basis: str = ""  # header | published_line | option | html | feed | column | inferred
    credits: list[str] = field(default_factory=list)
    dateline: str = ""  # the place a dateline names ("Lagos, Nigeria"), title-cased
    language: str = "en"
    removed: list[str] = field(default_factory=list)
    repairs: dict[str, str] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    source: str = ""  # file path, URL or record id it was read from
    duplicate_of: str = ""  # id of the first article this is a (near-)copy of
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.compute_id()

    def compute_id(self) -> str:
        """Stable hash of the normalised title and text."""
        return stable_id(normalise_text(self.title), normalise_text(self.text))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "published_basis": self.published_basis,
            "credits": list(self.credits),
            "dateline": self.dateline,
            "language": self.language,
            "removed": list(self.removed),
            "repairs": dict(self.repairs),
            "source": self.source,
            "duplicate_of": self.duplicate_of or None,
        }


@dataclass
class Actor:
    """Who acts or is acted upon: a country plus a sector code, and the KB entry if any."""

    name: str
    country: str | None = None  # ISO-3166 alpha-3, or IGO / NGO
    sector: str | None = None  # GOV, MIL, COP, JUD, REB, UAF, OPP, PTY, BUS, MED, CVL, ...
    kb_id: str | None = None
    role: str | None = None  # e.g. "President of Russia" at the event date
    text: str = ""  # the words in the article that named it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def code(self) -> str:
        """``RUS GOV`` style code for tables."""
        return " ".join(p for p in (self.country, self.sector) if p) or "---"


@dataclass
class Mention:
    """An actor named in a parsed document: where, who, and how it was resolved."""

    start: int  # token index in the Doc
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    actor: Actor
    basis: str = ""  # alias | fuzzy | title | coref | metonym | demonym | agent | ...

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["actor"] = self.actor.to_dict()
        return data


@dataclass
class Location:
    """A gazetteer place: a city, a first-level region or a country (``precision``)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str | None = None  # city | region | country

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event: who did what to whom, when and where, and why we think so."""

    article_id: str
    sentence_index: int
    sentence: str
    span: tuple[int, int]  # character offsets of the evidence in Article.text
    evidence: str
    source: Actor | None
    target: Actor | None
    event_type: str  # PLOVER category
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    date: date | None = None
    date_precision: str = "day"  # day | week | month | year
    date_basis: str = "publication"  # explicit | relative | publication
    location: Location | None = None
    negated: bool = False
    background: bool = False  # reported as past context, not as this article's news
    confidence: float = 0.5
    pattern: str = ""  # id of the pattern that produced it
    explanation: str = ""
    id: str = ""
    # what the calibration model weighed (events/calibration.py); not stored or exported
    score_features: dict[str, float] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.sentence = self.sentence.strip()  # a parsed sentence keeps its paragraph break
        if not self.id:
            self.id = self.compute_id()

    def compute_id(self) -> str:
        """Derived from article, sentence, span and roles, so reruns give the same ids."""
        return stable_id(
            self.article_id,
            self.sentence_index,
            self.span[0],
            self.span[1],
            self.event_type,
            self.source.name if self.source else "",
            self.target.name if self.target else "",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "span": list(self.span),
            "evidence": self.evidence,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "background": self.background,
            "confidence": round(self.confidence, 3),
            "pattern": self.pattern,
            "explanation": self.explanation,
        }


@dataclass
class Quote:
    """A quotation and who said it."""

    text: str
    speaker: Actor | None
    span: tuple[int, int]
    sentence_index: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text,
            "span": list(self.span),
            "sentence_index": self.sentence_index,
        }


@dataclass
class CodedArticle:
    """What the pipeline yields for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)  # what coded it (provenance.py)

    def to_dict(self, include_negated: bool = False) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events if include_negated or not e.negated],
            "quotes": [q.to_dict() for q in self.quotes],
            "flags": [f.to_dict() for f in self.flags],
            "provenance": dict(self.provenance),
        }
