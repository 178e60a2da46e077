"""The PLOVER ontology and the CAMEO code table, loaded from package data and validated.

Categories, modes and contexts live in ``data/plover.yaml``; CAMEO codes and their
PLOVER mapping in ``data/cameo.tsv``. Patterns are checked against this on load, so a
typo in a pattern file fails loudly instead of producing unknown categories.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.errors import EventWireError

COOPERATIVE_QUADS = frozenset({"verbal_cooperation", "material_cooperation"})
CATEGORY_FIELDS = frozenset({"quad", "requires_recipient", "gloss", "modes", "future", "in_place"})


@dataclass(frozen=True)
class Category:
    name: str
    quad: str
    requires_recipient: bool
    gloss: str
    modes: dict[str, str]
    # the category an announced (future) act of this one is coded as, if it changes
    future: str | None = None
    # a domestic act that happens in a place: a city on its event noun is where, not who
    in_place: bool = False

    @property
    def cooperative(self) -> bool:
        return self.quad in COOPERATIVE_QUADS

    @property
    def material_conflict(self) -> bool:
        """Force, coercion and protest: promising one is a threat (manual: THREATEN)."""
        return self.quad == "material_conflict"

    @property
    def material(self) -> bool:
        return self.quad.startswith("material")


@dataclass(frozen=True)
class CameoCode:
    code: str
    plover: str
    mode: str | None
    contexts: tuple[str, ...]
    label: str


@dataclass
class Ontology:
    categories: dict[str, Category]
    contexts: list[str]
    cameo: dict[str, CameoCode]
    intent_codes: dict[str, dict[str, tuple[str, str | None]]] = field(default_factory=dict)

    def category(self, name: str) -> Category:
        try:
            return self.categories[name]
        except KeyError:
            raise EventWireError(f"unknown PLOVER category {name!r}") from None

    def check_mode(self, category: str, mode: str | None, where: str) -> None:
        if mode and mode not in self.category(category).modes:
            raise EventWireError(f"{where}: {mode!r} is not a mode of {category}")

    def check_cameo(self, code: str, where: str) -> CameoCode:
        if code not in self.cameo:
            raise EventWireError(f"{where}: unknown CAMEO code {code!r}")
        return self.cameo[code]

    def intent_code(self, verbal: str, intended: str | None) -> tuple[str, str | None]:
        """CAMEO code and mode for a verbal act about another act (threaten to X, refuse X)."""
        table = self.intent_codes.get(verbal, {})
        code, mode = table.get(intended or "", table.get("default", (None, None)))
        if code is None:
            return self.default_code(verbal), None
        return code, mode

    def default_code(self, category: str) -> str:
        """The root CAMEO code of a category (the least specific one)."""
        codes = sorted(
            (c.code for c in self.cameo.values() if c.plover == category), key=lambda c: (len(c), c)
        )
        return codes[0] if codes else ""


def _read_text(name: str) -> str:
    return resources.files("eventwire.events").joinpath("data", name).read_text("utf-8")


def _load_cameo(text: str) -> dict[str, CameoCode]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        contexts = tuple(c for c in (row["contexts"] or "").split(";") if c)
        table[row["code"]] = CameoCode(
            row["code"], row["plover"], row["mode"] or None, contexts, row["label"]
        )
    return table


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Read and cross-check the ontology files once per process."""
    raw = yaml.safe_load(_read_text("plover.yaml"))
    for name, spec in raw["categories"].items():
        unknown = set(spec) - CATEGORY_FIELDS
        if unknown:
            raise EventWireError(f"plover.yaml {name}: unknown fields {sorted(unknown)}")
    categories = {
        name: Category(
            name,
            spec["quad"],
            bool(spec["requires_recipient"]),
            spec.get("gloss", ""),
            dict(spec.get("modes") or {}),
            spec.get("future"),
            bool(spec.get("in_place", False)),
        )
        for name, spec in raw["categories"].items()
    }
    for category in categories.values():
        if category.future is not None and category.future not in categories:
            raise EventWireError(
                f"plover.yaml {category.name}: future names unknown category {category.future!r}"
            )
    cameo = _load_cameo(_read_text("cameo.tsv"))
    for code, change in (raw.get("manual_overrides") or {}).items():
        if code not in cameo:
            raise EventWireError(f"plover.yaml manual_overrides: unknown CAMEO code {code!r}")
        old = cameo[code]
        cameo[code] = CameoCode(
            code,
            change["plover"],
            change.get("mode"),
            tuple(change.get("contexts", old.contexts)),
            old.label,
        )
    intent = {
        verbal: {k: (v[0], v[1]) for k, v in table.items()}
        for verbal, table in raw.get("intent_codes", {}).items()
    }
    ontology = Ontology(categories, list(raw["contexts"]), cameo, intent)
    for code in cameo.values():
        if code.plover not in categories:
            raise EventWireError(f"cameo.tsv: {code.code} maps to unknown category {code.plover}")
    for verbal, table in intent.items():
        for key, (code, mode) in table.items():
            ontology.check_cameo(code, f"plover.yaml intent_codes {verbal}/{key}")
            ontology.check_mode(verbal, mode, f"plover.yaml intent_codes {verbal}/{key}")
    return ontology
