"""Word-tuple tables (titles, agent words) looked up at a token by their longest phrase."""

from __future__ import annotations


class PhraseTable(dict):
    """Word tuples -> value (titles, agent words), with the phrase lengths each first word
    starts, so a lookup at a token tries only lengths some phrase there has."""

    def __init__(self, items) -> None:
        super().__init__(items)
        sizes: dict[str, set[int]] = {}
        for key in self:
            sizes.setdefault(key[0], set()).add(len(key))
        self.sizes = {word: sorted(found, reverse=True) for word, found in sizes.items()}

    def longest_at(self, words: list[str], i: int) -> tuple[int, object] | None:
        """(end, value) of the longest phrase starting at ``words[i]``, else None."""
        if i >= len(words):
            return None
        for size in self.sizes.get(words[i], ()):
            if i + size <= len(words):
                value = self.get(tuple(words[i : i + size]))
                if value is not None:
                    return i + size, value
        return None
