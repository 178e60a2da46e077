"""Per-event dates: time expressions in the event's sentence, anchored to publication.

News dates events relative to the day it appears ("on Saturday", "yesterday"),
and scraped text often misprints explicit dates. Each event takes the time
expression nearest its evidence; when a weekday and an explicit date next to
it disagree, the weekday anchored to the publication date wins and a
``weekday_date_conflict`` flag says so.

A month, weekday or season written without a year points back from
publication, since news reports what has happened; it points forward only
when its clause marks the future ("will", "next", "is due to"). Nothing is
dated after publication unless the text says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from eventwire.evidence import evidence_head
from eventwire.model import Article, Event, Flag
from eventwire.nlp import sentences as nlp_sentences

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"

WEEKDAY_RE = re.compile(
    r"\b(?:(last|next|this|on|coming)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I
)
NUMERIC_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_MONTH_RE = re.compile(
    rf"\b(?:{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY})(?:,?\s+(?:\d{{4}}))?\b", re.I
)
MONTH_YEAR_RE = re.compile(
    rf"\b(?:(?:in|since|during|by|until|from|last|next|this|early|late)\s+|mid-)({MONTH})(?:\s+(\d{{4}}))?\b",
    re.I,
)
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SEASON_RE = re.compile(
    r"\b(?:(last|next|this|coming|in(?:\s+the)?|during(?:\s+the)?|since(?:\s+the)?)\s+)"
    r"(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b",
    re.I,
)
FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|'ll|next|upcoming|coming|(?:is|are|was|were)\s+(?:due|set|scheduled|"
    r"expected|going|planning|to)\s+(?:to\s+)?\w+|(?:plans?|aims?|intends?|hopes?)\s+to|tomorrow)\b",
    re.I,
)
FUTURE_HEADS = {"due", "set", "schedule", "expect", "plan", "intend", "go", "prepare", "aim"}
FUTURE_ALONE = {"due", "expect", "schedule"}  # "the verdict is expected on Monday"
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
YEAR_RE = re.compile(r"\b(?:in|since|during|by)\s+((?:19|20)\d{2})\b", re.I)
RELATIVE = {
    r"today|tonight|this (?:morning|afternoon|evening)|earlier today|on the same day": (0, "day"),
    r"yesterday|last night|overnight": (-1, "day"),
    r"tomorrow": (1, "day"),
    r"the day before yesterday": (-2, "day"),
    r"(?:earlier )?this week": (0, "week"),
    r"last week": (-7, "week"),
    r"next week": (7, "week"),
    r"(?:earlier )?this month": (0, "month"),
    r"last month": (-30, "month"),
}
RELATIVE_RE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in RELATIVE) + r")\b", re.I)
AGO_RE = re.compile(r"\b(\d+|two|three|four|five|six|seven)\s+(day|week)s?\s+ago\b", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
CONFLICT_WINDOW = 30  # characters between a weekday and a date that go together


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: date
    precision: str  # day | week | month | year
    basis: str  # explicit | relative


def anchor_weekday(weekday: int, published: date, qualifier: str = "") -> date:
    """The day a bare weekday means in a report published on ``published``."""
    qualifier = qualifier.lower()
    if qualifier in ("next", "coming"):
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    back = (published.weekday() - weekday) % 7
    if qualifier == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def month_number(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name[:3].lower()))


def in_direction(value: date, published: date, forward: bool, step: str = "day") -> date:
    """Move a date written without a year to the side of publication the text points to.

    ``value`` carries the publication year; backwards it must not be after
    publication, forwards not before it (a month counts from its first day).
    """
    start = published.replace(day=1) if step == "month" else published
    if forward and value < start:
        return _shift_year(value, 1)
    if not forward and value > published:
        return _shift_year(value, -1)
    return value


def _shift_year(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def parse_explicit(text: str, published: date | None, forward: bool = False) -> date | None:
    """A month-name date ("5 March", "March 5th, 2019"); without a year, the side of
    publication the text points to (the past unless ``forward``)."""
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)
    month = re.search(MONTH, text, re.I)
    year = re.search(r"\b(\d{4})\b", text)
    if not (day and month) or (year is None and published is None):
        return None
    try:
        value = date(
            int(year.group(1)) if year else published.year,
            month_number(month.group(0)),
            int(day.group(1)),
        )
    except ValueError:
        return None
    return value if year else in_direction(value, published, forward)


def numeric_date(match: re.Match[str]) -> date | None:
    try:
        if match.group(4):
            return date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        month, day = (
            (first, second) if first <= 12 else (second, first)
        )  # US order unless impossible
        return date(year, month, day)
    except ValueError:
        return None


def marks_future(text: str) -> bool:
    """Does a sentence speak of what is still to come ("will", "next", "is due to")?"""
    return bool(FUTURE_RE.search(text))


def find_time_expressions(
    text: str, published: date | None, future: Callable[[int], bool] | None = None
) -> list[TimeExpression]:
    """Every time expression in ``text`` that can be turned into a date.

    ``future(offset)`` says whether the clause holding the expression that starts at
    ``offset`` points forward; without it the whole text is asked (``marks_future``).
    """
    if future is None:
        forward_text = marks_future(text)

        def future(_offset: int) -> bool:
            return forward_text

    found: list[TimeExpression] = []
    for match in NUMERIC_RE.finditer(text):
        if value := numeric_date(match):
            found.append(
                TimeExpression(match.start(), match.end(), match.group(0), value, "day", "explicit")
            )
    for match in DAY_MONTH_RE.finditer(text):
        if value := parse_explicit(match.group(0), published, future(match.start())):
            found.append(
                TimeExpression(match.start(), match.end(), match.group(0), value, "day", "explicit")
            )
    for match in MONTH_YEAR_RE.finditer(text):
        month = month_number(match.group(1))
        if match.group(2):
            value = date(int(match.group(2)), month, 1)
        elif published:
            qualifier = match.group(0).split()[0].lower()
            forward = qualifier == "next" or (qualifier != "last" and future(match.start()))
            value = in_direction(date(published.year, month, 1), published, forward, "month")
        else:
            continue
        found.append(
            TimeExpression(match.start(1), match.end(), match.group(0), value, "month", "explicit")
        )
    for match in SEASON_RE.finditer(text):
        month = SEASONS[match.group(2).lower()]
        qualifier = (match.group(1) or "").split()[0].lower()
        if match.group(3):
            value = date(int(match.group(3)), month, 1)
        elif published:
            forward = qualifier in ("next", "coming") or (
                qualifier != "last" and future(match.start())
            )
            value = in_direction(date(published.year, month, 1), published, forward, "month")
        else:
            continue
        found.append(
            TimeExpression(match.start(), match.end(), match.group(0), value, "month", "explicit")
        )
    for match in YEAR_RE.finditer(text):
        found.append(
            TimeExpression(
                match.start(1),
                match.end(),
                match.group(1),
                date(int(match.group(1)), 1, 1),
                "year",
                "explicit",
            )
        )
    if published is None:
        return sorted(found, key=lambda e: e.start)
    for match in WEEKDAY_RE.finditer(text):
        qualifier = (match.group(1) or "").lower()
        if qualifier not in ("last", "next", "coming") and future(match.start()):
            qualifier = "next"
        value = anchor_weekday(WEEKDAYS.index(match.group(2).lower()), published, qualifier)
        start = match.start(2) if (match.group(1) or "").lower() == "on" else match.start()
        found.append(
            TimeExpression(start, match.end(), text[start : match.end()], value, "day", "relative")
        )
    for match in RELATIVE_RE.finditer(text):
        phrase = match.group(0).lower()
        offset, precision = next(v for p, v in RELATIVE.items() if re.fullmatch(p, phrase))
        value = published + timedelta(days=offset)
        found.append(
            TimeExpression(match.start(), match.end(), match.group(0), value, precision, "relative")
        )
    for match in AGO_RE.finditer(text):
        count = NUMBER_WORDS.get(match.group(1).lower()) or int(match.group(1))
        days = count * (7 if match.group(2).lower() == "week" else 1)
        precision = "week" if match.group(2).lower() == "week" else "day"
        found.append(
            TimeExpression(
                match.start(),
                match.end(),
                match.group(0),
                published - timedelta(days=days),
                precision,
                "relative",
            )
        )
    return sorted(found, key=lambda e: e.start)


def infer_publication(text: str) -> TimeExpression | None:
    """The latest full date (day or month, with its year) the text reports as past.

    An undated article is usually published soon after the last dated thing it
    reports, so that date stands in for publication. Sentences about what is to
    come ("the vote will be held on 3 May 2025") are left out.
    """
    found = [
        expression
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if not marks_future(sentence)
        for expression in find_time_expressions(sentence, None)
        if expression.precision in ("day", "month") and re.search(r"\d{4}", expression.text)
    ]
    return max(found, key=lambda e: e.value, default=None)


def weekday_conflicts(
    expressions: list[TimeExpression],
) -> list[tuple[TimeExpression, TimeExpression]]:
    """(weekday, explicit date) pairs written together whose days disagree."""
    pairs = []
    weekdays = [e for e in expressions if e.basis == "relative" and WEEKDAY_RE.fullmatch(e.text)]
    explicit = [e for e in expressions if e.basis == "explicit" and e.precision == "day"]
    for weekday in weekdays:
        for other in explicit:
            near = (
                0 <= other.start - weekday.end <= CONFLICT_WINDOW
                or 0 <= weekday.start - other.end <= CONFLICT_WINDOW
            )
            named = WEEKDAYS.index(WEEKDAY_RE.fullmatch(weekday.text).group(2).lower())
            if near and other.value.weekday() != named:
                pairs.append((weekday, other))
    return pairs


def conflict_flag(
    text: str, weekday: TimeExpression, other: TimeExpression, published: date
) -> Flag:
    start, end = min(weekday.start, other.start), max(weekday.end, other.end)
    span_text = text[start:end]
    if span_text.count("(") > span_text.count(")") and text[end : end + 1] == ")":
        span_text += ")"
    day_name = other.value.strftime("%A")
    anchor = weekday.value
    if anchor == published:
        where = f"the publication date {published.isoformat()} is a {published.strftime('%A')}"
    else:
        where = f"the {anchor.strftime('%A')} before publication ({published.isoformat()}) is {anchor.isoformat()}"
    return Flag(
        "weekday_date_conflict",
        span_text.strip(),
        f"{other.value.isoformat()} is a {day_name}; {where}",
    )


def assign_dates(events: list[Event], doc: Doc, article: Article) -> list[Flag]:
    """Date every event in place; return the article's date flags."""
    published = article.published
    flags: list[Flag] = []
    distrusted: set[tuple[int, int]] = set()
    sentence_expressions: dict[int, list[TimeExpression]] = {}
    sentences = nlp_sentences(doc)
    event_sentences = {event.sentence_index for event in events}
    doc_text = doc.text  # built once: a span's .text re-joins its tokens on every read
    for index, sentence in enumerate(sentences):
        text = doc_text[sentence.start_char : sentence.end_char]
        if index not in event_sentences and (published is None or not WEEKDAY_RE.search(text)):
            continue  # no event to date, and no weekday whose written date could disagree
        expressions = find_time_expressions(
            text, published, lambda offset, s=sentence: clause_marks_future(s, offset)
        )
        if published:
            for weekday, other in weekday_conflicts(expressions):
                flags.append(conflict_flag(text, weekday, other, published))
                distrusted.add((index, other.start))
        sentence_expressions[index] = [e for e in expressions if (index, e.start) not in distrusted]

    for event in events:
        sentence = (
            sentences[event.sentence_index] if event.sentence_index < len(sentences) else None
        )
        expressions = sentence_expressions.get(event.sentence_index, [])
        if published and sentence is not None and any(e.value > published for e in expressions):
            head = evidence_head(doc, event.span)
            ahead = head is not None and clause_marks_future(
                sentence, head.idx - sentence.start_char
            )
            if not ahead:  # "welcomed the report and called for talks next week": not next week
                expressions = [e for e in expressions if e.value <= published]
        if sentence is not None and expressions:
            offset = event.span[0] - sentence.start_char
            nearest = min(
                expressions, key=lambda e: _distance(e, offset, event.span[1] - sentence.start_char)
            )
            event.date, event.date_precision, event.date_basis = (
                nearest.value,
                nearest.precision,
                nearest.basis,
            )
        elif published:
            event.date, event.date_precision, event.date_basis = published, "day", "publication"
    return flags


