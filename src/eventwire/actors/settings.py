"""Every threshold of actor resolution in one place: fuzzy cut-offs, windows and reaches.

A newcomer who wants the resolver stricter or looser changes a number here (or passes
their own ``ResolverSettings`` to ``ActorResolver``), never a literal inside the code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ResolverSettings:
    """Thresholds of the resolver and its per-document pass (read-only once made)."""

    # rapidfuzz ratio a spelling variant must reach ("Kasim-Jomart Tokayev" ~
    # "Kassym-Jomart Tokayev" scores 93)
    fuzzy_full_name_cutoff: float = 88.0
    # a lone word against surnames: "Zelensky" ~ "Zelenskyy" scores 94; short names need more
    fuzzy_surname_cutoff: float = 90.0
    # countries, adjectives and capitals: "Afganistan" ~ "Afghanistan" 95, but "Austria" ~
    # "Australia" only 87
    fuzzy_place_cutoff: float = 90.0
    # shortest lone word or place name compared fuzzily (shorter ones match too much)
    fuzzy_min_length: int = 5
    # remembered fuzzy look-ups (a few MB at most)
    fuzzy_cache_size: int = 50_000
    # nearest KB names a fuzzy look-up considers
    fuzzy_candidates: int = 5
    # shortest name word used to repair glued words ("Gro" starts too many English words)
    glue_name_min_length: int = 4
    # "he"/"she" look back at most this many sentences
    pronoun_window: int = 2
    # longest run of name words read as one person's name
    name_run_max: int = 7
    # plain modifiers an agent word may stand behind after a country word ("Kenyan riot police")
    agent_modifier_reach: int = 3
    # dependency steps a country word may hang below its agent phrase and still own it
    attach_steps: int = 3


DEFAULT_SETTINGS = ResolverSettings()
