"""Background: events reported as past context keep their own date and are marked."""

from __future__ import annotations

from datetime import date

from eventwire.background import background_reason
from eventwire.model import Article, Event


def _coded(pipeline, body: str, published: str = "2005-02-10"):
    text = f"Royal rule returns\nPublished: {published}\n\n{body}"
    (result,) = pipeline.code([Article(text=text, source="b.txt")])
    return result.events


def test_past_perfect_with_an_earlier_year_is_background(pipeline) -> None:
    events = _coded(
        pipeline,
        "King Gyanendra of Nepal dismissed the government on Tuesday. "
        "The king had arrested opposition leaders in 2002.",
    )
    news = [e for e in events if not e.background]
    old = [e for e in events if e.background]
    assert old and all(e.date == date(2002, 1, 1) and e.date_precision == "year" for e in old)
    assert "background" in old[0].explanation
    assert all(e.date == date(2005, 2, 8) for e in news)


def test_an_explicit_date_years_before_publication_is_background(pipeline) -> None:
    events = _coded(
        pipeline,
        "The Kenyan president met the Ugandan president in Kampala on Tuesday. "
        "Kenya and Uganda signed a trade agreement in March 2016.",
        published="2019-01-10",
    )
    by_year = {e.date.year: e.background for e in events}
    assert by_year == {2019: False, 2016: True}


def test_reported_speech_in_the_past_perfect_is_news(nlp) -> None:
    text = "The army said on Monday that it had arrested 20 militants."
    start = text.index("arrested")
    event = Event("a", 0, text, (start, start + 20), "", None, None, "COERCE")
    event.date, event.date_basis = date(2019, 1, 7), "relative"
    assert background_reason(event, nlp(text), date(2019, 1, 10)) == ""


def test_since_marks_a_long_running_state(nlp) -> None:
    text = "Government troops have fought the rebels since 1996."
    start = text.index("fought")
    event = Event("a", 0, text, (0, start + 6), "", None, None, "ASSAULT")
    assert "since" in background_reason(event, nlp(text), date(2019, 1, 10))


def test_recent_explicit_date_is_news(nlp) -> None:
    text = "Police arrested the protesters on 2 January."
    event = Event("a", 0, text, (0, 24), "", None, None, "COERCE")
    event.date, event.date_basis = date(2019, 1, 2), "explicit"
    assert background_reason(event, nlp(text), date(2019, 1, 10)) == ""


def test_a_coordinated_act_shares_an_earlier_year(nlp) -> None:
    text = "The king took power in 2001 and fired the government."
    start = text.index("fired")
    event = Event("a", 0, text, (start, len(text) - 1), "", None, None, "COERCE")
    event.date, event.date_precision, event.date_basis = date(2001, 1, 1), "year", "explicit"
    assert "well before publication" in background_reason(event, nlp(text), date(2005, 2, 10))
