"""Who is who around a trigger: subjects, objects and actors read off the dependency parse.

The coder asks these helpers for the tokens that fill a role (subject, object, a
preposition's object) and for the actors a token stands for, taken from the resolver's
mentions. Coordination ("Iran, Libya and Cuba") expands to several actors; a phrase with
no resolved mention becomes a *guessed* actor so the event is still visible, with a
lower confidence. These are parse-level helpers shared by ``triggers``, ``assign`` and
``decide``; the words they test (speech verbs, stative and own-country participles,
counterpart words) come from ``lexicon/grammar.yaml`` as a ``Grammar`` they are given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from eventwire.events.patterns import Grammar
from eventwire.model import Actor, Mention

# codes that name no state: they never make a document "about" a country
NON_STATE_CODES = frozenset({"IGO", "NGO", "ISM"})

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
SKIP_SUBTREE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})


@dataclass
class ActorRef:
    """An actor filling a role, with how we got it (for the explanation and confidence)."""

    actor: Actor
    token: Token
    mention: Mention | None
    how: str

    @property
    def resolved(self) -> bool:
        return self.mention is not None and bool(self.actor.country)

    def describe(self) -> str:
        basis = f" via {self.mention.basis}" if self.mention and self.mention.basis else ""
        state = self.actor.code if self.actor.country else "unresolved, guessed from the phrase"
        return f"'{self.actor.text or self.actor.name}' -> {state}{basis} ({self.how})"


class MentionIndex:
    """Token index -> mention, for the resolver's non-overlapping mentions."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                self.by_token.setdefault(i, mention)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    @cached_property
    def home_country(self) -> str | None:
        """The country the document is about: named in at least three mentions and in at
        least 40% of those that name a country (international bodies do not count)."""
        counts = Counter(
            m.actor.country
            for m in {id(m): m for m in self.by_token.values()}.values()
            if m.actor.country and m.actor.country not in NON_STATE_CODES
        )
        if not counts:
            return None
        country, count = counts.most_common(1)[0]
        return country if count >= 3 and count >= 0.4 * sum(counts.values()) else None

    def in_span(self, tokens: list[Token]) -> list[Mention]:
        seen: list[Mention] = []
        for token in tokens:
            mention = self.by_token.get(token.i)
            if mention is not None and mention not in seen:
                seen.append(mention)
        return seen


