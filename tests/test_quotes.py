"""Quotations and their speakers."""

from __future__ import annotations

from eventwire.model import Actor, Mention
from eventwire.quotes import extract_quotes


def test_speakers_from_said_and_according_to(nlp) -> None:
    text = (
        "“We will not accept these terms,” said Foreign Minister Ana Lopez. "
        "According to the state news agency, “the border stays open for trade.”"
    )
    doc = nlp(text)
    lopez = doc.text.index("Ana Lopez")
    start = next(t.i for t in doc if t.idx == lopez)
    mention = Mention(
        start, start + 2, lopez, lopez + 9, "Ana Lopez", Actor("Ana Lopez", "ESP", "GOV")
    )
    quotes = extract_quotes(doc, [mention])
    assert [q.text for q in quotes] == [
        "We will not accept these terms",
        "the border stays open for trade",
    ]
    assert quotes[0].speaker == mention.actor
    assert quotes[1].speaker is not None and "agency" in quotes[1].speaker.name


def test_quote_without_speaker(nlp) -> None:
    quotes = extract_quotes(nlp("The sign read “closed until further notice” all week."), [])
    assert len(quotes) == 1 and quotes[0].speaker is None
