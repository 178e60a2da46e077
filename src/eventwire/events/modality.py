"""Whether a clause reports an act that took place, read off its grammar.

PLOVER codes done acts. An act that is only possible (may, could), supposed (if-clauses,
"would"), forecast ("likely to"), habitual ("visit each year"), planned or purposed
("aims to help", "a force to be stationed"), aimed at or averted ("ensure X withdraws")
is no event; a negated act is kept but marked. The words these tests look for are the
``lexicon/grammar.yaml`` lists in ``patterns.grammar``; this module only reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.patterns import Grammar, PatternSet
from eventwire.events.roles import children, lemma, lower, speaker_of, verb_forms


def modal_auxes(verb: Token) -> list[Token]:
    """The verb's auxiliaries; a coordinated verb with none of its own shares those of the
    first verb ("will invade and occupy X": the occupying is as future as the invading)."""
    own = children(verb, "aux")
    if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return own
    first = verb.head
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    return [a for a in children(first, "aux") if lower(a) != "to"]


def is_question(sentence: Span) -> bool:
    """A question ("Will Iran strike?") asserts no act, so it codes none."""
    words = [t for t in sentence if not t.is_space and not t.is_quote]
    return bool(words) and words[-1].text == "?"


def reports_a_done_act(verb: Token, patterns: PatternSet) -> bool:
    """False for an act that is only wanted, supposed or possible (grammar tells which).

    Such verbs stay available as complements ("threatened to attack if ...").
    """
    grammar = patterns.grammar
    if intent_content(verb, patterns) is not None:
        return False
    auxes = {lower(c) for c in modal_auxes(verb)} | {lower(c) for c in children(verb, "auxpass")}
    if auxes & grammar.possibility_aux and not (auxes == {"could"} and negated(verb, grammar)):
        return False
    if "would" in auxes and speaker_of(verb, grammar) is None:
        return False  # "something Assad would resist": a supposition, not reported intent
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if habitual(verb, grammar) or inside_a_plan(verb, patterns):
        return False
    if alleged(clause, grammar):
        return False
    if clause.dep_ == "xcomp" and lemma(clause.head) in grammar.likelihood_words:
        return False
    if goal_clause(clause, grammar):
        return False
    if (
        clause.dep_ == "acl"
        and clause.head.pos_ in ("NOUN", "PROPN")
        and any(lower(c) == "to" for c in children(clause, "aux"))
    ):
        return False  # "a force to be stationed", "troops to protect": a purpose
    if any(lower(c) == "to" for c in children(clause, "aux")) and any(
        lower(m) == "for" for m in children(clause, "mark")
    ):
        return False  # "called for a force to be stationed": the wanted act
    if (
        clause.dep_ == "advcl"
        and any(lower(c) == "to" for c in children(clause, "aux"))
        and not children(clause, "nsubj", "nsubjpass")
    ):
        return False  # "sent convoys to feed the town", "fired to disperse them": the aim
    if subjunctive(clause):
        return False  # "demanded that Israel ease": a mandative subjunctive, the wanted act
    return not (
        clause.dep_ == "advcl"
        and any(lower(m) in grammar.condition_marks for m in children(clause, "mark"))
    )


def subjunctive(clause: Token) -> bool:
    """ "that Israel ease", "that Chile lift": a that-clause whose verb keeps its base form
    with a singular subject (no -s, no auxiliary) states what is wanted, not what is done."""
    subjects = children(clause, "nsubj")
    if not subjects or children(clause, "aux") or clause.dep_ not in ("ccomp", "acl", "relcl"):
        return False
    if not any(lower(m) == "that" for m in children(clause, "mark")):
        return False
    singular = subjects[0].tag_ in ("NN", "NNP")
    return clause.tag_ == "VB" or (clause.tag_ == "VBP" and singular)


def alleged(clause: Token, grammar: Grammar) -> bool:
    """ "accused Kenya of shelling", "blamed for attacking", "jailed for inciting": a gerund
    under a verb of alleging or punishing is what is alleged, not a reported act."""
    if clause.dep_ != "pcomp" or clause.head.dep_ != "prep":
        return False
    if lower(clause.head) not in ("of", "for", "with", "over"):
        return False
    return lemma(clause.head.head) in grammar.allegation_lemmas


def goal_clause(clause: Token, grammar: Grammar) -> bool:
    """ "make sure (that) X does not attack", "ensure X withdraws", "prevent X from
    being killed": the clause names an outcome aimed at or averted, not a done act."""
    head = clause.head
    if clause.dep_ in ("ccomp", "csubj"):
        if lemma(head) in grammar.ensure_lemmas:
            return True
        return lower(head) in ("sure", "certain") and lemma(head.head) == "make"
    return (
        clause.dep_ == "pcomp"
        and lower(head) == "from"
        and lemma(head.head) in grammar.prevent_lemmas
    )


