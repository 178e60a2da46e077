"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

from functools import lru_cache

MIN_CHARS = 40  # below this, detectors guess; short texts are taken as English
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when the text is too short to tell."""
    sample = text[:5000]
    if len(sample.strip()) < MIN_CHARS:
        return "en"
    language, confidence = _identifier().classify(sample)
    if language != "en" and confidence < MIN_CONFIDENCE:
        return "en"
    return language
