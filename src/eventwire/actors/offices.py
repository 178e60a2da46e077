"""Office holders of organisations and armed groups, reached by a title on a date.

"the NATO Secretary General" in 2025 is Mark Rutte, "Hezbollah's leader" in 2015 is
Hassan Nasrallah: an organisation's name with a title word (organisation_titles.tsv)
before or after it means the holder of that office on the article date, found among
the role terms whose title names the organisation (``KnowledgeBase.entity_terms``).
A name right after the title wins over the date ("NATO chief Jens Stoltenberg").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from eventwire.actors.kb import OFFICE_RANK, KnowledgeBase, Person, RoleTerm
from eventwire.actors.names import ENTITY
from eventwire.model import Actor

if TYPE_CHECKING:
    from eventwire.actors.document import DocumentPass

# Title words that say only "its leader": the holder of a head_of_organisation term fits
# them ("the EU chief" is not the High Representative, an office of rank other). Other
# words ("secretary-general", "commander") must appear in the holder's own title.
GENERIC_HEAD_WORDS = frozenset(
    {"head", "chief", "leader", "boss", "political chief", "political leader", "top leader"}
    | {"politburo chief"}
)
POSSESSIVE = frozenset({"'s", "’s", "'"})
FORMER_WORDS = frozenset({"former", "late", "ex", "ousted", "deposed"})


@dataclass
class OfficeChoice:
    """The holder a title picks on a date, or None, with the reasons (for ``lookup``)."""

    holder: tuple[Person, RoleTerm] | None
    reasons: list[str] = field(default_factory=list)


def title_pattern(word: str) -> re.Pattern[str]:
    """A title word as it may appear in a holder's title: hyphen or space, any case."""
    parts = re.split(r"[\s-]+", word.strip())
    return re.compile(r"\b" + r"[\s-]+".join(map(re.escape, parts)), re.IGNORECASE)


def organisation_holder(
    kb: KnowledgeBase, kb_id: str, word: str, kind: str, when: date
) -> OfficeChoice:
    """Who holds the office ``word`` (of ``kind``) in organisation ``kb_id`` on ``when``."""
    entity = kb.entities[kb_id]
    linked = kb.entity_terms.get(kb_id, [])
    if not linked:
        return OfficeChoice(None, [f"no person's title names {entity.name} in the KB"])
    active = [(p, t) for p, t in linked if t.active(when)]
    reasons = [
        f"{len(linked)} role terms name {entity.name} in their title; "
        f"{len(active)} active on {when}"
    ]
    if kind == "spokesperson":
        fits = [(p, t) for p, t in active if t.office == "spokesperson"]
        reasons.append(f"'{word}' asks for a spokesperson: {len(fits)} fit")
    elif kind == "founder":
        fits = [(p, t) for p, t in active if "founder" in t.title.lower()]
        reasons.append(f"'{word}' asks for a founder: {len(fits)} fit")
    else:
        heads = [(p, t) for p, t in active if t.office != "spokesperson"]
        if word in GENERIC_HEAD_WORDS:  # its leader, not a commander or a deputy
            fits = [(p, t) for p, t in heads if t.office == "head_of_organisation"]
            reasons.append(f"'{word}' means the organisation's own leader: {len(fits)} fit")
            reasons += [
                f"{p.name} ({t.title}, {t.source}) lost: a {t.office.replace('_', ' ')}, "
                "not its leader"
                for p, t in heads
                if t.office != "head_of_organisation"
            ]
        else:
            pattern = title_pattern(word)
            fits = [(p, t) for p, t in heads if pattern.search(t.title)]
            reasons.append(f"'{word}' must appear in the holder's title: {len(fits)} fit")
    if not fits:
        return OfficeChoice(None, reasons)
    best_rank = min(OFFICE_RANK.get(t.office, 9) for _, t in fits)
    best = [(p, t) for p, t in fits if OFFICE_RANK.get(t.office, 9) == best_rank]
    for person, term in fits:
        if (person, term) not in best:
            reasons.append(f"{person.name} ({term.title}, {term.source}) ranks below")
    if len({p.person_id for p, _ in best}) != 1:
        names = ", ".join(sorted({p.name for p, _ in best}))
        reasons.append(f"several hold such an office at once ({names}): none is chosen")
        return OfficeChoice(None, reasons)
    person, term = best[0]
    span = f"{term.start or '…'} to {term.end or 'now'}"
    reasons.append(f"{person.name} holds {term.title} on {when} ({span}; {term.source})")
    return OfficeChoice(best[0], reasons)


def holder_actor(person: Person, term: RoleTerm, text: str = "") -> Actor:
    return Actor(person.name, term.country, term.sector, person.kb_id, term.title, text)


def entity_at(p: DocumentPass, k: int) -> tuple[int, str] | None:
    """(end, kb_id) of an organisation or group name starting at token ``k``."""
    if k >= p.n or k not in p.hits or k in p.taken:
        return None
    end, targets = p.hits[k]
    entities = [t for t in targets if t.kind == ENTITY]
    return (end, entities[0].ref) if entities else None


def is_former(p: DocumentPass, start: int) -> bool:
    before = p.lower[max(0, start - 2) : start]
    return bool(before) and (before[-1] in FORMER_WORDS or before[-2:] == ["ex", "-"])


def title_after_entity(p: DocumentPass, start: int, end: int, kb_id: str) -> int | None:
    """ "NATO Secretary General [Mark Rutte]", "Hezbollah's leader", "the UN chief": the
    organisation's office holder on the date, or the person the text names. None: no
    title here, or no holder known (the organisation itself is then the actor)."""
    k = end + 1 if end < p.n and p.lower[end] in POSSESSIVE else end
    found = p.phrase_at(k, p.r.organisation_titles)
    if found is None:
        return None
    title_end, kind = found
    word = " ".join(p.lower[k:title_end]).replace(" - ", "-")
    name = p.name_after(title_end)
    if name and name[0] > title_end:  # a named person wins over the date
        name_end, actor, basis = name
        if actor is None:
            entity = p.kb.entities[kb_id]
            text = p.doc[title_end:name_end].text
            role = f"{p.doc[k:title_end].text} of {entity.name}"
            actor = Actor(text, entity.country, entity.sector, None, role)
        p.add(start, name_end, actor, "title" if basis == "alias" else basis)
        return name_end
    if is_former(p, start) or p.is_plural(title_end - 1):
        return None  # "the former NATO chief", "Hamas leaders": not the holder on the date
    choice = organisation_holder(p.kb, kb_id, word, str(kind), p.when)
    if choice.holder is None:
        return None
    person, term = choice.holder
    p.add(start, title_end, holder_actor(person, term), "title", term.office)
    return title_end


def title_before_entity(p: DocumentPass, i: int) -> int | None:
    """ "the Secretary-General of the United Nations", "the head of the IAEA"."""
    found = p.phrase_at(i, p.r.organisation_titles)
    if found is None:
        return None
    title_end, kind = found
    if title_end >= p.n or p.lower[title_end] != "of":
        return None
    k = title_end + 1 + (title_end + 1 < p.n and p.lower[title_end + 1] == "the")
    hit = entity_at(p, k)
    if hit is None or is_former(p, i) or p.is_plural(title_end - 1):
        return None
    entity_end, kb_id = hit
    word = " ".join(p.lower[i:title_end]).replace(" - ", "-")
    choice = organisation_holder(p.kb, kb_id, word, str(kind), p.when)
    if choice.holder is None:
        return None
    person, term = choice.holder
    p.add(i, entity_end, holder_actor(person, term), "title", term.office)
    return entity_end
