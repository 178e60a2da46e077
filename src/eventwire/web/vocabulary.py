"""PLOVER type and mode names for checking request values, read without loading the coder.

``eventwire.events`` imports the coder (and spaCy) when imported; the server only needs
the names of the categories and their modes, so it reads the same ontology file
(``events/data/plover.yaml``) through its path and keeps startup fast.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import yaml

from eventwire.errors import EventWireError
from eventwire.store.scores import QUAD_NAMES


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, tuple[str, ...]]:
    """PLOVER category -> its modes, in the ontology file's order."""
    spec = importlib.util.find_spec("eventwire.events")
    if spec is None or not spec.submodule_search_locations:
        raise EventWireError("the eventwire.events package is missing; reinstall EventWire")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "plover.yaml"
    raw = yaml.safe_load(path.read_text("utf-8"))
    try:
        return {
            name: tuple((category.get("modes") or {}).keys())
            for name, category in raw["categories"].items()
        }
    except (KeyError, AttributeError) as exc:
        raise EventWireError(f"{path}: no readable 'categories' mapping") from exc


def event_types() -> tuple[str, ...]:
    return tuple(plover_modes())


def all_modes() -> tuple[str, ...]:
    return tuple(sorted({mode for modes in plover_modes().values() for mode in modes}))


QUADS = dict(QUAD_NAMES)
COOPERATIVE_QUAD_CODES = (1, 2)
