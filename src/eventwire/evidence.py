"""The word that carries an event: the syntactic head of its evidence span.

Dates, background and places are read off the event's own clause, not off the
whole sentence, so later stages need the trigger back from the span the coder
stored. The head is the token of the span whose parent lies outside it (a verb
first, when the span crosses clauses).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


def evidence_head(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The head token of the characters ``span`` in ``doc``, or None for an empty span."""
    if span[1] <= span[0]:
        return None
    # The tokens the characters touch, found in time linear in the span, not the document
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    tokens = list(covered) if covered is not None else []
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    return (verbs or heads or tokens)[0]
