"""Background: events an article reports as past context rather than as its news.

"The king took power in 2001 and fired the government" in a story of 2005 and
"a conflict that has been going on since 1996" are context: they keep their own
date and are marked ``background`` so an analyst can leave them out. The clues
are the clause's tense and aspect (past perfect, "has been ...ing"), "since",
and an explicit date well before publication.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from eventwire.evidence import evidence_head
from eventwire.model import Article, Event

NEWS_WINDOW = timedelta(days=31)  # an explicit date this close to publication is still news


def mark_background(events: list[Event], doc: Doc, article: Article) -> None:
    """Set ``background`` on every event reported as past context, saying why."""
    for event in events:
        reason = background_reason(event, doc, article.published)
        if reason:
            event.background = True
            event.explanation = f"{event.explanation}; background: {reason}".lstrip("; ")


def background_reason(event: Event, doc: Doc, published: date | None) -> str:
    """Why ``event`` is background, or "" when it is news."""
    head = evidence_head(doc, event.span)
    if head is not None:
        verb = _clause_verb(head)
        if aspect := _past_context_aspect(verb):
            return aspect
        if any(_is_since(c) for v in _verb_chain(verb) for c in v.children):
            return "'since' dates it from an earlier time"
    if published and event.date and event.date_basis == "explicit":
        last_day = _last_day(event.date, event.date_precision)
        if last_day < published - NEWS_WINDOW:
            return f"its date ({event.date.isoformat()}, {event.date_precision}) is well before publication"
    return ""


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a (possibly nominal) trigger sits in."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is coordinated with ("took power in 2001 and fired ...")."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)
    return chain


def _past_context_aspect(verb: Token) -> str:
    """Past perfect or "has been ...ing" on the verb (or the verb whose subject it shares).

    A past perfect reported by a speech verb ("said it had killed 20 fighters") is the
    tense of reported speech, not background."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    for member in _verb_chain(verb)[: 1 if own_subject else None]:
        if member.dep_ == "ccomp":
            continue
        auxiliaries = [c for c in member.children if c.dep_ in ("aux", "auxpass")]
        words = [a.lower_ for a in auxiliaries]
        if "had" in words and member.tag_ == "VBN":
            return "past perfect ('had ...')"
        if {"has", "have"} & set(words) and "been" in words and member.tag_ == "VBG":
            return "ongoing since before ('has been ...ing')"
    return ""


def _is_since(token: Token) -> bool:
    return token.lower_ == "since" and token.dep_ in ("prep", "mark")


def _last_day(value: date, precision: str) -> date:
    if precision == "year":
        return date(value.year, 12, 31)
    if precision == "month":
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    if precision == "week":
        return value + timedelta(days=6)
    return value
