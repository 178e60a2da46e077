"""Cleaning scraped text: header, boilerplate, credits, glued words, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.clean import clean_article, credits_in, repair_glued_words
from eventwire.errors import DocumentError
from eventwire.model import Article

SCRAPED = """Ministers meet over grain deal – Example Times – 03/14/2024

The foreign ministers of Egypt and Jordan met in Cairo on Thursday to discuss grain shipments through the Red Sea.

Read more: Five things to know about the grain corridor

The two ministers agreed to set up a joint committee on food security.

Leave a Reply

Your email address will not be published. Required fields are marked *

ABC (AFP, dpa)
"""


def test_header_line_gives_title_outlet_and_date() -> None:
    article = clean_article(Article(text=SCRAPED, source="t.txt"))
    assert article.title == "Ministers meet over grain deal"
    assert article.outlet == "Example Times"
    assert article.published == date(2024, 3, 14)
    assert article.published_basis == "header"
    assert not article.text.startswith("Ministers meet")


def test_boilerplate_goes_to_removed_and_credits_are_read() -> None:
    article = clean_article(Article(text=SCRAPED, source="t.txt"))
    assert article.removed == [
        "Read more: Five things to know about the grain corridor",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]
    assert article.credits == ["AFP", "dpa"]
    assert "Leave a Reply" not in article.text
    assert article.text.count("\n\n") == 1  # two paragraphs of news remain, kept apart


def test_published_line_and_plain_title() -> None:
    text = "Border reopens\n\nPublished: 2022-11-02\n\nThe border between the two countries reopened after talks."
    article = clean_article(Article(text=text, source="t.txt"))
    assert article.title == "Border reopens"
    assert article.published == date(2022, 11, 2)
    assert article.published_basis == "published_line"


def test_option_date_is_a_fallback_only() -> None:
    text = "Talks resume\n\nThe delegations of both governments resumed their talks in Geneva."
    article = clean_article(
        Article(text=text, published=date(2021, 5, 5), published_basis="option")
    )
    assert article.published == date(2021, 5, 5)


def test_glued_words_split_only_at_known_names_or_function_words() -> None:
    text, repairs = repair_glued_words(
        "Minister Okonkwoby phone and Chancellor SmithIn Paris, Kirby said.", {"okonkwo"}
    )
    assert text == "Minister Okonkwo by phone and Chancellor Smith In Paris, Kirby said."
    assert repairs == {"Okonkwoby": "Okonkwo by", "SmithIn": "Smith In"}


def test_ordinary_words_are_not_split() -> None:
    text = "McDonald and DeSantis visited Derby and Newby with Kirby."
    assert repair_glued_words(text, {"kirby", "derby"}) == (text, {})


@pytest.mark.parametrize(
    "word",
    ["Israelis", "Harrison", "Saudis", "Iraqis", "Republican", "Stateless", "Nelson"],
)
def test_words_and_names_that_look_glued_stay_whole(word: str) -> None:
    """Plurals, demonyms and surnames end in a function word but are words themselves."""
    names = {"israel", "harris", "saudi", "iraq", "republic", "state", "nels"}
    text = f"{word} said the talks with the delegation went well."
    assert repair_glued_words(text, names) == (text, {})


def test_glued_name_still_splits_next_to_a_real_word() -> None:
    text, repairs = repair_glued_words("Harrison met Harrisby the river.", {"harris"})
    assert text == "Harrison met Harris by the river."
    assert repairs == {"Harrisby": "Harris by"}


def test_credit_line_shapes() -> None:
    assert credits_in("XYZ (EFE, AFP, Reuters)") == ["EFE", "AFP", "Reuters"]
    assert credits_in("(AP/dpa)") == ["AP", "dpa"]
    assert credits_in("Reuters") is None
    assert credits_in("(the opposition said)") is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("   \n\n  ", "empty"),
        ("Share this article\n\nLeave a Reply", "no article text"),
        (
            "Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs "
            "touchés par la sécheresse, a indiqué le ministre de l'Agriculture.",
            "not in English",
        ),
    ],
)
def test_unusable_articles_raise_a_clear_error(text: str, problem: str) -> None:
    with pytest.raises(DocumentError) as info:
        clean_article(Article(text=text, source="bad.txt"))
    assert info.value.source == "bad.txt"
    assert problem in info.value.problem
