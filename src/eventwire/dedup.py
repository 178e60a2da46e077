"""Exact and near-duplicate articles within one run.

An article whose normalised text was seen before is skipped with a reason.
A syndicated copy with small edits (a changed headline, a trimmed paragraph)
is kept but marked ``duplicate_of`` = id of the first, found with MinHash and
an LSH index. Only fixed-size fingerprints and signatures are kept, never
texts, so memory grows by a few hundred bytes per article whatever their size.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

from eventwire.errors import DocumentError
from eventwire.model import Article, normalise_text

NUM_PERM = 64
SHINGLE_WORDS = 5
NEAR_THRESHOLD = 0.8  # estimated Jaccard similarity of word 5-gram sets
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch(list(shingles(text)))
    return minhash


class Deduplicator:
    """Remembers the articles of one run: exact fingerprints and MinHash signatures."""

    def __init__(self, threshold: float = NEAR_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.num_perm = num_perm
        self.exact: dict[bytes, str] = {}
        self.index = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.arrival: dict[str, int] = {}  # originals only: copies point at the earliest

    def check(self, article: Article) -> Article:
        """Raise DocumentError for an exact repeat; mark a near-duplicate; remember the rest."""
        fingerprint = hashlib.blake2b(
            normalise_text(article.text).encode("utf-8"), digest_size=16
        ).digest()
        first = self.exact.get(fingerprint)
        if first is not None:
            raise DocumentError(
                article.source or article.id, f"duplicate of article {first} (same text)"
            )
        self.exact[fingerprint] = article.id
        minhash = signature(article.text, self.num_perm)
        originals = self.index.query(minhash)
        if originals:
            article.duplicate_of = min(originals, key=self.arrival.__getitem__)
        elif article.id not in self.arrival:
            self.arrival[article.id] = len(self.arrival)
            self.index.insert(article.id, minhash)
        return article
