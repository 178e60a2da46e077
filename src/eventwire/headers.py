"""The header of a plain-text article: a title line and the metadata lines under it.

People save articles as ``Title`` then ``Published: 2005-01-12``, ``By Jane Doe``,
``Source: ...``, ``URL: ...`` in any order, with or without blank lines between
them, before the body. A header line that runs into the title would put the
date in the headline and leave the article undated, so the header is read line
by line before the text is split into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

DASH = r"\s+[–—-]\s+"
TITLE_LINE = re.compile(
    rf"^(?P<title>.+?){DASH}(?P<outlet>[^–—]{{1,60}}?){DASH}(?P<date>[\d/.-]{{8,10}})$"
)
META_LINE = re.compile(
    r"^(?P<key>published(?:\s+on)?|date|posted(?:\s+on)?|updated|first\s+published|source|"
    r"outlet|publisher|url|link)\s*:\s*(?P<value>\S.*)$",
    re.I,
)
BYLINE = re.compile(r"^[Bb][Yy]:?\s+(?P<value>[A-Z][^.!?]{1,80})$")
NUMERIC_DATES = (
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("month", "day", "year")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$"), ("year", "month", "day")),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), ("day", "month", "year")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("year", "month", "day")),
)  # fmt: skip
WRITTEN_DATE = re.compile(r"[A-Za-z]{3,}.*\d{4}|\d{4}.*[A-Za-z]{3,}")
DATE_KEYS = ("published", "date", "posted", "first published", "updated")
MAX_TITLE_CHARS = 250
MAX_HEADER_LINES = 8


@dataclass
class Header:
    """What the top lines of a text say about the article, and where its body starts."""

    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    basis: str = ""  # header (Title – Outlet – date) | published_line
    byline: str = ""
    lines: list[str] = field(default_factory=list)  # metadata lines read, for the audit trail
    body: str = ""


def parse_header_date(text: str) -> date | None:
    """An ISO, numeric (US month first unless impossible) or written date with a year."""
    text = text.strip().rstrip(".")
    for pattern, order in NUMERIC_DATES:
        if match := pattern.match(text):
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            if order[0] == "month" and parts["month"] > 12:
                parts["month"], parts["day"] = parts["day"], parts["month"]
            try:
                return date(parts["year"], parts["month"], parts["day"])
            except ValueError:
                return None
    if not WRITTEN_DATE.search(text):
        return None
    import dateparser

    parsed = dateparser.parse(
        re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text),
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if isinstance(parsed, datetime):
        return parsed.date()
    return None


def read_header(text: str, known_title: str = "") -> Header:
    """Split ``text`` into its header (title and metadata lines) and its body.

    With ``known_title`` (from HTML or a feed) the first line is a title only when
    it repeats it; otherwise the first short line without a full stop is the title,
    as long as a body follows it.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = Header()
    index = _skip_blank(lines, 0)
    match = TITLE_LINE.match(lines[index].strip()) if index < len(lines) else None
    if match and (published := parse_header_date(match.group("date"))):
        header.title, header.outlet = (
            match.group("title").strip(),
            match.group("outlet").strip(),
        )
        header.published, header.basis = published, "header"
        index += 1
    if not header.title and index < len(lines):
        first = lines[index].strip()
        looks_like_title = (
            len(first) <= MAX_TITLE_CHARS and not first.endswith(".") and not META_LINE.match(first)
        )
        if known_title:
            looks_like_title = _same(first, known_title)
        if looks_like_title and _has_body_after(lines, index + 1):
            header.title = first
            index += 1
    read = 0
    while read < MAX_HEADER_LINES:
        nxt = _skip_blank(lines, index)
        if nxt >= len(lines) or not _read_meta(lines[nxt].strip(), header):
            break
        header.lines.append(lines[nxt].strip())
        index, read = nxt + 1, read + 1
    if header.basis == "updated":
        header.basis = "published_line"  # only an update time was given: the best we have
    header.body = "\n".join(lines[index:])
    return header


def _read_meta(line: str, header: Header) -> bool:
    """Take one metadata line into ``header``; False when the line is not one."""
    if byline := BYLINE.match(line):
        header.byline = header.byline or byline.group("value").strip()
        return True
    match = META_LINE.match(line)
    if not match:
        return False
    key = re.sub(r"\s+on$", "", re.sub(r"\s+", " ", match.group("key").lower()))
    value = match.group("value").strip()
    if key in DATE_KEYS:
        published = parse_header_date(value)
        if published is None:
            return False  # "Date: to be confirmed" is body text, not a header
        if header.published is None or (key != "updated" and header.basis == "updated"):
            header.published = published
            header.basis = "updated" if key == "updated" else "published_line"
    elif key in ("url", "link"):
        header.url = header.url or value
    else:
        header.outlet = header.outlet or value
    return True


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _has_body_after(lines: list[str], index: int) -> bool:
    return any(line.strip() and not META_LINE.match(line.strip()) for line in lines[index:])


def _same(first: str, second: str) -> bool:
    return re.sub(r"\W+", " ", first).strip().lower() == re.sub(r"\W+", " ", second).strip().lower()
