"""Per-event dates anchored to the publication date, and weekday/date conflicts."""

from __future__ import annotations

from datetime import date

from eventwire.dates import anchor_weekday, assign_dates, find_time_expressions
from eventwire.model import Article, Event

PUBLISHED = date(2024, 3, 14)  # a Thursday


def test_weekdays_point_back_from_publication() -> None:
    assert anchor_weekday(3, PUBLISHED) == PUBLISHED  # Thursday itself
    assert anchor_weekday(0, PUBLISHED) == date(2024, 3, 11)  # Monday before
    assert anchor_weekday(4, PUBLISHED) == date(2024, 3, 8)  # Friday before
    assert anchor_weekday(0, PUBLISHED, "next") == date(2024, 3, 18)
    assert anchor_weekday(3, PUBLISHED, "last") == date(2024, 3, 7)


def test_expressions_of_each_kind() -> None:
    found = {e.text: (e.value, e.precision, e.basis) for e in find_time_expressions(
        "Yesterday the talks of 2 March 2024 and 03/05/2024 were recalled; last week too, in 2019.",
        PUBLISHED,
    )}  # fmt: skip
    assert found["Yesterday"] == (date(2024, 3, 13), "day", "relative")
    assert found["2 March 2024"] == (date(2024, 3, 2), "day", "explicit")
    assert found["03/05/2024"] == (date(2024, 3, 5), "day", "explicit")
    assert found["last week"] == (date(2024, 3, 7), "week", "relative")
    assert found["2019"] == (date(2019, 1, 1), "year", "explicit")


def _event(article: Article, sentence_index: int, start: int, end: int) -> Event:
    return Event(article.id, sentence_index, "", (start, end), "", None, None, "CONSULT")


def test_event_takes_nearest_expression_and_conflicts_are_flagged(nlp) -> None:
    text = "The envoy arrived on Monday (03/12/2024) for talks. The ministers met again on Tuesday."
    article = Article(text=text, published=PUBLISHED)
    doc = nlp(text)
    first = _event(article, 0, 4, 9)
    second = _event(article, 1, text.index("met"), text.index("met") + 3)
    flags = assign_dates([first, second], doc, article)
    assert [f.kind for f in flags] == ["weekday_date_conflict"]
    assert flags[0].text == "Monday (03/12/2024)"
    assert flags[0].detail.startswith("2024-03-12 is a Tuesday")
    assert (first.date, first.date_basis) == (date(2024, 3, 11), "relative")  # the weekday wins
    assert (second.date, second.date_basis) == (date(2024, 3, 12), "relative")


def test_event_without_expression_takes_publication_date(nlp) -> None:
    article = Article(text="The two presidents signed a trade agreement.", published=PUBLISHED)
    event = _event(article, 0, 4, 14)
    assert assign_dates([event], nlp(article.text), article) == []
    assert (event.date, event.date_basis) == (PUBLISHED, "publication")
