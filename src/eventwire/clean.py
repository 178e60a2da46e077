"""Cleaning scraped article text: header line, boilerplate, credits, glued words.

Nothing is dropped silently: every paragraph taken out lands in
``Article.removed`` and every word repair in ``Article.repairs``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.dates import infer_publication
from eventwire.errors import DocumentError
from eventwire.headers import read_header
from eventwire.language import detect_language
from eventwire.model import Article, Flag, normalise_text

UNICODE_SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)
DATELINE = re.compile(
    r"^(?P<place>(?-i:[A-Z][A-Z .'-]{1,40})),(?P<where>[^()\n]{0,40})\((?P<names>[^()]{2,40})\)"
    r"\s*[–—-]{1,2}\s+"
)
PLAIN_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:,\s*(?P<where>[A-Z][A-Za-z.' ]{1,30}))?"
    r"\s+[–—-]{1,2}\s+(?=[A-Z\"“‘'])"
)


@dataclass(frozen=True)
class BoilerplateRule:
    kind: str
    pattern: re.Pattern[str]


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    return tuple(
        BoilerplateRule(kind, re.compile(pattern, re.I))
        for kind, pattern, *_ in _data_lines("boilerplate.tsv")
    )


@lru_cache(maxsize=1)
def agency_names() -> dict[str, str]:
    """Lower-cased abbreviation -> the spelling used in credit lines."""
    return {abbr.lower(): abbr for abbr, *_ in _data_lines("agencies.tsv")}


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; single newlines inside are kept as spaces.

    No-break and other typographic spaces (common in scraped pages) become plain
    spaces, so patterns, the parser and the audit trail all see one kind of space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(UNICODE_SPACES)
    paragraphs = re.split(r"\n\s*\n", text)
    return [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in paragraphs if p.strip()]


def known_agencies(names_text: str) -> list[str] | None:
    """The agencies of a list like ``EFE, AFP and Reuters``; None if any name is not an agency."""
    names = [n.strip() for n in re.split(r"\s*[,/;&]\s*|\s+and\s+", names_text) if n.strip()]
    known = agency_names()
    if not names or any(n.lower() not in known for n in names):
        return None
    return [known[n.lower()] for n in names]


def credits_in(paragraph: str) -> list[str] | None:
    """Agencies named by a credit line such as ``DZC (EFE, AFP, Reuters)`` or ``(AP/dpa)``."""
    match = re.fullmatch(
        r"(?:[A-Za-z]{1,6}(?:/[A-Za-z]{1,6})*\s*)?\(([^()]{2,80})\)\.?", paragraph.strip()
    )
    body = match.group(1) if match else paragraph.strip()
    names = known_agencies(body)
    if names is None or (not match and len(names) < 2):
        return None  # a lone word like "Reuters" is a credit only inside brackets
    return names


def debris_rule(paragraph: str) -> tuple[BoilerplateRule, list[str]] | None:
    """The first boilerplate rule the paragraph matches, and the agencies it credits.

    A rule with a ``names`` group (agency credit lines) applies only when every
    name in it is a known agency, so "With the talks stalled" stays news.
    """
    for rule in boilerplate_rules():
        match = rule.pattern.match(paragraph)
        if not match:
            continue
        names = match.groupdict().get("names")
        if names is None:
            return rule, []
        agencies = known_agencies(names)
        if agencies:
            return rule, agencies
    return None


def split_dateline(paragraph: str) -> tuple[str, list[str], str] | None:
    """``NAIROBI, March 5 (Reuters) - Text`` or ``LAGOS, Nigeria -`` -> (the dateline, its
    agencies, its place); None otherwise.

    A dateline without an agency must name a gazetteer place in capitals, so an
    opening like "BREAKING - ..." stays in the text.
    """
    match = DATELINE.match(paragraph)
    if match:
        agencies = known_agencies(match.group("names"))
        if not agencies:
            return None
        return match.group(0).strip(), agencies, _dateline_place(match)
    match = PLAIN_DATELINE.match(paragraph)
    if match and len(match.group("place")) >= 3:
        from eventwire.places import gazetteer

        if gazetteer().lookup(match.group("place")) is not None:
            return match.group(0).strip(), [], _dateline_place(match)
    return None


def _dateline_place(match: re.Match[str]) -> str:
    """ "LAGOS, Nigeria" -> "Lagos, Nigeria"; a date after the comma is left out."""
    place = match.group("place").strip().title()
    where = (match.group("where") or "").strip()
    return f"{place}, {where}" if where and not re.search(r"\d", where) else place


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    """Is ``word`` in wordfreq's English list (words, names, demonyms and plurals seen in
    running text)? A glued pair like "Putinby" never is; "Israelis" and "Harrison" are."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") > 0


