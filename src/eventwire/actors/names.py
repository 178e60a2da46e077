"""Name index: every surface form the KB knows, compiled into spaCy PhraseMatchers.

Matching is case-sensitive (``ORTH``) so the country "US" is not the pronoun
"us" and the agency "WHO" is not "who"; accent-free spellings are added
beside accented ones ("Erdoğan" and "Erdogan").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from eventwire.actors.kb import KnowledgeBase, Person
from eventwire.nlp import sentences

# Target kinds: what a matched surface form stands for.
COUNTRY, ADJECTIVE, PEOPLE, METONYM, ENTITY, PERSON, SURNAME = (
    "country",
    "adjective",
    "people",
    "metonym",
    "entity",
    "person",
    "surname",
)
REGION, REGION_ADJECTIVE = "region", "region_adjective"
NATIONAL_KINDS = frozenset({COUNTRY, ADJECTIVE, METONYM})
REGION_KINDS = frozenset({REGION, REGION_ADJECTIVE})
COUNTRY_KINDS = NATIONAL_KINDS | REGION_KINDS  # words that can head "X troops", "X's leader"
KIND_PRIORITY = {
    PERSON: 0,
    ENTITY: 1,
    COUNTRY: 2,
    METONYM: 3,
    ADJECTIVE: 4,
    REGION: 5,
    REGION_ADJECTIVE: 6,
    PEOPLE: 7,
    SURNAME: 8,
}


@dataclass(frozen=True)
class Target:
    kind: str
    ref: str  # country code, entity kb_id or person_id


def fold(text: str) -> str:
    """Accent-free form: "Erdoğan" -> "Erdogan"."""
    if text.isascii():
        return text
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).replace("ı", "i")


def normalise_name(text: str) -> str:
    """Comparison form for lookups and fuzzy matching: folded, lower-case, no punctuation."""
    text = fold(text).lower().replace("’", "'")
    text = re.sub(r"[-‐–.,()]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def strip_article(term: str) -> str:
    """Aliases may be written "the UK"; the lower-case article is not part of the name."""
    return term[4:] if term.startswith("the ") else term


# Arabic article prefixes: "al-Assad" is also just "Assad" in English news.
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|an|ar|at|az|ash|ud|ul)-(?=[A-Z])", re.IGNORECASE)


def surname_of(name: str) -> str | None:
    """The last word of a full name, when it can stand alone ("Putin", "al-Assad")."""
    parts = name.split()
    if len(parts) < 2 or len(parts[-1]) < 4 or not parts[-1][0].isalpha():
        return None
    last = parts[-1]
    return last if last[0].isupper() or ARTICLE_PREFIX.match(last) else None


def surnames_of(names: Iterable[str]) -> set[str]:
    """Every standalone surname form of a person's names: "Bashar al-Assad" -> al-Assad, Assad."""
    found: set[str] = set()
    for name in names:
        surname = surname_of(name)
        if surname is None:
            continue
        found.add(surname)
        bare = ARTICLE_PREFIX.sub("", surname)
        if bare != surname and len(bare) >= 4:
            found.add(bare)
    return found


# "Ban Ki-moon", "Tsai Ing-wen": a two-word name whose given name is two syllables joined by a
# hyphen with a lower-case second one is written family name first (Korean, Wade-Giles).
FAMILY_FIRST_FORM = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")
FAMILY_FIRST_ORDERS = frozenset({"family_first", "family_first_given_used"})


def family_name_first(name: str) -> str | None:
    """The first word of a name written family name first, when it can stand alone."""
    first = name.split()[0] if name.split() else ""
    return first if len(first) >= 2 and first[0].isupper() and first.isalpha() else None


def person_surnames(person: Person) -> set[str]:
    """The words that name ``person`` alone, by the name order of their country.

    Given name first (the default): the last word ("Putin", "Orbán"). Family name first
    (Chinese, Korean): the first word of the main name ("Xi", "Yoon"), and the last word of
    an alias only where it is that same family name ("William Lai" -> Lai); Vietnamese
    names add their last word, the given name news uses alone ("Trong"). A name in the
    "Ban Ki-moon" form is read family first whatever the country.
    """
    names = [person.name, *sorted(person.aliases - person.native_names)]
    order = person.name_order
    if order == "native_alias":  # short family names stand alone too ("Abe", "Kan")
        last = person.name.split()[-1]
        short = {last} if len(person.name.split()) > 1 and len(last) == 3 else set()
        return surnames_of(names) | {w for w in short if w.isalpha() and w[0].isupper()}
    if order not in FAMILY_FIRST_ORDERS and not FAMILY_FIRST_FORM.match(person.name):
        return surnames_of(names)
    family = family_name_first(person.name)
    if family is None:
        return surnames_of(names)
    found = {family}
    if order == "family_first_given_used":
        found |= surnames_of(names)
    else:
        found |= {s for s in surnames_of(names[1:]) if fold(s) == fold(family)}
    return found


