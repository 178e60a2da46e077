"""Parse batches bounded by documents and by characters."""

from __future__ import annotations

from eventwire.nlp import parse_batches, text_batches


def test_batches_are_cut_by_count_and_by_characters() -> None:
    items = [("a" * size, n) for n, size in enumerate([40, 40, 40, 10, 10, 10, 10, 10])]
    batches = list(text_batches(items, max_docs=4, max_chars=100))
    assert [[n for _, n in batch] for batch in batches] == [[0, 1], [2, 3, 4, 5], [6, 7]]
    assert all(sum(len(t) for t, _ in b) <= 100 for b in batches)


def test_a_text_longer_than_the_limit_is_a_batch_of_its_own() -> None:
    items = [("short", 0), ("x" * 500, 1), ("short", 2)]
    assert [[n for _, n in b] for b in text_batches(items, 10, 100)] == [[0], [1], [2]]


def test_parse_batches_keep_input_order_and_parse_each_text_once(nlp) -> None:
    texts = [f"Kenya and Uganda met on day {n}." for n in range(7)]
    parsed = list(parse_batches(nlp, ((t, n) for n, t in enumerate(texts)), 3, 70))
    assert [n for _, n in parsed] == list(range(7))
    assert [doc.text for doc, _ in parsed] == texts
