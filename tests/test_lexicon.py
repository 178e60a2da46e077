"""The trigger lexicon: its validation, its size, and every example sentence it carries."""

from __future__ import annotations

import pytest

from eventwire.errors import EventWireError
from eventwire.events.examples import entry_counts, run_examples
from eventwire.events.ontology import load_ontology
from eventwire.events.patterns import GRAMMAR_KEYS, _build, _grammar, load_patterns

MIN_ENTRIES = 3000
MIN_ENTRIES_PER_CATEGORY = 100


def build(raw: dict, event: str = "ACCUSE"):
    return _build(raw, event, "lexicon/test.yaml", load_ontology())


def test_every_category_has_a_file_with_families() -> None:
    counts = entry_counts(load_patterns())
    assert set(counts) == set(load_ontology().categories)


def test_the_lexicon_has_the_size_of_the_field() -> None:
    counts = entry_counts(load_patterns())
    assert sum(row["entries"] for row in counts.values()) >= MIN_ENTRIES
    small = {
        c: row["entries"] for c, row in counts.items() if row["entries"] < MIN_ENTRIES_PER_CATEGORY
    }
    assert not small


def test_every_family_carries_examples() -> None:
    patterns = load_patterns()
    without = [p.id for p in patterns.verbs + patterns.nouns if not p.examples]
    assert not without


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"id": "x", "lemmas": ["a"], "cameo": "111", "targte": ["dobj"]}, "unknown fields"),
        (
            {"id": "x", "lemmas": ["a"], "cameo": "111", "target": ["dobject"]},
            "unknown target role",
        ),
        ({"id": "x", "lemmas": ["a"], "cameo": "111", "mode": "shouting"}, "mode"),
        ({"id": "x", "lemmas": ["a"], "cameo": "999"}, "999"),
        ({"id": "x", "lemmas": ["a"], "cameo": "111", "kind": "adverb"}, "kind"),
        ({"id": "x", "lemmas": ["a"], "cameo": "111", "examples": [{"txt": "A."}]}, "example"),
        ({"id": "x", "lemmas": ["a"], "cameo": "111", "contexts": ["weather"]}, "context"),
        ({"id": "x", "lemmas": ["a"]}, "missing 'cameo'"),
    ],
)
def test_a_misspelt_family_stops_the_load(raw: dict, message: str) -> None:
    with pytest.raises(EventWireError, match=message):
        build(raw)


def test_a_valid_family_keeps_its_roles_and_examples() -> None:
    pattern = build(
        {
            "id": "accuse.test",
            "lemmas": ["rebuke", "hit out at"],
            "cameo": "111",
            "mode": "disapprove",
            "target": ["dobj", "prep:at"],
            "examples": [{"text": "Chile rebuked Peru.", "source": "CHL", "target": "PER"}],
        }
    )
    assert pattern.lemmas == (("rebuke",), ("hit", "out", "at"))
    assert pattern.target == ("dobj", "prep:at")
    assert pattern.examples[0].event == "ACCUSE"


def test_every_example_sentence_codes_as_it_says(pipeline) -> None:
    results = run_examples(pipeline, load_patterns())
    assert results
    failed = [r.describe() for r in results if not r.passed]
    assert not failed, "\n".join(failed)


def test_a_wrong_example_is_caught(pipeline) -> None:
    """The example check can fail: a sentence with the wrong expected target does."""
    family = build(
        {
            "id": "accuse.probe",
            "lemmas": ["condemn"],
            "cameo": "111",
            "examples": [
                {"text": "Chile condemned Peru on Monday.", "source": "CHL", "target": "BOL"},
                {"text": "Chile condemned Peru on Monday.", "none": True},
            ],
        }
    )
    patterns = load_patterns()
    probe = type(patterns)([family], [], patterns.light_verbs, {}, {})
    assert [r.passed for r in run_examples(pipeline, probe)] == [False, False]


def test_grammar_words_are_validated_on_load() -> None:
    raw = {key: ["word"] for key in GRAMMAR_KEYS}
    assert _grammar(raw).speech_lemmas == frozenset({"word"})
    for broken in (
        {**raw, "futur_aux": ["will"]},  # a misspelt key
        {k: v for k, v in raw.items() if k != "future_aux"},  # a missing one
        {**raw, "negation_words": [False]},  # YAML's bare no
    ):
        with pytest.raises(EventWireError):
            _grammar(broken)


def test_category_rules_come_from_the_ontology() -> None:
    ontology = load_ontology()
    assert ontology.category("CONSULT").future == "AGREE"
    assert ontology.category("RETREAT").future == "CONCEDE"
    assert ontology.category("ASSAULT").future == "THREATEN"
    assert ontology.category("ASSAULT").in_place and not ontology.category("CONSULT").in_place
