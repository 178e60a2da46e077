"""One document's pass: find the actor mentions in a parsed Doc, left to right.

Mentions come from the name index (countries, regions, organisations, armed
groups, persons) and from two small word tables (titles and agent words). A
country word may carry a title ("the Belarusian president" -> the office holder
on the article date) or an agent word ("Sudanese troops" -> SDN MIL). Within
the document, surnames, bare titles and he/she point back to the persons
already resolved.

The pass is one object made of one part per job, each in its own module:

| module | job |
| --- | --- |
| ``state`` | the document, per-token arrays, mentions so far, persons to refer back to |
| ``mentions`` | the walk over tokens and which attempt runs where; countries, regions |
| ``person_names`` | person names: exact, spelling variants, surnames, names after titles |
| ``agents`` | agent words ("police", "rebels") and the country their phrase gives them |
| ``coordination`` | lists of countries sharing one title, agent word or "counterparts" |
| ``titles`` | titles: the office holder on the date, or the named person in that office |
| ``coreference`` | surnames, bare titles and he/she pointing back to persons named earlier |
| ``context`` | bare titles and pronouns read through publisher, dateline and title line |

Thresholds live in ``settings.ResolverSettings``; the pass asks the resolver only
for what ``state.ResolverParts`` lists, so this package has no import cycle.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from eventwire.actors.agents import AgentReading
from eventwire.actors.context import NO_CONTEXT, ArticleContext, ContextReading
from eventwire.actors.coordination import Coordination
from eventwire.actors.coreference import Coreference
from eventwire.actors.mentions import MentionFinding
from eventwire.actors.person_names import NameReading
from eventwire.actors.state import PassState, PersonRef, ResolverParts
from eventwire.actors.titles import TitleReading
from eventwire.model import Mention

__all__ = ["DocumentPass", "PersonRef", "find_mentions"]


class DocumentPass(
    MentionFinding,
    NameReading,
    AgentReading,
    Coordination,
    TitleReading,
    Coreference,
    ContextReading,
    PassState,
):
    """State of one document: the mentions so far and the persons to refer back to."""


def find_mentions(
    resolver: ResolverParts, doc: Doc, when: date, context: ArticleContext = NO_CONTEXT
) -> list[Mention]:
    """Every actor mention in ``doc``, non-overlapping, in token order."""
    return DocumentPass(resolver, doc, when, context).run()
