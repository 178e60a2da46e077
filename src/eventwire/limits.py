"""Every bound on the work one input may cause, in one place (documented in the README).

Hostile or broken input must cost bounded memory and time: these limits are
checked while streaming, before anything is read whole, and a document that
passes one is split, truncated or skipped with a flag or a one-line problem,
never allowed to take the run down.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds per input; ``LIMITS`` holds the defaults every reader and stage uses."""

    # Reading
    max_document_bytes: int = 20_000_000  # one article file, page or feed, after decompression
    max_record_bytes: int = 20_000_000  # one JSON line, CSV row or WARC record
    max_download_bytes: int = 20_000_000  # one HTTP body, counted while it streams and inflates
    max_html_depth: int = 5_000  # element nesting an HTML page may have
    # Coding
    max_document_chars: int = 1_000_000  # longer cleaned texts are coded in parts of this size
    max_sentence_tokens: int = 250  # longer "sentences" (lists, debris) get no role parse
    # Dates a news text can mean; expressions outside are ignored with a flag
    earliest_year: int = 1800
    latest_year: int = 2200
    # Fetching
    fetch_timeout_s: float = 15.0  # bounds the whole download, not each read


LIMITS = Limits()
