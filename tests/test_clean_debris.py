"""Generalised debris rules: links, prompts, cookies, comments, captions, bylines, credits."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_article, debris_rule, split_dateline
from eventwire.model import Article

NEWS = "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss trade."


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("See also: Ministers meet in Cairo", "related"),
        ("Related: Kenya signs deal with Uganda", "related"),
        ("You may also like", "related"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Sign up for our daily briefing newsletter", "newsletter"),
        (
            "We use cookies to personalise content. By continuing you agree to our cookie policy.",
            "cookies",
        ),
        ("Accept all", "cookies"),
        ("Leave a comment", "comments"),
        ("Notify me of new comments via email.", "comments"),
        ("Photo: Ministers shake hands in Nairobi", "caption"),
        ("Jane Writer/AFP via Getty Images", "caption"),
        ("By Amina Otieno and Tomas Berg", "byline"),
        ("Reporting by Amina Otieno in Nairobi; Editing by Tom Page", "credit"),
        ("Source: Reuters, AP", "agency"),
        ("Updated: 5 March 2024 10:00 GMT", "timestamp"),
    ],
)
def test_debris_shapes(paragraph: str, kind: str) -> None:
    found = debris_rule(paragraph)
    assert found is not None and found[0].kind == kind


@pytest.mark.parametrize(
    "paragraph",
    [
        NEWS,
        "By Tuesday evening the talks had ended without a deal.",
        "With the talks stalled, both delegations left Geneva.",
        "Related talks continued on Monday in Addis Ababa.",
        "Reporting from the border region has become dangerous, journalists said.",
        "Source of the leak was a senior official, the newspaper said.",
        "Share prices fell after the ministry announced new sanctions.",
    ],
)
def test_news_sentences_are_not_debris(paragraph: str) -> None:
    assert debris_rule(paragraph) is None


def test_every_removed_paragraph_is_kept_for_audit_and_agencies_become_credits() -> None:
    text = "\n\n".join(
        [
            "NAIROBI, March 5 (Reuters) - " + NEWS,
            "Photo: Ministers shake hands in Nairobi",
            "Share this article",
            "With AFP",
            "Leave a comment",
        ]
    )
    article = clean_article(Article(text=text, title="Ministers meet", source="t.txt"))
    assert article.text == NEWS
    assert article.removed == [
        "NAIROBI, March 5 (Reuters) -",
        "Photo: Ministers shake hands in Nairobi",
        "Share this article",
        "With AFP",
        "Leave a comment",
    ]
    assert article.credits == ["Reuters", "AFP"]


def test_dateline_needs_a_known_agency() -> None:
    assert split_dateline("GENEVA, May 2 (Reuters) - Talks resumed.") == (
        "GENEVA, May 2 (Reuters) -",
        ["Reuters"],
        "Geneva",
    )
    assert split_dateline("GENEVA, May 2 (the ministry said) - Talks resumed.") is None


def test_repeated_headline_above_the_text_is_not_body() -> None:
    article = clean_article(Article(text=f"Ministers meet\n\n{NEWS}", title="Ministers meet"))
    assert article.text == NEWS


def test_plain_dateline_needs_a_place_in_capitals() -> None:
    assert split_dateline("NAIROBI — Police fired tear gas.") == ("NAIROBI —", [], "Nairobi")
    assert split_dateline("LAGOS, Nigeria - Soldiers arrested 20.") == (
        "LAGOS, Nigeria -",
        [],
        "Lagos, Nigeria",
    )
    assert split_dateline("BREAKING — Police fired tear gas.") is None
    assert split_dateline("Nairobi — a city on edge.") is None