def lower(token: Token) -> str:
    # spaCy's lexeme LOWER is the text's str.lower(), stored once per word type: no new string
    return token.lower_


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_forms(token: Token) -> list[str]:
    """The lemma plus plain de-inflections of the word, for when the lemmatizer slips
    ("staged" -> "stag"): pattern lemmas are looked up under each."""
    word = lower(token)
    forms = [lemma(token), word]
    for suffix, repl in (
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            forms.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and not repl:
                forms.append(stem[:-1])  # doubled final consonant: "stopped" -> "stop"
    return list(dict.fromkeys(forms))


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of ``deps``, in text order.

    Coding asks this tens of thousands of times per article; a per-doc table of
    (dependency, child index) rows makes a token object only for the children asked for.
    """
    doc = token.doc
    table = doc.user_data.get("eventwire_children")
    if table is None:
        table = doc.user_data["eventwire_children"] = _children_table(doc)
    return [doc[i] for dep, i in table[token.i] if dep in deps]


def _children_table(doc: Doc) -> list[list[tuple[str, int]]]:
    """For each token, its children as (dependency label, index), read from the parse arrays."""
    array = doc.to_array([HEAD, DEP])
    strings = doc.vocab.strings
    rows: list[list[tuple[str, int]]] = [[] for _ in range(len(doc))]
    offsets = array[:, 0].astype("int64").tolist()  # heads are stored as relative offsets
    for i, (offset, dep) in enumerate(zip(offsets, array[:, 1].tolist(), strict=True)):
        if offset:  # a root is its own head, not its own child
            rows[i + offset].append((strings[dep], i))
    return rows


def is_passive(verb: Token, grammar: Grammar) -> bool:
    """A passive clause; stative participles ("Israel is opposed to") read as active."""
    if lower(verb) in grammar.stative_participles and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("A, B and C")."""
    found = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        item = stack.pop(0)
        if item.pos_ in ("VERB", "AUX") and token.pos_ not in ("VERB", "AUX"):
            continue
        found.append(item)
        stack.extend(c for c in item.children if c.dep_ == "conj")
    return found


# Penn tags of relative pronouns ("who", "which", "that" as WDT)
RELATIVE_TAGS = frozenset({"WP", "WDT"})


def clause_subject(verb: Token, grammar: Grammar) -> Token | None:
    """The subject of a verb, climbing through xcomp / conj / relcl when the verb has none."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        subjects = children(current, *SUBJECT_DEPS)
        if not is_passive(current, grammar):
            subjects += children(current, *PASSIVE_SUBJECT_DEPS)
        if subjects:
            subject = subjects[0]
            if (
                current.dep_ == "relcl"
                and subject.tag_ in RELATIVE_TAGS
                and current.head.pos_ in ("NOUN", "PROPN")
            ):
                return current.head  # "Erdogan, who held talks": the relative stands for Erdogan
            return subject
        if current.i != verb.i and is_passive(current, grammar):
            agents = prep_objects(current, ("by",))
            return agents[0] if agents else None  # the actor of a passive clause is its agent
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        modified = _noun_before_participle(current)
        if modified is not None:
            return modified
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp") and current.head.i != current.i:
            if current.dep_ == "xcomp":
                objects = children(current.head, "dobj")
                if objects and lemma(current.head) not in ("promise", "threaten", "vow"):
                    return objects[0]
            if current.dep_ == "pcomp":
                prep = current.head
                objects = children(prep.head, "dobj") if prep.dep_ == "prep" else []
                if objects and lower(prep) in ("for", "of") and prep.head.pos_ == "VERB":
                    return objects[0]  # "praised Uganda for sending aid": Uganda sent it
                current = prep.head if prep.dep_ == "prep" else prep
                while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
                    if current.dep_ in ("acomp", "attr"):
                        current = current.head
                        break
                    current = current.head
                continue
            if current.dep_ == "conj":
                shared = children(current.head, *PASSIVE_SUBJECT_DEPS)
                if shared and is_passive(current.head, grammar):
                    return shared[0]  # "X was indicted by Y and will resign": X resigns
            current = current.head
            if current.pos_ == "ADJ" and current.dep_ == "acomp":
                current = current.head
            continue
        return None
    return None


def _noun_before_participle(verb: Token) -> Token | None:
    """ "prosecute citizens fighting in Syria": an -ing participle straight after an
    object, with no comma or conjunction, is a reduced relative clause on that noun
    (the parser often hangs it on the verb as an adverbial clause); the noun is its actor.
    """
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or children(verb, "mark", "nsubj"):
        return None
    for obj in children(verb.head, "dobj", "nsubjpass"):
        if obj.right_edge.i == verb.i - 1 and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


def participle_modified_noun(verb: Token) -> Token | None:
    """ "the plains, hailed as ...", "a campaign led by X and supported by Y": a past
    participle on a noun is a reduced passive, so that noun is what was acted upon."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    if first.dep_ != "acl" or first.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if children(verb, "nsubj", "nsubjpass", "aux", "auxpass", "dobj"):
        return None  # a passive participle has no subject, auxiliary or object of its own
    set_off = first.i > 0 and first.nbor(-1).text == ","
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and (set_off or prep_objects(verb, ("by",)))):
        return first.head  # the tagger calls some participles past tense ("hailed")
    return None


def is_backer_modifier(token: Token, grammar: Grammar) -> bool:
    """ "US-supplied weapons", "Iranian-backed militias": a participle modifier whose
    country supplied or backed the thing, which is not that country's own. Leading, birth
    and base are the exceptions: a "Saudi-led coalition" acts under Saudi command, a
    "British-born teenager" and a "London-based charity" belong to that country.
    """
    return (
        token.dep_ == "amod"
        and token.tag_ == "VBN"
        and lemma(token) not in grammar.own_country_participles
        and lower(token) not in grammar.own_country_participles
    )


def inside_backer_modifier(token: Token, grammar: Grammar) -> bool:
    """True for the "US" of "US-supplied weapons"."""
    return is_backer_modifier(token.head, grammar) and token.i < token.head.i