def inside_a_plan(verb: Token, patterns: PatternSet) -> bool:
    """ "aims to do more to help X", "camps set up to receive refugees": an infinitive
    further down a plan verb's complement, or the purpose of a describing participle,
    is intended, not done (the plan verb itself codes AGREE/THREATEN if anything)."""
    current = verb
    for depth in range(4):
        infinitive = any(lower(c) == "to" for c in children(current, "aux"))
        if current.dep_ not in ("xcomp", "advcl", "conj") or not (
            infinitive or current.dep_ != "advcl"
        ):
            return False
        head = current.head
        if depth and head.pos_ == "VERB" and plans(head, patterns):
            return True
        if infinitive and head.dep_ == "acl" and head.tag_ == "VBN":
            return True
        current = head
    return False


def plans(verb: Token, patterns: PatternSet) -> bool:
    """A plan verb: a promise family that codes only through its complement ("aim to")."""
    return any(
        p.intent == "promise" and p.has("complement_only")
        for form in verb_forms(verb)
        for p in patterns.verb_index.get(form, [])
    )


def habitual(verb: Token, grammar: Grammar) -> bool:
    """Simple present with a frequency word ("visit each year", "often protest"): a
    habit or a general truth, which PLOVER does not code as an event."""
    if verb.tag_ not in ("VBZ", "VBP") or children(verb, "aux", "auxpass"):
        return False
    for child in children(verb, "advmod", "npadvmod"):
        if lower(child) in grammar.frequency_words:
            return True
        if any(lower(d) in ("each", "every") for d in children(child, "det")):
            return True
    return False


def intent_content(verb: Token, patterns: PatternSet) -> Token | None:
    """The noun whose content clause ``verb`` heads ("the demand that X leave"), if any.

    Such a clause names a wanted, planned or promised act, not one that took place;
    relative clauses ("the plan that X drafted") have no "that"/"to" marker and pass.
    A gerund after "of" is such content too ("no intention of withdrawing").
    """
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    head = verb.head
    if verb.dep_ == "pcomp" and lower(head) == "of" and verb.tag_ == "VBG":
        noun = head.head
        if noun.pos_ == "NOUN" and lemma(noun) in patterns.intent_nouns:
            return noun
        return None
    if verb.dep_ != "acl" or head.pos_ != "NOUN" or lemma(head) not in patterns.intent_nouns:
        return None
    marked = any(lower(c) == "that" for c in children(verb, "mark")) or any(
        lower(c) == "to" for c in children(verb, "aux")
    )
    return head if marked else None


def negated(verb: Token, grammar: Grammar) -> bool:
    """A negated or failed act: "did not attack", "never met", "was (not) unable to"."""
    if any(c.dep_ == "neg" or lower(c) in grammar.negation_words for c in verb.children):
        return True
    aux_heads = [verb.head] if verb.dep_ in ("xcomp",) and lemma(verb.head) in ("be",) else []
    if verb.dep_ == "xcomp" and lower(verb.head) in grammar.inability_words:
        return True  # "was unable to attack": the act did not take place
    if verb.dep_ == "xcomp" and lower(verb.head) == "able" and verb.head.dep_ == "acomp":
        aux_heads.append(verb.head.head)  # "was not able to attack"
    return any(any(c.dep_ == "neg" for c in h.children) for h in aux_heads)


def normative(verb: Token, grammar: Grammar) -> bool:
    """ "must/should X", "need to X", "ought to X", "has to X": what ought to happen.
    Past "had to withdraw" reports a forced act that happened, so it stays an act."""
    if any(lower(c) in grammar.obligation_aux for c in modal_auxes(verb)):
        return True
    if verb.dep_ != "xcomp" or not any(lower(c) == "to" for c in children(verb, "aux")):
        return False
    head = verb.head
    return lemma(head) in ("need", "ought") or (
        lemma(head) == "have" and head.tag_ in ("VBZ", "VBP")
    )


def unspoken_norm(verb: Token, grammar: Grammar) -> bool:
    """ "her activities must be investigated" with nobody saying so: the writer's view of
    what ought to happen, not an act and not anyone's demand (manual: REQUEST needs a
    source who asks)."""
    return normative(verb, grammar) and speaker_of(verb, grammar) is None


def is_future(verb: Token, grammar: Grammar) -> bool:
    """An announced act: "will withdraw", "is ready to talk", "prepared for talking"."""
    return (
        any(lower(c) in grammar.future_aux for c in modal_auxes(verb))
        or (verb.dep_ == "xcomp" and lower(verb.head) in grammar.willing_words)
        or (verb.dep_ == "pcomp" and lower(verb.head.head) in grammar.willing_words)
    )