def clause_marks_future(sentence: Span, offset: int) -> bool:
    """Does the clause that holds the word at ``offset`` (in the sentence) point forward?

    The time word's verb counts when it has "will"/"shall", or when it (or a verb
    it completes) is "due", "set", "expected", "scheduled", "planned" or "going"
    to happen: "said on Monday he will resign" is a past Monday.
    """
    where = sentence.start_char + offset
    token = next((t for t in sentence if t.idx + len(t) > where), None)
    if token is None:
        return False
    word, seen = token, 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 8:
        if token.lemma_.lower() in FUTURE_HEADS and token.pos_ == "ADJ":
            return True
        token, seen = token.head, seen + 1
    subjects = [c.left_edge.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "ccomp" and subjects and word.i < min(subjects) and token.head.i < word.i:
        token = token.head  # "said on Monday he will resign": the parser's misattached "on"
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
            return True
        lemma = token.lemma_.lower()
        if lemma in FUTURE_ALONE or (
            lemma in FUTURE_HEADS and any(c.dep_ == "xcomp" for c in token.children)
        ):
            return True
        if token.dep_ != "xcomp" or token.head.i == token.i:
            return False
        token = token.head
    return False


def _distance(expression: TimeExpression, start: int, end: int) -> int:
    if expression.end <= start:
        return start - expression.end
    if expression.start >= end:
        return expression.start - end
    return 0