def speaker_of(verb: Token, grammar: Grammar) -> Token | None:
    """For a clause reported by a speech verb ("X said Y ..."), the speaker X."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "acomp") and (
            current.head.i != current.i
        ):
            head = current.head
            if lemma(head) in grammar.speech_lemmas:
                subjects = children(head, "nsubj")
                if subjects:
                    return subjects[0]
                agents = children(head, "agent")
                if agents:
                    return next(iter(children(agents[0], "pobj")), None)
            current = head
        else:
            return None
    return None


def direct_objects(verb: Token) -> list[Token]:
    """Direct objects, the passive subject, and "up to 16 advisers" misparsed as a particle."""
    found = children(verb, "dobj", "nsubjpass")
    for particle in children(verb, "prt"):
        if lower(particle) == "up":
            found += prep_objects(particle, ("to",))
    for prep in children(verb, "prep"):
        if lower(prep) == "to" and any(
            lower(c) == "up" for c in prep.children if c.dep_ == "advmod"
        ):
            found += children(prep, "pobj")
    return found


def prep_objects(token: Token, preps: tuple[str, ...] | list[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``token`` ("on X", "against Y")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and lower(child) in preps:
            found.extend(children(child, "pobj", "pcomp"))
    return found


def phrase_tokens(token: Token) -> list[Token]:
    """A noun's phrase for word matching: its left modifiers, itself and an "of" complement.
    A hyphen inside a word stays, since lexicon phrases keep it ("sit-in" -> sit - in)."""
    tokens = [
        t
        for t in token.subtree
        if t.i <= token.i and t.dep_ != "det" and (t.dep_ != "punct" or t.text == "-")
    ]
    tokens = [t for t in tokens if t.head == token or t == token or t.head.head == token]
    for prep in children(token, "prep"):
        if lower(prep) == "of":
            for obj in children(prep, "pobj"):
                tokens.extend(t for t in obj.subtree if t.i <= obj.i and t.dep_ != "det")
    return sorted(set(tokens), key=lambda t: t.i)


def token_forms(tokens: Iterable[Token]) -> list[tuple[str, str]]:
    """Each token's lower-case form and lemma, read once so many phrase lists can share them."""
    return [(t.lower_, t.lemma_.lower()) for t in tokens]


def phrase_occurs(forms: list[tuple[str, str]], phrase: tuple[str, ...]) -> bool:
    """True when the phrase's words follow one another in ``forms`` (form or lemma each)."""
    size = len(phrase)
    for start in range(len(forms) - size + 1):
        if all(phrase[k] in forms[start + k] for k in range(size)):
            return True
    return False


