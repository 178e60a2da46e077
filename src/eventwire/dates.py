"""Per-event dates: time expressions in the event's sentence, anchored to publication.

News dates events relative to the day it appears ("on Saturday", "yesterday"),
and scraped text often misprints explicit dates. Each event takes the time
expression nearest its evidence; when a weekday and an explicit date next to
it disagree, the weekday anchored to the publication date wins and a
``weekday_date_conflict`` flag says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc

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
MONTH_YEAR_RE = re.compile(rf"\b(?:in|since|during|by)\s+({MONTH})(?:\s+(\d{{4}}))?\b", re.I)
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


@lru_cache(maxsize=4096)
def parse_explicit(text: str, published: date | None) -> date | None:
    """Month-name dates through dateparser, preferring the past of the publication date."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if published:
        settings["RELATIVE_BASE"] = datetime.combine(
            published + timedelta(days=7), datetime.min.time()
        )
    parsed = dateparser.parse(
        re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text), languages=["en"], settings=settings
    )
    return parsed.date() if parsed else None


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


def find_time_expressions(text: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in ``text`` that can be turned into a date."""
    found: list[TimeExpression] = []
    for match in NUMERIC_RE.finditer(text):
        if value := numeric_date(match):
            found.append(
                TimeExpression(match.start(), match.end(), match.group(0), value, "day", "explicit")
            )
    for match in DAY_MONTH_RE.finditer(text):
        if value := parse_explicit(match.group(0), published):
            found.append(
                TimeExpression(match.start(), match.end(), match.group(0), value, "day", "explicit")
            )
    for match in MONTH_YEAR_RE.finditer(text):
        month = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(match.group(1)[:3].lower()))
        year = int(match.group(2)) if match.group(2) else (published.year if published else None)
        if year:
            found.append(
                TimeExpression(
                    match.start(1),
                    match.end(),
                    match.group(0),
                    date(year, month, 1),
                    "month",
                    "explicit",
                )
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
        return found
    for match in WEEKDAY_RE.finditer(text):
        value = anchor_weekday(
            WEEKDAYS.index(match.group(2).lower()), published, match.group(1) or ""
        )
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
        expressions = find_time_expressions(text, published)
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


def _distance(expression: TimeExpression, start: int, end: int) -> int:
    if expression.end <= start:
        return start - expression.end
    if expression.start >= end:
        return expression.start - end
    return 0