class NameIndex:
    """Surface form -> targets, plus a PhraseMatcher over all forms."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.targets: dict[str, list[Target]] = {}
        for country in kb.countries.values():
            for term in (country.name, *country.aliases):
                self._add(term, Target(COUNTRY, country.code))
            for term in country.adjectives:
                self._add(term, Target(ADJECTIVE, country.code))
            for term in country.people:
                self._add(term, Target(PEOPLE, country.code))
            for term in country.metonyms:
                self._add(term, Target(METONYM, country.code))
        for region in kb.regions.values():
            for term in (region.name, *region.aliases):
                self._add(term, Target(REGION, region.region_id))
            for term in region.adjectives:
                self._add(term, Target(REGION_ADJECTIVE, region.region_id))
        for entity in kb.entities.values():
            for term in (entity.name, *entity.aliases):
                self._add(term, Target(ENTITY, entity.kb_id))
        full_names: set[str] = set()
        for person in kb.persons.values():
            for term in (person.name, *person.aliases):
                self._add(term, Target(PERSON, person.person_id))
                full_names.add(fold(term))
        for person in kb.persons.values():
            for surname in person_surnames(person):
                if fold(surname) not in full_names:
                    self._add(surname, Target(SURNAME, person.person_id))
        # Patterns only need ORTH: a vocabulary without lexical attribute functions builds
        # them about twice as fast. Lookups get a full tokenizer (``tokenizer``) on demand.
        pattern_tokenizer = spacy.blank("en").tokenizer
        pattern_tokenizer.vocab.lex_attr_getters = {}
        self.matcher = PhraseMatcher(pattern_tokenizer.vocab, attr="ORTH")
        self.by_key: dict[int, str] = {}
        vocab = pattern_tokenizer.vocab
        special = pattern_tokenizer.rules or {}
        for term in self.targets:
            words = term.split(" ")
            if all(w.isalpha() and w not in special for w in words):
                pattern = Doc(vocab, words=words)  # plain words: the tokenizer would not split them
            else:
                pattern = pattern_tokenizer(term)
            self.by_key[vocab.strings.add(term)] = term
            self.matcher.add(term, [pattern])
        self.single_tokens = {term: t for term, t in self.targets.items() if " " not in term}

    @cached_property
    def tokenizer(self) -> Tokenizer:
        """A full English tokenizer for short phrases given to ``lookup``."""
        return spacy.blank("en").tokenizer

    def _add(self, term: str, target: Target) -> None:
        term = strip_article(term.strip())
        if not term:
            return
        forms = {term, fold(term)}
        # News text writes the apostrophe both ways ("Workers' Party", "Workers’ Party")
        forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
        for form in forms:
            bucket = self.targets.setdefault(form, [])
            if target not in bucket:
                bucket.append(target)

    def matches(self, doc: Doc) -> list[tuple[int, int, list[Target]]]:
        """All matches (start, end, targets), longest first where they overlap.

        A lower-case word at the start of a sentence is also tried capitalised:
        scraped text often loses the capital there ("kremlin leader, ...").
        """
        found = [(s, e, self.targets[self.by_key[k]]) for k, s, e in self.matcher(doc)]
        starts = [s.start for s in sentences(doc)] if doc.has_annotation("SENT_START") else [0]
        for token in (doc[i] for i in starts if i < len(doc)):
            if token.text[:1].islower():
                form = token.text[:1].upper() + token.text[1:]
                if form in self.single_tokens:
                    found.append((token.i, token.i + 1, self.single_tokens[form]))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, list[Target]]] = []
        taken: set[int] = set()
        for start, end, targets in sorted(found, key=lambda m: (-(m[1] - m[0]), m[0])):
            if taken.isdisjoint(range(start, end)):
                chosen.append((start, end, targets))
                taken.update(range(start, end))
        return sorted(chosen)
