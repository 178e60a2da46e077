"""Quotations and their speakers, from the parse of the sentence around each quote."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor, Mention, Quote
from eventwire.nlp import sentences as nlp_sentences

QUOTE_RE = re.compile(r"“([^“”]{3,}?)”|\"([^\"]{3,}?)\"")
SPEECH_VERBS = {
    "say", "tell", "announce", "add", "state", "declare", "write", "insist", "stress",
    "warn", "explain", "claim", "note", "argue", "confirm", "deny", "reply", "answer",
    "assure", "thank", "accord", "quote", "report", "tweet", "post",
}  # fmt: skip
SUBJECTS = {"nsubj", "nsubjpass"}


def extract_quotes(doc: Doc, mentions: list[Mention]) -> list[Quote]:
    """Every quoted passage with the actor who said it (None when nobody is named)."""
    quotes = []
    sentences = nlp_sentences(doc)
    for match in QUOTE_RE.finditer(doc.text):
        text = (match.group(1) or match.group(2)).strip().rstrip(",.").strip()
        start, end = match.span()
        index, sentence = next(
            ((i, s) for i, s in enumerate(sentences) if s.start_char <= start < s.end_char),
            (0, None),
        )
        speaker = _speaker(sentence, start, end, mentions) if sentence is not None else None
        quotes.append(Quote(text=text, speaker=speaker, span=(start, end), sentence_index=index))
    return quotes


def _speaker(sentence: Span, start: int, end: int, mentions: list[Mention]) -> Actor | None:
    verbs = [
        t for t in sentence
        if t.lemma_.lower() in SPEECH_VERBS and not start <= t.idx < end and t.pos_ in ("VERB", "AUX")
    ]  # fmt: skip
    verbs.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    for verb in verbs:
        for token in _speaker_tokens(verb):
            if start <= token.idx < end:
                continue
            actor = _actor_for(token, mentions)
            if actor:
                return actor
    return None


def _speaker_tokens(verb: Token) -> list[Token]:
    if verb.lemma_.lower() == "accord":  # "according to X"
        return [
            g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
    return [c for c in verb.children if c.dep_ in SUBJECTS]


def _actor_for(head: Token, mentions: list[Mention]) -> Actor | None:
    """The resolved actor inside the speaker phrase, else the named entity there."""
    subtree = list(head.subtree)
    first, last = subtree[0].i, subtree[-1].i + 1
    inside = [m for m in mentions if m.start >= first and m.end <= last]
    if inside:
        best = min(
            inside, key=lambda m: 0 if m.start <= head.i < m.end else 1 + abs(m.start - head.i)
        )
        return best.actor
    for ent in head.doc.ents:
        if (
            ent.start >= first
            and ent.end <= last
            and ent.label_ in ("PERSON", "ORG", "NORP", "GPE")
        ):
            return Actor(name=ent.text, text=ent.text)
    return None
