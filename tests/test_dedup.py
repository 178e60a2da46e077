"""Exact repeats skipped with a reason, syndicated near-copies marked, foreign texts skipped."""

from __future__ import annotations

import pytest

from eventwire.dedup import Deduplicator
from eventwire.errors import DocumentError
from eventwire.model import Article
from webpages import KENYA_PARAGRAPHS, KENYA_TITLE

BODY = "\n\n".join(KENYA_PARAGRAPHS)
OTHER = (
    "The energy ministers of Tanzania and Uganda signed an agreement in Dar es Salaam on "
    "Wednesday to finish the crude oil pipeline between the two countries by next year. "
    "Uganda's president praised the deal and said it would bring jobs to the region."
)


def syndicated_copy(text: str) -> str:
    """What a partner site does: a new first sentence word or two, and a sign-off."""
    return text.replace("met in Nairobi on Tuesday", "met in Nairobi on Tuesday afternoon") + (
        "\n\nThe agreement still needs the approval of both parliaments."
    )


def test_same_text_again_is_refused_with_the_first_id() -> None:
    seen = Deduplicator()
    first = seen.check(Article(text=BODY, title=KENYA_TITLE, source="a.html"))
    with pytest.raises(DocumentError, match=f"duplicate of article {first.id}"):
        seen.check(Article(text=BODY.upper().replace("\n\n", "  \n\n "), source="b.html"))


def test_near_copy_points_at_the_first_and_others_do_not() -> None:
    seen = Deduplicator()
    first = seen.check(Article(text=BODY, title=KENYA_TITLE))
    copy = seen.check(Article(text=syndicated_copy(BODY), title="Border to reopen"))
    other = seen.check(Article(text=OTHER))
    second_copy = seen.check(Article(text=syndicated_copy(BODY) + " Officials said so."))
    assert first.duplicate_of == ""
    assert copy.duplicate_of == first.id
    assert second_copy.duplicate_of == first.id
    assert other.duplicate_of == ""


def test_pipeline_skips_repeats_and_foreign_text_but_codes_the_rest(pipeline) -> None:
    german = (
        "Die Außenminister Kenias und Äthiopiens haben sich am Dienstag in Nairobi getroffen "
        "und vereinbart, den Grenzübergang wieder zu öffnen, der seit Januar geschlossen ist."
    )
    articles = [
        Article(text=BODY, title=KENYA_TITLE, source="first"),
        Article(text=BODY, title=KENYA_TITLE, source="again"),
        Article(text=german, source="german"),
        Article(text=syndicated_copy(BODY), title=KENYA_TITLE, source="copy"),
    ]
    before = len(pipeline.problems)
    coded = list(pipeline.code(articles))
    problems = pipeline.problems[before:]
    assert [c.article.source for c in coded] == ["first", "copy"]
    assert coded[1].article.duplicate_of == coded[0].article.id
    assert [p.source for p in problems] == ["again", "german"]
    assert "duplicate of article" in problems[0].problem
    assert "not in English" in problems[1].problem
