"""Marking evidence in text: event spans over an article, evidence words in a sentence.

Spans of different events overlap ("Putin spoke ... with the leaders of Belarus,
Kazakhstan and Uzbekistan" carries three calls), so the text is cut at every span
boundary and each piece lists the events that cover it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Piece:
    text: str
    event_ids: tuple[str, ...]


def pieces(text: str, spans: list[tuple[int, int, str]]) -> list[Piece]:
    """``text`` cut at every span boundary; each piece with the ids of the spans over it."""
    size = len(text)
    clipped = [
        (max(0, start), min(size, end), event_id)
        for start, end, event_id in spans
        if start is not None and end is not None
    ]
    clean = [(start, end, event_id) for start, end, event_id in clipped if start < end]
    cuts = sorted({0, size, *(s for s, _, _ in clean), *(e for _, e, _ in clean)})
    result: list[Piece] = []
    for left, right in pairwise(cuts):
        ids = tuple(event_id for start, end, event_id in clean if start <= left and end >= right)
        result.append(Piece(text[left:right], ids))
    return result


def mark_evidence(sentence: str | None, evidence: str | None) -> Markup:
    """The sentence, escaped, with its evidence words in ``<mark>``."""
    sentence = sentence or ""
    if not evidence:
        return escape(sentence)
    at = sentence.find(evidence)
    if at < 0:
        return Markup("{} <mark>{}</mark>").format(sentence, evidence)
    return Markup("{}<mark>{}</mark>{}").format(
        sentence[:at], evidence, sentence[at + len(evidence) :]
    )
