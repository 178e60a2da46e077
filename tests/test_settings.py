"""The resolver's thresholds live in one settings object (actors/settings.py), and the
document pass's modules never import the resolver (no import cycle)."""

from __future__ import annotations

import ast
import dataclasses
from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.settings import DEFAULT_SETTINGS, ResolverSettings

ACTORS = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors"
WHEN = date(2023, 6, 24)


@pytest.fixture(scope="module")
def strict() -> ActorResolver:
    settings = ResolverSettings(fuzzy_full_name_cutoff=99.0, pronoun_window=0)
    return ActorResolver(ActorResolver.load().kb, settings)


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.pronoun_window = 5  # type: ignore[misc]
    assert ActorResolver.load().settings is DEFAULT_SETTINGS


def test_a_stricter_fuzzy_cutoff_refuses_a_spelling_variant(strict) -> None:
    loose = ActorResolver.load().lookup("Kasim-Jomart Tokayev", WHEN)
    assert loose.basis == "fuzzy" and loose.actor.name == "Kassym-Jomart Tokayev"
    # only the exact surname still matches: the full name is no longer a spelling variant
    found = strict.lookup("Kasim-Jomart Tokayev", WHEN)
    assert found.basis != "fuzzy" and found.actor.text == "Tokayev"


def test_the_pronoun_window_is_a_setting(nlp, strict) -> None:
    text = "Vladimir Putin arrived in Minsk.\n\nHe criticised Poland."
    pronoun = [m for m in ActorResolver.load().find_mentions(nlp(text), WHEN) if m.text == "He"]
    assert pronoun and pronoun[0].actor.name == "Vladimir Putin"
    assert not [m for m in strict.find_mentions(nlp(text), WHEN) if m.text == "He"]


def test_no_module_of_the_pass_imports_the_resolver() -> None:
    for path in sorted(ACTORS.glob("*.py")):
        if path.name in ("resolver.py", "__init__.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
                assert not any(n.startswith("eventwire.actors.resolver") for n in names), path.name
                assert not (node.module == "eventwire.actors" and node.names), path.name