def words_match(tokens: Iterable[Token], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """True when one of the phrases occurs in the tokens (by lower-case form or lemma)."""
    forms = token_forms(tokens)
    seen = {form for pair in forms for form in pair}
    # the cheap test first: most phrases share no word with the text
    return any(phrase[0] in seen and phrase_occurs(forms, phrase) for phrase in phrases)


class ActorFinder:
    """Turns role tokens into actors, using the resolver's mentions first."""

    def __init__(self, index: MentionIndex, grammar: Grammar) -> None:
        self.index = index
        self.grammar = grammar

    def actors(
        self, token: Token | None, how: str, guess: bool = True, acting: bool = False
    ) -> list[ActorRef]:
        """Actors for a role token; ``acting`` (a subject) lets any noun phrase be guessed."""
        if token is None:
            return []
        refs: list[ActorRef] = []
        for member in conjuncts(token):
            refs.extend(self._one(member, how, guess, acting))
        unique: list[ActorRef] = []
        for ref in refs:
            if not any(
                ref.mention is not None and ref.mention is other.mention for other in unique
            ):
                unique.append(ref)
        return unique

    def _one(self, token: Token, how: str, guess: bool, acting: bool = False) -> list[ActorRef]:
        mention = self.index.at(token)
        if mention is not None:
            coordinated = self._coordinated_modifiers(token, mention)
            if coordinated:
                return coordinated
            first = ActorRef(self._composed(token, mention), token, mention, how)
            return [first, *self._coordinated_complements(token, mention, how)]
        for child in token.children:
            if child.dep_ == "appos":
                # "the three guarantors - Russia, Turkey and Iran -": each coordinated member
                members = [(m, self.index.at(m)) for m in conjuncts(child)]
                members = [(m, owned) for m, owned in members if owned is not None]
                if len(members) >= 2:
                    return [
                        ActorRef(self._as_counterpart(token, owned.actor), m, owned, how)
                        for m, owned in members
                    ]
            if child.dep_ in OWNER_DEPS or child.dep_ == "appos":
                owned = self.index.at(child)
                if owned is not None:
                    return [ActorRef(self._as_counterpart(token, owned.actor), token, owned, how)]
        for prep in children(token, "prep"):
            if lower(prep) in ("of", "from"):
                for obj in children(prep, "pobj"):
                    found = self.actors(obj, how, guess=False)
                    if found:
                        return [
                            ActorRef(self._as_counterpart(token, r.actor), r.token, r.mention, how)
                            for r in found
                        ]
        inner = self.index.in_span(self._core_subtree(token))
        if inner:
            return [ActorRef(inner[0].actor, token, inner[0], how)]
        for agent in self._authors(token):
            found = self.actors(agent, how, guess=False)
            if found:
                return found
        if not guess or token.pos_ not in ("NOUN", "PROPN"):
            return []
        if not acting and not self._nameable(token):
            return []
        text = " ".join(t.text for t in token.subtree if t.i <= token.i and t.dep_ != "det")
        return [ActorRef(Actor(name=text, text=text), token, None, how)]

    def _coordinated_complements(self, token: Token, mention: Mention, how: str) -> list[ActorRef]:
        """ "the leaders of A, B and C": the resolver names the whole phrase after A and
        each of B and C on its own; every coordinated country is an actor of the role,
        taking the head word's sector ("leaders" -> GOV) when it names none itself."""
        refs: list[ActorRef] = []
        for prep in children(token, "prep"):
            if lower(prep) not in ("of", "from"):
                continue
            for obj in children(prep, "pobj"):
                for member in conjuncts(obj)[1:]:
                    owned = self.index.at(member)
                    if owned is None or owned is mention or not owned.actor.country:
                        continue
                    actor = owned.actor
                    if not actor.sector and mention.actor.sector:
                        actor = _with(actor, sector=mention.actor.sector)
                    refs.append(ActorRef(self._as_counterpart(token, actor), member, owned, how))
        return refs

    def _coordinated_modifiers(self, token: Token, mention: Mention) -> list[ActorRef]:
        """ "French and Egyptian warships": one actor per coordinated modifier. The parser
        may hang the first members of a longer list on the noun by themselves ("Egyptian,
        Jordanian and Qatari ministers": Egyptian and Jordanian both modify the noun, Qatari
        is Jordanian's conjunct), so the list is every such sibling before the joined one."""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and any(
                c.dep_ == "conj" for c in child.children
            ):
                refs = []
                earlier = [
                    c
                    for c in token.children
                    if c.dep_ == child.dep_
                    and c.i < child.i
                    and c.nbor(1).text == ","
                    and self.index.at(c) is not None
                ]
                for member in earlier + conjuncts(child):
                    owned = self.index.at(member)
                    if owned is not None and owned.actor.country:
                        actor = owned.actor
                        if owned is not mention and mention.actor.sector and not actor.sector:
                            actor = _with(actor, sector=mention.actor.sector)
                        refs.append(ActorRef(actor, member, owned, "coordinated modifier"))
                if len(refs) >= 2:
                    return refs
        return []

    def _composed(self, token: Token, mention: Mention) -> Actor:
        """ "the U.N. war crimes court": a sector-only mention takes its modifier's country."""
        actor = mention.actor
        if actor.country:
            return actor
        for child in self._core_subtree(token) + [
            t for clause in children(token, "acl") for t in clause.subtree
        ]:
            if child.i == token.i or child.i in range(mention.start, mention.end):
                continue
            owned = self.index.at(child)
            if owned is not None and owned.actor.country:
                return _with(actor, country=owned.actor.country)
        return actor

    @staticmethod
    def _nameable(token: Token) -> bool:
        """Guess an actor only for a name or a people word, never for "concessions"."""
        if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return token.pos_ == "NOUN" and any(
            c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG") for c in token.lefts
        )

    @staticmethod
    def _authors(token: Token) -> list[Token]:
        """ "an offer from X", "crimes committed by X": the author of the thing acted upon."""
        found = prep_objects(token, ("by",))
        for clause in children(token, "acl", "relcl"):
            found += prep_objects(clause, ("by",))
        return found

    def _core_subtree(self, token: Token) -> list[Token]:
        """The phrase without clauses hanging off it (relative clauses name other actors)."""
        keep: list[Token] = []
        stack = [token]
        while stack:
            item = stack.pop()
            keep.append(item)
            stack.extend(
                c
                for c in item.children
                if c.dep_ not in SKIP_SUBTREE_DEPS and not is_backer_modifier(c, self.grammar)
            )
        return sorted(keep, key=lambda t: t.i)

    def _as_counterpart(self, head: Token, actor: Actor) -> Actor:
        """ "his counterparts from Belarus": a country named through an agent word.

        A counterpart holds the same kind of office as the other side; the sector comes
        from the role word when the mention is a bare country.
        """
        if actor.sector or (
            lemma(head) not in self.grammar.counterpart_lemmas
            and lemma(head)
            not in (
                "president",
                "leader",
                "minister",
                "government",
                "head",
            )
        ):
            return actor
        return _with(actor, sector="GOV")


def _with(actor: Actor, **changes: str) -> Actor:
    """A copy of an actor with some fields changed (actors are shared, never mutated)."""
    fields = {
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "kb_id": actor.kb_id,
        "role": actor.role,
        "text": actor.text,
    }
    fields.update(changes)
    return Actor(**fields)
