"""PLOVER intensity scores and quad codes, from our data file of the manual's table."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from eventwire.errors import EventWireError

QUAD_NAMES = {
    1: "VERBAL COOPERATION",
    2: "MATERIAL COOPERATION",
    3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}


@lru_cache(maxsize=1)
def plover_scores() -> dict[tuple[str, str], tuple[float, int]]:
    """(EVENT_TYPE, mode) -> (intensity, quad code); mode "" is the category default."""
    text = resources.files("eventwire.store").joinpath("data/plover_scores.tsv").read_text("utf-8")
    table: dict[tuple[str, str], tuple[float, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            event_type, mode, intensity, quad = line.split("\t")
            table[(event_type.upper(), mode.lower())] = (float(intensity), int(quad))
        except ValueError as exc:
            raise EventWireError(f"plover_scores.tsv line {number}: {exc}") from exc
    return table


def score(event_type: str, mode: str | None) -> tuple[float | None, int | None]:
    """Intensity and quad code of a type/mode; the category's own score for an unlisted mode."""
    table = plover_scores()
    key = event_type.upper()
    found = table.get((key, (mode or "").lower())) or table.get((key, ""))
    return found if found else (None, None)
