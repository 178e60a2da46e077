"""Flattening the shared records into table rows (one dict per row, keys = column names)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from eventwire.model import Actor, Article, CodedArticle, Event
from eventwire.store.schema import ACTOR_COLUMNS, PROVENANCE_COLUMNS
from eventwire.store.scores import score


def article_row(
    article: Article, ingested_at: datetime, provenance: dict[str, str] | None = None
) -> dict[str, Any]:
    provenance = provenance or {}
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "published_basis": article.published_basis,
        "source": article.source,
        "language": article.language,
        "credits": list(article.credits),
        "removed": list(article.removed),
        "repairs": json.dumps(article.repairs, ensure_ascii=False),
        "duplicate_of": article.duplicate_of or None,
        "text": article.text,
        "ingested_at": ingested_at,
        **{column: provenance.get(column) for column in PROVENANCE_COLUMNS},
    }


def actor_columns(actor: Actor | None, side: str) -> dict[str, Any]:
    return {
        f"{side}_{column}": getattr(actor, column) if actor else None for column in ACTOR_COLUMNS
    }


def event_row(event: Event) -> dict[str, Any]:
    intensity, quad_code = score(event.event_type, event.mode)
    location = event.location
    return {
        "id": event.id,
        "article_id": event.article_id,
        "merged_id": None,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence.strip(),
        "span_start": event.span[0],
        "span_end": event.span[1],
        "evidence": event.evidence,
        **actor_columns(event.source, "source"),
        **actor_columns(event.target, "target"),
        "event_type": event.event_type,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "intensity": intensity,
        "quad_code": quad_code,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "latitude": location.lat if location else None,
        "longitude": location.lon if location else None,
        "geonames_id": location.geonames_id if location else None,
        "location_precision": location.precision if location else None,
        "negated": event.negated,
        "background": event.background,
        "confidence": event.confidence,
        "pattern": event.pattern,
        "explanation": event.explanation,
    }


def coded_rows(
    batch: list[CodedArticle], ingested_at: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The article, event, quote and flag rows of a batch of coded articles."""
    articles = [article_row(c.article, ingested_at, c.provenance) for c in batch]
    events = [event_row(event) for c in batch for event in c.events]
    quotes = [row for c in batch for row in quote_rows(c)]
    flags = [row for c in batch for row in flag_rows(c)]
    return articles, events, quotes, flags


def quote_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [
        {
            "article_id": coded.article.id,
            "quote_index": index,
            "speaker_name": quote.speaker.name if quote.speaker else None,
            "speaker_country": quote.speaker.country if quote.speaker else None,
            "speaker_sector": quote.speaker.sector if quote.speaker else None,
            "text": quote.text,
            "span_start": quote.span[0],
            "span_end": quote.span[1],
            "sentence_index": quote.sentence_index,
        }
        for index, quote in enumerate(coded.quotes)
    ]


def flag_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [
        {
            "article_id": coded.article.id,
            "flag_index": index,
            "kind": flag.kind,
            "text": flag.text,
            "detail": flag.detail,
        }
        for index, flag in enumerate(coded.flags)
    ]
