"""Word lists the document pass tests tokens against (closed classes of English, not
knowledge about actors: that lives in the KB data files)."""

from __future__ import annotations

# Lower-case words inside personal names ("Omar al-Bashir", "Luiz Inácio Lula da Silva").
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "ben",
        "abu",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "du",
        "la",
        "le",
        "di",
        "del",
        "y",
    ]
)

# Agent words that name an organisation's (or a person's government's) own members.
MEMBER_SECTORS = frozenset({"GOV", "MIL", "UAF", "REB", "COP", "OPP", "PTY", "LEG", "JUD"})

# Entity types a lone surname cannot carry ("in May"); place tags are left out because the
# small model often tags a lone foreign surname as GPE ("met Erdogan").
NOT_PERSON_ENTS = frozenset(
    [
        "DATE",
        "TIME",
        "FAC",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "PRODUCT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "PERCENT",
        "LANGUAGE",
    ]
)

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nn"})

# "the parliament of Poland", "police in Nairobi", "students across Indonesia", "troops from Chad"
AGENT_PLACE_WORDS = frozenset({"of", "in", "across", "throughout", "from"})

LOCATED_WORDS = frozenset({"based", "headquartered", "located", "operating"})

FORMER_WORDS = frozenset({"former", "late", "ex", "ousted", "deposed"})

POSSESSIVE = frozenset({"'s", "’s", "'"})

LIST_INTRO = frozenset({"from", "of", "in"})

# Verbs of coming and going: "arrived in Syria" says where people went, not whose they are.
MOTION_VERBS = frozenset(
    {"arrive", "travel", "flee", "come", "return", "go", "move", "cross", "enter", "reach"}
    | {"escape", "migrate", "relocate", "land", "fly", "end", "head", "smuggle", "deport"}
)

FOREIGN_WORDS = frozenset({"foreign", "international", "overseas", "expatriate", "visiting"})

LEADER_OFFICES = frozenset({"head_of_state", "head_of_government", "collective_head_of_state"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

# A verbless fragment ("Russian President Vladimir Putin by phone with ...") has its actor as root.
ANTECEDENT_DEPS = SUBJECT_DEPS | {"ROOT"}

PRONOUNS = frozenset({"he", "she"})

# Object pronouns and the subject form they share a referent with ("accusing him of").
OBJECT_PRONOUNS = {"him": "he", "her": "she"}
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})

# Words between "ethnic Albanians in" and the country: "in (the) south(ern) Serbia".
RESIDENCE_SKIP = frozenset(
    {"the", "south", "southern", "north", "northern", "east", "eastern", "west", "western"}
    | {"central", "northeast", "northeastern", "northwest", "northwestern", "southeast"}
    | {"southeastern", "southwest", "southwestern"}
)

# A leader's name before these words names their government, in office or not ("the Bush
# administration", "the Assad regime").
NAMED_GOVERNMENT_WORDS = frozenset({"administration", "government", "regime", "cabinet"})

# "Iranian-backed militias", "US-funded forces": the country backs the actor, it is not its
# country (CAMEO codes the militia itself; the backer is no party to what the militia does).
BACKING_WORDS = frozenset(
    {"backed", "supported", "funded", "sponsored", "allied", "aligned", "armed", "trained"}
    | {"financed", "bankrolled", "equipped"}
)
