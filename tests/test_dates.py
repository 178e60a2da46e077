"""Per-event dates anchored to the publication date, and weekday/date conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import (
    anchor_weekday,
    assign_dates,
    find_time_expressions,
    infer_publication,
    marks_future,
)
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


JANUARY = date(2019, 1, 10)  # a Thursday


def _dated(nlp, text: str, word: str, published: date = JANUARY) -> Event:
    article = Article(text=text, published=published)
    start = text.index(word)
    event = _event(article, 0, start, start + len(word))
    assign_dates([event], nlp(text), article)
    return event


@pytest.mark.parametrize(
    ("text", "word", "expected", "precision"),
    [
        ("In December, the rebels seized the port.", "seized", date(2018, 12, 1), "month"),
        ("The protests began in December.", "began", date(2018, 12, 1), "month"),
        ("The summit will be held in December.", "held", date(2019, 12, 1), "month"),
        ("The army attacked the town on 5 March.", "attacked", date(2018, 3, 5), "day"),
        ("Elections are due to take place on 5 March.", "take", date(2019, 3, 5), "day"),
        ("The two leaders met on 8 January.", "met", date(2019, 1, 8), "day"),
        ("The ministers met last summer.", "met", date(2018, 6, 1), "month"),
        ("The talks will resume in the spring.", "resume", date(2019, 3, 1), "month"),
        ("The envoy visited the capital on Monday.", "visited", date(2019, 1, 7), "day"),
        ("The envoy will visit the capital on Monday.", "visit", date(2019, 1, 14), "day"),
        ("He said on Monday he will resign.", "said", date(2019, 1, 7), "day"),
        ("The rebels took the city in 2014.", "took", date(2014, 1, 1), "year"),
    ],
)
def test_dates_without_a_year_point_to_the_past_unless_the_clause_looks_ahead(
    nlp, text: str, word: str, expected: date, precision: str
) -> None:
    event = _dated(nlp, text, word)
    assert (event.date, event.date_precision) == (expected, precision)


def test_no_date_after_publication_without_a_future_word() -> None:
    for text in ("They met in November.", "They met on 30 December.", "They met on Friday."):
        for expression in find_time_expressions(text, JANUARY):
            assert expression.value <= JANUARY, text


def test_sentence_level_future_markers() -> None:
    assert marks_future("The vote is due to be held in May.")
    assert marks_future("Ministers will meet next week.")
    assert not marks_future("Ministers met in May.")


def test_publication_is_inferred_from_the_latest_past_date() -> None:
    text = "The council met on 3 March 2004. It was dissolved on 9 May 2004. A vote will follow on 2 June 2005."
    found = infer_publication(text)
    assert found is not None and (found.value, found.text) == (date(2004, 5, 9), "9 May 2004")
    assert infer_publication("The council met on Tuesday.") is None


def test_a_past_act_does_not_take_a_future_date_from_another_clause(nlp) -> None:
    text = "The minister welcomed the report and asked for a session next week."
    assert _dated(nlp, text, "welcomed").date == JANUARY
    planned = "The ministers will meet in Geneva next week."
    assert _dated(nlp, planned, "meet").date == date(2019, 1, 17)