def repair_glued_words(text: str, known_names: Collection[str]) -> tuple[str, dict[str, str]]:
    """Split words where a known name runs into the next word ("Merkelby" -> "Merkel by").

    A split happens only when the glued form is neither a known name nor a word
    of wordfreq's English list ("Israelis", "Harrison" stay whole), the left part
    is a known name (or any capitalised word, if the right part is a capitalised
    function word as in "MacronIn") and the right part is an English function word.
    """
    repairs: dict[str, str] = {}

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.lower() in known_names or is_word(word):
            return word
        for cut in range(len(word) - 2, 2, -1):
            left, right = word[:cut], word[cut:]
            if right.lower() not in STOP_WORDS or len(right) < 2:
                continue
            camel = right[0].isupper() and left[-1].islower()
            if left.lower() in known_names and (camel or right.islower()):
                repairs[word] = f"{left} {right}"
                return repairs[word]
            if camel and right[1:].islower() and len(left) >= 3:
                repairs[word] = f"{left} {right}"
                return repairs[word]
        return word

    repaired = re.sub(r"\b[A-Z][a-z]+[A-Za-z]+\b", fix, text)
    return repaired, repairs


def date_from_text(text: str) -> tuple[date | None, str, Flag]:
    """An undated article's date from its text, or none; a flag says which.

    Without a date, relative dates stay unresolved and titles resolve to today's
    office holders, which a reader must know.
    """
    inferred = infer_publication(text)
    if inferred is None:
        detail = (
            "no publication date in the header or the text: relative dates are not resolved and "
            f"titles resolve to office holders as of today ({date.today().isoformat()}); "
            "give the date with --date"
        )
        return None, "", Flag("undated", "", detail)
    detail = (
        f"no publication date given; the latest date the text reports, {inferred.value}, stands in"
    )
    return inferred.value, "inferred", Flag("date_inferred", inferred.text, detail)


def clean_article(article: Article, known_names: Collection[str] = frozenset()) -> Article:
    """Return the article with its header parsed, debris removed and glued words repaired."""
    header = read_header(article.text, article.title)
    paragraphs = split_paragraphs(header.body)
    if not paragraphs:
        raise DocumentError(article.source or article.id, "empty article: no text")
    title = article.title or header.title
    outlet = article.outlet or header.outlet
    url = article.url or header.url
    published, basis = article.published, article.published_basis
    if header.published and (basis in ("", "option") or header.basis == "header"):
        published, basis = header.published, header.basis
    if header.basis == "header" and header.title:
        title, outlet = header.title, header.outlet or outlet

    if paragraphs and title and normalise_text(paragraphs[0]) == normalise_text(title):
        paragraphs = paragraphs[1:]  # the page repeats its headline above the text

    body: list[str] = []
    removed = list(article.removed) + header.lines
    credits = list(article.credits)
    credits += [a for a in known_agencies(header.byline) or [] if a not in credits]
    dateline_place = ""
    for paragraph in paragraphs:
        if not body and not dateline_place and (dateline := split_dateline(paragraph)):
            prefix, agencies, dateline_place = dateline
            removed.append(prefix)
            credits += [a for a in agencies if a not in credits]
            paragraph = paragraph[len(prefix) :].strip()
        agencies = credits_in(paragraph)
        if agencies:
            credits += [a for a in agencies if a not in credits]
            continue
        debris = debris_rule(paragraph)
        if debris:
            removed.append(paragraph)
            credits += [a for a in debris[1] if a not in credits]
            continue
        body.append(paragraph)

    if not body:
        raise DocumentError(
            article.source or article.id, "no article text left after removing boilerplate"
        )
    text, repairs = repair_glued_words("\n\n".join(body), known_names)
    language = detect_language(text)
    if language != "en":
        raise DocumentError(
            article.source or article.id,
            f"article is not in English (detected language: {language})",
        )
    flags = list(article.flags)
    if published is None:
        published, basis, flag = date_from_text(text)
        flags.append(flag)
    cleaned = Article(
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        published_basis=basis,
        credits=credits,
        dateline=dateline_place,
        language=language,
        removed=removed,
        repairs={**article.repairs, **repairs},
        flags=flags,
        source=article.source,
        duplicate_of=article.duplicate_of,
    )
    return cleaned
